// The mentions engine's side of the pending rows (renderer/db/pendingMentions.ts): a large
// re-scan writes its changed page rows as a few pending rows (one per chunk it writes) instead
// of a put or delete per page, and `fold` writes them into the page rows afterwards, in the
// background, oldest first, each pending row's pages and its deletion in one transaction.
// The engine is the only writer of both tables, so it keeps the merged view in memory and reads
// through it; the window's readers read the pending rows with the page rows.
import type { CasefileDb } from '../db/db';
import type { PageMentionsRow, PendingMentionsRow } from '../db/mentionTypes';
import { PendingOverlay, foldWrites } from '../db/pendingMentions';
import type { PageKey } from '../db/pendingMentions';
import type { StoredPages } from './storedPages';

/**
 * A re-scan of this many pages or more writes pending rows. Below it the page rows are written
 * directly (a fold would write them all the same, later): a titled alias touches a handful.
 */
export const PENDING_MIN_PAGES = 400;

export class PendingPages {
  private overlay = new PendingOverlay();
  private readonly rows = new Map<number, PendingMentionsRow>();

  constructor(private readonly db: CasefileDb, private readonly stored: StoredPages, private readonly minPages = PENDING_MIN_PAGES) {}

  /** Reads the pending rows a previous session (or a crash) left; the next fold writes them in. */
  async load(): Promise<void> {
    const rows = await this.db.pendingMentions.toArray();
    this.overlay = PendingOverlay.of(rows);
    this.rows.clear();
    for (const row of rows) {
      this.rows.set(row.id, row);
      this.stored.addRows(row.rows.filter((r): r is PageMentionsRow => r !== null));
    }
  }

  get view(): PendingOverlay { return this.overlay; }
  get empty(): boolean { return this.overlay.empty; }

  /** Whether a re-scan of `pages` pages writes pending rows (always while any is pending: a page row written directly under one would be hidden by it). */
  wanted(pages: number): boolean { return pages >= this.minPages || !this.overlay.empty; }

  /**
   * One chunk's changed rows as one pending row. The merged view has it at once (the engine's
   * next reads see it); the page rows learn of it when it is folded.
   */
  write(put: readonly PageMentionsRow[], remove: readonly PageKey[]): Promise<void> {
    const row: PendingMentionsRow = { id: this.overlay.nextId,
      keys: [...remove, ...put.map((r): PageKey => [r.documentId, r.page])], rows: [...remove.map(() => null), ...put] };
    this.overlay.add(row);
    this.rows.set(row.id, row);
    this.stored.addRows(put);
    return this.db.transaction('rw', this.db.pendingMentions, () => this.db.pendingMentions.add(row)).then(() => undefined);
  }

  /**
   * Folds the pending rows into the page rows, oldest first, one transaction each (its pages
   * written, itself deleted), yielding between them; stops before the next one when `stop()`
   * says a sync is waiting. Returns whether none is left.
   */
  async fold(stop: () => boolean, yieldNow: () => Promise<void>): Promise<boolean> {
    while (!this.overlay.empty && !stop()) {
      await this.foldOldest();
      await yieldNow();
    }
    return this.overlay.empty;
  }

  /** Folds every pending row now (before a write to the page rows that a pending row could hide). */
  async foldAll(): Promise<void> {
    while (!this.overlay.empty) await this.foldOldest();
  }

  private async foldOldest(): Promise<void> {
    const db = this.db;
    const row = this.rows.get(this.overlay.ids[0]!)!;
    const { put, remove } = foldWrites(row);
    await db.transaction('rw', db.pageMentions, db.pendingMentions, async () => {
      if (remove.length) await db.pageMentions.bulkDelete(remove);
      if (put.length) await db.pageMentions.bulkPut(put);
      await db.pendingMentions.delete(row.id);
    });
    this.overlay.folded(row);
    this.rows.delete(row.id);
    // A page deleted here may have a row again in a newer pending row (kept in StoredPages by its write).
    for (const [documentId, page] of remove) if (!this.overlay.get(documentId, page)) this.stored.delete(documentId, page);
  }
}
