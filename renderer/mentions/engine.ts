/**
 * The mentions worker's brain, free of worker plumbing so it runs in Node over fake-indexeddb.
 * `sync` is idempotent: it compares the database (actors and their names, name rules,
 * documents with text) with what the stored mentions were computed from (`mentionNames`,
 * `mentionDocs`) and does only the difference:
 *  - a new or re-extracted document: scan its pages;
 *  - a document gone: drop its rows;
 *  - names added, edited or removed (an actor's or a rule's): update the trie in place and
 *    re-scan only the pages whose word filter may hold the changed names' rarest words.
 * Reads and writes go in small transactions of CHUNK pages with a yield between them, so
 * the window's own IndexedDB requests never queue behind a long one.
 */
import Dexie from 'dexie';
import { FILTER_CONTEXT_VERSION, NameTrie, suggestNames } from '../../shared/mentions';
import type { NameEntry, NameSuggestion } from '../../shared/mentions';
import { pageSearchText } from '../../shared/search/records';
import type { CasefileDb } from '../db/db';
import type { MentionDocRow } from '../db/mentionTypes';
import { documentPages } from '../db/mentions';
import { textVersion } from '../search/sources';
import { CaseNames, entryKey } from './names';
import { writeNames, writeSources } from './nameRows';
import { frequencyStale, sampleWordFrequency } from './libraryWords';
import { noTimings, timed } from './pageScan';
import { DocumentScanner } from './scanner';
import { dropPlan } from './dropName';
import { pagesHolding } from './rescanPages';
import type { ChangedEntry } from './rescanPages';
import { splicePlan } from './splice';
import { StoredPages } from './storedPages';
import { PendingPages } from './pendingPages';
import { SourceReads } from './sourceReads';
import type { SyncTimings } from './pageScan';

export type { SyncTimings } from './pageScan';

export interface MentionsProgress { done: number; total: number }

/**
 * Pages per transaction. 25 made a 100,000-page build spend more time committing small
 * transactions (4 to 6 per 30-page document) than writing; 100 pages hold the window's
 * IndexedDB reads up for tens of milliseconds at most (docs/benchmarks.md).
 */
export const DEFAULT_CHUNK_PAGES = 100;

export interface EngineOptions {
  /** Called between chunks (the worker passes a macrotask yield). */
  yieldNow?: () => Promise<void>;
  onProgress?: (progress: MentionsProgress | null) => void;
  /** Pages per transaction. */
  chunkPages?: number;
  /**
   * Whether a newer change is waiting. A long re-scan (a name on thousands of pages) then
   * stops after its current chunk; the next sync scans new documents first and resumes it.
   */
  interrupted?: () => boolean;
  /**
   * The caller reports every write to documents and name rules (`tablesChanged`), so a sync
   * may keep those tables' rows between syncs. Without it every sync reads them.
   */
  tablesWatched?: boolean;
  /** A re-scan of this many pages or more writes pending rows (pendingPages.ts; tests pass 0 or Infinity). */
  pendingMinPages?: number;
}

export interface SyncReport {
  documentsScanned: number;
  documentsDropped: number;
  namesChanged: number;
  pagesRescanned: number;
  /** Pages still to re-scan after an interrupted sync (the next sync does them). */
  pagesLeft: number;
  timings: SyncTimings;
}

type PageKey = [string, number];

