import type { CasefileDb } from '../db/db';
import type { SearchFilters, SearchResults } from '../../shared/search/types';
import { QueryAbandonedError, runQuery } from '../search/runQuery';
import type { PageReader } from '../search/runQuery';
import { readStored } from '../search/storedLoad';
import type { StoredIndex } from '../search/storedLoad';
import type { SearchStatus } from '../search/types';
import type { EarlySource } from './searchEarlyRead';
import type { SearchIndexer } from './searchMaintenance';
import type { SearchRequest, SearchResponse } from './searchProtocol';

/**
 * The search worker's message loop, apart from `self` so it can be driven in tests:
 * loads the index, answers queries as soon as the loaded segments are in memory, syncs on
 * every database change and merges when things have been quiet.
 *
 * Start-up, when the stored index was read on the raw connection (searchEarlyRead.ts) and
 * needs nothing rebuilt: the queries that waited are answered over those segments, their page
 * texts read on that same connection, before Dexie, the record schema and the indexer are even
 * loaded (searchMaintenance.ts, imported after); then the indexer takes the same segments.
 * Otherwise the indexer loads (through Dexie) first, as it always did.
 */
export interface SearchHostConfig {
  openDb: () => Promise<CasefileDb>;
  /**
   * The stored index already being read on a raw connection (searchEarlyRead.ts); null or
   * absent: the indexer reads it through Dexie.
   */
  early?: Promise<EarlySource | null>;
  post: (message: SearchResponse) => void;
  /** Delay after a change before syncing (coalesces bursts of writes). */
  syncDelayMs?: number;
  /** Quiet time after the last sync before background merges start. */
  mergeDelayMs?: number;
  /** Watch the database for changes (default: searchMaintenance's watchRecords, which also sees other windows' writes). */
  watch?: (db: CasefileDb, onChange: () => void) => () => void;
}

type Searcher = (input: string, filters: SearchFilters | undefined, options: { limit?: number; abandoned: () => boolean }) => Promise<SearchResults>;

/**
 * Whether a stored index read early is the index as the indexer will hold it: a catalog of
 * this format and no stale or unreadable row (those are dropped and their documents rebuilt
 * by load and the first sync, so queries wait for the indexer then).
 */
