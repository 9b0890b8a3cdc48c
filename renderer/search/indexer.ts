/**
 * The search worker's brain, free of worker plumbing so it runs in Node over fake-indexeddb:
 * load the persisted segments, bring them in line with the database (`sync`: new, edited and
 * deleted records go into a delta segment; new or re-extracted documents get their own
 * segment; documents gone lose theirs), merge in the background, answer queries.
 *
 * `sync` is idempotent — it compares the database with what the index was built from — so
 * the same call serves start-up reconciliation and every change notification. Mutations run
 * one at a time; queries read the current segment list and never wait for them.
 */
import {
  DEFAULT_MERGE_POLICY, buildSegment, bytesSource, deleteRefs, documentFilterInfo, dropDocument,
  mergeSegments, metasOf, pageDocs, planMerges, prepareVocabulary, supersede,
} from '../../shared/search';
import { rowOfRef, rowRef } from '../../shared/search/segment';
import type { DocumentFilterInfo, MergePolicy, SearchFilters, SearchResults, Segment, SegmentMeta } from '../../shared/search';
import type { CasefileDb } from '../db/db';
import type { DocumentRow, PageRow } from '../db/derive';
import { toDocument } from '../db/derive';
import type { CatalogState, PersistChange } from './catalog';
import { emptyCatalog, persist } from './catalog';
import { dexieSource, readStored } from './storedLoad';
import type { StoredIndex } from './storedLoad';
import { advance, changesSince, currentMarks } from './recordChanges';
import { allRecordDocs, pageTexts, recordDocs, textVersion } from './sources';
import { runQuery } from './runQuery';
import type { PageKey } from './runQuery';
import { readPagesRaw } from './rawPages';

export interface IndexProgress { done: number; total: number }

/**
 * Pages of document text the index holds at most (the newest documents' pages). The lunr
 * index needed this at 10,000 pages (~120 KB of heap a page, the worker crashed at ~32,600);
 * compact segments hold 100,000 pages in a small fraction of the 1.5 GB heap target
 * (docs/benchmarks-search.md), so the budget only guards against libraries far beyond the
 * benchmark. Past it, the oldest documents' records stay searchable, their page text is
 * not indexed, and the status line says so; a new document always gets in.
 */
export const MAX_INDEXED_PAGES = 250_000;

export interface IndexerOptions {
  now?: () => number;
  mergePolicy?: MergePolicy;
  /** Called with progress while segments are built, and null when a sync ends. */
  onProgress?: (progress: IndexProgress | null) => void;
  /** Called between documents so queries get their turn (the worker passes a macrotask yield). */
  yieldNow?: () => Promise<void>;
  /** Page-text budget; see MAX_INDEXED_PAGES. */
  maxIndexedPages?: number;
}

export interface SyncReport {
  /** Records (re)indexed into a delta or full segment, and records deleted. */
  records: number;
  deleted: number;
  /** Documents whose pages were (re)indexed, and documents dropped. */
  documentsIndexed: number;
  documentsDropped: number;
  fullRecordsBuild: boolean;
  /** Documents whose page text was left out because the page budget is spent. */
  documentsOverBudget: number;
}

export interface LoadReport { loaded: number; stale: number; ms: number }

export { QueryAbandonedError } from './runQuery';

export class SearchIndexer {
  segments: Segment[] = [];
  /** Current filter facts of live documents: metadata edits apply to their pages at once. */
  readonly docInfo = new Map<string, DocumentFilterInfo>();
  private state: CatalogState = emptyCatalog();
  private needFullRecords = true;
  private pendingDrops = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly opts: Required<Omit<IndexerOptions, 'onProgress'>> & Pick<IndexerOptions, 'onProgress'>;

  constructor(readonly db: CasefileDb, options: IndexerOptions = {}) {
    this.opts = {
      now: options.now ?? Date.now,
      mergePolicy: options.mergePolicy ?? DEFAULT_MERGE_POLICY,
      yieldNow: options.yieldNow ?? (() => Promise.resolve()),
      maxIndexedPages: options.maxIndexedPages ?? MAX_INDEXED_PAGES,
      onProgress: options.onProgress,
    };
  }

  /** Runs index mutations one after another (load, sync, merge never interleave). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies an in-memory change (`change` mutates segments, tombstones and catalog state and
   * says what to write) and persists it; if the write fails (quota, closed database), the
   * in-memory index is rolled back to what is stored, so a later successful write can never
   * record tombstones, documents or watermarks whose segments were not written.
   */
  private async commit(change: () => PersistChange | null): Promise<void> {
    const segments = this.segments;
    const tombstones = segments.map((seg) => new Set(seg.tombstones));
    const state = structuredClone(this.state);
    const needFullRecords = this.needFullRecords;
    try {
      const write = change();
      if (write) await persist(this.db, this.state, this.segments, write, this.opts.now());
    } catch (error) {
      segments.forEach((seg, i) => { seg.tombstones = tombstones[i]!; });
      // Seqs handed out stay used: a failed write may still have reached the disk in part.
      state.nextSeq = Math.max(state.nextSeq, this.state.nextSeq);
      this.segments = segments;
      this.state = state;
      this.needFullRecords = needFullRecords;
      throw error;
    }
  }

