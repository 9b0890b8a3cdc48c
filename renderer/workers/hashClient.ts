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

/**
 * A hashing worker for one inspection (hash.worker.ts): `digestFile` hands it a PDF's Blob and
 * resolves with its SHA-256 and CRC-32. Null where no worker can start (Node tests): the reader
 * then hashes on its own thread, as it always could.
 */
export function createFileHasher(start: () => WorkerPort<HashRequest, HashResponse> | null = defaultWorker): FileHasher | null {
  const worker = start();
  if (!worker) return null;
  const pending = new Map<number, { resolve(d: Digest): void; reject(e: Error): void }>();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if ('digest' in data) p.resolve(data.digest);
    // A file that cannot be read is a damaged bundle, as when the reader reads it itself.
    else p.reject(new Error(data.error));
  };
  let closed = false;
  worker.onerror = (e) => {
    closed = true;
    worker.terminate();
    failAll(new Error(`The file-checking worker stopped: ${e.message || 'it may have run out of memory'}.`));
  };
  return {
    digestFile: (blob, opts) => {
      if (closed || opts.signal?.aborted) return Promise.reject(stopped());
      const id = nextId++;
      const { signal } = opts;
      return new Promise<Digest>((resolve, reject) => {
        // A cancel answers at once; the worker's answer, if it comes, is dropped.
        const onAbort = () => {
          pending.delete(id);
          reject(stopped());
        };
        const done = () => signal?.removeEventListener('abort', onAbort);
        pending.set(id, { resolve: (d) => { done(); resolve(d); }, reject: (e) => { done(); reject(e); } });
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ id, blob });
      });
    },
    close: () => {
      closed = true;
      worker.terminate();
      failAll(stopped());
    },
  };
}

function defaultWorker(): WorkerPort<HashRequest, HashResponse> | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'bundle-hash' }) as unknown as WorkerPort<HashRequest, HashResponse>;
}