const usableAsRead = (stored: StoredIndex | null): stored is StoredIndex => !!stored?.catalog && stored.drops.length === 0;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createSearchHost(config: SearchHostConfig): { handle(message: SearchRequest): void; started: Promise<void> } {
  const { post } = config;
  const syncDelay = config.syncDelayMs ?? 30;
  const mergeDelay = config.mergeDelayMs ?? 2_000;
  let status: SearchStatus = { ready: false, indexing: null, error: null };
  let indexer: SearchIndexer | null = null;
  // Answers queries: over the early-read segments first, then through the indexer.
  let searcher: Searcher | null = null;
  let opening: Promise<CasefileDb> | null = null;
  const openDb = () => (opening ??= config.openDb());
  let pageLimit = 0; // the indexer's page budget (status line)
  const latest = new Map<string, number>();
  const cancelled = new Set<number>();
  const queue: Extract<SearchRequest, { type: 'search' }>[] = [];
  let draining = false;

  const setStatus = (next: Partial<SearchStatus>) => {
    status = { ...status, ...next };
    post({ type: 'status', status });
  };

  // ---- queries: one at a time, so a newer query of the same caller can still overtake
  const stale = (req: { id: number; caller: string }) => latest.get(req.caller) !== req.id;
  // Queries wait for the saved segments: run over a half-loaded index they would answer
  // "no hits" marked exact. start() drains once load has finished.
  async function drain(): Promise<void> {
    if (draining || !searcher || !status.ready) return;
    draining = true;
    try {
      for (let req = queue.shift(); req; req = queue.shift()) {
        if (cancelled.delete(req.id)) { post({ type: 'cancelled', id: req.id }); continue; }
        if (stale(req)) { post({ type: 'superseded', id: req.id, by: latest.get(req.caller)! }); continue; }
        const current = req;
        try {
          const results = await searcher(req.input, req.filters, {
            limit: req.limit, abandoned: () => stale(current) || cancelled.has(current.id),
          });
          post({ type: 'result', id: req.id, results });
        } catch (error) {
          if (cancelled.delete(req.id)) post({ type: 'cancelled', id: req.id });
          else if (error instanceof QueryAbandonedError) post({ type: 'superseded', id: req.id, by: latest.get(req.caller)! });
          else post({ type: 'failed', id: req.id, message: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      draining = false;
    }
  }

  // ---- index maintenance: syncs coalesce; merges wait for quiet and yield to syncs
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  let mergeTimer: ReturnType<typeof setTimeout> | undefined;
  let syncing = false;
  let again = false;
  function scheduleSync(delay = syncDelay): void {
    if (mergeTimer) clearTimeout(mergeTimer);
    if (syncing) { again = true; return; }
    if (syncTimer) clearTimeout(syncTimer);
    syncTimer = setTimeout(() => void runSync(), delay);
  }
  async function runSync(): Promise<void> {
    if (!indexer) return;
    syncing = true;
    again = false;
    try {
      const report = await indexer.sync();
      setStatus({
        error: null,
        overBudget: report.documentsOverBudget > 0 ? { sources: report.documentsOverBudget, pageLimit } : null,
      });
    } catch (error) {
      setStatus({ error: { kind: 'update', detail: error instanceof Error ? error.message : String(error) } });
    } finally {
      syncing = false;
    }
    if (again) scheduleSync(0);
    else mergeTimer = setTimeout(() => void runMerges(), mergeDelay);
  }
  async function runMerges(): Promise<void> {
    if (!indexer) return;
    try {
      // One merge at a time, each a separate task: queries and syncs run in between.
      while (!syncing && !again && (await indexer.mergeStep())) await macrotask();
      // Merges replaced big segments: rebuild the fuzzy vocabulary now rather than scan per segment.
      await indexer.prepareVocabulary();
    } catch (error) {
      setStatus({ error: { kind: 'merge', detail: error instanceof Error ? error.message : String(error) } });
    }
  }

  async function start(): Promise<void> {
    try {
      const source = await (config.early ?? Promise.resolve(null)).catch(() => null);
      let stored: StoredIndex | null = null;
      try {
        if (source) stored = await readStored(source).catch(() => null); // null: load reads through Dexie
        if (source && usableAsRead(stored)) {
          const { segments } = stored;
          const noDocInfo = new Map(); // as the indexer's before its first sync
          // Page rows on the raw connection; once it is closed (the indexer took over, or another
          // context upgrades the database), through Dexie.
          const readPages: PageReader = (keys) => source.pages(keys).catch(async () => {
            const db = await openDb();
            return db.pages.bulkGet(keys.map((k) => [k.documentId, k.page] as [string, number]));
          });
          searcher = (input, filters, options) => runQuery(segments, input, filters, { ...options, documentInfo: noDocInfo, readPages });
          setStatus({ ready: true });
          await drain();
        } else {
          source?.close();
        }
        const [side, db] = await Promise.all([import('./searchMaintenance'), openDb()]);
        const idx = new side.SearchIndexer(db, {
          onProgress: (p) => setStatus({ indexing: p }),
          yieldNow: side.pacedYield(),
        });
        await idx.load(Promise.resolve(stored));
        source?.close();
        pageLimit = side.MAX_INDEXED_PAGES;
        indexer = idx;
        searcher = (input, filters, options) => idx.search(input, filters, options);
        if (!status.ready) setStatus({ ready: true });
        // Queries that waited for the load are answered before background work starts: reading
        // positions and the start-up sync would otherwise compete with the first answer.
        await drain();
        // Positions into memory in the background (phrases read byte ranges until then), then
        // rows of an older, still readable format rewritten in the current one.
        setStatus({ warming: true });
        void idx.warmPositions().catch(() => undefined).then(() => {
          setStatus({ warming: false });
          return idx.upgradeStored();
        }).catch(() => undefined);
        (config.watch ?? side.watchRecords)(db, () => scheduleSync());
        scheduleSync(0);
      } finally {
        source?.close();
      }
    } catch (error) {
      searcher = null;
      setStatus({ ready: false, error: { kind: 'unavailable', detail: error instanceof Error ? error.message : String(error) } });
      for (const req of queue.splice(0)) post({ type: 'failed', id: req.id, message: 'search is unavailable' });
    }
  }

  const started = start();
  return {
    started,
    handle(message) {
      switch (message.type) {
        case 'search':
          latest.set(message.caller, message.id);
          queue.push(message);
          void drain();
          break;
        case 'cancel':
          cancelled.add(message.id);
          break;
        case 'changed':
          if (indexer) scheduleSync();
          break;
      }
    },
  };
}
