import { watchTables } from '../db/watchTables';
import type { CasefileDb } from '../db/db';
import { pacedYield } from './pacedYield';
import { MentionsEngine } from '../mentions/engine';
import type { MentionsRequest, MentionsResponse, MentionsStatus } from './mentionsProtocol';

/**
 * The mentions worker's message loop, apart from `self` so tests and the bench can drive
 * it: loads what the stored mentions stand on, then syncs in the background at start and
 * after every change to actors, name rules or documents (bursts coalesce).
 */
export interface MentionsHostConfig {
  openDb: () => Promise<CasefileDb>;
  post: (message: MentionsResponse) => void;
  syncDelayMs?: number;
  /** Pause after each chunk of a long sync, as a share of the time the chunk ran (pacedYield). */
  paceShare?: number;
  /** Calls `onChange` after writes to the tables mentions depend on, with the tables written when it knows them. */
  watch?: (db: CasefileDb, onChange: (tables?: string[]) => void) => () => void;
}

const WATCHED = ['actors', 'documents', 'nameRules'];

/** Calls `onChange` with the tables written, after writes to those mentions depend on, here or in another context (Dexie re-fires those). */
export function watchMentionSources(db: CasefileDb, onChange: (tables?: string[]) => void): () => void {
  return watchTables(db, WATCHED, onChange);
}


export function createMentionsHost(config: MentionsHostConfig): { handle(message: MentionsRequest): void; started: Promise<void> } {
  const { post } = config;
  const syncDelay = config.syncDelayMs ?? 30;
  let status: MentionsStatus = { ready: false, scanning: null, generation: 0, error: null };
  let engine: MentionsEngine | null = null;
  // A sync the user waits for (a name edit, a new document) runs unpaced for its first 3 s
  // (the window's reads still interleave at every chunk); a long catch-up (the first build)
  // then gives the window time back.
  const paced = pacedYield(config.paceShare ?? 0.5, undefined, undefined, 3000);
  const setStatus = (next: Partial<MentionsStatus>) => {
    status = { ...status, ...next };
    post({ type: 'status', status });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let syncing = false;
  let again = false;
  /** When the last sync ended (-Infinity: none yet). */
  let lastEnded = -Infinity;
  /**
   * A change after a quiet spell (no sync waiting or running, none ended within `syncDelay`)
   * is synced at once: a name edit's 30 ms wait was a tenth of a small one and 3 % of a
   * stress edit. A change that follows another closely waits `syncDelay` for the rest of its
   * burst (a bundle import writes in many transactions); one during a sync sets `again`.
   */
  function scheduleSync(delay = syncDelay): void {
    if (syncing) { again = true; return; }
    const quiet = !timer && performance.now() - lastEnded >= syncDelay;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; void runSync(); }, quiet ? 0 : delay);
  }
  async function runSync(): Promise<void> {
    if (!engine) return;
    syncing = true;
    again = false;
    try {
      const t0 = performance.now();
      paced.restart();
      const report = await engine.sync();
      const changed = report.documentsScanned + report.documentsDropped + report.namesChanged + report.pagesRescanned > 0;
      // An interrupted re-scan leaves pages for the next sync, which runs right away.
      const scanning = report.pagesLeft > 0 ? { done: 0, total: report.pagesLeft } : null;
      setStatus({ ready: true, scanning, error: null, ...(changed ? { generation: status.generation + 1, last: { ms: performance.now() - t0, ...report } } : {}) });
      if (report.pagesLeft > 0) again = true;
      // A large edit's pending rows folded into the page rows, then source counts, in the
      // background, each giving way to the next sync.
      await engine.fold(() => again || timer !== undefined);
      await engine.countSources(() => again || timer !== undefined);
    } catch (error) {
      setStatus({ scanning: null, error: error instanceof Error ? error.message : String(error) });
    } finally {
      syncing = false;
      lastEnded = performance.now();
    }
    if (again) scheduleSync(0);
  }

  async function start(): Promise<void> {
    try {
      const db = await config.openDb();
      engine = new MentionsEngine(db, { yieldNow: paced, onProgress: (scanning) => setStatus({ scanning }), interrupted: () => again || timer !== undefined, tablesWatched: true });
      await engine.load();
      (config.watch ?? watchMentionSources)(db, (tables) => { engine?.tablesChanged(tables); scheduleSync(); });
      scheduleSync(0);
    } catch (error) {
      setStatus({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  const started = start();
  return {
    started,
    handle(message) {
      switch (message.type) {
        case 'changed':
          engine?.tablesChanged();
          scheduleSync();
          break;
        case 'suggest':
          void started.then(async () => {
            if (!engine) throw new Error('mentions are unavailable');
            post({ type: 'suggestions', id: message.id, suggestions: await engine.suggest(message.documentId) });
          }).catch((error: unknown) => post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }));
          break;
      }
    },
  };
}
