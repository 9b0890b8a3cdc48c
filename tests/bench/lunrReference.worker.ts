// The lunr reference's queries, in a worker as the app's are (tests/bench/searchPage.ts builds
// the index on the page and hands it over): a query's time on the page is its round trip, the
// page → worker message, the engine, the page texts read on the worker's own IndexedDB
// connection with the app's raw reader, the snippets, and the answer posted back — what the
// app's search worker does for a query. Until session 10 lunr ran on the page's main thread,
// with no thread hop and no answer to post (a search box cannot run it there: one prefix query
// took up to 624 ms at 10,000 pages, a frozen window).
import lunr from 'lunr';
import { allForms, parseQuery } from '../../shared/search';
import { isStopWord } from '../../shared/search/analyze';
import { textHasPhrase } from '../../shared/search/phrases';
import { pageSnippet } from '../../shared/search/snippets';
import type { Snippet } from '../../shared/search/types';
import { foldText } from '../../shared/text/fold';
import { readPagesRaw } from '../../renderer/search/rawPages';
import type { PageRow } from '../../renderer/db/derive';

export type LunrWorkerRequest =
  | { type: 'load'; json: string; positionsJson: string; keys: [string, number][]; dbName: string; limit: number }
  | { type: 'query'; q: string; kind: string };
export interface LunrHit { ref: string; documentId: string; page: number; score: number; terms: string[]; snippet?: Snippet; occurrences?: number }
export interface LunrAnswer {
  hits: LunrHit[]; pages: number; engineMs: number; readMs: number;
  /** Phrases: the AND's LIMIT best snippeted, phrase unchecked (the reference until session 10), timed after the answer's work. */
  asAndMs?: number; verifiedPages?: number; checkedPages?: number; exact: boolean;
}

/** The app's default phrase budget (shared/search/search.ts): page texts read at most to check a phrase. */
const PHRASE_BUDGET = 200;
/** Hits answered per query: the page's (the search view's first answer), set by 'load'. */
let LIMIT = 20;
const WORD = /[\p{L}\p{N}]+/gu;
const now = () => performance.now();

let index: lunr.Index | null = null;
/** The same pages with each word's place among the page's indexed words (phrases only). */
let positional: lunr.Index | null = null;
let keys: [string, number][] = [];
let idb: IDBDatabase | null = null;

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

/**
 * Whether a page's places of the phrase's queried words allow the phrase: each word after the
 * first stands after it, no farther than in the phrase (stop words are not indexed, so words
 * can only come closer). A necessary condition, as the app's positions are: the text decides.
 */
function inOrder(r: lunr.Index.Result, queried: readonly string[], phrase: readonly string[]): boolean {
  // Each queried word's offset in the phrase (its words in order).
  const offsets: number[] = [];
  let from = 0;
  for (const w of queried) {
    const at = phrase.indexOf(w, from);
    if (at < 0) return true; // not placed: left to the text check
    offsets.push(at);
    from = at + 1;
  }
  const placesOf = (term: string) => (r.matchData.metadata as Record<string, { text?: { index?: number[] } }>)[term]?.text?.index ?? [];
  const first = placesOf(queried[0]!);
  return first.some((p) => queried.every((w, k) => k === 0 || placesOf(w).some((x) => x > p && x - p <= offsets[k]! - offsets[0]!)));
}

