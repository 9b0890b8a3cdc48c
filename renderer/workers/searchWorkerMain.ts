import { createSearchHost } from './searchHost';
import type { EarlySource } from './searchEarlyRead';
import type { SearchRequest, SearchResponse } from './searchProtocol';

/**
 * The search worker's body, loaded by its small first chunk (search.worker.ts) once the
 * stored index has started to be read: the engine and the message loop, without Dexie and the
 * record schema, which the host loads (searchWorkerDb.ts, searchMaintenance.ts) once the
 * queries that waited for start-up are answered — or at once when the stored index must be
 * read through Dexie.
 */
export function startSearchHost(early: Promise<EarlySource | null>, post: (message: SearchResponse) => void):
  (message: SearchRequest) => void {
  const host = createSearchHost({ openDb: () => import('./searchWorkerDb').then((m) => m.workerDatabase), early, post });
  return (message) => host.handle(message);
}