  /**
   * Loads the persisted segments. Stale or corrupt ones are dropped and rebuilt by the next sync.
   * `early`: the stored index already being read elsewhere (the worker starts it on a raw
   * connection before Dexie opens); when it gives nothing, it is read here.
   */
  load(early?: Promise<StoredIndex | null>): Promise<LoadReport> {
    return this.exclusive(async () => {
      const t0 = this.opts.now();
      const stored = (await early?.catch(() => null)) ?? await readStored(dexieSource(this.db));
      this.state = stored.catalog ?? emptyCatalog();
      this.state.nextSeq = Math.max(this.state.nextSeq, stored.nextSeq);
      for (const id of stored.drops) this.pendingDrops.add(id);
      this.segments = stored.segments;
      for (const meta of stored.staleMetas) this.forgetSources(meta);
      // Records: a full build is needed unless a base records segment survived intact.
      const recordsStale = [...this.pendingDrops].some((id) => id.startsWith('records'));
      this.needFullRecords = recordsStale || !stored.segments.some((s) => s.meta.kind === 'records');
      return { loaded: stored.segments.length, stale: stored.staleMetas.length, ms: this.opts.now() - t0 };
    });
  }

  /** A dropped pages segment's documents must be indexed again. */
  private forgetSources(meta: SegmentMeta | null): void {
    for (const documentId of meta?.documentIds ?? []) delete this.state.documents[documentId];
    // Their pages may survive in other segments (a merged one): those rows must die too, and
    // a segment of one of those documents alone goes, stored row included (else it is orphaned
    // in IndexedDB and its pages come back twice after the next restart).
    for (const documentId of meta?.documentIds ?? []) for (const gone of this.dropDocumentNow(documentId)) this.pendingDrops.add(gone);
  }

  /** Brings the index in line with the database. Safe to call any time, as often as wanted. */
  sync(): Promise<SyncReport> {
    return this.exclusive(() => this.syncNow());
  }

  private async syncNow(): Promise<SyncReport> {
    const report: SyncReport = { records: 0, deleted: 0, documentsIndexed: 0, documentsDropped: 0, fullRecordsBuild: false, documentsOverBudget: 0 };
    const documents = await this.db.documents.toArray();
    this.refreshDocInfo(documents);
    // The page budget holds the NEWEST documents' text — newest here, by the order this index
    // first saw them (an imported document keeps its old createdAt): a new document always gets
    // in, and the earliest ones beyond the budget leave (their records stay searchable; the
    // status says so).
    const withText = documents.filter((d) => textVersion(d) !== null);
    const seen = this.noteSeen(withText);
    const budget = this.opts.maxIndexedPages;
    let budgeted = 0;
    const textDocs: DocumentRow[] = [];
    for (const row of withText.sort((a, b) => seen[b.id]! - seen[a.id]! || (a.id < b.id ? -1 : 1))) {
      if (budgeted + row.extraction.pageCount > budget) { report.documentsOverBudget++; continue; }
      budgeted += row.extraction.pageCount;
      textDocs.push(row);
    }
    const toIndex = textDocs.filter((d) => this.state.documents[d.id] !== textVersion(d));
    const progress = { done: 0, total: toIndex.length + 1 };
    this.opts.onProgress?.(progress);
    try {
      // Stale or orphaned rows found by load go first, before any new id is written.
      if (this.pendingDrops.size) {
        await this.commit(() => ({ drop: [...this.pendingDrops] }));
        this.pendingDrops.clear();
      }
      if (this.needFullRecords) await this.fullRecordsBuild(report);
      else await this.recordChanges(documents, report);
      progress.done++;
      this.opts.onProgress?.({ ...progress });

      // Documents gone (deleted, in the trash) or re-extracted lose their pages first.
      const live = new Map(textDocs.map((d) => [d.id, textVersion(d)]));
      await this.commit(() => {
        const drops = new Set<string>();
        let tombstoned = false;
        for (const id of Object.keys(this.state.documents)) {
          if (live.get(id) === this.state.documents[id]) continue;
          for (const gone of this.dropDocumentNow(id)) drops.add(gone);
          tombstoned = true;
          report.documentsDropped++;
        }
        return drops.size || tombstoned ? { drop: drops } : null;
      });
      for (const row of toIndex) {
        await this.indexDocument(row);
        report.documentsIndexed++;
        progress.done++;
        this.opts.onProgress?.({ ...progress });
        await this.opts.yieldNow();
      }
    } finally {
      this.opts.onProgress?.(null);
    }
    return report;
  }