async function query(q: string, kind: string): Promise<LunrAnswer> {
  const s = now();
  const words = (q.replace(/\*$/, '').match(WORD) ?? []).map((w) => foldText(w)).filter((w) => !isStopWord(w));
  const phrases = kind === 'phrase' ? parseQuery(q).include.flatMap((c) => (c.type === 'phrase' ? [c.words] : [])) : [];
  const queried = words.map((w) => allForms(w)[0]!);
  let results = (phrases.length ? positional! : index!).query((query) => {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (kind === 'prefix') query.term(w, { wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED });
      else if (kind === 'fuzzy') query.term(w, { editDistance: 1 });
      // All words required, each by its raw form (its stems would need OR within AND, which lunr lacks).
      else query.term(queried[i]!, { presence: lunr.Query.presence.REQUIRED });
    }
  });
  if (phrases.length === 1) results = results.filter((r) => inOrder(r, queried, phrases[0]!));
  const engineMs = now() - s;
  // Time waiting for page rows (IndexedDB), as a share of the query's: where a slow query's time went.
  let readMs = 0;
  const read = async (list: readonly lunr.Index.Result[], onRow?: (index: number, row: PageRow | undefined) => void) => {
    const t = now();
    const rows = await readPagesRaw(idb!, list.map((h) => { const [documentId, page] = keys[parseInt(h.ref, 36)]!; return { documentId, page }; }), onRow);
    readMs += now() - t;
    return rows;
  };
  // What a search box shows, as the app's worker makes it: each page's snippet, its matched terms
  // (and phrases) highlighted, with the same snippet code.
  const hit = (h: lunr.Index.Result, text: string | undefined): LunrHit => {
    const [documentId, page] = keys[parseInt(h.ref, 36)]!;
    const terms = Object.keys(h.matchData.metadata);
    const out: LunrHit = { ref: h.ref, documentId, page, score: h.score, terms };
    if (text) Object.assign(out, pageSnippet(text, new Set(terms), phrases));
    return out;
  };
  if (phrases.length === 0) {
    // Each hit snippeted as its row arrives, while the others are read, as the app's worker
    // does since session 14 (shared/search/hits.ts finishGroup).
    const top = results.slice(0, LIMIT);
    const hits: LunrHit[] = new Array(top.length);
    const rows = await read(top, (i, row) => { hits[i] = hit(top[i]!, row?.text); });
    top.forEach((h, i) => { hits[i] ??= hit(h, rows[i]?.text); });
    return { hits, pages: results.length, engineMs, readMs, exact: true };
  }
  // lunr has no phrases: its AND of the words, cut to the pages where they stand in order and
  // close enough (inOrder), are the candidates, checked on their texts as the app's verifyByText
  // does (shared/search/hits.ts): best first, 20 texts a read, every candidate when they fit its
  // budget of 200 (an exact count), otherwise until 20 hold the phrase. Until session 10 the
  // reference snippeted the AND's 20 best, phrase unchecked (pages the app may not answer);
  // that figure is kept as asAndMs.
  const all = results.length <= PHRASE_BUDGET;
  const candidates = results.slice(0, PHRASE_BUDGET);
  const kept: { h: lunr.Index.Result; text: string }[] = [];
  let checked = 0;
  for (let i = 0; i < candidates.length && (all || kept.length < LIMIT);) {
    const chunk = candidates.slice(i, i + LIMIT);
    i += chunk.length;
    checked += chunk.length;
    (await read(chunk)).forEach((row, j) => { if (row && phrases.every((p) => textHasPhrase(row.text, p))) kept.push({ h: chunk[j]!, text: row.text }); });
  }
  const hits = kept.slice(0, LIMIT).map((k) => hit(k.h, k.text));
  const phraseReadMs = readMs;
  // The old figure, after it: the plain index's AND, its 20 best read and snippeted.
  const s2 = now();
  const and = index!.query((query) => { for (const w of queried) query.term(w, { presence: lunr.Query.presence.REQUIRED }); });
  const top = and.slice(0, LIMIT);
  const rows = await read(top);
  top.forEach((h, i) => { const text = rows[i]?.text; if (text) pageSnippet(text, new Set(Object.keys(h.matchData.metadata)), []); });
  return { hits, pages: all ? kept.length : results.length, engineMs, readMs: phraseReadMs, asAndMs: now() - s2, verifiedPages: kept.length, checkedPages: checked, exact: all };
}

self.onmessage = async (e: MessageEvent<LunrWorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'load') {
      const t0 = now();
      index = lunr.Index.load(JSON.parse(m.json) as object);
      positional = lunr.Index.load(JSON.parse(m.positionsJson) as object);
      keys = m.keys;
      LIMIT = m.limit;
      idb = await openRaw(m.dbName);
      self.postMessage({ type: 'loaded', ms: now() - t0 });
    } else {
      self.postMessage({ type: 'answer', answer: await query(m.q, m.kind) });
    }
  } catch (error) {
    self.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
