// The reference for the search bench's "start → first answer" (scripts/bench-search.mjs): a
// bare page in a newly started browser reads what the search worker reads before it can answer,
// with the worker's own raw reader (renderer/search/startupRead.ts `readStartupRows`, which
// imports nothing): one raw IndexedDB open, the catalog row and the segment keys together,
// then every segment row requested at once, in the worker's order. Nothing is decoded. Its
// script starts as early as a page's can; every time is performance.now() (0 = navigation).
import { readStartupRows, startupReadOrder } from '../../renderer/search/startupRead';

export interface SegmentsReadReference {
  scriptStart: number;
  openedAt: number;
  doneAt: number;
  rows: number;
  bytes: number;
}

declare global {
  interface Window {
    __segmentsRead: Promise<SegmentsReadReference>;
  }
}

type Row = { json?: string; header?: string; data?: ArrayBuffer; positions?: Blob } | undefined;

function sizeOf(row: Row): number {
  if (!row) return 0;
  return (row.json?.length ?? 0) + (row.header?.length ?? 0) + (row.data?.byteLength ?? 0) + (row.positions?.size ?? 0);
}

window.__segmentsRead = (async () => {
  const scriptStart = performance.now();
  const rows = await readStartupRows<Row>(indexedDB, 'casefile', 'searchSegments', '~catalog', Number.MAX_SAFE_INTEGER);
  if (!rows) throw new Error('no search index stored in this profile');
  const openedAt = performance.now();
  const [catalog, keys] = await Promise.all([rows.catalog, rows.ids]);
  let bytes = sizeOf(catalog);
  const ids = startupReadOrder(keys);
  for (const id of ids) bytes += sizeOf(await rows.row(id));
  const doneAt = performance.now();
  return { scriptStart, openedAt, doneAt, rows: ids.length, bytes };
})();
