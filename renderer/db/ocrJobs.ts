import Dexie from 'dexie';
import { OCR_PAGE_STATES, pageNeedsOcr } from '../../shared/pdf/pageState';
import type { CasefileDb, MetaRow } from './db';
import type { PageRow } from './derive';

/**
 * The OCR queue (database version 5): one row per document whose pages are to be read. It
 * lives in IndexedDB so a restart resumes where it stopped: a page is `done` once its result
 * is stored (in the same transaction as the page row), so no stored page is read twice.
 * The runner (renderer/ocr) takes queued jobs one document at a time; the UI changes status
 * here (pause, resume, cancel) and the runner follows the database.
 */
export type OcrJobStatus = 'queued' | 'running' | 'paused' | 'cancelled' | 'done';

export interface OcrJobRow {
  documentId: string;
  status: OcrJobStatus;
  /** The pages this job reads, in order. */
  pages: number[];
  /** Of them, those whose result is stored (read, blank or failed). */
  done: number[];
  /** Of the done pages, those that failed (the reason is in the page row's `ocr`). */
  failed: number[];
  /** Tesseract languages ('spa+eng'): from the document's language when the job last started. */
  languages: string;
  createdAt: number;
  updatedAt: number;
  /** When it ended (done or cancelled), else null. */
  finishedAt: number | null;
  /** Why the job stopped early (the file could not be opened): shown with the document. */
  error?: string;
}

/** Jobs that still hold work: the runner takes 'queued' (and 'running', after a restart). */
export const ACTIVE_OCR_STATUSES: readonly OcrJobStatus[] = ['queued', 'running', 'paused'];
const QUEUE_PAUSED_KEY = 'ocrQueuePaused';

export function newOcrJob(documentId: string, pages: readonly number[], languages: string, now: number): OcrJobRow {
  return { documentId, status: 'queued', pages: [...pages], done: [], failed: [], languages, createdAt: now, updatedAt: now, finishedAt: null };
}

/** The pages a job still has to read, in order. */
export const pagesLeft = (job: Pick<OcrJobRow, 'pages' | 'done'>): number[] => {
  const done = new Set(job.done);
  return job.pages.filter((p) => !done.has(p));
};

export function pagesOfDocument(db: CasefileDb, documentId: string) {
  return db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]);
}

/** Pages that OCR can read again: those that need it and those it already read. */
export const ocrablePage = (row: Pick<PageRow, 'state'>): boolean => pageNeedsOcr(row.state) || row.state === 'ocr';

export type EnqueueScope =
  /** Pages needing OCR (a new document, the backlog). */
  | { kind: 'needing' }
  /** Every page OCR can read, read ones included ("Read with OCR again"). */
  | { kind: 'all' }
  /** One page, added to the document's waiting job if it has one. */
  | { kind: 'page'; page: number };

/**
 * Queues a document's pages for OCR. 'needing' and 'all' replace the document's job (a job
 * running now is stopped by the runner, which sees its row change); 'page' joins the job
 * still waiting or running, or starts a new one. Returns the job, or null when there is
 * nothing to read (or the document is not live).
 */
export async function enqueueOcr(db: CasefileDb, documentId: string, scope: EnqueueScope, languages: string, now = Date.now()): Promise<OcrJobRow | null> {
  return db.transaction('rw', [db.documents, db.pages, db.ocrJobs], async () => {
    if (!(await db.documents.get(documentId))) return null;
    const rows = await pagesOfDocument(db, documentId).toArray();
    if (scope.kind === 'page') {
      const row = rows.find((r) => r.page === scope.page);
      if (!row || !ocrablePage(row)) return null;
      const job = await db.ocrJobs.get(documentId);
      if (job && ACTIVE_OCR_STATUSES.includes(job.status)) {
        const next: OcrJobRow = {
          ...job,
          pages: job.pages.includes(scope.page) ? job.pages : [...job.pages, scope.page],
          done: job.done.filter((p) => p !== scope.page),
          failed: job.failed.filter((p) => p !== scope.page),
          updatedAt: now,
        };
        await db.ocrJobs.put(next);
        return next;
      }
      const fresh = newOcrJob(documentId, [scope.page], languages, now);
      await db.ocrJobs.put(fresh);
      return fresh;
    }
    const pages = rows.filter((r) => (scope.kind === 'all' ? ocrablePage(r) : pageNeedsOcr(r.state))).map((r) => r.page);
    if (pages.length === 0) return null;
    const job = newOcrJob(documentId, pages, languages, now);
    await db.ocrJobs.put(job);
    return job;
  });
}

