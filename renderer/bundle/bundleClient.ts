import type { BundleRequest, BundleResponse } from '../workers/bundleProtocol';
import type { WorkerPort } from '../workers/workerPort';
import type { ByteParts } from '../../shared/bundle/parts';
import type {
  BundleClient, BundleProgress, BundleTaskOptions, ExportPartsResult, ExportResult, ImportResult, InspectResult, StreamedExport, StreamedExportEnd,
} from './types';

/** The part of `Worker` the client uses, so tests can stand in for it. */
export type BundleWorkerLike = WorkerPort<BundleRequest, BundleResponse>;

/**
 * A failure the worker reported. `code` names the known ones, for the screens to translate:
 * 'disk-full', 'changed', 'write-failed', 'unknown-token', 'empty-library', 'case-missing', 'crashed'.
 */
export class BundleTaskError extends Error {
  override readonly name = 'BundleTaskError';
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

type JobRequest = Extract<BundleRequest, { type: 'export' | 'inspect' | 'apply' | 'prepareKey' | 'prepareImportKey' | 'warm' }>;
/** Omit over each member of the union, so each keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Outcome = Extract<BundleResponse, { type: 'exported' | 'inspected' | 'applied' | 'keyPrepared' | 'ready' }>;
/** A streamed export's parts before its end. */
type Part = Extract<BundleResponse, { type: 'head' | 'rest' | 'header' }>;

interface Pending {
  onProgress?: ((p: BundleProgress) => void) | undefined;
  onPart?: ((part: Part) => void) | undefined;
  resolve(message: Outcome): void;
  reject(error: Error): void;
  cleanup(): void;
}

const abortError = () => new DOMException('The bundle task was cancelled.', 'AbortError');

const defaultWorker = (): BundleWorkerLike =>
  new Worker(new URL('../workers/bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' });

export interface BundleClientHandle extends BundleClient {
  dispose(): void;
}

/**
 * One bundle worker, started on first use. Cancelling an export or an inspection rejects at
 * once (neither writes anything) and tells the worker to stop. Cancelling an import asks the
 * worker and waits for its answer: it rejects with an AbortError when the transaction was
 * rolled back, and resolves normally if the import had already committed, so the screen
 * never says "cancelled" about data that was written.
 */
export function createBundleClient(createWorker: () => BundleWorkerLike = defaultWorker): BundleClientHandle {
  let worker: BundleWorkerLike | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const onMessage = ({ data }: MessageEvent<BundleResponse>) => {
    const job = pending.get(data.id);
    if (!job) return;
    if (data.type === 'progress') { job.onProgress?.(data.progress); return; }
    if (data.type === 'head' || data.type === 'rest' || data.type === 'header') { job.onPart?.(data); return; }
    pending.delete(data.id);
    job.cleanup();
    if (data.type === 'cancelled') job.reject(abortError());
    else if (data.type === 'failed') job.reject(new BundleTaskError(data.message, data.code));
    else job.resolve(data);
  };
  const crashed = () => {
    worker?.terminate();
    worker = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      job.cleanup();
      job.reject(new BundleTaskError('The bundle worker stopped unexpectedly (it may have run out of memory). Try again: an import that had not finished wrote nothing.', 'crashed'));
    }
  };
  const ensure = (): BundleWorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = onMessage;
    w.onerror = crashed;
    worker = w;
    return w;
  };

  function start<T extends Outcome['type']>(
    request: WithoutId<JobRequest>, opts: BundleTaskOptions, waitOnCancel: boolean, onPart?: (part: Part) => void,
  ): Promise<Extract<Outcome, { type: T }>> {
    if (opts.signal?.aborted) return Promise.reject(abortError());
    const w = ensure();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        w.postMessage({ type: 'cancel', id });
        if (waitOnCancel) return;
        pending.delete(id);
        reject(abortError());
      };
      pending.set(id, {
        onProgress: opts.onProgress,
        onPart,
        resolve: resolve as (m: Outcome) => void,
        reject,
        cleanup: () => opts.signal?.removeEventListener('abort', onAbort),
      });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage({ ...request, id } as BundleRequest);
    });
  }

  return {
    async exportBundle(scope, opts = {}): Promise<ExportResult> {
      const { passphrase } = opts;
      const m = await start<'exported'>({ type: 'export', scope, ...(passphrase !== undefined ? { passphrase } : {}) }, opts, false);
      return m.result as ExportResult;
    },
    async exportBundleParts(scope, opts = {}): Promise<ExportPartsResult> {
      const { passphrase } = opts;
      const m = await start<'exported'>({ type: 'export', scope, as: 'parts', ...(passphrase !== undefined ? { passphrase } : {}) }, opts, false);
      return m.result as ExportPartsResult;
    },
    exportBundleStreamed(scope, opts = {}): Promise<StreamedExport> {
      const { passphrase } = opts;
      return new Promise<StreamedExport>((resolve, reject) => {
        let gotRest!: (rest: ByteParts) => void;
        let lostRest!: (error: unknown) => void;
        const rest = new Promise<ByteParts>((res, rej) => { gotRest = res; lostRest = rej; });
        let gotHeader!: (header: Uint8Array) => void;
        let lostHeader!: (error: unknown) => void;
        const header = new Promise<Uint8Array>((res, rej) => { gotHeader = res; lostHeader = rej; });
        // Awaited by the save; a failure before the head was sent rejects the export itself.
        rest.catch(() => undefined);
        header.catch(() => undefined);
        const finished = start<'exported'>({ type: 'export', scope, as: 'streamed', ...(passphrase !== undefined ? { passphrase } : {}) }, opts, false, (part) => {
          if (part.type === 'rest') { gotRest(part.parts); return; }
          if (part.type === 'header') { gotHeader(part.header); return; }
          const { head } = part;
          const plain = { head: head.parts, rest };
          // Awaited by whoever saves; a failure is seen there (or by the rest first), never unhandled.
          const done = ended.then((e) => e.counts);
          done.catch(() => undefined);
          resolve({ suggestedName: head.suggestedName, encrypted: head.encrypted, file: head.sealing ? { ...head.sealing, plain, header } : plain, done });
        });
        const ended = finished.then((m) => m.result as StreamedExportEnd);
        ended.catch((error: unknown) => {
          lostRest(error);
          lostHeader(error);
          reject(error);
        });
        // (Each settles only once: after a normal end these change nothing.)
        ended.then(() => {
          lostRest(new Error('The bundle worker ended the export without its records.'));
          lostHeader(new Error('The bundle worker ended the export without its age header.'));
          reject(new Error('The bundle worker ended the export without its files.'));
        }, () => undefined);
      });
    },
    async inspectBundle(file, opts = {}): Promise<InspectResult> {
      const { passphrase } = opts;
      const m = await start<'inspected'>({ type: 'inspect', file, ...(passphrase !== undefined ? { passphrase } : {}) }, opts, false);
      return m.result;
    },
    async applyImport(token, choices, opts = {}): Promise<ImportResult> {
      const m = await start<'applied'>({ type: 'apply', token, choices }, opts, true);
      return m.result;
    },
    async prepareKey(passphrase, opts = {}): Promise<void> {
      await start<'keyPrepared'>({ type: 'prepareKey', passphrase }, opts, false);
    },
    async warm(opts = {}): Promise<void> {
      await start<'ready'>({ type: 'warm' }, opts, false);
    },
    async prepareImportKey(file, passphrase, opts = {}): Promise<void> {
      await start<'keyPrepared'>({ type: 'prepareImportKey', file, passphrase }, opts, false);
    },
    discard(token) {
      worker?.postMessage({ type: 'discard', token });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.cleanup();
        job.reject(abortError());
      }
    },
  };
}

let shared: BundleClientHandle | null = null;

/** The app's one bundle client (one worker for every bundle screen). */
export function getBundleClient(): BundleClient {
  return (shared ??= createBundleClient());
}
