import { openDatabase } from '../../renderer/db/db';
import { scryptInWorker } from '../../renderer/workers/scryptClient';
import { createSealPool } from '../../renderer/workers/sealPool';
import { createFileHasher } from '../../renderer/workers/hashClient';
import { createBundleHost } from '../../renderer/workers/bundleHost';
import { STAGED_SUFFIX, openStaged } from './stagedProbe';
import type { BundleRequest, BundleResponse } from '../../renderer/workers/bundleProtocol';

/**
 * The app's bundle worker (renderer/workers/bundle.worker.ts) for the bench: the same host
 * (createBundleHost: collect → write, read → plan → preview, the one-transaction apply), the
 * same messages, one difference: the database is the one named by the worker's `name`, so the
 * bench can export from its source database and import into a fresh one in the same run (a
 * name ending in STAGED_SUFFIX: the --probe-staged database, stagedProbe.ts).
 */
interface WorkerScope {
  name: string;
  postMessage(message: BundleResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BundleRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const host = createBundleHost({ openDb: () => (scope.name.endsWith(STAGED_SUFFIX) ? openStaged(scope.name) : openDatabase(scope.name)), appVersion: 'bench', post: (message) => scope.postMessage(message), scrypt: scryptInWorker, sealers: () => createSealPool(), hasher: () => createFileHasher() });
scope.addEventListener('message', ({ data }) => host.handle(data));
