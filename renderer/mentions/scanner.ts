// Scanning pages for the mentions engine (engine.ts): whole documents, several small ones to a
// transaction, and re-scans after a name change that write only the rows that changed.
import Dexie from 'dexie';
import { WORD_FILTER_BYTES } from '../../shared/mentions';
import type { NameTrie } from '../../shared/mentions';
import type { CasefileDb } from '../db/db';
import type { PageRow } from '../db/derive';
import type { MentionDocRow, MentionRow } from '../db/mentionTypes';
import { diffRows, matchPages, timed } from './pageScan';
import type { SyncTimings } from './pageScan';

export interface FreshDocument { id: string; version: number; pages: number }
export type PageKey = [string, number];

export interface ScanContext {
  readonly db: CasefileDb;
  readonly trie: NameTrie;
  /** Documents scanned so far; the scanner adds each one as it finishes. */
  readonly docs: Map<string, MentionDocRow>;
  /** Pages per transaction. */
  readonly chunk: number;
  readonly onProgress?: (progress: { done: number; total: number }) => void;
  /** Between chunks: gives IndexedDB and the CPU back to the window, counted as paused time. */
  readonly pause: (t: SyncTimings) => Promise<void>;
}

export const documentRange = (db: CasefileDb, id: string) =>
  db.mentions.where('[documentId+page+actorId]').between([id, Dexie.minKey, Dexie.minKey], [id, Dexie.maxKey, Dexie.maxKey]);

/** The stored rows of the pages (sorted by document, page): one key range per run of pages of a document. */
async function storedRowsOf(db: CasefileDb, keys: readonly PageKey[]): Promise<MentionRow[]> {
  const runs: { doc: string; lo: number; hi: number; pages: Set<number> }[] = [];
  for (const [doc, page] of keys) {
    const last = runs[runs.length - 1];
    // A run stops at a gap of more than one page: a range over pages not re-scanned would
    // read their rows for nothing.
    if (last && last.doc === doc && page - last.hi <= 2) { last.lo = Math.min(last.lo, page); last.hi = Math.max(last.hi, page); last.pages.add(page); }
    else runs.push({ doc, lo: page, hi: page, pages: new Set([page]) });
  }
  const found = await Promise.all(runs.map((r) => db.mentions.where('[documentId+page+actorId]').between([r.doc, r.lo, Dexie.minKey], [r.doc, r.hi, Dexie.maxKey]).toArray()));
  return found.flatMap((rows, i) => rows.filter((row) => runs[i]!.pages.has(row.page)));
}

export class DocumentScanner {
  /** Long documents whose scan started in this session and has not finished (their rows may be partial). */
  private readonly partial = new Set<string>();

  constructor(private readonly ctx: ScanContext) {}

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

  private async scanBatch(batch: readonly FreshDocument[], touched: Set<string>, t: SyncTimings): Promise<void> {
    const db = this.ctx.db;
    const pages = await timed(t, 'readMs', () => db.transaction('r', db.pages, () =>
      Promise.all(batch.map((d) => db.pages.where('[documentId+page]').between([d.id, Dexie.minKey], [d.id, Dexie.maxKey]).toArray()))));
    const matched = await timed(t, 'matchMs', () => pages.map((rows) => matchPages(this.ctx.trie, rows, true)));
    const docRows = batch.map((d, i): MentionDocRow => ({ documentId: d.id, version: d.version, pages: pages[i]!.map((r) => r.page), filters: matched[i]!.filters }));
    const rows = matched.flatMap((m) => m.rows);
    await timed(t, 'writeMs', () => db.transaction('rw', db.mentions, db.mentionDocs, async () => {
      // Rows of an earlier scan (re-extracted, or a scan cut short): an empty range costs a seek.
      for (const d of batch) {
        const range = documentRange(db, d.id);
        if (this.ctx.docs.has(d.id) || this.partial.has(d.id)) for (const key of await range.primaryKeys()) touched.add(key[2]);
        await range.delete();
      }
      await db.mentions.bulkPut(rows);
      await db.mentionDocs.bulkPut(docRows);
    }));
    t.rowsWritten += rows.length;
    for (const r of rows) touched.add(r.actorId);
    for (const row of docRows) { this.ctx.docs.set(row.documentId, row); this.partial.delete(row.documentId); }
  }

