// The reference for the search bench's "start → first answer" (scripts/bench-search.mjs): a
// bare page in a newly started browser opens the app's database with raw IndexedDB (no
// version, so no upgrade) and reads what the search worker reads before it can answer
// (renderer/search/indexer.ts `load`), the same way: the catalog row and the stored segment
// ids together, then every segment row in the worker's order with as many reads in flight
// (renderer/search/startupRead.ts, which imports nothing), all received on the page's one
// thread (the worker receives every other row on a second one: ?readers=2 below). Nothing is
// decoded. Its script starts as early as a page's can; every time is performance.now() (0 = navigation).
import { STARTUP_READ_AHEAD, readRowsAhead, startupReadOrder } from '../../renderer/search/startupRead';
import { readRowsShared } from '../../renderer/workers/rowReader';
import type { RowReaderPort } from '../../renderer/workers/rowReader';

export interface SegmentsReadReference {
  scriptStart: number;
  openedAt: number;
  doneAt: number;
  rows: number;
  bytes: number;
  /** Rows in flight at once (the worker's read-ahead). */
  ahead: number;
}

declare global {
  interface Window {
    __segmentsRead: Promise<SegmentsReadReference>;
  }
}

const CATALOG_ROW_ID = '~catalog';
type Row = { json?: string; header?: string; data?: ArrayBuffer; positions?: Blob } | undefined;

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function sizeOf(row: Row): number {
  if (!row) return 0;
  return (row.json?.length ?? 0) + (row.header?.length ?? 0) + (row.data?.byteLength ?? 0) + (row.positions?.size ?? 0);
}

// ?readers=2 receives every other row on a second thread, split by the search worker's own
// code (its row reader, renderer/workers/rowReader.ts), so the reference reads as the worker
// does; the bench prints the first answer against both reads (docs/benchmarks-search.md,
// sessions 13 and 14).
const params = new URLSearchParams(location.search);
const reader = params.get('readers') === '2'
  ? new Worker(new URL('../../renderer/workers/segmentRows.worker.ts', import.meta.url), { type: 'module' }) as RowReaderPort
  : null;

window.__segmentsRead = (async () => {
  const scriptStart = performance.now();
  const open = indexedDB.open('casefile');
  const db = await done(open);
  const openedAt = performance.now();
  // One transaction per request, as Dexie's table.get outside a transaction does.
  const store = (name: string) => db.transaction(name, 'readonly').objectStore(name);
  const [catalog, keys] = await Promise.all([
    done(store('searchSegments').get(CATALOG_ROW_ID)) as Promise<Row>,
    done(store('searchSegments').getAllKeys()),
  ]);
  let bytes = sizeOf(catalog);
  const ids = startupReadOrder((keys as string[]).filter((id) => id !== CATALOG_ROW_ID));
  // ?ahead=N tries another read-ahead than the worker's (to choose it); the bench never sets it.
  const ahead = Number(params.get('ahead') ?? STARTUP_READ_AHEAD);
  const read = (id: string) => done(store('searchSegments').get(id)) as Promise<Row>;
  if (reader) {
    const rows = readRowsShared(ids, read, reader, ahead / 2, 24);
    for (const id of ids) bytes += sizeOf(await rows.take(id));
  } else {
    await readRowsAhead(ids, read, (row) => { bytes += sizeOf(row); }, ahead);
  }
  const doneAt = performance.now();
  db.close();
  return { scriptStart, openedAt, doneAt, rows: ids.length, bytes, ahead };
})();
