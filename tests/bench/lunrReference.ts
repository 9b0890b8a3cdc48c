// The search bench's lunr reference (scripts/bench-search.mjs, through searchPage.ts): ONE lunr
// index over the first pages, built on the page's main thread from IndexedDB with the app's
// analyzer, queried in a worker as the app's are (lunrReference.worker.ts); kept in the origin's
// private file system so a newly started browser can query it again with its page texts cold.
import lunr from 'lunr';
import { indexTerms } from '../../shared/search';
import type { CasefileDb } from '../../renderer/db/db';
import type { LunrAnswer, LunrWorkerRequest } from './lunrReference.worker';
import type { QueryTiming } from './searchPage';

export interface LunrFigures {
  pages: number; readMs: number; buildMs: number; serializeMs: number; mb: number; parseMs: number; loadMs: number;
  heapAfterBuildMB: number | null; handOverMs: number | null; perKind: Record<string, QueryTiming[]>;
  /** Hits asked per query, as the app's: its first answer's. */
  limit: number;
}

const DB_NAME = 'casefile';
type LunrWorkerReply = { type: 'loaded'; ms: number } | { type: 'answer'; answer: LunrAnswer } | { type: 'failed'; message: string };
const now = () => performance.now();
const heapMB = () => {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? Math.round(m.usedJSHeapSize / 2 ** 20) : null;
};

/**
 * Reference: ONE lunr index over the first `maxPages` pages (all when absent), same analyzer
 * (indexTerms), lunr's own query engine (scores every match, no top-k). Built on this page's
 * main thread from IndexedDB; queried in a worker, as the app is (lunrReference.worker.ts).
 */
export async function buildAndQueryLunr(d: CasefileDb, o: { queries: Record<string, string[]>; budgetMs: number; heapLimitMB: number; maxPages?: number; keep?: boolean; limit: number }): Promise<LunrFigures | { aborted: string }> {
  const t0 = now();
  const rows = await (o.maxPages === undefined ? d.pages.toArray() : d.pages.limit(o.maxPages).toArray());
  const readMs = now() - t0;
  const keys = rows.map((row) => [row.documentId, row.page] as [string, number]);
  const t1 = now();
  const builder = new lunr.Builder();
  builder.ref('r');
  builder.field('text');
  builder.metadataWhitelist = [];
  for (let i = 0; i < rows.length; i++) {
    builder.add({ r: i.toString(36), text: indexTerms(rows[i]!.text) });
    if (i % 1000 === 999) {
      const h = heapMB();
      if (now() - t1 > o.budgetMs) return { aborted: `adding pages took over ${Math.round(o.budgetMs / 1000)} s at page ${i + 1} of ${rows.length}` };
      if (h !== null && h > o.heapLimitMB) return { aborted: `main-thread heap ${h} MB over ${o.heapLimitMB} MB at page ${i + 1} of ${rows.length}` };
    }
  }
  const index = builder.build();
  const buildMs = now() - t1;
  const heapAfterBuildMB = heapMB();
  // Phrases: a second index with each word's place among the page's indexed words (lunr's
  // `index` metadata, kept only for this one: it makes every match carry them), so the
  // reference checks a phrase's words in order and close enough before reading any text, as
  // the app checks its positions (lunrReference.worker.ts). Built apart, not timed as the build.
  const positional = new lunr.Builder();
  positional.ref('r');
  positional.field('text');
  positional.metadataWhitelist = ['index'];
  for (let i = 0; i < rows.length; i++) positional.add({ r: i.toString(36), text: indexTerms(rows[i]!.text).join(' ') });
  const positionsJson = JSON.stringify(positional.build());
  rows.length = 0;
  const t2 = now();
  const json = JSON.stringify(index);
  const serializeMs = now() - t2;
  const t3 = now();
  const parsed = JSON.parse(json) as object;
  const parseMs = now() - t3;
  const t4 = now();
  const loaded = lunr.Index.load(parsed);
  const loadMs = now() - t4;
  const pageCount = Object.keys((loaded as unknown as { fieldVectors: object }).fieldVectors).length;
  if (o.keep) await keepLunrIndex({ json, positionsJson, keys });
  const asked = await lunrQueries(json, positionsJson, keys, o.queries, o.limit);
  if ('aborted' in asked) return asked;
  return { pages: pageCount, readMs, buildMs, serializeMs, mb: json.length / 1e6, parseMs, loadMs, heapAfterBuildMB, ...asked };
}

