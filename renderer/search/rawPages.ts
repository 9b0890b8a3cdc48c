/**
 * Page rows read with raw IndexedDB on an open connection: one read-only transaction for all
 * keys, as Dexie's bulkGet, without Dexie's promise and transaction layers (a query reads its
 * 20 hits' page texts; in the worker those layers were ~10% of the read, the native
 * transaction and requests the rest: docs/benchmarks-search.md, session 9). The rows
 * are the stored objects as Dexie returns them: the pages table has no hooks or mapped class.
 * Imports nothing: the search worker's first chunk uses it before Dexie is loaded.
 */
import type { PageRow } from '../db/derive';
import type { PageKey } from './runQuery';

/**
 * Rejects (the caller falls back to Dexie) when the connection is closed or the read fails.
 * `onRow` is told each row as it arrives (the rows of one transaction come one by one): a
 * query makes a hit's snippet then, while the later rows are still being read.
 */
export function readPagesRaw(idb: IDBDatabase, keys: readonly PageKey[], onRow?: (index: number, row: PageRow | undefined) => void):
  Promise<(PageRow | undefined)[]> {
  return new Promise((resolve, reject) => {
    const out: (PageRow | undefined)[] = new Array(keys.length);
    if (keys.length === 0) { resolve(out); return; }
    const store = idb.transaction('pages', 'readonly').objectStore('pages');
    let left = keys.length;
    keys.forEach((k, i) => {
      const request = store.get([k.documentId, k.page]);
      request.onsuccess = () => {
        out[i] = request.result as PageRow | undefined;
        // A throw here would abort the read: the hit is then made from the whole read, which throws again there.
        try { onRow?.(i, out[i]); } catch { /* see above */ }
        if (--left === 0) resolve(out);
      };
      request.onerror = () => reject(request.error ?? new Error('reading page rows failed'));
    });
  });
}
