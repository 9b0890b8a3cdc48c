import type { DigestFile } from '../../shared/bundle';
import type { Digest } from '../../shared/bundle/stream';
import type { WorkerPort } from './workerPort';

export interface HashRequest { id: number; blob: Blob }
export type HashResponse = { id: number; digest: Digest } | { id: number; error: string };

export interface FileHasher {
  readonly digestFile: DigestFile;
  /** Ends the worker; digests still asked for reject. */
  close(): void;
}

const stopped = () => new DOMException('The file check was stopped.', 'AbortError');

/** Hashing workers an inspection starts: one a core, up to two (the bundle worker reads the records meanwhile). */
export const MAX_HASH_WORKERS = 2;

/**
 * Hashing workers for one inspection (hash.worker.ts): `digestFile` hands a PDF's Blob to the
 * worker with the fewest files waiting and resolves with its SHA-256 and CRC-32. Two workers,
 * where there are two cores, finish the PDFs while the bundle worker reads the records and then
 * share both cores once the records are read. Null where no worker can start (Node tests): the
 * reader then hashes on its own thread, as it always could.
 */
export function createFileHasher(
  start: () => WorkerPort<HashRequest, HashResponse> | null = defaultWorker,
  lanes = Math.min(MAX_HASH_WORKERS, globalThis.navigator?.hardwareConcurrency ?? 1),
): FileHasher | null {
  const first = start();
  if (!first) return null;
  const workers = [first];
  for (let i = 1; i < lanes; i++) {
    const more = start();
    if (more) workers.push(more);
  }
  const pending = new Map<number, { resolve(d: Digest): void; reject(e: Error): void; lane: number }>();
  const waiting = new Array<number>(workers.length).fill(0);
  let nextId = 1;
  let closed = false;
  const endAll = (error: Error) => {
    closed = true;
    for (const w of workers) w.terminate();
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  workers.forEach((worker) => {
    worker.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      waiting[p.lane]!--;
      if ('digest' in data) p.resolve(data.digest);
      // A file that cannot be read is a damaged bundle, as when the reader reads it itself.
      else p.reject(new Error(data.error));
    };
    // One stopped worker ends them all: the inspection fails with its reason, as with one.
    worker.onerror = (e) => endAll(new Error(`The file-checking worker stopped: ${e.message || 'it may have run out of memory'}.`));
  });
  return {
    digestFile: (blob, opts) => {
      if (closed || opts.signal?.aborted) return Promise.reject(stopped());
      const id = nextId++;
      const { signal } = opts;
      let lane = 0;
      for (let i = 1; i < workers.length; i++) if (waiting[i]! < waiting[lane]!) lane = i;
      waiting[lane]!++;
      return new Promise<Digest>((resolve, reject) => {
        // A cancel answers at once; the worker's answer, if it comes, is dropped.
        const onAbort = () => {
          if (pending.delete(id)) waiting[lane]!--;
          reject(stopped());
        };
        const done = () => signal?.removeEventListener('abort', onAbort);
        pending.set(id, { resolve: (d) => { done(); resolve(d); }, reject: (e) => { done(); reject(e); }, lane });
        signal?.addEventListener('abort', onAbort, { once: true });
        workers[lane]!.postMessage({ id, blob });
      });
    },
    close: () => endAll(stopped()),
  };
}

function defaultWorker(): WorkerPort<HashRequest, HashResponse> | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'bundle-hash' }) as unknown as WorkerPort<HashRequest, HashResponse>;
}