  /** Gives documents not seen before the next local numbers (oldest createdAt first); forgets gone ones. */
  private noteSeen(withText: readonly DocumentRow[]): Record<string, number> {
    const old = this.state.seen ?? {};
    const seen: Record<string, number> = {};
    let next = 1;
    for (const row of withText) {
      const at = old[row.id];
      if (at !== undefined) { seen[row.id] = at; if (at >= next) next = at + 1; }
    }
    const fresh = withText.filter((d) => seen[d.id] === undefined).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    for (const row of fresh) seen[row.id] = next++;
    this.state.seen = seen;
    return seen;
  }

  private dropDocumentNow(documentId: string): string[] {
    const before = new Set(this.segments.map((s) => s.meta.id));
    this.segments = dropDocument(this.segments, documentId);
    delete this.state.documents[documentId];
    const after = new Set(this.segments.map((s) => s.meta.id));
    return [...before].filter((id) => !after.has(id));
  }

  private refreshDocInfo(documents: readonly DocumentRow[]): void {
    this.docInfo.clear();
    for (const row of documents) this.docInfo.set(row.id, documentFilterInfo(row));
  }

  private async indexDocument(row: DocumentRow): Promise<void> {
    const version = textVersion(row);
    if (version === null) return;
    const docs = pageDocs(toDocument(row), await pageTexts(this.db, row.id));
    const seg = docs.length ? buildSegment(`document:${row.id}`, docs, { seq: this.state.nextSeq++, now: this.opts.now() }) : null;
    // Marked indexed only together with its segment's write (commit rolls both back).
    await this.commit(() => {
      if (seg) {
        this.segments = [...this.segments, seg];
        supersede(this.segments, seg);
      }
      this.state.documents[row.id] = version;
      return { put: seg ? [seg] : [] };
    });
  }

  private async fullRecordsBuild(report: SyncReport): Promise<void> {
    const marks = await currentMarks(this.db);
    const docs = await allRecordDocs(this.db, this.opts.yieldNow);
    const seg = buildSegment('records', docs, { seq: this.state.nextSeq++, now: this.opts.now() });
    await this.commit(() => {
      const old = this.segments.filter((s) => s.meta.family === 'records').map((s) => s.meta.id);
      this.segments = [...this.segments.filter((s) => s.meta.family !== 'records'), seg];
      this.state.marks = marks;
      this.needFullRecords = false;
      return { put: [seg], drop: old };
    });
    report.fullRecordsBuild = true;
    report.records = docs.length;
  }

  /** The names the index holds for a live actor (primary first), or undefined when it holds none. */
  private indexedActorNames(id: string): readonly string[] | undefined {
    const ref = `actor:${id}`;
    for (const seg of this.segments) {
      if (seg.meta.family !== 'records') continue;
      const row = rowOfRef(seg, ref);
      if (row !== undefined && !seg.tombstones.has(row)) return seg.rows.names.at(row) ?? [];
    }
    return undefined;
  }

  /** Live record refs per table in the records segments. */
  private liveRecordRefs(): Set<string> {
    const refs = new Set<string>();
    for (const seg of this.segments) {
      if (seg.meta.family !== 'records') continue;
      for (let row = 0; row < seg.meta.docCount; row++) if (!seg.tombstones.has(row)) refs.add(rowRef(seg, row));
    }
    return refs;
  }

  /** Edited, added, restored and deleted records since the watermarks → one delta segment. */
  private async recordChanges(documents: readonly DocumentRow[], report: SyncReport): Promise<void> {
    const { db } = this;
    const marks = this.state.marks;
    const { changed, deleted, actorRows, eventRows, documentRows } = await changesSince(db, marks, documents, this.liveRecordRefs(), this.opts.yieldNow, (id) => this.indexedActorNames(id));
    const docs = await recordDocs(db, { actors: actorRows, events: eventRows, documents: documentRows });
    const delta = docs.length ? buildSegment('records-delta', docs, { seq: this.state.nextSeq++, now: this.opts.now() }) : null;
    await this.commit(() => {
      if (delta) {
        this.segments = [...this.segments, delta];
        supersede(this.segments, delta);
      }
      if (deleted.length) deleteRefs(this.segments, deleted);
      this.state.marks = {
        actors: advance(marks.actors, changed.actors),
        events: advance(marks.events, changed.events),
        documents: advance(marks.documents, changed.documents),
      };
      // Watermarks advance even without a write: nothing to store then (as before).
      return delta || deleted.length ? { put: delta ? [delta] : [] } : null;
    });
    report.records = docs.length;
    report.deleted = deleted.length;
  }