  private async scanLongDocument(doc: FreshDocument, touched: Set<string>, t: SyncTimings, progress: (pages: number) => void): Promise<void> {
    const db = this.ctx.db;
    const pages: number[] = [];
    const filters: Uint8Array[] = [];
    this.partial.add(doc.id);
    await timed(t, 'writeMs', () => db.transaction('rw', db.mentions, async () => {
      const range = documentRange(db, doc.id);
      for (const key of await range.primaryKeys()) touched.add(key[2]);
      await range.delete();
    }));
    let after: number = Dexie.minKey as unknown as number;
    for (;;) {
      const rows = await timed(t, 'readMs', () => db.pages.where('[documentId+page]').between([doc.id, after], [doc.id, Dexie.maxKey], false, true).limit(this.ctx.chunk).toArray());
      if (!rows.length) break;
      const matched = await timed(t, 'matchMs', () => matchPages(this.ctx.trie, rows, true));
      await timed(t, 'writeMs', () => db.mentions.bulkPut(matched.rows));
      t.rowsWritten += matched.rows.length;
      for (const r of matched.rows) touched.add(r.actorId);
      filters.push(matched.filters);
      pages.push(...rows.map((r) => r.page));
      after = rows[rows.length - 1]!.page;
      progress(rows.length);
      await this.ctx.pause(t);
    }
    const all = new Uint8Array(pages.length * WORD_FILTER_BYTES);
    let offset = 0;
    for (const f of filters) { all.set(f, offset); offset += f.length; }
    const row: MentionDocRow = { documentId: doc.id, version: doc.version, pages, filters: all };
    await timed(t, 'writeMs', () => db.mentionDocs.put(row));
    this.ctx.docs.set(doc.id, row);
    this.partial.delete(doc.id);
  }



  /**
   * Re-scans pages after a name change. One read transaction per chunk gets the pages' text
   * and their stored rows (a key range per run of pages of one document); only the rows that
   * differ are written, and only the actors whose rows changed are touched. Returns the pages
   * not re-scanned because `interrupted()` said a newer change is waiting.
   */
  async rescanPages(keys: PageKey[], touched: Set<string>, t: SyncTimings, interrupted: () => boolean = () => false): Promise<PageKey[]> {
    const db = this.ctx.db;
    const size = this.ctx.chunk * 2;
    for (let i = 0; i < keys.length; i += size) {
      // A newer change is waiting (a new document, another edit): stop here and hand back
      // the pages left, which the next sync re-scans after that change.
      if (i > 0 && interrupted()) return keys.slice(i);
      this.ctx.onProgress?.({ done: i, total: keys.length });
      const slice = keys.slice(i, i + size);
      const [pages, stored] = await timed(t, 'readMs', () => db.transaction('r', db.pages, db.mentions, () =>
        Promise.all([db.pages.bulkGet(slice), storedRowsOf(db, slice)])));
      const present = pages.filter((r): r is PageRow => r !== undefined);
      const { rows } = await timed(t, 'matchMs', () => matchPages(this.ctx.trie, present, false));
      const { put, remove } = diffRows(stored, rows);
      if (put.length || remove.length) {
        await timed(t, 'writeMs', () => db.transaction('rw', db.mentions, async () => {
          if (remove.length) await db.mentions.bulkDelete(remove);
          if (put.length) await db.mentions.bulkPut(put);
        }));
      }
      t.rowsWritten += put.length;
      t.rowsDeleted += remove.length;
      for (const r of put) touched.add(r.actorId);
      for (const k of remove) touched.add(k[2]);
      await this.ctx.pause(t);
    }
    return [];
  }
}
