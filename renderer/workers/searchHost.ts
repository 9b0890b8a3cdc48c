import Dexie from 'dexie';
import type { CasefileDb } from '../db/db';
import { pacedYield } from './pacedYield';
import { MAX_INDEXED_PAGES, QueryAbandonedError, SearchIndexer } from '../search/indexer';
import { readStored } from '../search/storedLoad';
import type { StoredSource } from '../search/storedLoad';
import type { SearchStatus } from '../search/types';
import type { SearchRequest, SearchResponse } from './searchProtocol';

/**
 * The search worker's message loop, apart from `self` so it can be driven in tests:
 * opens the database, loads the index, answers queries as soon as the loaded segments are
 * in memory, syncs on every database change and merges when things have been quiet.
 */
export interface SearchHostConfig {
  openDb: () => Promise<CasefileDb>;
  /**
   * The stored index already being read on a raw connection (searchEarlyRead.ts), decoded while
   * Dexie opens; null or absent: the indexer reads it through Dexie.
   */
  early?: Promise<(StoredSource & { close(): void }) | null>;
  post: (message: SearchResponse) => void;
  /** Delay after a change before syncing (coalesces bursts of writes). */
  syncDelayMs?: number;
  /** Quiet time after the last sync before background merges start. */
  mergeDelayMs?: number;
  /** Watch the database for changes (default: a Dexie liveQuery, which also sees other windows' writes). */
  watch?: (db: CasefileDb, onChange: () => void) => () => void;
}

/**
 * Calls `onChange` after every committed write to actors, events or documents, made here or
 * in another context of the origin (the window): Dexie re-fires its `storagemutated` event
 * for writes it receives over its BroadcastChannel. (A liveQuery over a fingerprint would do
 * the same with a query per change; this needs none, and also runs under fake-indexeddb.)
 */
export function watchRecords(db: CasefileDb, onChange: () => void): () => void {
  const watched = ['actors', 'events', 'documents'].map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => watched.some((prefix) => key.startsWith(prefix)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createSearchHost(config: SearchHostConfig): { handle(message: SearchRequest): void; started: Promise<void> } {
  const { post } = config;
  const syncDelay = config.syncDelayMs ?? 30;
  const mergeDelay = config.mergeDelayMs ?? 2_000;
  let status: SearchStatus = { ready: false, indexing: null, error: null };
  let indexer: SearchIndexer | null = null;
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
    if (draining || !indexer || !status.ready) return;
    draining = true;
    try {
      for (let req = queue.shift(); req; req = queue.shift()) {
        if (cancelled.delete(req.id)) { post({ type: 'cancelled', id: req.id }); continue; }
        if (stale(req)) { post({ type: 'superseded', id: req.id, by: latest.get(req.caller)! }); continue; }
        const current = req;
        try {
          const results = await indexer.search(req.input, req.filters, {
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
        overBudget: report.documentsOverBudget > 0 ? { sources: report.documentsOverBudget, pageLimit: MAX_INDEXED_PAGES } : null,
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
      const early = config.early ?? Promise.resolve(null);
      const preread = early.then((source) => (source ? readStored(source) : null));
      preread.catch(() => undefined); // load falls back to Dexie
      let db: CasefileDb;
      try {
        db = await config.openDb();
        indexer = new SearchIndexer(db, {
          onProgress: (p) => setStatus({ indexing: p }),
          yieldNow: pacedYield(),
        });
        await indexer.load(preread);
      } finally {
        void preread.finally(() => early.then((source) => source?.close())).catch(() => undefined);
      }
      setStatus({ ready: true });
      // Queries that waited for the load are answered before background work starts: reading
      // positions and the start-up sync would otherwise compete with the first answer.
      await drain();
      // Positions into memory in the background (phrases read byte ranges until then), then
      // rows of an older, still readable format rewritten in the current one.
      const idx = indexer;
      void idx.warmPositions().then(() => idx.upgradeStored()).catch(() => undefined);
      (config.watch ?? watchRecords)(db, () => scheduleSync());
      scheduleSync(0);
    } catch (error) {
      setStatus({ error: { kind: 'unavailable', detail: error instanceof Error ? error.message : String(error) } });
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