/** Both lists' pages once each, sorted by document and page (how the re-scan reads them). */
function mergePageKeys(a: readonly PageKey[], b: readonly PageKey[]): PageKey[] {
  if (!a.length) return [...b];
  const seen = new Map<string, PageKey>();
  for (const k of [...a, ...b]) seen.set(`${k[0]}\u0000${k[1]}`, k);
  return [...seen.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
}

export class MentionsEngine {
  readonly trie = new NameTrie([]);
  /** Entries the stored mentions were computed with, per actor. */
  private entries = new Map<string, NameEntry[]>();
  private docs = new Map<string, MentionDocRow>();
  private readonly stored = new StoredPages();
  private readonly pending: PendingPages;
  private readonly scanner: DocumentScanner;
  private readonly names = new CaseNames();
  private readonly uncounted = new Set<string>();
  /** Pages an interrupted re-scan left, sorted by document and page. */
  private pendingRescan: PageKey[] = [];
  /** Actors whose `mentionNames` rows wait for the re-scans of their names to finish. */
  private readonly namesToWrite = new Set<string>();
  private readonly namesToDelete = new Set<string>();
  /** Pages with text when the word frequencies were last estimated (null: never). */
  private frequencyPages: number | null = null;
  private readonly sources: SourceReads;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly yieldNow: () => Promise<void>;
  private readonly chunk: number;

  constructor(readonly db: CasefileDb, private readonly options: EngineOptions = {}) {
    this.yieldNow = options.yieldNow ?? (() => Promise.resolve());
    this.chunk = options.chunkPages ?? DEFAULT_CHUNK_PAGES;
    this.sources = new SourceReads(db, this.yieldNow, options.tablesWatched ?? false);
    this.pending = new PendingPages(db, this.stored, options.pendingMinPages);
    this.scanner = new DocumentScanner({
      db, trie: this.trie, docs: this.docs, stored: this.stored, pending: this.pending, chunk: this.chunk, onProgress: (p) => this.options.onProgress?.(p),
      pause: (t) => timed(t, 'pausedMs', () => this.yieldNow()),
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads what the stored mentions were computed from and rebuilds the trie from it. */
  load(): Promise<void> {
    return this.exclusive(async () => {
      const [names, docs] = await Promise.all([this.db.mentionNames.toArray(), this.db.mentionDocs.toArray(), this.stored.load(this.db)]);
      // After the stored keys: the pending rows' pages join them.
      await this.pending.load();
      for (const row of names) {
        const entries = row.entries.map((e): NameEntry => ({ actorId: row.actorId, name: e.name, source: e.source, rule: e.rule,
          ...(e.givenNames ? { givenNames: e.givenNames } : {}), ...(e.common ? { common: true } : {}) }));
        this.entries.set(row.actorId, entries);
        for (const e of entries) this.trie.add(e);
      }
      for (const doc of docs) this.docs.set(doc.documentId, doc);
    });
  }

  /**
   * Says which tables were written (none named: all of them), so the next sync reads them
   * again. The host calls this from its change watch, before the sync it schedules.
   */
  tablesChanged(tables?: Iterable<string>): void {
    this.sources.tablesChanged(tables);
  }

  sync(): Promise<SyncReport> {
    const called = performance.now();
    return this.exclusive(() => this.runSync(performance.now() - called));
  }

  private async runSync(queuedMs: number): Promise<SyncReport> {
    const db = this.db;
    const started = performance.now();
    const { rules: settings, documents, changed, live } = await this.sources.read((id) => this.names.has(id));
    const deletedActors = [...this.names.ids()].filter((id) => !live.has(id));
    const timings = { ...noTimings(), queuedMs };
    const report: SyncReport = { documentsScanned: 0, documentsDropped: 0, namesChanged: 0, pagesRescanned: 0, pagesLeft: 0, timings };
    const touched = new Set<string>();

    // 0. The library's word frequencies, for the proposed rules: estimated on a sample of
    // pages before the first build and again whenever the library has grown or shrunk by 10 %.
    const library = documents.filter((d) => textVersion(d) !== null).map((d) => ({ id: d.id, pages: d.extraction.pageCount }));
    const libraryPages = library.reduce((n, d) => n + d.pages, 0);
    let resampled = false;
    if (frequencyStale(this.frequencyPages, libraryPages)) {
      const frequency = await timed(timings, 'readMs', () => sampleWordFrequency(db, library, this.yieldNow));
      this.names.setFrequency(frequency);
      this.frequencyPages = libraryPages;
      resampled = true;
    }

    // 1. Names: diff the entries of the actors that may have changed, update the trie in place.
    const namesFrom = performance.now();
    const dirty = this.names.update(changed, deletedActors, settings);
    const changedNames = new Set<string>();
    const changedEntries: ChangedEntry[] = [];
    const changedActors: string[] = [];
    const addedEntries = new Set<NameEntry>();
    for (const actorId of dirty) {
      const next = this.names.entries(actorId);
      const prev = this.entries.get(actorId) ?? [];
      const prevKeys = new Set(prev.map(entryKey));
      const nextKeys = new Set(next.map(entryKey));
      const removed = prev.filter((e) => !nextKeys.has(entryKey(e)));
      const added = next.filter((e) => !prevKeys.has(entryKey(e)));
      if (!removed.length && !added.length && this.entries.has(actorId)) {
        // The proposals' reasons may still have moved with the library ("rare in the library").
        if (resampled) changedActors.push(actorId);
        continue;
      }
      for (const e of removed) this.trie.remove(e);
      for (const e of added) this.trie.add(e);
      const siblings = [...prev, ...next];
      for (const e of [...removed, ...added]) { changedNames.add(e.name); changedEntries.push({ entry: e, siblings }); }
      for (const e of added) addedEntries.add(e);
      this.entries.set(actorId, next);
      changedActors.push(actorId);
    }
    // Actors gone, and any the stored mentions knew that the database no longer has.
    for (const id of [...this.entries.keys()].filter((id) => !live.has(id))) {
      if (!deletedActors.includes(id)) deletedActors.push(id);
      const gone = this.entries.get(id)!;
      for (const e of gone) { this.trie.remove(e); changedNames.add(e.name); changedEntries.push({ entry: e, siblings: gone }); }
      this.entries.delete(id);
    }
    report.namesChanged = changedNames.size;
    // Reading actors and rules (before the frequency sample) and recomputing the entries.
    timings.namesMs += performance.now() - namesFrom + (namesFrom - started - (timings.readMs));

    // 2. Documents gone: their rows go.
    const withText = new Map<string, number>();
    const pageCounts = new Map<string, number>();
    for (const doc of documents) {
      const version = textVersion(doc);
      if (version !== null) { withText.set(doc.id, version); pageCounts.set(doc.id, doc.extraction.pageCount); }
    }
    for (const id of [...this.docs.keys()].filter((id) => !withText.has(id))) {
      if (this.pending.view.touchesDocument(id)) await timed(timings, 'writeMs', () => this.pending.foldAll());
      await db.transaction('rw', db.pageMentions, db.mentionDocs, async () => {
        const range = documentPages(db, id);
        for (const row of await range.toArray()) for (const actorId of row.actorIds) touched.add(actorId);
        await range.delete();
        await db.mentionDocs.delete(id);
      });
      this.docs.delete(id);
      this.stored.dropDocument(id);
      report.documentsDropped++;
    }

    // 3. New or re-extracted documents: every page, with the trie as it now is.
    // Documents scanned before the filters held cue contexts are scanned again, in the background like a build.
    const fresh = [...withText].filter(([id, version]) => { const doc = this.docs.get(id); return doc?.version !== version || doc.context !== FILTER_CONTEXT_VERSION; });
    const freshIds = new Set(fresh.map(([id]) => id));
    await this.scanner.scanDocuments(fresh.map(([id, version]) => ({ id, version, pages: pageCounts.get(id) ?? 0 })), touched, timings);
    report.documentsScanned = fresh.length;

    // 4. Changed names: only the pages that can hold them, after those an interrupted sync left.
    const pending = this.pendingRescan.filter(([id]) => withText.has(id) && !freshIds.has(id));
    const pages = mergePageKeys(pending, changedEntries.length ? pagesHolding(this.docs.values(), changedEntries, freshIds) : []);
    // One recorded name added or removed, over rows that all stand on the trie as it was just
    // before: pages are spliced where that is exact (splice.ts). Rows an interrupted re-scan
    // left stand on an older trie, so then every page is matched in full.
    const only = changedEntries.length === 1 && !pending.length ? changedEntries[0]!.entry : null;
    const plan = only && only.source === 'name' ? splicePlan(this.trie, only, addedEntries.has(only), this.entries.get(only.actorId) ?? []) : undefined;
    // A name taken off: pages that can name the actor by nothing else need no text (dropName.ts).
    const drop = plan && !plan.added ? dropPlan(this.trie, plan.entry, this.entries.get(plan.entry.actorId) ?? []) : null;
    this.pendingRescan = pages.length ? await this.scanner.rescanPages(pages, touched, timings, this.options.interrupted, plan, drop) : [];
    report.pagesRescanned = pages.length - this.pendingRescan.length;
    report.pagesLeft = this.pendingRescan.length;

    // 5. What the mentions now stand on, once no re-scan is left: until then a restart must
    // still see the old names in `mentionNames`, so that its first sync re-scans for them.
    // Source counts of the actors touched follow in `countSources`, after the caller has said
    // the mentions are in.
    for (const id of changedActors) this.namesToWrite.add(id);
    for (const id of deletedActors) { this.namesToWrite.delete(id); this.namesToDelete.add(id); }
    if (!this.pendingRescan.length) {
      // A deleted actor's rows are taken out of the page rows directly: nothing may be pending over them.
      if (this.namesToDelete.size) await timed(timings, 'writeMs', () => this.pending.foldAll());
      await timed(timings, 'namesMs', () => writeNames(db, (id) => this.names.info(id), [...this.namesToWrite], [...this.namesToDelete], this.yieldNow));
      this.namesToWrite.clear();
      this.namesToDelete.clear();
    }
    for (const id of touched) this.uncounted.add(id);
    this.options.onProgress?.(null);
    return report;
  }

  /**
   * Recounts the sources naming each actor whose rows changed since the last count (the
   * actor list sorts by it), 20 actors at a time; stops early, even inside a batch, when
   * `stop()` says a sync is waiting, leaving the rest for next time.
   */
  async countSources(stop: () => boolean = () => false): Promise<void> {
    while (this.uncounted.size && !stop()) {
      await this.exclusive(async () => {
        const ids = [...this.uncounted].slice(0, 20);
        for (const id of ids) this.uncounted.delete(id);
        // A sync waiting stops the batch between actors; the ones left wait for the next count.
        for (const id of await writeSources(this.db, ids.filter((id) => this.entries.has(id)), stop, this.pending.view)) this.uncounted.add(id);
      });
      await this.yieldNow();
    }
  }

  /**
   * Folds the pending rows a large re-scan wrote into the page rows (pendingPages.ts), oldest
   * first, giving way to a sync as soon as `stop()` says one waits. Returns whether none is left.
   */
  fold(stop: () => boolean = () => false): Promise<boolean> {
    return this.exclusive(() => this.pending.fold(stop, this.yieldNow));
  }

  /** Names a document repeats or cues that no actor has yet ("Names not yet in the case"). */
  async suggest(documentId: string, limit = 20): Promise<NameSuggestion[]> {
    const rows = await this.db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]).toArray();
    return suggestNames(rows.map((r) => pageSearchText(r.text, r.annotations)), this.trie).slice(0, limit);
  }
}
