import type { ChunkSealer } from '../../shared/bundle/ageStream';
import { sealInProcess } from '../../shared/bundle/ageStream';

/**
 * Workers that seal a passphrase export's payload (ageSeal.worker.ts), one a core up to
 * MAX_SEAL_WORKERS: libsodium's ChaCha20-Poly1305 runs on one core, and age's 64 KiB chunks are
 * sealed independently, so batches go to whichever worker has the fewest waiting. Started when
 * a passphrase export begins (libsodium compiles while the records are collected), ended with
 * it. Where workers cannot start (Node tests) the batches are sealed in this realm.
 */
export interface SealRequest { id: number; key: Uint8Array; plain: Uint8Array; first: number; final: boolean; output: SealOutput }
export type SealResponse = { id: number; sealed: Blob | Uint8Array } | { id: number; error: string };
/**
 * 'blob': the worker makes a Blob of each sealed batch (a part of an age file laid out in the
 * browser process); 'bytes': the sealed bytes come back transferred, for a save that writes them.
 */
export type SealOutput = 'blob' | 'bytes';

export const MAX_SEAL_WORKERS = 2;

export interface SealPool extends ChunkSealer {
  close(): void;
}

export function createSealPool(workers = Math.min(MAX_SEAL_WORKERS, globalThis.navigator?.hardwareConcurrency ?? 1), output: SealOutput = 'blob'): SealPool {
  if (typeof Worker === 'undefined' || workers < 1) return { ...sealInProcess, close: () => undefined };
  const pending = new Map<number, { resolve(b: Blob | Uint8Array): void; reject(e: Error): void; lane: number }>();
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
  return {
    lanes: workers,
    seal(key, plain, first, final) {
      if (closed) return Promise.reject(new Error('The encryption workers were ended.'));
      let lane = 0;
      for (let i = 1; i < workers; i++) if (busy[i]! < busy[lane]!) lane = i;
      busy[lane]!++;
      const id = nextId++;
      return new Promise<Blob | Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject, lane });
        // The batch is handed over, not copied (the caller made it for this call alone).
        const whole = plain.byteOffset === 0 && plain.byteLength === plain.buffer.byteLength;
        const own = whole ? plain : plain.slice();
        lanes[lane]!.postMessage({ id, key, plain: own, first, final, output } satisfies SealRequest, [own.buffer as ArrayBuffer]);
      });
    },
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
