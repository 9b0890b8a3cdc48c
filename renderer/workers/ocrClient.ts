import { failedPage, type OcrPageResult } from '../../shared/ocr';
import type { OcrRequest, OcrResponse } from './ocrProtocol';
import type { WorkerPort } from './workerPort';

/** Per-page limit for recognition (a very noisy page kept the tesseract CLI busy for over a minute). */
export const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
/** Beyond the page limit, how long the worker may stay silent before it is presumed stuck (rendering, say). */
export const STALL_GRACE_MS = 30_000;
export const DEFAULT_OCR_LANGUAGES = 'spa+eng';

export interface OcrProgress {
  /** The page being read (1-based) and the document's page count. */
  page: number;
  pageCount: number;
  stage: 'rendering' | 'recognizing';
  /** Share of this page's recognition done, 0–1. */
  fraction: number;
  /** Pages finished so far in this call, and how many it asked for. */
  done: number;
  total: number;
}

export interface OcrOptions {
  /** 1-based pages to read, in this order (default: all). */
  pages?: number[];
  /** Tesseract languages joined by '+' (default 'spa+eng'). */
  languages?: string;
  /** For this attempt only; the client keeps no copy beyond the call. */
  password?: string;
  /** Render resolution (default 300; lowered for very large pages). */
  dpi?: number;
  pageTimeoutMs?: number;
  /** Each page's result as soon as it is read (to store it and resume after a pause). */
  onPage?: (result: OcrPageResult) => void;
  onProgress?: (progress: OcrProgress) => void;
  /** Aborting rejects with an AbortError at once and stops the engine mid-page. */
  signal?: AbortSignal;
}

export interface OcrDocumentResult {
  pageCount: number;
  /** One result per page asked for, in the order asked. */
  pages: OcrPageResult[];
  durationMs: number;
}

export interface OcrClient {
  /**
   * OCRs pages of one PDF in the OCR worker. Calls queue and run one at a time. Resolves with
   * every page's result, failures included ('timed-out', 'no-text', …); rejects only when the
   * PDF cannot be opened (Error) or on abort/dispose (AbortError). Pass the stored Blob where
   * there is one: it goes to the worker as a reference, with no copy on the main thread (bytes
   * are copied into a Blob once; the caller's stay untouched).
   */
  ocr(file: Blob | ArrayBuffer | Uint8Array, options?: OcrOptions): Promise<OcrDocumentResult>;
  /** Stops the worker; pending calls reject with an AbortError. */
  dispose(): void;
}

/** The part of `Worker` the client uses, so tests can stand in for it. */
export type OcrWorkerLike = WorkerPort<OcrRequest, OcrResponse>;

export interface OcrClientConfig {
  pageTimeoutMs?: number;
  stallGraceMs?: number;
  /** Base URL of the bundled pdf.js and tesseract.js files (default `document.baseURI`). */
  assetBase?: string;
  createWorker?: () => OcrWorkerLike;
}

interface Job {
  file: Blob;
  options: OcrOptions;
  /** The pages still to read (all pages until the document was opened, when absent). */
  remaining: number[] | null;
  pageCount: number;
  results: OcrPageResult[];
  total: number;
  started: number;
  /** The id of the worker request now serving this job (a stuck worker's job is re-posted). */
  requestId: number;
  current: number | null;
  resolve(result: OcrDocumentResult): void;
  reject(error: Error): void;
  onAbort(): void;
}

const defaultWorker = (): OcrWorkerLike =>
  new Worker(new URL('./ocr.worker.ts', import.meta.url), { type: 'module', name: 'ocr' });

const abortError = () => new DOMException('OCR was cancelled.', 'AbortError');

/**
 * One OCR worker, reused from call to call (it keeps tesseract's languages loaded). The worker
 * enforces the per-page limit itself (terminating its tesseract worker). The client's watchdog
 * is the backstop for a worker that falls silent (pdf.js stuck rendering, a crash): the worker is
 * terminated, the page in hand is reported as failed, and the call carries on with the pages left
 * in a fresh worker. Aborting terminates the worker: wasm cannot be interrupted mid-page.
 */
