import type { ChunkOpener, ChunkSealer } from '../../shared/bundle/ageStream';
import { openInProcess, sealInProcess } from '../../shared/bundle/ageStream';

/**
 * Workers that seal a passphrase export's payload (ageSeal.worker.ts), one a core up to
 * MAX_SEAL_WORKERS: ChaCha20-Poly1305 (the project's WebAssembly, chachaSeal.ts; libsodium where
 * WebAssembly SIMD is missing) runs on one core, and age's 64 KiB chunks are sealed independently,
 * so batches go to whichever worker has the fewest waiting. Started when a passphrase export
 * begins (the WebAssembly and libsodium compile while the records are collected), ended with
 * it; a passphrase import's decryption opens its chunks on them the same way. Where workers
 * cannot start (Node tests) the batches are sealed and opened in this realm.
 */
export type SealRequest =
  | { id: number; key: Uint8Array; plain: Uint8Array; first: number; final: boolean; output: SealOutput }
  /** Chunks to open (decryption); the plaintext comes back as a Blob made on the worker, or null when a chunk does not open. */
  | { id: number; key: Uint8Array; sealed: Uint8Array; first: number; last: number };
export type SealResponse = { id: number; sealed: Blob | Uint8Array } | { id: number; opened: Blob | null } | { id: number; error: string };
/**
 * 'blob': the worker makes a Blob of each sealed batch (a part of an age file laid out in the
 * browser process); 'bytes': the sealed bytes come back transferred, for a save that writes them.
 */
export type SealOutput = 'blob' | 'bytes';

export const MAX_SEAL_WORKERS = 2;

export interface SealPool extends ChunkSealer, ChunkOpener {
  close(): void;
}

export function createSealPool(workers = Math.min(MAX_SEAL_WORKERS, globalThis.navigator?.hardwareConcurrency ?? 1), output: SealOutput = 'blob'): SealPool {
  if (typeof Worker === 'undefined' || workers < 1) return { ...sealInProcess, open: openInProcess.open, close: () => undefined };
  const pending = new Map<number, { resolve(b: Blob | Uint8Array | null): void; reject(e: Error): void; lane: number }>();
  const busy = new Array<number>(workers).fill(0);
  let nextId = 1;
  let closed = false;
  const lanes = Array.from({ length: workers }, (_, lane) => {
    const w = new Worker(new URL('./ageSeal.worker.ts', import.meta.url), { type: 'module', name: `age-seal-${lane + 1}` });
    w.onmessage = ({ data }: MessageEvent<SealResponse>) => {
      const job = pending.get(data.id);
      if (!job) return;
      pending.delete(data.id);
      busy[job.lane]!--;
      if ('sealed' in data) job.resolve(data.sealed);
      else if ('opened' in data) job.resolve(data.opened);
      else job.reject(new Error(data.error));
    };
    w.onerror = (e) => {
      for (const [id, job] of pending) {
        if (job.lane !== lane) continue;
        pending.delete(id);
        job.reject(new Error(`An encryption worker stopped: ${e.message || 'it may have run out of memory'}.`));
      }
    };
    return w;
  });
  /** To the worker with the fewest batches waiting; `bytes` is handed over, not copied (the caller made it for this call alone). */
  const send = (bytes: Uint8Array, request: (own: Uint8Array, id: number) => SealRequest): Promise<Blob | Uint8Array | null> => {
    if (closed) return Promise.reject(new Error('The encryption workers were ended.'));
    let lane = 0;
    for (let i = 1; i < workers; i++) if (busy[i]! < busy[lane]!) lane = i;
    busy[lane]!++;
    const id = nextId++;
    return new Promise<Blob | Uint8Array | null>((resolve, reject) => {
      pending.set(id, { resolve, reject, lane });
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const own = whole ? bytes : bytes.slice();
      lanes[lane]!.postMessage(request(own, id), [own.buffer as ArrayBuffer]);
    });
  };
  return {
    lanes: workers,
    seal: (key, plain, first, final) => send(plain, (own, id) => ({ id, key, plain: own, first, final, output })) as Promise<Blob | Uint8Array>,
    open: (key, sealed, first, last) => send(sealed, (own, id) => ({ id, key, sealed: own, first, last })),
    close() {
      closed = true;
      for (const w of lanes) w.terminate();
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(new Error('The encryption workers were ended.'));
      }
    },
  };
}
