import { deflateInRealm } from '../../shared/bundle/deflate';
import type { DeflateRequest, DeflateResponse } from './deflatePool';

/**
 * Deflates an export's JSON entries (deflatePool.ts starts it with the export and ends it with
 * it): the platform's zlib, as the bundle worker would, a few streams at a time; the deflated
 * bytes go back transferred.
 */
interface WorkerScope {
  postMessage(message: DeflateResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DeflateRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  void (async () => {
    const deflated: Uint8Array[] = new Array<Uint8Array>(data.entries.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < data.entries.length) {
        const i = next++;
        deflated[i] = await deflateInRealm.deflate(data.entries[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(deflateInRealm.inFlight, data.entries.length) }, lane));
    scope.postMessage({ id: data.id, deflated }, deflated.map((d) => d.buffer as ArrayBuffer));
  })().catch((e: unknown) => scope.postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) }));
});
