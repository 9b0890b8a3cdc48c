// Scanning pages for the mentions engine (engine.ts): whole documents, several small ones to a
// transaction, and re-scans after a name change that write only the rows that changed.
import Dexie from 'dexie';
import { FILTER_CONTEXT_VERSION, WORD_FILTER_BYTES } from '../../shared/mentions';
import type { NameTrie } from '../../shared/mentions';
import type { CasefileDb } from '../db/db';
import type { MentionDocRow, PageMentionsRow } from '../db/mentionTypes';
import { documentPages } from '../db/mentions';
import { diffPages, matchPages, rematchPages, timed } from './pageScan';
import type { PageFilter, SplicePlan } from './splice';
import { droppedRow, filterOffset, othersAbsent } from './dropName';
import type { DropPlan } from './dropName';
import type { StoredPages } from './storedPages';
import type { PendingPages } from './pendingPages';
import type { PageKey, SyncTimings } from './pageScan';

export type { PageKey } from './pageScan';
export interface FreshDocument { id: string; version: number; pages: number }

export interface ScanContext {
  readonly db: CasefileDb;
  readonly trie: NameTrie;
  /** Documents scanned so far; the scanner adds each one as it finishes. */
  readonly docs: Map<string, MentionDocRow>;
  /** The pages with a stored row; the scanner adds every row it writes and drops what it deletes once committed. */
  readonly stored: StoredPages;
  /** A large re-scan's changed rows, written as a few pending rows and folded in later (pendingPages.ts). */
  readonly pending: PendingPages;
  /** Pages per transaction. */
  readonly chunk: number;
  readonly onProgress?: (progress: { done: number; total: number }) => void;
  /** Between chunks: gives IndexedDB and the CPU back to the window, counted as paused time. */
  readonly pause: (t: SyncTimings) => Promise<void>;
}

/** The stored page rows of a document (renderer/db/mentions.ts). */
export const documentRange = documentPages;

/**
 * A read or write not awaited because an error or an interruption ended a loop must not
 * surface as an unhandled rejection (the error that ended it is the one reported).
 */
const settle = (p: Promise<unknown> | null): void => { void p?.catch(() => undefined); };

export class DocumentScanner {
  /** Long documents whose scan started in this session and has not finished (their rows may be partial). */
  private readonly partial = new Set<string>();

  constructor(private readonly ctx: ScanContext) {}

  /** A scanned page's word filter (null when its document has none for it). */
  private readonly filterOf = (documentId: string, page: number): PageFilter | null => {
    const doc = this.ctx.docs.get(documentId);
    const offset = doc ? filterOffset(doc, page) : -1;
    return offset < 0 ? null : { filters: doc!.filters, offset };
  };

