import { digestBlob } from '../../shared/bundle/stream';
import type { HashRequest, HashResponse } from './hashClient';

/**
 * SHA-256 and CRC-32 of a bundle's PDFs (Blob slices of the bundle, passed by reference) on a
 * thread of their own, so the bundle worker reads and validates the records meanwhile
 * (renderer/workers/hashClient.ts starts it for one inspection and ends it after).
 */
interface WorkerScope {
  postMessage(message: HashResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HashRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  digestBlob(data.blob).then(
    (digest) => scope.postMessage({ id: data.id, digest }),
    (e: unknown) => scope.postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