/**
 * The same lunr queries in a newly started browser, over the index `lunrReference({ keep })`
 * left in this origin's private file system (removed here): its page texts read cold, as the
 * app's queries read theirs. In the browser that built it, the 10,000 pages lunr can answer
 * were all just read for the build, so its page reads find them warm (docs/benchmarks-search.md,
 * session 16).
 */
export async function queryKeptLunr(o: { queries: Record<string, string[]>; limit: number }): Promise<LunrFigures | { aborted: string }> {
  const kept = await takeLunrIndex();
  if (!kept) return { aborted: 'no kept lunr index: run lunrReference({ keep: true }) first' };
  const pageCount = kept.keys.length;
  const asked = await lunrQueries(kept.json, kept.positionsJson, kept.keys, o.queries, o.limit);
  if ('aborted' in asked) return asked;
  return { pages: pageCount, readMs: 0, buildMs: 0, serializeMs: 0, mb: kept.json.length / 1e6, parseMs: 0, loadMs: 0, heapAfterBuildMB: null, ...asked };
}

type LunrAsked = { handOverMs: number | null; perKind: Record<string, QueryTiming[]>; limit: number };

/** lunr's queries in a worker, as the app's (lunrReference.worker.ts): the index handed over as its JSON. */
async function lunrQueries(json: string, positionsJson: string, keys: [string, number][], queries: Record<string, string[]>, limit: number): Promise<LunrAsked | { aborted: string }> {
  const worker = new Worker(new URL('./lunrReference.worker.ts', import.meta.url), { type: 'module', name: 'lunr-reference' });
  let reply: ((m: LunrWorkerReply) => void) | null = null;
  worker.onmessage = (e: MessageEvent<LunrWorkerReply>) => { const r = reply; reply = null; r?.(e.data); };
  const ask = (m: LunrWorkerRequest) => new Promise<LunrWorkerReply>((resolve) => { reply = resolve; worker.postMessage(m); });
  try {
    const handed = await ask({ type: 'load', json, positionsJson, keys, dbName: DB_NAME, limit });
    if (handed.type === 'failed') return { aborted: `the lunr worker could not load the index: ${handed.message}` };
    const perKind: Record<string, QueryTiming[]> = {};
    // Warm-up, as the app's bench warms its worker.
    for (const q of ['quispe', 'policía', 'capture', 'ayacucho']) await ask({ type: 'query', q, kind: 'term' });
    for (const [kind, list] of Object.entries(queries)) {
      const timings: QueryTiming[] = [];
      for (const q of list) {
        const s = now();
        const r = await ask({ type: 'query', q, kind });
        const ms = now() - s;
        if (r.type !== 'answer') return { aborted: `the lunr worker failed on ${q}: ${r.type === 'failed' ? r.message : r.type}` };
        const a = r.answer;
        timings.push({ q, ms, engineMs: a.engineMs, readMs: a.readMs, workerMs: 0, pages: a.pages, records: 0, exact: a.exact, shown: a.hits.length,
          ...(a.asAndMs !== undefined ? { asAndMs: a.asAndMs, verifiedPages: a.verifiedPages, checkedPages: a.checkedPages } : {}) });
      }
      perKind[kind] = timings;
    }
    return { handOverMs: handed.type === 'loaded' ? handed.ms : null, perKind, limit };
  } finally {
    worker.terminate();
  }
}

const KEPT_LUNR = 'casefile-bench-lunr-reference';

/** The built lunr index, kept between browsers in the origin's private file system (not IndexedDB: the app's database is measured). */
async function keepLunrIndex(kept: { json: string; positionsJson: string; keys: [string, number][] }): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(KEPT_LUNR, { create: true });
  for (const [name, text] of [['index.json', kept.json], ['positions.json', kept.positionsJson], ['keys.json', JSON.stringify(kept.keys)]] as const) {
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write(text);
    await writable.close();
  }
}

async function takeLunrIndex(): Promise<{ json: string; positionsJson: string; keys: [string, number][] } | null> {
  const root = await navigator.storage.getDirectory();
  try {
    const dir = await root.getDirectoryHandle(KEPT_LUNR);
    const read = async (name: string) => (await (await dir.getFileHandle(name)).getFile()).text();
    return { json: await read('index.json'), positionsJson: await read('positions.json'), keys: JSON.parse(await read('keys.json')) as [string, number][] };
  } catch {
    return null;
  } finally {
    await root.removeEntry(KEPT_LUNR, { recursive: true }).catch(() => {});
  }
}