  /**
   * Scans new or re-extracted documents whole. Small documents go several to a chunk of about
   * `chunk` pages: one read transaction (a key range per document), one write transaction
   * (earlier rows cleared, new rows and the documents' word filters put), then a yield. A
   * document longer than a chunk is read in chunks of its pages.
   */
  async scanDocuments(fresh: readonly FreshDocument[], touched: Set<string>, t: SyncTimings): Promise<void> {
    const total = fresh.reduce((n, d) => n + d.pages, 0);
    let done = 0;
    let batch: FreshDocument[] = [];
    let batchPages = 0;
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      await this.scanBatch(batch, touched, t);
      done += batchPages;
      batch = [];
      batchPages = 0;
      this.ctx.onProgress?.({ done, total });
      await this.ctx.pause(t);
    };
    for (const doc of fresh) {
      if (doc.pages > this.ctx.chunk) {
        await flush();
        await this.scanLongDocument(doc, touched, t, (n) => { done += n; this.ctx.onProgress?.({ done, total }); });
        continue;
      }
      batch.push(doc);
      batchPages += Math.max(1, doc.pages);
      if (batchPages >= this.ctx.chunk) await flush();
    }
    await flush();
  }

  /** Before page rows of these documents are written directly, pending rows holding their pages are folded in. */
  private async foldFor(documentIds: readonly string[], t: SyncTimings): Promise<void> {
    const view = this.ctx.pending.view;
    if (documentIds.some((id) => view.touchesDocument(id))) await timed(t, 'writeMs', () => this.ctx.pending.foldAll());
  }

  private async scanBatch(batch: readonly FreshDocument[], touched: Set<string>, t: SyncTimings): Promise<void> {
    const db = this.ctx.db;
    await this.foldFor(batch.map((d) => d.id), t);
    const pages = await timed(t, 'readMs', () => db.transaction('r', db.pages, () =>
      Promise.all(batch.map((d) => db.pages.where('[documentId+page]').between([d.id, Dexie.minKey], [d.id, Dexie.maxKey]).toArray()))));
    const matched = await timed(t, 'matchMs', () => pages.map((rows) => matchPages(this.ctx.trie, rows)));
    const docRows = batch.map((d, i): MentionDocRow => ({ documentId: d.id, version: d.version, pages: pages[i]!.map((r) => r.page), filters: matched[i]!.filters, context: FILTER_CONTEXT_VERSION }));
    const rows = matched.flatMap((m) => m.rows);
    await timed(t, 'writeMs', () => db.transaction('rw', db.pageMentions, db.mentionDocs, async () => {
      // Rows of an earlier scan (re-extracted, or a scan cut short): an empty range costs a seek.
      for (const d of batch) {
        const range = documentRange(db, d.id);
        if (this.ctx.docs.has(d.id) || this.partial.has(d.id)) for (const row of await range.toArray()) for (const id of row.actorIds) touched.add(id);
        await range.delete();
      }
      this.ctx.stored.addRows(rows);
      await db.pageMentions.bulkPut(rows);
      await db.mentionDocs.bulkPut(docRows);
    }));
    t.rowsWritten += rows.length;
    for (const r of rows) for (const id of r.actorIds) touched.add(id);
    for (const row of docRows) { this.ctx.docs.set(row.documentId, row); this.partial.delete(row.documentId); }
  }

  private async scanLongDocument(doc: FreshDocument, touched: Set<string>, t: SyncTimings, progress: (pages: number) => void): Promise<void> {
    const db = this.ctx.db;
    const pages: number[] = [];
    const filters: Uint8Array[] = [];
    this.partial.add(doc.id);
    await this.foldFor([doc.id], t);
    // Rows of an earlier scan go in the first chunk's write (or alone if the document has no pages now).
    let cleared = false;
    const clear = async () => {
      const range = documentRange(db, doc.id);
      for (const row of await range.toArray()) for (const id of row.actorIds) touched.add(id);
      await range.delete();
      cleared = true;
    };
    let after: number = Dexie.minKey as unknown as number;
    for (;;) {
      const rows = await timed(t, 'readMs', () => db.pages.where('[documentId+page]').between([doc.id, after], [doc.id, Dexie.maxKey], false, true).limit(this.ctx.chunk).toArray());
      if (!rows.length) break;
      const matched = await timed(t, 'matchMs', () => matchPages(this.ctx.trie, rows));
      await timed(t, 'writeMs', () => db.transaction('rw', db.pageMentions, async () => {
        if (!cleared) await clear();
        this.ctx.stored.addRows(matched.rows);
        await db.pageMentions.bulkPut(matched.rows);
      }));
      t.rowsWritten += matched.rows.length;
      for (const r of matched.rows) for (const id of r.actorIds) touched.add(id);
      filters.push(matched.filters);
      pages.push(...rows.map((r) => r.page));
      after = rows[rows.length - 1]!.page;
      progress(rows.length);
      await this.ctx.pause(t);
    }
    if (!cleared) await timed(t, 'writeMs', () => db.transaction('rw', db.pageMentions, clear));
    const all = new Uint8Array(pages.length * WORD_FILTER_BYTES);
    let offset = 0;
    for (const f of filters) { all.set(f, offset); offset += f.length; }
    const row: MentionDocRow = { documentId: doc.id, version: doc.version, pages, filters: all, context: FILTER_CONTEXT_VERSION };
    await timed(t, 'writeMs', () => db.mentionDocs.put(row));
    this.ctx.docs.set(doc.id, row);
    this.partial.delete(doc.id);
  }



  /**
   * One chunk's changed rows: deletions, then puts, in one transaction. StoredPages learns the
   * rows put at once and forgets the rows deleted only once the deletion is committed.
   */
  private writeRows(put: PageMentionsRow[], remove: PageKey[]): Promise<void> {
    const db = this.ctx.db;
    this.ctx.stored.addRows(put);
    return db.transaction('rw', db.pageMentions, async () => {
      if (remove.length) await db.pageMentions.bulkDelete(remove);
      if (put.length) await db.pageMentions.bulkPut(put);
    }).then(() => { for (const [documentId, page] of remove) this.ctx.stored.delete(documentId, page); });
  }

  /**
   * Re-scans pages after a name change, pipelined: the next chunk's read (the pages' text and
   * their stored rows, one read transaction) is in flight while this chunk is matched, and
   * this chunk's write (only the rows that differ; only the actors whose rows changed are
   * touched) runs while the next one is matched. IndexedDB works in its own thread, so a
   * re-scan costs about the larger of its matching and its IndexedDB time rather than their
   * sum. The timings count what the worker waited for: a read or write that finished while
   * it matched costs nothing. Returns the pages not re-scanned because `interrupted()` said
   * a newer change is waiting.
   */
  async rescanPages(keys: PageKey[], touched: Set<string>, t: SyncTimings, interrupted: () => boolean = () => false, plan?: SplicePlan, drop?: DropPlan | null): Promise<PageKey[]> {
    // A large re-scan writes pending rows (as does any while one is pending): a few requests
    // instead of one per page, folded into the page rows after the sync (pendingPages.ts).
    const pending = this.ctx.pending.wanted(keys.length);
    if (!drop) return this.rescanText(keys, touched, t, interrupted, plan, pending);
    // The pages the filters clear lose the actor from their stored rows alone (dropName), while
    // the others are re-scanned from their text: at the same time, so that the re-scan's
    // matching runs while IndexedDB deletes the rows (it ran after them: 0.1–0.2 s of a stress
    // removal). The two touch different pages. The re-scan's first read is issued first.
    const { rest, rowKeys } = this.dropSplit(keys, drop, t);
    const rescanned = this.rescanText(rest, touched, t, interrupted, plan, pending);
    const dropped = this.dropName(rowKeys, drop, touched, t, pending);
    try {
      const left = await rescanned;
      await dropped;
      return left;
    } catch (error) {
      settle(rescanned);
      settle(dropped);
      throw error;
    }
  }

  /** The pages re-scanned from their text (see rescanPages). */
  private async rescanText(keys: PageKey[], touched: Set<string>, t: SyncTimings, interrupted: () => boolean, plan: SplicePlan | undefined, pending: boolean): Promise<PageKey[]> {
    const db = this.ctx.db;
    const size = this.ctx.chunk * 2;
    // Stored rows only of the pages that have one (StoredPages): most pages a name is newly
    // found on named no one before, and asking for a missing row costs a request all the same.
    // A page a pending row holds is read from it (the merged view), not from the page rows.
    const read = (slice: PageKey[]) => db.transaction('r', db.pages, db.pageMentions, async () => {
      const view = this.ctx.pending.view;
      const withRows = this.ctx.stored.filter(slice).filter(([documentId, page]) => !view.has(documentId, page));
      const [pages, rows] = await Promise.all([db.pages.bulkGet(slice), db.pageMentions.bulkGet(withRows)]);
      if (withRows.length === slice.length) return [pages, rows] as const;
      const byKey = new Map<string, PageMentionsRow>();
      for (const r of rows) if (r) byKey.set(`${r.documentId}\u0000${r.page}`, r);
      return [pages, slice.map(([documentId, page]) => (view.has(documentId, page) ? view.get(documentId, page) ?? undefined
        : byKey.get(`${documentId}\u0000${page}`)))] as const;
    });
    let reading = keys.length ? read(keys.slice(0, size)) : null;
    let writing: Promise<unknown> = Promise.resolve();
    try {
      for (let i = 0; i < keys.length; i += size) {
        // A newer change is waiting (a new document, another edit): stop here and hand back
        // the pages left, which the next sync re-scans after that change.
        if (i > 0 && interrupted()) {
          settle(reading);
          await timed(t, 'writeMs', () => writing);
          return keys.slice(i);
        }
        this.ctx.onProgress?.({ done: i, total: keys.length });
        const slice = keys.slice(i, i + size);
        const [pages, stored] = await timed(t, 'readMs', () => reading!);
        // The next chunk's read goes now, to run while this one is matched.
        reading = i + size < keys.length ? read(keys.slice(i + size, i + 2 * size)) : null;
        // A page gone from the library (undefined) names no one any more.
        const next = await timed(t, 'matchMs', () => rematchPages(this.ctx.trie, pages, stored, plan, t, this.filterOf));
        const { put, remove, actors } = diffPages(slice, stored, next);
        // One write in flight at a time: the previous chunk's must be done first.
        await timed(t, 'writeMs', () => writing);
        if (put.length || remove.length) writing = pending ? this.ctx.pending.write(put, remove) : this.writeRows(put, remove);
        t.rowsWritten += put.length;
        t.rowsDeleted += remove.length;
        for (const id of actors) touched.add(id);
        await this.ctx.pause(t);
      }
      await timed(t, 'writeMs', () => writing);
      return [];
    } catch (error) {
      settle(reading);
      settle(writing);
      throw error;
    }
  }

  /**
   * A removed name: the pages whose word filters prove the actor is named on them by nothing
   * else (dropName.ts), those of them with a stored row (`rowKeys`), and the pages that must be
   * re-scanned from their text (`rest`).
   */
  private dropSplit(keys: readonly PageKey[], drop: DropPlan, t: SyncTimings): { rest: PageKey[]; rowKeys: PageKey[] } {
    const rest: PageKey[] = [];
    const rowKeys: PageKey[] = [];
    for (const key of keys) {
      const doc = this.ctx.docs.get(key[0]);
      const offset = doc ? filterOffset(doc, key[1]) : -1;
      if (offset < 0 || !othersAbsent(drop, doc!.filters, offset)) rest.push(key);
      else if (this.ctx.stored.mayHave(key[0], key[1])) rowKeys.push(key);
    }
    t.pagesSpliced += keys.length - rest.length;
    return { rest, rowKeys };
  }

  /**
   * The pages `dropSplit` cleared (`rowKeys`: those with a stored row) lose the actor from their
   * stored rows: only their rows naming the actor are read (one request, by the actor index),
   * never their text. Written in chunks as a re-scan's, the window getting IndexedDB back
   * between them; two chunks in flight, so that IndexedDB has the next one while the worker
   * hears of the last and issues another (with one, it waited each time: most of a removal is
   * IndexedDB deleting rows, and the worker has nothing else to do).
   */
  private async dropName(rowKeys: readonly PageKey[], drop: DropPlan, touched: Set<string>, t: SyncTimings, pending: boolean): Promise<void> {
    const db = this.ctx.db;
    const size = this.ctx.chunk * 2;
    // Only rows naming the actor change: read them all by the actor index in one request (a
    // request per page cost as much as the page's deletion), keeping those of these pages.
    const wanted = new Set(rowKeys.map(([documentId, page]) => `${documentId}\u0000${page}`));
    const named = (row: PageMentionsRow) => row.actorIds.includes(drop.actorId);
    const mine = rowKeys.length ? this.ctx.pending.view.mergeRows(await timed(t, 'readMs', () => db.pageMentions.where('actorIds').equals(drop.actorId).toArray()), named) : [];
    const rows = mine.filter((row) => wanted.has(`${row.documentId}\u0000${row.page}`));
    let writing: Promise<unknown> = Promise.resolve();
    let before: Promise<unknown> = Promise.resolve();
    try {
      for (let i = 0; i < rows.length; i += size) {
        const put: PageMentionsRow[] = [];
        const remove: PageKey[] = [];
        for (const row of rows.slice(i, i + size)) {
          const next = droppedRow(drop, row);
          if (next) put.push(next); else remove.push([row.documentId, row.page]);
        }
        if (put.length || remove.length) touched.add(drop.actorId);
        // The write before the last must be done; the last may still be in flight.
        await timed(t, 'writeMs', () => before);
        if (put.length || remove.length) { before = writing; writing = pending ? this.ctx.pending.write(put, remove) : this.writeRows(put, remove); }
        t.rowsWritten += put.length;
        t.rowsDeleted += remove.length;
        await this.ctx.pause(t);
      }
      await timed(t, 'writeMs', () => Promise.all([before, writing]));
    } catch (error) {
      settle(before);
      settle(writing);
      throw error;
    }
  }
}
