// The search bench's "start → first answer" page (scripts/bench-search.mjs): it starts the
// app's search client (the shipped worker bundle) first thing and sends one query. It imports
// only the client, so the figure is the worker's start-up (script, database open, stored
// segments read and decoded) plus the query, measured from navigation like the raw-read
// reference (segmentsRead.ts), and not the bench page's own bundle (lunr, the corpus
// generator: ~100–200 ms of script before it could start the worker).
import { getSearchClient } from '../../renderer/search/searchClient';

export interface ColdStart {
  /** performance.now() (0 = navigation) when this script started and the client was created. */
  clientAt: number;
  readyMs: number | null;
  answerMs: number;
  pages: number;
  records: number;
  workerMs: number;
}

declare global {
  interface Window { __searchCold: Promise<ColdStart> }
}

const COLD_QUERY = 'quispe';
const clientAt = performance.now();
const client = getSearchClient();
let readyMs: number | null = null;
client.onStatus((s) => { if (s.ready && readyMs === null) readyMs = performance.now(); });
window.__searchCold = client.search(COLD_QUERY, undefined, { limit: 20, caller: 'bench' }).then((results) => ({
  clientAt, readyMs, answerMs: performance.now(), pages: results.groups.page.count, records: results.groups.actor.count, workerMs: results.tookMs,
}));
