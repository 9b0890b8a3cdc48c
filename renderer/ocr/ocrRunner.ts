import { watchTables } from '../db/watchTables';
import type { OcrPageResult } from '../../shared/ocr';
import { ocrLanguagesFor } from '../../shared/ocr/languages';
import type { CasefileDb } from '../db/db';
import { getDocumentBlob } from '../db/documents';
import type { OcrJobRow } from '../db/ocrJobs';
import { endOcrJob, ensureOcrJobs, isOcrQueuePaused, nextOcrJob, pagesLeft, startOcrJob } from '../db/ocrJobs';
import { storeOcrPage } from '../db/ocrPages';
import type { OcrClient } from '../workers/ocrClient';
import { PageClock, splitPages } from './progress';

export interface OcrRunnerStatus {
  /** The document being read, or null when idle. */
  documentId: string | null;
  /** Measured seconds per page over this session, null until a page is stored. */
  secondsPerPage: number | null;
}

export interface OcrRunnerOptions {
  createClient: () => Pick<OcrClient, 'ocr' | 'dispose'>;
  /** OCR workers, each reading its share of a document's pages (ocrWorkerCount). */
  workers: number;
  pageTimeoutMs?: number;
  now?: () => number;
  onStatus?: (status: OcrRunnerStatus) => void;
  /** Calls `onChange` after writes to the queue, the pause flag or documents (default: Dexie's storagemutated). */
  watch?: (db: CasefileDb, onChange: () => void) => () => void;
}

/** Writes to these tables may mean a job to start or one to stop. */
export function watchQueue(db: CasefileDb, onChange: () => void): () => void {
  return watchTables(db, ['ocrJobs', 'meta', 'documents'], () => onChange());
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Reads the OCR queue, one document at a time, its pages shared between `workers` OCR
 * clients. Each page's result is stored as it arrives (one small transaction), so a pause or
 * a closed window loses at most the pages in hand. The runner follows the database: pausing,
 * resuming and cancelling are writes (renderer/db/ocrJobs.ts) it sees and obeys, which is also
 * how another window's pause reaches it. Clients are kept while there is work (tesseract keeps
 * its languages loaded) and disposed when the queue is empty, giving their memory back.
 */
export class OcrRunner {
  private readonly now: () => number;
  private readonly clock = new PageClock();
  private clients: Pick<OcrClient, 'ocr' | 'dispose'>[] = [];
  private stopped = false;
  private dirty = true;
  private wakeUp: (() => void) | null = null;
  private unwatch: (() => void) | null = null;
  private current: { job: OcrJobRow; controller: AbortController } | null = null;
  private status: OcrRunnerStatus = { documentId: null, secondsPerPage: null };
  /** Ends when the loop has stopped (after stop()). */
  done: Promise<void> = Promise.resolve();

  constructor(private readonly db: CasefileDb, private readonly opts: OcrRunnerOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    this.unwatch = (this.opts.watch ?? watchQueue)(this.db, () => this.wake());
    this.done = this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.unwatch?.();
    this.current?.controller.abort();
    this.wake();
  }

  private wake(): void {
    this.dirty = true;
    this.wakeUp?.();
    if (this.current) void this.checkCurrent();
  }

  private changed(): Promise<void> {
    if (this.dirty || this.stopped) return Promise.resolve();
    return new Promise((resolve) => { this.wakeUp = resolve; });
  }

  private report(patch: Partial<OcrRunnerStatus>): void {
    this.status = { ...this.status, ...patch, secondsPerPage: this.clock.secondsPerPage(this.now()) };
    this.opts.onStatus?.(this.status);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.dirty = false;
      this.wakeUp = null;
      // Scans that arrived without a job (the backlog of an upgraded library, a bundle, a
      // document back from the trash) join the queue; reads page keys only, so cheap to repeat.
      await ensureOcrJobs(this.db, ocrLanguagesFor, this.now());
      const job = (await isOcrQueuePaused(this.db)) ? null : await nextOcrJob(this.db);
      if (this.stopped) break;
      if (!job) {
        this.releaseClients();
        await this.changed();
        continue;
      }
      await this.run(job);
    }
    this.releaseClients();
  }

  /** Stops the job in hand when the queue was paused or its row changed (paused, cancelled, replaced, gone). */
  private async checkCurrent(): Promise<void> {
    const current = this.current;
    if (!current) return;
    const [paused, row, doc] = await Promise.all([
      isOcrQueuePaused(this.db), this.db.ocrJobs.get(current.job.documentId), this.db.documents.get(current.job.documentId),
    ]);
    // 'done': the last page was just stored; the client is finishing by itself.
    const same = row && row.createdAt === current.job.createdAt && (row.status === 'running' || row.status === 'done');
    if (paused || !same || !doc) current.controller.abort();
  }

  private async run(job: OcrJobRow): Promise<void> {
    const doc = await this.db.documents.get(job.documentId);
    const blob = await getDocumentBlob(this.db, job.documentId);
    const languages = ocrLanguagesFor(doc?.language ?? '');
    if (!doc || !(await startOcrJob(this.db, job, languages, this.now()))) return;
    if (!blob) {
      await endOcrJob(this.db, job, { status: 'done', error: 'The file is missing from the library.' }, this.now());
      return;
    }
    const controller = new AbortController();
    this.current = { job, controller };
    this.clock.start(this.now());
    this.report({ documentId: job.documentId });
    // Stored one after another, in the order they arrive: small transactions, never two at once.
    let writes = Promise.resolve();
    const store = (result: OcrPageResult) => {
      writes = writes.then(async () => {
        await storeOcrPage(this.db, job.documentId, result, job.createdAt, this.now());
        this.clock.page();
        this.report({});
      });
    };
    try {
      const shares = splitPages(pagesLeft(job), this.opts.workers);
      while (this.clients.length < shares.length) this.clients.push(this.opts.createClient());
      await Promise.all(shares.map((pages, i) => this.clients[i]!.ocr(blob, {
        pages, languages, signal: controller.signal, onPage: store,
        ...(this.opts.pageTimeoutMs ? { pageTimeoutMs: this.opts.pageTimeoutMs } : {}),
      })));
      await writes;
      await endOcrJob(this.db, job, { status: 'done' }, this.now());
    } catch (error) {
      const stopped = isAbort(error) || controller.signal.aborted;
      controller.abort(); // the other workers' shares too
      await writes.catch(() => undefined);
      if (stopped) {
        // Paused, cancelled or replaced: the row says which; a queue-wide pause puts the job back in line.
        if (await isOcrQueuePaused(this.db)) await endOcrJob(this.db, job, { status: 'queued' }, this.now());
      } else {
        await endOcrJob(this.db, job, { status: 'done', error: error instanceof Error ? error.message : String(error) }, this.now());
      }
    } finally {
      this.current = null;
      this.clock.stop(this.now());
      this.report({ documentId: null });
    }
  }

  private releaseClients(): void {
    for (const client of this.clients.splice(0)) client.dispose();
  }
}