export function createOcrClient(config: OcrClientConfig = {}): OcrClient {
  const createWorker = config.createWorker ?? defaultWorker;
  const defaultPageTimeout = config.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const stallGrace = config.stallGraceMs ?? STALL_GRACE_MS;
  const queue: Job[] = [];
  let worker: OcrWorkerLike | null = null;
  let current: Job | null = null;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  let disposed = false;

  const pageTimeout = (job: Job) => job.options.pageTimeoutMs ?? defaultPageTimeout;

  const kill = () => {
    worker?.terminate();
    worker = null;
  };

  const arm = (job: Job) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => stuck(job, 'timed-out'), pageTimeout(job) + stallGrace);
  };

  const finish = (job: Job) => {
    clearTimeout(watchdog);
    job.options.signal?.removeEventListener('abort', job.onAbort);
    if (current === job) current = null;
  };

  const post = (job: Job) => {
    job.requestId = nextId++;
    const w = (worker ??= spawn());
    const { password, dpi, languages = DEFAULT_OCR_LANGUAGES } = job.options;
    arm(job);
    w.postMessage({
      type: 'ocr',
      id: job.requestId,
      file: job.file,
      languages,
      pageTimeoutMs: pageTimeout(job),
      assetBase: config.assetBase ?? document.baseURI,
      ...(job.remaining ? { pages: job.remaining } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(dpi !== undefined ? { dpi } : {}),
    });
  };

  const pump = () => {
    if (disposed || current) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    post(job);
  };

  const complete = (job: Job) => {
    finish(job);
    job.resolve({ pageCount: job.pageCount, pages: job.results, durationMs: Math.round(performance.now() - job.started) });
    pump();
  };

  const addPage = (job: Job, result: OcrPageResult) => {
    job.results.push(result);
    job.remaining = job.remaining?.filter((p) => p !== result.page) ?? null;
    job.current = null;
    job.options.onPage?.(result);
  };

  /** The worker fell silent or crashed: report the page in hand, go on with the rest in a new worker. */
  const stuck = (job: Job, reason: 'timed-out' | 'engine-failed') => {
    kill();
    if (current !== job) return;
    if (job.current === null || job.remaining === null) {
      // Stuck opening the document: nothing to resume.
      finish(job);
      job.reject(new Error(reason === 'timed-out' ? 'OCR stopped: the document takes too long to open.' : 'The OCR worker stopped while opening the document.'));
      pump();
      return;
    }
    const facts = { page: job.current, width: 0, height: 0, durationMs: 0 };
    addPage(job, failedPage(facts, reason, reason === 'timed-out' ? { timeoutMs: pageTimeout(job) + stallGrace } : { message: 'the OCR worker stopped (out of memory?)' }));
    if (job.remaining.length === 0) complete(job);
    else post(job);
  };

  const onMessage = ({ data }: MessageEvent<OcrResponse>) => {
    const job = current;
    if (!job || data.id !== job.requestId) return;
    arm(job);
    switch (data.type) {
      case 'opened':
        job.pageCount = data.pageCount;
        job.remaining ??= Array.from({ length: data.pageCount }, (_, i) => i + 1);
        if (job.total === 0) job.total = job.remaining.length;
        return;
      case 'progress':
        job.current = data.page;
        job.options.onProgress?.({ page: data.page, pageCount: job.pageCount, stage: data.stage, fraction: data.fraction, done: job.results.length, total: job.total });
        return;
      case 'page':
        addPage(job, data.result);
        return;
      case 'done':
        complete(job);
        return;
      case 'failed':
        finish(job);
        job.reject(new Error(data.message));
        pump();
    }
  };

  function spawn(): OcrWorkerLike {
    const w = createWorker();
    w.onmessage = onMessage;
    const crashed = () => { if (current) stuck(current, 'engine-failed'); else kill(); };
    w.onerror = crashed;
    w.onmessageerror = crashed;
    return w;
  }

  const abort = (job: Job) => {
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const wasRunning = current === job;
    finish(job);
    job.reject(abortError());
    if (wasRunning) {
      kill();
      pump();
    }
  };

  return {
    ocr(file, options = {}) {
      if (disposed) return Promise.reject(new Error('The OCR client was disposed.'));
      if (options.signal?.aborted) return Promise.reject(abortError());
      return new Promise<OcrDocumentResult>((resolve, reject) => {
        const pages = options.pages ? [...options.pages] : null;
        const job: Job = {
          file: file instanceof Blob ? file : new Blob([file as BlobPart], { type: 'application/pdf' }),
          options,
          remaining: pages,
          pageCount: 0,
          results: [],
          total: pages?.length ?? 0,
          started: performance.now(),
          requestId: 0,
          current: null,
          resolve,
          reject,
          onAbort: () => abort(job),
        };
        options.signal?.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
    dispose() {
      disposed = true;
      kill();
      for (const job of [...(current ? [current] : []), ...queue.splice(0)]) {
        finish(job);
        job.reject(abortError());
      }
    },
  };
}
