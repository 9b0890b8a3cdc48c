import { loadSodium } from '../../shared/bundle/ageCrypto';
import { sealBatch } from '../../shared/bundle/ageStream';
import type { SealRequest, SealResponse } from './sealPool';

/**
 * Seals batches of age STREAM chunks for a passphrase export (renderer/workers/sealPool.ts
 * starts one a core and ends them with the export). The batch and its sealed bytes travel as
 * transferred buffers, never copied.
 */
interface WorkerScope {
  postMessage(message: SealResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SealRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  loadSodium().then((s) => {
    const sealed = sealBatch(s, data.key, data.plain, data.first, data.final);
    scope.postMessage({ id: data.id, sealed }, [sealed.buffer as ArrayBuffer]);
  }).catch((e: unknown) => scope.postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) }));
});
