import { loadSodium } from '../../shared/bundle/ageCrypto';
import { openBatch, sealBatch } from '../../shared/bundle/ageStream';
import type { SealRequest, SealResponse } from './sealPool';

/**
 * Seals batches of age STREAM chunks for a passphrase export (renderer/workers/sealPool.ts
 * starts one a core and ends them with the export). The batch comes as a transferred buffer,
 * never copied; the sealed bytes go back as a Blob made here (1 MiB, a part of the age file), or,
 * for the desktop save that seals as it writes, as the bytes themselves, transferred. A
 * passphrase import's chunks are opened here too: the plaintext goes back as a Blob made here.
 */
interface WorkerScope {
  postMessage(message: SealResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SealRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
// libsodium compiles as soon as the worker starts (the pool starts with the export), not on the first batch.
void loadSodium().catch(() => undefined);

scope.addEventListener('message', ({ data }) => {
  loadSodium().then((s) => {
    if ('sealed' in data) {
      const plain = openBatch(s, data.key, data.sealed, data.first, data.last);
      scope.postMessage({ id: data.id, opened: plain ? new Blob([plain as Uint8Array<ArrayBuffer>]) : null });
      return;
    }
    const sealed = sealBatch(s, data.key, data.plain, data.first, data.final) as Uint8Array<ArrayBuffer>;
    // For a save, the bytes go back transferred (not copied); otherwise the Blob is made here, on
    // this worker's thread: the bundle worker only lays Blobs in order.
    if (data.output === 'bytes') scope.postMessage({ id: data.id, sealed }, [sealed.buffer]);
    else scope.postMessage({ id: data.id, sealed: new Blob([sealed]) });
  }).catch((e: unknown) => scope.postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) }));
});
