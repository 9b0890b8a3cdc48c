// Dexie starts opening as this chunk evaluates, before the search engine's modules do.
import { workerDatabase } from './searchWorkerDb';
import { createSearchHost } from './searchHost';
import type { StoredSource } from '../search/storedLoad';
import type { SearchRequest, SearchResponse } from './searchProtocol';

/**
 * The search worker's body, loaded by its small first chunk (search.worker.ts) once the
 * stored index has started to be read.
 */
export function startSearchHost(early: Promise<(StoredSource & { close(): void }) | null>, post: (message: SearchResponse) => void):
  (message: SearchRequest) => void {
  const host = createSearchHost({ openDb: () => workerDatabase, early, post });
  return (message) => host.handle(message);
}
