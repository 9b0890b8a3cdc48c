// Which pages have a stored mention row, kept by the engine so that a name edit's re-scan
// reads only the rows that exist. Most pages a new name is found on named no one before
// (at 100,000 pages, under 5% of the pages a stress edit re-scans had a row), and a read of a
// missing key costs IndexedDB a request like any other: a tenth of an edit went on them.
// It may hold pages whose row is gone (a superset is only a wasted read): the engine is the
// only writer of page rows and adds every page it puts; rows deleted elsewhere are harmless.
// Until `load` has read the stored keys it knows nothing, and every page may have a row.
import type { CasefileDb } from '../db/db';
import type { PageKey } from './pageScan';

export class StoredPages {
  private readonly byDocument = new Map<string, Set<number>>();
  private known = false;

  /** Reads the keys of every stored page row (one request; the engine's load). */
  async load(db: CasefileDb): Promise<void> {
    this.byDocument.clear();
    for (const [documentId, page] of await db.pageMentions.toCollection().primaryKeys()) this.add(documentId, page);
    this.known = true;
  }

  add(documentId: string, page: number): void {
    let pages = this.byDocument.get(documentId);
    if (!pages) this.byDocument.set(documentId, (pages = new Set()));
    pages.add(page);
  }

  addRows(rows: Iterable<{ documentId: string; page: number }>): void {
    for (const r of rows) this.add(r.documentId, r.page);
  }

  /** Forgets a page whose row was deleted (only once the deletion is committed). */
  delete(documentId: string, page: number): void {
    this.byDocument.get(documentId)?.delete(page);
  }

  /** Forgets a document's pages (its rows were deleted with it). */
  dropDocument(documentId: string): void {
    this.byDocument.delete(documentId);
  }

  /** Whether the page may have a stored row. */
  mayHave(documentId: string, page: number): boolean {
    return !this.known || (this.byDocument.get(documentId)?.has(page) ?? false);
  }

  /** The keys of `keys` that may have a stored row. */
  filter(keys: readonly PageKey[]): PageKey[] {
    return this.known ? keys.filter(([documentId, page]) => this.mayHave(documentId, page)) : [...keys];
  }
}
