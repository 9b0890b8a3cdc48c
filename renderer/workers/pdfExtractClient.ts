import type { ExtractionResult } from '../../shared/pdf/types';
import type { PdfExtractRequest, PdfExtractResponse } from './pdfExtractProtocol';
import type { WorkerPort } from './workerPort';

/** A file still unread after this long is stopped and marked 'timed-out'. */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 60_000;
/** How long a cancelled job may take to stop before its worker is terminated instead. */
export const CANCEL_GRACE_MS = 1_000;

export interface PdfExtractProgress {
  page: number;
  pageCount: number;
}

export interface PdfExtractOptions {
  /** For this attempt only; the client keeps no copy. */
  password?: string;
  onProgress?: (progress: PdfExtractProgress) => void;
  /** Aborting rejects with an AbortError at once; a queued file never starts. */
  signal?: AbortSignal;
  /** Watchdog limit for this file (default: the extractor's). */
  timeoutMs?: number;
}

export interface PdfExtractor {
  /**
   * Extracts one PDF in the worker. `bytes` is transferred (its buffer is detached here):
   * to retry with a password, read the file again. Files queue and run one at a time.
   * Resolves to a document state for every file, including 'timed-out'.
   */
  extract(bytes: ArrayBuffer | Uint8Array, options?: PdfExtractOptions): Promise<ExtractionResult>;
  /** Stops the worker; pending extractions reject with an AbortError. */
  dispose(): void;
}

/** The part of `Worker` the client uses, so tests can stand in for it. */
export type WorkerLike = WorkerPort<PdfExtractRequest, PdfExtractResponse>;

export interface PdfExtractorConfig {
  timeoutMs?: number;
  cancelGraceMs?: number;
  /** Base URL the bundled pdf.js assets are resolved against (default `document.baseURI`). */
  assetBase?: string;
  createWorker?: () => WorkerLike;
}

interface Job {
  id: number;
  bytes: ArrayBuffer;
  options: PdfExtractOptions;
  started: number;
  progress: PdfExtractProgress | null;
  timer?: ReturnType<typeof setTimeout>;
  resolve(result: ExtractionResult): void;
  reject(error: Error): void;
  onAbort(): void;
}

const defaultWorker = (): WorkerLike =>
  new Worker(new URL('./pdfExtract.worker.ts', import.meta.url), { type: 'module', name: 'pdf-extract' });

const abortError = () => new DOMException('Extraction was cancelled.', 'AbortError');

/** The buffer to transfer: the whole of it, or a copy of the viewed part. */
function ownBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

/**
 * One extraction worker, reused from file to file. The watchdog is the only defence
 * against a PDF that makes pdf.js loop or crawl: a worker busy in synchronous parsing
 * never reads a cancel message, so on timeout it is terminated (stopping pdf.js
 * mid-instruction) and the next file gets a fresh worker. Cancelling asks the worker
 * first, so a responsive worker is kept, and terminates it after CANCEL_GRACE_MS.
 */
export function createPdfExtractor(config: PdfExtractorConfig = {}): PdfExtractor {
  const createWorker = config.createWorker ?? defaultWorker;
  const defaultTimeout = config.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const cancelGrace = config.cancelGraceMs ?? CANCEL_GRACE_MS;
  const queue: Job[] = [];
  let worker: WorkerLike | null = null;
  let current: Job | null = null;
  /** A cancelled job whose worker has not yet confirmed it stopped. */
  let retiring: { id: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let nextId = 1;
  let disposed = false;

  const kill = () => {
    worker?.terminate();
    worker = null;
  };

  const settle = (job: Job) => {
    clearTimeout(job.timer);
    job.options.signal?.removeEventListener('abort', job.onAbort);
    if (current === job) current = null;
  };

  const pump = () => {
    if (disposed || current || retiring) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    const w = (worker ??= spawn());
    job.timer = setTimeout(() => timedOut(job), job.options.timeoutMs ?? defaultTimeout);
    const { password } = job.options;
    const assetBase = config.assetBase ?? document.baseURI;
    w.postMessage({ type: 'extract', id: job.id, bytes: job.bytes, assetBase, ...(password !== undefined ? { password } : {}) }, [job.bytes]);
  };

  const endRetiring = (terminate: boolean) => {
    if (!retiring) return;
    clearTimeout(retiring.timer);
    retiring = null;
    if (terminate) kill();
    pump();
  };

  const timedOut = (job: Job) => {
    kill();
    settle(job);
    const { page = 0, pageCount = 0 } = job.progress ?? {};
    const seconds = Math.round((job.options.timeoutMs ?? defaultTimeout) / 100) / 10;
    job.resolve({
      state: 'timed-out',
      pageCount,
      pages: [],
      info: null,
      message: `Stopped after ${seconds} s${pageCount ? ` at page ${page} of ${pageCount}` : ' while opening the file'}: it takes too long to read.`,
      durationMs: Date.now() - job.started,
    });
    pump();
  };

  const crashed = () => {
    kill();
    if (retiring) return endRetiring(false);
    const job = current;
    if (!job) return;
    settle(job);
    job.resolve({
      state: 'damaged',
      pageCount: job.progress?.pageCount ?? 0,
      pages: [],
      info: null,
      message: 'Reading this file stopped the extraction worker (it may be too large for memory).',
      durationMs: Date.now() - job.started,
    });
    pump();
  };

  const onMessage = ({ data }: MessageEvent<PdfExtractResponse>) => {
    if (retiring && data.id === retiring.id) {
      if (data.type !== 'progress') endRetiring(false); // stopped on its own: keep the worker
      return;
    }
    const job = current;
    if (!job || data.id !== job.id) return;
    if (data.type === 'progress') {
      job.progress = { page: data.page, pageCount: data.pageCount };
      job.options.onProgress?.(job.progress);
      return;
    }
    settle(job);
    if (data.type === 'result') job.resolve(data.result);
    else job.reject(data.type === 'failed' ? new Error(data.message) : abortError());
    pump();
  };

  function spawn(): WorkerLike {
    const w = createWorker();
    w.onmessage = onMessage;
    w.onerror = crashed;
    w.onmessageerror = crashed;
    return w;
  }

  const abort = (job: Job) => {
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const wasRunning = current === job;
    settle(job);
    job.reject(abortError());
    if (wasRunning && worker) {
      retiring = { id: job.id, timer: setTimeout(() => endRetiring(true), cancelGrace) };
      worker.postMessage({ type: 'cancel', id: job.id });
    }
  };

  return {
    extract(bytes, options = {}) {
      if (disposed) return Promise.reject(new Error('The PDF extractor was disposed.'));
      if (options.signal?.aborted) return Promise.reject(abortError());
      return new Promise<ExtractionResult>((resolve, reject) => {
        const job: Job = {
          id: nextId++,
          bytes: ownBuffer(bytes),
          options,
          started: Date.now(),
          progress: null,
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
      if (retiring) clearTimeout(retiring.timer);
      retiring = null;
      kill();
      for (const job of [...(current ? [current] : []), ...queue.splice(0)]) {
        settle(job);
        job.reject(abortError());
      }
    },
  };
}
