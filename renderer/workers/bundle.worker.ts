import { version } from '../../package.json';
import { openDatabase } from '../db/db';
import { scryptInWorker } from './scryptClient';
import { createSealPool } from './sealPool';
import { createFileHasher } from './hashClient';
import { createBundleHost } from './bundleHost';
import type { BundleRequest, BundleResponse } from './bundleProtocol';

/**
 * Bundle export and import off the UI thread (renderer/bundle/bundleClient.ts starts it).
 * Like the search worker, it opens the same IndexedDB database itself: records and files
 * never travel as messages, only Blobs (by reference) and the preview.
 */
interface WorkerScope {
  postMessage(message: BundleResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BundleRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const host = createBundleHost({ openDb: () => openDatabase(), appVersion: version, post: (message) => scope.postMessage(message), scrypt: scryptInWorker, sealers: () => createSealPool(), hasher: () => createFileHasher() });
scope.addEventListener('message', ({ data }) => host.handle(data));
