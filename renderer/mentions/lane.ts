// A second lane for a name edit's re-scan. The engine's worker is busy for all of a large
// re-scan (reading page rows, tokenizing, matching, writing), and the machines Casefile runs
// on have a second core: a lane worker with its own copy of the trie and its own IndexedDB
// connection re-scans half of the pages while the engine does the other half. Both halves
// run the same code (DocumentScanner.rescanPages) over disjoint pages, so the rows written
// are those one lane would write.
//  - The lane's trie follows the engine's through a journal of the names added and removed
//    (JournaledTrie); every request carries what changed since the last one, all names the
//    first time. A lane whose worker failed is not used again: its pages are re-scanned by
//    the engine (a re-scan is idempotent: it compares stored rows with new ones).
//  - The lane reads stored rows only of the pages the engine's StoredPages says may have one,
//    and says which rows it wrote and deleted, so StoredPages stays a superset.
import { NameTrie } from '../../shared/mentions';
import type { NameEntry } from '../../shared/mentions';
import type { CasefileDb } from '../db/db';
import { noTimings, timed } from './pageScan';
import type { PageKey, SyncTimings } from './pageScan';
import { DocumentScanner } from './scanner';
import { splicePlan } from './splice';
import type { SplicePlan } from './splice';
import type { StoredPages, StoredRows } from './storedPages';

/** Re-scans of fewer pages stay on the engine: a request's round trip would cost more than it saves. */
export const LANE_MIN_PAGES = 400;

/** A trie that records the names added and removed while `journal` is set (the lane's client reads it). */
export class JournaledTrie extends NameTrie {
  journal: [added: boolean, entry: NameEntry][] | null = null;

  override add(entry: NameEntry): void {
    super.add(entry);
    this.journal?.push([true, entry]);
  }

  override remove(entry: NameEntry): boolean {
    const removed = super.remove(entry);
    if (removed) this.journal?.push([false, entry]);
    return removed;
  }
}

/** The names the lane applies, in order, before the request's work: all of them (`reset`) or the changes since the last request. */
export interface LaneNames {
  reset?: NameEntry[];
  changes: [added: boolean, entry: NameEntry][];
}

export interface LaneRequest {
  names: LaneNames;
  /** No pages: the request only brings the lane's names up to date. */
  keys: PageKey[];
  /** The keys (of `keys`) that may have a stored row. */
  withRows: PageKey[];
  /** One recorded name added or removed: the lane splices where exact, as the engine would (splice.ts). */
  splice?: { entry: NameEntry; added: boolean; actorEntries: NameEntry[] };
  chunk: number;
}

export interface LaneResult {
  /** Actors whose mentions changed on the lane's pages. */
  touched: string[];
  put: PageKey[];
  removed: PageKey[];
  timings: SyncTimings;
  /** How long the lane took over its pages. */
  elapsedMs: number;
}

/** How the engine reaches its lane: a worker (mentionsLane.worker.ts), or the lane itself in tests. */
export interface LanePort {
  request(request: LaneRequest): Promise<LaneResult>;
}

const keyOf = (documentId: string, page: number): string => `${documentId}\u0000${page}`;

/** StoredRows for one request: the pages the engine said may have a row, and a record of the lane's writes. */
class RequestRows implements StoredRows {
  readonly put: PageKey[] = [];
  readonly removed: PageKey[] = [];
  private readonly have: Set<string>;

  constructor(withRows: readonly PageKey[]) {
    this.have = new Set(withRows.map(([d, p]) => keyOf(d, p)));
  }

  filter(keys: readonly PageKey[]): PageKey[] {
    return keys.filter(([d, p]) => this.have.has(keyOf(d, p)));
  }

  addRows(rows: Iterable<{ documentId: string; page: number }>): void {
    for (const r of rows) this.put.push([r.documentId, r.page]);
  }

  delete(documentId: string, page: number): void {
    this.removed.push([documentId, page]);
  }
}

/** The lane's side: its trie and its database connection. */
export class RescanLane {
  private trie = new NameTrie();

  constructor(private readonly db: CasefileDb) {}

  /** Applies the request's names at once (requests arrive in order), then re-scans its pages. */
  handle(request: LaneRequest): Promise<LaneResult> {
    const { names } = request;
    if (names.reset) this.trie = new NameTrie(names.reset);
    for (const [added, entry] of names.changes) {
      if (added) this.trie.add(entry); else this.trie.remove(entry);
    }
    return this.rescan(request, this.trie);
  }