/**
 * Queues every live document with pages needing OCR and no job yet: the backlog found on
 * start (documents added before version 5, or arriving in a bundle). Reads page keys only
 * (the `state` index), not page text. A document whose job was cancelled or is done keeps
 * it and is not queued again. Returns how many jobs it added.
 */
export async function ensureOcrJobs(db: CasefileDb, languagesOf: (language: string) => string, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.documents, db.pages, db.ocrJobs], async () => {
    const keys = await db.pages.where('state').anyOf([...OCR_PAGE_STATES]).primaryKeys();
    const byDoc = new Map<string, number[]>();
    for (const [documentId, page] of keys) {
      const list = byDoc.get(documentId);
      if (list) list.push(page);
      else byDoc.set(documentId, [page]);
    }
    const ids = [...byDoc.keys()];
    const [jobs, docs] = await Promise.all([db.ocrJobs.bulkGet(ids), db.documents.bulkGet(ids)]);
    const waiting = docs.filter((doc, i) => doc && !jobs[i]).map((doc) => doc!).sort((a, b) => a.createdAt - b.createdAt);
    // Queued now (behind any job already waiting), oldest documents first: a ms apart keeps that order.
    const fresh = waiting.map((doc, i) => newOcrJob(doc.id, byDoc.get(doc.id)!.sort((a, b) => a - b), languagesOf(doc.language), now + i));
    if (fresh.length) await db.ocrJobs.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Every job, oldest first (the order the runner takes them). */
export async function listOcrJobs(db: CasefileDb): Promise<OcrJobRow[]> {
  return db.ocrJobs.orderBy('createdAt').toArray();
}

/** The next job to run: queued (or left 'running' by a session that ended), oldest first, of a live document. */
export async function nextOcrJob(db: CasefileDb): Promise<OcrJobRow | null> {
  return db.transaction('r', [db.ocrJobs, db.documents], async () => {
    const jobs = (await db.ocrJobs.where('status').anyOf(['queued', 'running']).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    for (const job of jobs) if (await db.documents.get(job.documentId)) return job;
    return null;
  });
}

/** Marks a job running with the languages it reads in; false when it changed meanwhile (paused, cancelled, replaced). */
export async function startOcrJob(db: CasefileDb, job: OcrJobRow, languages: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.ocrJobs, async () => {
    const row = await db.ocrJobs.get(job.documentId);
    if (!row || row.createdAt !== job.createdAt || (row.status !== 'queued' && row.status !== 'running')) return false;
    await db.ocrJobs.put({ ...row, status: 'running', languages, updatedAt: now });
    return true;
  });
}

/** Ends a job: done (every page stored, or the file would not open: `error`), or back to queued after the queue paused. */
export async function endOcrJob(db: CasefileDb, job: OcrJobRow, outcome: { status: 'done'; error?: string } | { status: 'queued' }, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.ocrJobs, async () => {
    const row = await db.ocrJobs.get(job.documentId);
    if (!row || row.createdAt !== job.createdAt || row.status !== 'running') return;
    const ended = outcome.status === 'done';
    await db.ocrJobs.put({
      ...row, status: outcome.status, updatedAt: now, finishedAt: ended ? now : null,
      ...(ended && 'error' in outcome && outcome.error ? { error: outcome.error } : {}),
    });
  });
}

/** Pause, resume or cancel one document's job. Resuming a cancelled job is not offered: read it again instead. */
export async function setOcrJobStatus(db: CasefileDb, documentId: string, action: 'pause' | 'resume' | 'cancel', now = Date.now()): Promise<void> {
  await db.transaction('rw', db.ocrJobs, async () => {
    const row = await db.ocrJobs.get(documentId);
    if (!row || !ACTIVE_OCR_STATUSES.includes(row.status)) return;
    const status: OcrJobStatus = action === 'pause' ? 'paused' : action === 'resume' ? (row.status === 'paused' ? 'queued' : row.status) : 'cancelled';
    await db.ocrJobs.put({ ...row, status, updatedAt: now, finishedAt: status === 'cancelled' ? now : null });
  });
}

/** Cancels every job still holding work. */
export async function cancelAllOcr(db: CasefileDb, now = Date.now()): Promise<void> {
  await db.ocrJobs.where('status').anyOf([...ACTIVE_OCR_STATUSES]).modify({ status: 'cancelled', updatedAt: now, finishedAt: now });
}

/** The whole queue paused (it stays paused across restarts until resumed). */
export async function isOcrQueuePaused(db: CasefileDb): Promise<boolean> {
  return (await db.meta.get(QUEUE_PAUSED_KEY))?.value === true;
}

export async function setOcrQueuePaused(db: CasefileDb, paused: boolean): Promise<void> {
  await db.meta.put({ key: QUEUE_PAUSED_KEY, value: paused } satisfies MetaRow);
}
