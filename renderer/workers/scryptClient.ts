import type { ScryptFn } from '../../shared/bundle';
import { scryptInProcess } from '../../shared/bundle';

/**
 * age's scrypt in a worker of its own, ended as soon as it answers: its 256 MiB (at work
 * factor 18) go back to the system instead of staying in the bundle worker's WebAssembly
 * memory for the rest of the session. Where workers cannot start one (Node tests), it runs here.
 */
export const scryptInWorker: ScryptFn = (password, salt, logN, signal) => {
  if (typeof Worker === 'undefined') return scryptInProcess(password, salt, logN);
  if (signal?.aborted) return Promise.reject(new DOMException('The key is no longer needed.', 'AbortError'));
  const worker = new Worker(new URL('./scrypt.worker.ts', import.meta.url), { type: 'module', name: 'scrypt' });
  return new Promise<Uint8Array>((resolve, reject) => {
    // Abandoned (a passphrase prepared ahead and then changed): the worker and its memory go at once.
    const stop = () => {
      worker.terminate();
      reject(new DOMException('The key is no longer needed.', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
    };
    worker.onmessage = ({ data }: MessageEvent<{ key: Uint8Array } | { error: string }>) => {
      end();
      if ('key' in data) resolve(data.key);
      else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(`The key-stretching worker stopped: ${e.message || 'it may have run out of memory'}.`));
    };
    worker.postMessage({ password, salt, logN });
  });
};