  private async rescan(request: LaneRequest, trie: NameTrie): Promise<LaneResult> {
    const started = performance.now();
    const timings = noTimings();
    const touched = new Set<string>();
    if (!request.keys.length) return { touched: [], put: [], removed: [], timings, elapsedMs: 0 };
    const rows = new RequestRows(request.withRows);
    const scanner = new DocumentScanner({ db: this.db, trie, docs: new Map(), stored: rows, chunk: request.chunk, pause: () => Promise.resolve() });
    const { splice } = request;
    const plan = splice ? splicePlan(trie, splice.entry, splice.added, splice.actorEntries) : undefined;
    await scanner.rescanPages(request.keys, touched, timings, () => false, plan);
    return { touched: [...touched], put: rows.put, removed: rows.removed, timings, elapsedMs: performance.now() - started };
  }
}

/** The engine's side: keeps the lane's names in step and hands it half of a large re-scan. */
export class LaneClient {
  private synced = false;
  private failed = false;
  /**
   * The share of a re-scan's pages the lane takes: a half at first, then what the two sides'
   * speeds over the last shared re-scan say (the engine's side also answers the window and
   * paces itself, so it is often the slower).
   */
  share = 0.5;

  constructor(private readonly port: LanePort, private readonly trie: JournaledTrie, private readonly allEntries: () => NameEntry[]) {}

  /** False once the lane failed: it is not used again. */
  get usable(): boolean {
    return !this.failed;
  }

  private names(): LaneNames {
    if (!this.synced || !this.trie.journal) {
      this.trie.journal = [];
      this.synced = true;
      return { reset: this.allEntries(), changes: [] };
    }
    const changes = this.trie.journal;
    this.trie.journal = [];
    return { changes };
  }

  /** Sends the lane its names ahead of the next re-scan (after a sync), so that re-scan carries few. */
  warm(): void {
    if (this.failed || (this.synced && !this.trie.journal?.length)) return;
    void this.send({ names: this.names(), keys: [], withRows: [], chunk: 1 }).catch(() => undefined);
  }

  /** The lane's half of a re-scan. Rejects (and the lane is not used again) when the lane fails. */
  rescan(keys: PageKey[], withRows: PageKey[], splice: LaneRequest['splice'], chunk: number): Promise<LaneResult> {
    return this.send({ names: this.names(), keys, withRows, ...(splice ? { splice } : {}), chunk });
  }

  /** Moves `share` toward what the last shared re-scan's speeds say: `pages` each, in `ms` each. */
  learn(enginePages: number, engineMs: number, lanePages: number, laneMs: number): void {
    if (enginePages <= 0 || lanePages <= 0 || engineMs <= 0 || laneMs <= 0) return;
    const lane = lanePages / laneMs;
    const engine = enginePages / engineMs;
    const target = lane / (lane + engine);
    this.share = Math.min(0.75, Math.max(0.25, (this.share + target) / 2));
  }

  private async send(request: LaneRequest): Promise<LaneResult> {
    try {
      return await this.port.request(request);
    } catch (error) {
      this.failed = true;
      this.trie.journal = null;
      throw error;
    }
  }
}

export interface SharedRescan {
  pages: PageKey[];
  touched: Set<string>;
  timings: SyncTimings;
  plan: SplicePlan | undefined;
  splice: LaneRequest['splice'];
  chunk: number;
  interrupted: (() => boolean) | undefined;
}

/**
 * Re-scans the pages, the last part (the lane's share) on the lane. Returns the pages left by
 * an interruption (only the engine's part stops early). A lane that fails leaves its part to
 * the engine.
 */
export async function rescanWithLane(lane: LaneClient, scanner: DocumentScanner, stored: StoredPages, job: SharedRescan): Promise<PageKey[]> {
  const { pages, touched, timings, plan, splice, interrupted } = job;
  const mine = Math.ceil(pages.length * (1 - lane.share));
  const theirs = pages.slice(mine);
  const request = lane.rescan(theirs, stored.filter(theirs), splice, job.chunk);
  // Awaited below in any case; until then a rejection must not surface as unhandled.
  request.catch(() => undefined);
  const started = performance.now();
  const left = await scanner.rescanPages(pages.slice(0, mine), touched, timings, interrupted, plan);
  const ownMs = performance.now() - started;
  try {
    const done = await timed(timings, 'laneMs', () => request);
    if (!left.length) lane.learn(mine, ownMs, theirs.length, done.elapsedMs);
    for (const id of done.touched) touched.add(id);
    for (const [documentId, page] of done.put) stored.add(documentId, page);
    for (const [documentId, page] of done.removed) stored.delete(documentId, page);
    timings.rowsWritten += done.timings.rowsWritten;
    timings.rowsDeleted += done.timings.rowsDeleted;
    timings.pagesSpliced += done.timings.pagesSpliced;
    timings.lanePages += theirs.length;
    return left;
  } catch {
    return [...left, ...(await scanner.rescanPages(theirs, touched, timings, interrupted, plan))];
  }
}
