// First: the database starts opening before the search engine's modules evaluate.
import { workerDatabase } from './searchWorkerDb';
import { createSearchHost } from './searchHost';
import type { SearchRequest, SearchResponse } from './searchProtocol';

/**
 * Search off the UI thread (renderer/search/searchClient.ts starts it). The worker opens
 * the same IndexedDB database itself: records and page texts never travel as messages.
 */
interface WorkerScope {
  postMessage(message: SearchResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const host = createSearchHost({ openDb: () => workerDatabase, post: (message) => scope.postMessage(message) });
scope.addEventListener('message', ({ data }) => host.handle(data));
