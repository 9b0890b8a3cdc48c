// Reading a re-scan's pages (scanner.ts rescanText) in few requests. IndexedDB costs about the
// same per request whatever it returns (docs/benchmarks.md, sessions 13 and 14), and a name
// edit's pages come in runs: a word that is on a page of a document is usually on its
// neighbours too (the stress edit's 3,694 pages lie in 153 documents). So the pages of one
// document are read by one key range from the first to the last wanted, when the range holds
// at most twice as many pages as are wanted; a document's scattered pages are read one by one.
// The pages between the wanted ones are read and dropped. Must be called inside a transaction
// over `db.pages` (the caller's, so that the reads go together).
import type { CasefileDb } from '../db/db';
import type { PageRow } from '../db/derive';
import type { PageKey } from './pageScan';

/** A range is read when it holds at most this many pages for each wanted one. */
export const RANGE_SPREAD = 2;

/** The page rows of `keys`, in their order (undefined: no such page). */
export async function readPageRows(db: CasefileDb, keys: readonly PageKey[]): Promise<(PageRow | undefined)[]> {
  const byDocument = new Map<string, { first: number; last: number; count: number }>();
  for (const [documentId, page] of keys) {
    const d = byDocument.get(documentId);
    if (!d) byDocument.set(documentId, { first: page, last: page, count: 1 });
    else { d.first = Math.min(d.first, page); d.last = Math.max(d.last, page); d.count++; }
  }
  const ranged = [...byDocument].filter(([, d]) => d.count > 1 && d.last - d.first + 1 <= d.count * RANGE_SPREAD);
  if (!ranged.length) return db.pages.bulkGet(keys.slice());
  const inRange = new Set(ranged.map(([id]) => id));
  const single = keys.filter(([documentId]) => !inRange.has(documentId));
  const [ranges, singles] = await Promise.all([
    Promise.all(ranged.map(([id, d]) => db.pages.where('[documentId+page]').between([id, d.first], [id, d.last], true, true).toArray())),
    single.length ? db.pages.bulkGet(single.slice()) : Promise.resolve([] as (PageRow | undefined)[]),
  ]);
  const found = new Map<string, PageRow>();
  for (const rows of ranges) for (const row of rows) found.set(`${row.documentId}\u0000${row.page}`, row);
  for (const row of singles) if (row) found.set(`${row.documentId}\u0000${row.page}`, row);
  return keys.map(([documentId, page]) => found.get(`${documentId}\u0000${page}`));
}
