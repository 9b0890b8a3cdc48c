import { loadSodium } from '../../shared/bundle/ageCrypto';
import { openInProcess, sealInProcess } from '../../shared/bundle/ageStream';
import { loadWasmSealer } from '../../shared/bundle/chachaSeal';
import type { SealRequest, SealResponse } from './sealPool';

/**
 * Seals batches of age STREAM chunks for a passphrase export (renderer/workers/sealPool.ts
 * starts one a core and ends them with the export), by the project's WebAssembly (chachaSeal.ts).
 * The batch comes as a transferred buffer, never copied; the sealed bytes go back as a Blob made
 * here (4 MiB, a part of the age file), or,
 * for the desktop save that seals as it writes, as the bytes themselves, transferred. A
 * passphrase import's chunks are opened here too: the plaintext goes back as a Blob made here.
 */
interface WorkerScope {
  postMessage(message: SealResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SealRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
// The WebAssembly that seals and opens (chachaSeal.ts) and libsodium (both, where that WebAssembly
// cannot run) compile as soon as the worker starts (the pool starts with the export), not on the
// first batch. (libsodium is loaded even where only sealing follows: a save's workers that did
// not load it left the renderer's RSS 20–80 MB higher in the bench, cause not established —
// docs/benchmarks.md, session 14.)
void loadWasmSealer();
void loadSodium().catch(() => undefined);

scope.addEventListener('message', ({ data }) => {
  const work = 'sealed' in data
    ? openInProcess.open(data.key, data.sealed, data.first, data.last).then((plain) => {
      scope.postMessage({ id: data.id, opened: plain ? new Blob([plain as Uint8Array<ArrayBuffer>]) : null });
    })
    : sealInProcess.seal(data.key, data.plain, data.first, data.final).then((bytes) => {
      const sealed = bytes as Uint8Array<ArrayBuffer>;
      // For a save, the bytes go back transferred (not copied); otherwise the Blob is made here, on
      // this worker's thread: the bundle worker only lays Blobs in order.
      if (data.output === 'bytes') scope.postMessage({ id: data.id, sealed }, [sealed.buffer]);
      else scope.postMessage({ id: data.id, sealed: new Blob([sealed]) });
    });
  work.catch((e: unknown) => scope.postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) }));
});
