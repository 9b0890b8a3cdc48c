// First: the stored index starts to be read (raw IndexedDB, searchWorkerEarly.ts), from this
// small first chunk, before Dexie, the schema and the search engine are even fetched.
import { earlyRead } from './searchWorkerEarly';
import type { SearchRequest, SearchResponse } from './searchProtocol';

/**
 * Search off the UI thread (renderer/search/searchClient.ts starts it). The worker opens
 * the same IndexedDB database itself: records and page texts never travel as messages.
 * The rest of the worker (searchWorkerMain.ts: the engine and the message loop, without Dexie
 * or the record schema, which come after the first answers) is its own chunk, imported here;
 * requests that arrive meanwhile wait for it.
 */
interface WorkerScope {
  postMessage(message: SearchResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: SearchResponse) => scope.postMessage(message);

const waiting: SearchRequest[] = [];
let deliver = (message: SearchRequest) => { waiting.push(message); };
scope.addEventListener('message', ({ data }) => deliver(data));
// The rest is fetched and compiled (one long task) once the first reads are in flight: the
// database reads them meanwhile.
import('./searchWorkerMain').then(({ startSearchHost }) => {
  deliver = startSearchHost(earlyRead, post);
  for (const message of waiting.splice(0)) deliver(message);
}, (error: unknown) => {
  const detail = error instanceof Error ? error.message : String(error);
  post({ type: 'status', status: { ready: false, indexing: null, error: { kind: 'unavailable', detail } } });
  for (const message of waiting.splice(0)) if (message.type === 'search') post({ type: 'failed', id: message.id, message: 'search is unavailable' });
});
