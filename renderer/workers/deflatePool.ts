import type { Deflater } from '../../shared/bundle/deflate';
import { deflateInRealm } from '../../shared/bundle/deflate';

/**
 * A worker that deflates an export's JSON entries (deflate.worker.ts) while the bundle worker
 * goes on reading the records and serialising them: zlib on the second core instead of after
 * the collect on the first. Entries asked for in the same turn go in one message (a bundle has
 * a page-list entry per document, most of them a few KiB), up to BATCH_BYTES; the deflated
 * bytes come back transferred. Started with an export, ended with it; where workers cannot
 * start (Node tests) the entries are deflated in this realm.
 */
export interface DeflateRequest { id: number; entries: Uint8Array[] }
export type DeflateResponse = { id: number; deflated: Uint8Array[] } | { id: number; error: string };

export interface DeflatePool extends Deflater {
  close(): void;
}

/** A message's entries stop growing past this many bytes (a large entry goes alone). */
const BATCH_BYTES = 1024 * 1024;
/** Entries the writer keeps in flight: the deflated ones are small, and each message is one round trip. */
const IN_FLIGHT = 64;

export function createDeflatePool(): DeflatePool {
  if (typeof Worker === 'undefined') return { ...deflateInRealm, close: () => undefined };
  const worker = new Worker(new URL('./deflate.worker.ts', import.meta.url), { type: 'module', name: 'bundle-deflate' });
  const pending = new Map<number, { resolve: ((d: Uint8Array) => void)[]; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed = false;
  let batch: { entries: Uint8Array[]; resolve: ((d: Uint8Array) => void)[]; rejects: ((e: Error) => void)[]; bytes: number } | null = null;
  const failAll = (error: Error): void => {
    for (const [id, job] of pending) {
      pending.delete(id);
      job.reject(error);
    }
  };
  worker.onmessage = ({ data }: MessageEvent<DeflateResponse>) => {
    const job = pending.get(data.id);
    if (!job) return;
    pending.delete(data.id);
    if ('error' in data) job.reject(new Error(data.error));
    else data.deflated.forEach((d, i) => job.resolve[i]!(d));
  };
  worker.onerror = (e) => failAll(new Error(`The compression worker stopped: ${e.message || 'it may have run out of memory'}.`));
  const send = (): void => {
    const b = batch;
    batch = null;
    if (!b) return;
    const id = nextId++;
    pending.set(id, { resolve: b.resolve, reject: (e) => b.rejects.forEach((r) => r(e)) });
    // Copied, not transferred: the writer still hashes the entries and lays them out.
    worker.postMessage({ id, entries: b.entries } satisfies DeflateRequest);
  };
  return {
    inFlight: IN_FLIGHT,
    deflate(data) {
      if (closed) return Promise.reject(new Error('The compression worker was ended.'));
      return new Promise<Uint8Array>((resolve, reject) => {
        if (batch && batch.bytes + data.byteLength > BATCH_BYTES) send();
        if (!batch) {
          batch = { entries: [], resolve: [], rejects: [], bytes: 0 };
          queueMicrotask(send);
        }
        batch.entries.push(data);
        batch.resolve.push(resolve);
        batch.rejects.push(reject);
        batch.bytes += data.byteLength;
      });
    },
    close() {
      closed = true;
      worker.terminate();
      const b = batch;
      batch = null;
      b?.rejects.forEach((r) => r(new Error('The compression worker was ended.')));
      failAll(new Error('The compression worker was ended.'));
    },
  };
}
