// A name edit's changed page rows, written as a few large rows (`pendingMentions`, version 13)
// instead of one request per page, and merged over the page rows (`pageMentions`) by every
// reader until the mentions worker folds them in. IndexedDB costs ~0.1–0.4 ms a request
// whatever a row holds: a name on 3,590 pages put one row a page cost 545–1,464 ms in a probe,
// the same rows as 18 pending rows 20–53 ms (docs/benchmarks.md, session 14).
//
// The rules that keep this exact:
//  - a pending row holds, for each of its pages, the page's whole new row (null: no one named);
//  - a higher id is newer: for a page in several pending rows, the highest id's row stands;
//  - a page in no pending row is what `pageMentions` holds;
//  - a fold writes one pending row's pages into `pageMentions` and deletes that pending row in one
//    transaction, oldest first, so a crash leaves either both or neither;
//  - a reader reads the page rows and the pending rows in one transaction.
// Pure: no Dexie (renderer/db/mentions.ts reads, renderer/mentions/pendingWrites.ts writes).
import type { PageMentionsRow, PendingMentionsRow } from './mentionTypes';

export type PageKey = [string, number];

/** IndexedDB's order of `[documentId, page]` keys: strings by code unit, then numbers. */
export const compareKeys = (a: PageKey, b: PageKey): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];

const keyString = (documentId: string, page: number) => `${documentId}\u0000${page}`;

interface Entry { key: PageKey; row: PageMentionsRow | null; id: number }

/** The pending rows merged: each page's newest pending row (or null), and which pending rows exist. */
export class PendingOverlay {
  private readonly byKey = new Map<string, Entry>();
  private readonly documents = new Map<string, number>();
  private readonly idList: number[] = [];

  static of(rows: readonly PendingMentionsRow[]): PendingOverlay {
    const overlay = new PendingOverlay();
    for (const row of [...rows].sort((a, b) => a.id - b.id)) overlay.add(row);
    return overlay;
  }

  /** Adds a pending row, which must be newer than every row already added. */
  add(pending: PendingMentionsRow): void {
    const last = this.idList[this.idList.length - 1];
    if (last !== undefined && pending.id <= last) throw new Error(`pending mentions ${pending.id} is not newer than ${last}`);
    this.idList.push(pending.id);
    pending.keys.forEach((key, i) => {
      const k = keyString(key[0], key[1]);
      if (!this.byKey.has(k)) this.documents.set(key[0], (this.documents.get(key[0]) ?? 0) + 1);
      this.byKey.set(k, { key, row: pending.rows[i] ?? null, id: pending.id });
    });
  }

  /**
   * Forgets a folded pending row (its pages are in `pageMentions` now): its pages that no newer
   * pending row holds are read from the page rows again.
   */
  folded(pending: PendingMentionsRow): void {
    this.idList.splice(this.idList.indexOf(pending.id), 1);
    for (const key of pending.keys) {
      const k = keyString(key[0], key[1]);
      if (this.byKey.get(k)?.id !== pending.id) continue;
      this.byKey.delete(k);
      const n = (this.documents.get(key[0]) ?? 1) - 1;
      if (n) this.documents.set(key[0], n); else this.documents.delete(key[0]);
    }
  }

  get empty(): boolean { return this.idList.length === 0; }
  /** The ids of the pending rows, oldest first. */
  get ids(): readonly number[] { return this.idList; }
  /** The id the next pending row takes. */
  get nextId(): number { return (this.idList[this.idList.length - 1] ?? 0) + 1; }
  /** How many pages the pending rows hold. */
  get pages(): number { return this.byKey.size; }

  /** Whether a pending row holds the page. */
  has(documentId: string, page: number): boolean { return this.byKey.has(keyString(documentId, page)); }
  /** The page's pending row: a row, null (no one named), or undefined when no pending row holds it. */
  get(documentId: string, page: number): PageMentionsRow | null | undefined {
    const e = this.byKey.get(keyString(documentId, page));
    return e ? e.row : undefined;
  }
  /** Whether a pending row holds a page of the document. */
  touchesDocument(documentId: string): boolean { return this.documents.has(documentId); }

  /**
   * The page rows a reader sees: `base` (rows read from `pageMentions`, all those meeting
   * `wanted`, in any order) with every page a pending row holds taken from it instead, kept only
   * when it meets `wanted`. Sorted by key, as an index range gives them.
   */
  mergeRows(base: readonly PageMentionsRow[], wanted: (row: PageMentionsRow) => boolean): PageMentionsRow[] {
    if (this.empty) return [...base];
    const out = base.filter((r) => !this.byKey.has(keyString(r.documentId, r.page)));
    for (const e of this.byKey.values()) if (e.row && wanted(e.row)) out.push(e.row);
    return out.sort((a, b) => compareKeys([a.documentId, a.page], [b.documentId, b.page]));
  }

  /** The keys of the pages naming the actor: `base` (from the actor index) merged as `mergeRows` merges rows. */
  mergeActorKeys(base: readonly PageKey[], actorId: string): PageKey[] {
    if (this.empty) return [...base];
    const out = base.filter(([d, p]) => !this.byKey.has(keyString(d, p)));
    for (const e of this.byKey.values()) if (e.row?.actorIds.includes(actorId)) out.push(e.key);
    return out.sort(compareKeys);
  }
}

/** A fold's writes for one pending row: the rows to put and the pages to delete. */
export function foldWrites(pending: PendingMentionsRow): { put: PageMentionsRow[]; remove: PageKey[] } {
  const put: PageMentionsRow[] = [];
  const remove: PageKey[] = [];
  pending.keys.forEach((key, i) => {
    const row = pending.rows[i];
    if (row) put.push(row); else remove.push(key);
  });
  return { put, remove };
}