  /**
   * One background merge (planMerges' first plan), if any is due; true when one ran.
   * Segments merge as data (no source is read, nothing is re-analysed): records deltas fold
   * into a new records segment, pages segments into a merged one.
   */
  mergeStep(): Promise<boolean> {
    return this.exclusive(async () => {
      const plan = planMerges(metasOf(this.segments), this.opts.mergePolicy)[0];
      if (!plan) return false;
      // Records: the base segment and every delta fold into one, whatever the plan's reason.
      const ids = new Set(plan.family === 'records' ? this.segments.filter((s) => s.meta.family === 'records').map((s) => s.meta.id) : plan.segmentIds);
      const inputs = this.segments.filter((s) => ids.has(s.meta.id));
      const merged = await mergeSegments(inputs, this.state.nextSeq++, this.opts.now());
      // Swapped in only if the write succeeds: a failed write (quota) leaves the inputs, with
      // their tombstones, both in memory and on disk.
      const empty = merged.meta.docCount === 0 && merged.meta.family === 'pages';
      await this.commit(() => {
        this.segments = [...this.segments.filter((s) => !ids.has(s.meta.id)), ...(empty ? [] : [merged])];
        return { put: empty ? [] : [merged], drop: ids };
      });
      return true;
    });
  }

  /**
   * Runs a query over the segments loaded now. `abandoned` is checked whenever a page text
   * is needed (phrase checks, snippets): a superseded query stops there.
   */
  search(input: string, filters?: SearchFilters, options: { limit?: number; abandoned?: () => boolean } = {}): Promise<SearchResults> {
    const { db } = this;
    return runQuery(this.segments, input, filters, {
      ...options,
      documentInfo: this.docInfo,
      readPages: (keys, onRow) => readPages(db, keys, onRow),
    });
  }

  /**
   * Reads each loaded pages segment's positions Blob into memory, one segment at a time,
   * after start-up (queries answer meanwhile, reading byte ranges from the Blob). A Blob
   * slice costs ~0.2–0.5 ms in a Chromium worker and a phrase needs one per word form and
   * segment; in memory it is a typed-array view. Returns the bytes read.
   */
  async warmPositions(): Promise<number> {
    let bytes = 0;
    for (const seg of this.segments) {
      const src = seg.positions;
      if (!src || src.inMemory) continue;
      const read = new Uint8Array(await src.slice(0, src.size).arrayBuffer());
      if (seg.positions === src) seg.positions = bytesSource(read);
      bytes += read.length;
      await this.opts.yieldNow();
    }
    await this.prepareVocabulary();
    return bytes;
  }

  /**
   * Rewrites, in the current format, the segments loaded from rows of an older format that is
   * still read (format 3 → 4: same content, stored to load without decoding), one per
   * transaction with a yield between, after start-up. Returns how many were rewritten.
   */
  async upgradeStored(): Promise<number> {
    let count = 0;
    for (;;) {
      // One row per turn: syncs and merges queued meanwhile run in between.
      const done = await this.exclusive(async () => {
        const seg = this.segments.find((s) => s.cache.storedFormat !== undefined);
        if (!seg) return false;
        await this.commit(() => ({ put: [seg] }));
        delete seg.cache.storedFormat;
        return true;
      });
      if (!done) return count;
      count++;
      await this.opts.yieldNow();
    }
  }

  /** The fuzzy-expansion vocabulary of the big segments, built between queries (evaluate.ts). */
  prepareVocabulary(): Promise<void> {
    return prepareVocabulary(this.segments, this.opts.yieldNow);
  }

  /** Segment count and sizes, for tests and the status line. */
  summary(): { segments: number; records: number; pages: number; documents: number } {
    let records = 0, pages = 0;
    for (const s of this.segments) {
      const liveRows = s.meta.docCount - s.tombstones.size;
      if (s.meta.family === 'records') records += liveRows; else pages += liveRows;
    }
    return { segments: this.segments.length, records, pages, documents: Object.keys(this.state.documents).length };
  }
}

/**
 * A query's page rows: raw, on the native handle of Dexie's open connection (rawPages.ts); when
 * that is closed or fails (a version change, Dexie reopening), through Dexie, which reopens or
 * reports the failure as before.
 */
async function readPages(db: CasefileDb, keys: readonly PageKey[], onRow?: (index: number, row: PageRow | undefined) => void):
  Promise<(PageRow | undefined)[]> {
  if (db.isOpen()) {
    try {
      return await readPagesRaw(db.backendDB(), keys, onRow);
    } catch {
      // closed or upgrading meanwhile: Dexie's read below
    }
  }
  return keys.length === 1
    ? [await db.pages.get([keys[0]!.documentId, keys[0]!.page])]
    : db.pages.bulkGet(keys.map((k) => [k.documentId, k.page] as [string, number]));
}
