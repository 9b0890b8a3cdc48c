// The reference for the search bench's "start → first answer" (scripts/bench-search.mjs): a
// bare page in a newly started browser opens the app's database with raw IndexedDB (no
// version, so no upgrade) and reads what the search worker reads before it can answer
// (renderer/search/indexer.ts `load`): the catalog row, the stored segment ids, then every
// segment row one at a time, as the worker does. Nothing is decoded. Imports nothing, so its
// script starts as early as a page's can; every time is performance.now() (0 = navigation).
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

const CATALOG_ROW_ID = '~catalog';

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function sizeOf(row: { json?: string; header?: string; data?: ArrayBuffer; positions?: Blob } | undefined): number {
  if (!row) return 0;
  return (row.json?.length ?? 0) + (row.header?.length ?? 0) + (row.data?.byteLength ?? 0) + (row.positions?.size ?? 0);
}

window.__segmentsRead = (async () => {
  const scriptStart = performance.now();
  const open = indexedDB.open('casefile');
  const db = await done(open);
  const openedAt = performance.now();
  const store = (name: string) => db.transaction(name, 'readonly').objectStore(name);
  let bytes = sizeOf(await done(store('searchSegments').get(CATALOG_ROW_ID)));
  const ids = (await done(store('searchSegments').getAllKeys())).filter((id) => id !== CATALOG_ROW_ID);
  for (const id of ids) bytes += sizeOf(await done(store('searchSegments').get(id)));
  const doneAt = performance.now();
  db.close();
  return { scriptStart, openedAt, doneAt, rows: ids.length, bytes };
})();
