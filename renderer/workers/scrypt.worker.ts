import { scryptInProcess } from '../../shared/bundle';

/**
 * One scrypt for age (renderer/workers/scryptClient.ts starts it and ends it): at age's default
 * work factor it takes 256 MiB of WebAssembly memory, which an instance never gives back, so it
 * runs in a worker that is ended as soon as the key is out.
 */
interface ScryptRequest { password: Uint8Array; salt: Uint8Array; logN: number }
interface WorkerScope {
  postMessage(message: { key: Uint8Array } | { error: string }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ScryptRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  scryptInProcess(data.password, data.salt, data.logN).then(
    (key) => scope.postMessage({ key }),
    (e: unknown) => scope.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
