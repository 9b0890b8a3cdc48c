import { scryptLean } from '../../shared/bundle/scryptLean';

/**
 * One scrypt for age (renderer/workers/scryptClient.ts starts it and ends it), in a worker that
 * is ended as soon as the key is out. It is the half-memory scrypt (shared/bundle/scryptLean.ts):
 * 128 MiB at age's default work factor instead of libsodium's 256 MiB, for 1.5–1.7× its time,
 * which keeps a passphrase import or export within its memory budget (docs/benchmarks.md).
 */
interface ScryptRequest { password: Uint8Array; salt: Uint8Array; logN: number }
interface WorkerScope {
  postMessage(message: { key: Uint8Array } | { error: string }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ScryptRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  scryptLean(data.password, data.salt, data.logN).then(
    (key) => scope.postMessage({ key }),
    (e: unknown) => scope.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
