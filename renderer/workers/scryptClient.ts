import type { ScryptFn } from '../../shared/bundle';
import { scryptInProcess } from '../../shared/bundle';

/**
 * age's scrypt in a worker of its own, ended as soon as it answers: its 256 MiB (at work
 * factor 18) go back to the system instead of staying in the bundle worker's WebAssembly
 * memory for the rest of the session. Where workers cannot start one (Node tests), it runs here.
 */
export const scryptInWorker: ScryptFn = (password, salt, logN) => {
  if (typeof Worker === 'undefined') return scryptInProcess(password, salt, logN);
  const worker = new Worker(new URL('./scrypt.worker.ts', import.meta.url), { type: 'module', name: 'scrypt' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<{ key: Uint8Array } | { error: string }>) => {
      worker.terminate();
      if ('key' in data) resolve(data.key);
      else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`The key-stretching worker stopped: ${e.message || 'it may have run out of memory'}.`));
    };
    worker.postMessage({ password, salt, logN });
  });
};
