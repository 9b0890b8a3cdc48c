// The search bench page (search.html), driven by scripts/bench-search.mjs on the app's origin.
// It writes the corpus into the app's own 'casefile' database, then lets the app's REAL search
// worker (getSearchClient → renderer/workers/search.worker.ts) index and answer it. Times are
// taken here with performance.now() (navigation start = 0), never across Playwright round trips.
import Dexie from 'dexie';
import type { SearchResults, SegmentMeta } from '../../shared/search';
import { planMerges } from '../../shared/search';
import { isStopWord } from '../../shared/search/analyze';
import { foldText } from '../../shared/text/fold';
import { blankDocument, documentExtractionFrom } from '../../shared/model/document';
import type { SourceDocument } from '../../shared/model';
import { bulkInsertForBenchmark } from '../../renderer/db/bulk';
import type { CasefileDb } from '../../renderer/db/db';
import { openDatabase } from '../../renderer/db/db';
import { documentRow } from '../../renderer/db/derive';
import type { DocumentRow, PageRow } from '../../renderer/db/derive';
import { addDocument } from '../../renderer/db/documents';
import { buildAndQueryLunr, queryKeptLunr } from './lunrReference';
import type { LunrFigures } from './lunrReference';
import { getSearchClient } from '../../renderer/search/searchClient';
import type { SearchStatus } from '../../renderer/search/types';
import { generateRecords, makeRandom } from './generateRecords';
import { NAME_WORDS, PAGES_PER_DOCUMENT, makeCorpus, stripAccents, typo } from './searchCorpus';
import type { CorpusDocument } from './searchCorpus';
import { FIRST_SHOWN } from '../../renderer/features/search/query';

export const QUERY_KINDS = ['term', 'twoTerms', 'phrase', 'prefix', 'fuzzy', 'accentless'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
export interface QueryTiming {
  q: string; ms: number; workerMs: number; pages: number; records: number; exact: boolean;
  /** Page hits answered, each with its text read and snippeted (at most the limit). */
  shown: number;
  /** lunr only: its engine alone (index.query), without reading and snippeting the best pages (as many as the app's first answer). */
  engineMs?: number;
  /** lunr only: time waiting for the page rows (IndexedDB) within `ms`. */
  readMs?: number;
  /** lunr phrases only: the AND of the words with the best snippeted, phrase unchecked (the reference until session 10). */
  asAndMs?: number | null;
  /** lunr phrases only: candidates that hold the phrase on their text (of those checked). */
  verifiedPages?: number | null;
  checkedPages?: number;
}

const DB_NAME = 'casefile';
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let corpus = makeCorpus();
let db: CasefileDb | null = null;
const database = async () => (db ??= await openDatabase(DB_NAME));

// ---- status timeline of the search worker, from the moment the client is created
const timeline: { clientAt: number | null; readyAt: number | null; indexingAt: number | null; idleAt: number | null; last: SearchStatus | null } = {
  clientAt: null, readyAt: null, indexingAt: null, idleAt: null, last: null,
};
function startClient() {
  const client = getSearchClient();
  if (timeline.clientAt === null) {
    timeline.clientAt = now();
    client.onStatus((s) => {
      timeline.last = s;
      if (s.ready && timeline.readyAt === null) timeline.readyAt = now();
      if (s.indexing && s.indexing.total > 1 && timeline.indexingAt === null) timeline.indexingAt = now();
      if (!s.indexing && timeline.indexingAt !== null) timeline.idleAt = now();
    });
  }
  return client;
}

/**
 * Hits asked of each query: as many as the search view's first answer asks for (its FIRST_SHOWN,
 * renderer/features/search/query.ts: 10), the same for the lunr reference. Until session 10 both
 * asked for 20, twice the page texts a user's first answer reads and snippets.
 */
const FIRST_ANSWER = Math.max(...Object.values(FIRST_SHOWN));

async function timedSearch(q: string): Promise<{ ms: number; results: SearchResults }> {
  const client = startClient();
  const t0 = now();
  const results = await client.search(q, undefined, { limit: FIRST_ANSWER, caller: 'bench' });
  return { ms: now() - t0, results };
}
const summarize = (q: string, ms: number, r: SearchResults): QueryTiming => ({
  q, ms, workerMs: r.tookMs, pages: r.groups.page.count, exact: r.groups.page.exact, shown: r.groups.page.hits.length,
  records: r.groups.actor.count + r.groups.event.count + r.groups.document.count,
});

// ---- queries drawn from the corpus
const WORD = /[\p{L}\p{N}]+/gu;
function wordsOf(text: string): string[] { return text.match(WORD) ?? []; }
const content = (w: string) => w.length >= 4 && !isStopWord(foldText(w));

function makeQueries(documents: number, count: number, seed: number): Record<QueryKind, string[]> {
  const r = makeRandom(seed);
  const out = Object.fromEntries(QUERY_KINDS.map((k) => [k, [] as string[]])) as Record<QueryKind, string[]>;
  const page = () => {
    const doc = corpus.document(r.int(0, documents - 1));
    return wordsOf(doc.pages[r.int(0, doc.pages.length - 1)]!);
  };
  const pickFrom = (words: string[], ok: (w: string) => boolean) => {
    for (let i = 0; i < 50; i++) { const w = r.pick(words); if (ok(w)) return w; }
    return null;
  };
  const frequentNames = NAME_WORDS.filter((n) => stripAccents(n).length >= 5);
  for (let n = 0; out.term.length < count || out.accentless.length < count; n++) {
    const words = page();
    const term = pickFrom(words, content);
    if (term && out.term.length < count) out.term.push(term.toLowerCase());
    const a = pickFrom(words, content), b = pickFrom(words, content);
    if (a && b && a !== b && out.twoTerms.length < count) out.twoTerms.push(`${a} ${b}`.toLowerCase());
    // A phrase: 2–3 consecutive words starting and ending on content words.
    for (let tries = 0; tries < 20 && out.phrase.length < count; tries++) {
      const i = r.int(0, words.length - 4);
      const len = r.int(2, 3);
      const slice = words.slice(i, i + len);
      if (content(slice[0]!) && content(slice.at(-1)!)) { out.phrase.push(`"${slice.join(' ').toLowerCase()}"`); break; }
    }
    const long = pickFrom(words, (w) => content(w) && w.length >= 6);
    if (long && out.prefix.length < count) out.prefix.push(`${long.slice(0, 4).toLowerCase()}*`);
    if (out.fuzzy.length < count) out.fuzzy.push(typo(stripAccents(r.pick(frequentNames)).toLowerCase(), r.next(), r.next()));
    const accented = pickFrom(words, (w) => /[áéíóúñÁÉÍÓÚÑ]/.test(w) && w.length >= 4);
    if (accented && out.accentless.length < count) out.accentless.push(stripAccents(accented).toLowerCase());
    if (n > count * 50) break;
  }
  return out;
}

// ---- merges: which stored segments still have a merge planned (the worker merges when idle)
const metaCache = new Map<string, SegmentMeta>();
async function mergeState(pagesPerDocument: Map<string, number>) {
  const d = await database();
  const ids = (await d.searchSegments.where('kind').notEqual('catalog').primaryKeys()) as string[];
  const metas: SegmentMeta[] = [];
  for (const id of ids) {
    let meta = metaCache.get(id);
    if (!meta) {
      const m = /^document:(.+):(\d+)$/.exec(id);
      if (m && pagesPerDocument.has(m[1]!)) {
        meta = { id, kind: `document:${m[1]!}`, family: 'pages', seq: Number(m[2]), documentIds: [m[1]!], docCount: pagesPerDocument.get(m[1]!)!, builtAt: 0, analyzerVersion: 1 };
      } else {
        // Merged and records segments: read once (the row carries its meta beside the JSON).
        meta = (await d.searchSegments.get(id))?.meta as SegmentMeta | undefined;
      }
      if (!meta) continue;
      metaCache.set(id, meta);
    }
    metas.push(meta);
  }
  const pagesSegments = metas.filter((m) => m.family === 'pages');
  return {
    segments: metas.length, pagesSegments: pagesSegments.length, plans: planMerges(metas).length,
    sizes: pagesSegments.map((m) => m.docCount).sort((a, b) => b - a).slice(0, 12),
  };
}

const documentIds = new Map<string, number>();

const api = {
  async reset() {
    const t0 = now();
    db?.close();
    db = null;
    await Dexie.delete(DB_NAME);
    return { ms: now() - t0 };
  },

  /** Writes records, documents and pages straight into the database (the worker is not running). */
  async fill(o: { pages: number; actors: number; events: number; seed: number; chunkDocuments: number }) {
    corpus = makeCorpus(o.seed);
    const d = await database();
    const t0 = now();
    const records = generateRecords({ actors: o.actors, events: o.events, seed: o.seed });
    const genRecordsMs = now() - t0;
    const t1 = now();
    await bulkInsertForBenchmark(d, records.actors, records.events);
    const recordsMs = now() - t1;
    const documents = Math.ceil(o.pages / PAGES_PER_DOCUMENT);
    const r = makeRandom(o.seed + 99);
    let genMs = 0, writeMs = 0, chars = 0, pages = 0, words = 0;
    const at = Date.UTC(2024, 0, 1);
    for (let start = 0; start < documents; start += o.chunkDocuments) {
      const g0 = now();
      const docRows: DocumentRow[] = [];
      const pageRows: PageRow[] = [];
      for (let i = start; i < Math.min(documents, start + o.chunkDocuments); i++) {
        const count = Math.min(PAGES_PER_DOCUMENT, o.pages - i * PAGES_PER_DOCUMENT);
        const doc = corpus.document(i, count);
        const extraction = documentExtractionFrom({ state: 'extracted', pageCount: count, pages: [], info: null, message: '', durationMs: 0 }, at);
        const base = blankDocument({ sha256: r.uuid().replace(/-/g, '').padEnd(64, '0'), fileName: `doc-${i + 1}.pdf`, byteLength: 1 }, extraction, at);
        const sd: SourceDocument = { ...base, id: `d${i}-${r.uuid().slice(0, 8)}`, title: doc.title, language: doc.lang };
        documentIds.set(sd.id, count);
        docRows.push(documentRow(sd));
        doc.pages.forEach((text, p) => {
          pageRows.push({ documentId: sd.id, page: p + 1, text, state: 'text' });
          chars += text.length;
          words += wordsOf(text).length;
        });
        pages += count;
      }
      genMs += now() - g0;
      const w0 = now();
      await d.transaction('rw', d.documents, d.pages, async () => {
        await d.documents.bulkPut(docRows);
        await d.pages.bulkPut(pageRows);
      });
      writeMs += now() - w0;
    }
    return { actors: records.actors.length, events: records.events.length, documents, pages, chars, words, genRecordsMs, recordsMs, genMs, writeMs, vocabulary: corpus.vocabularySize };
  },

  /** Document ids → pages, for a page that did not fill (after a restart). */
  async loadDocumentIds() {
    const d = await database();
    for (const row of await d.documents.toArray()) documentIds.set(row.id, row.extraction.pageCount);
    return documentIds.size;
  },

  startIndexing() { startClient(); return timeline.clientAt; },
  indexState() { return { ...timeline, now: now() }; },
  mergeState() { return mergeState(documentIds); },

  /** Size of what the worker persisted, read one row at a time. */
  async persistedSize() {
    const d = await database();
    const ids = (await d.searchSegments.toCollection().primaryKeys()) as string[];
    let chars = 0, largest = 0;
    const kinds: Record<string, number> = {};
    for (const id of ids) {
      const row = await d.searchSegments.get(id);
      if (!row) continue;
      // Bytes: header JSON (UTF-16 chars ≈ bytes, ASCII), typed arrays, positions Blob.
      const size = (row.json?.length ?? 0) + (row.header?.length ?? 0) + (row.data?.byteLength ?? 0) + (row.positions?.size ?? 0);
      chars += size;
      largest = Math.max(largest, size);
      const k = row.kind.startsWith('document:') ? 'document' : row.kind;
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
    // Which documents the worker says it indexed (its catalog), in case it leaves some out.
    let indexedDocuments = 0, indexedPages = 0;
    const catalog = await d.searchSegments.get('~catalog');
    if (catalog) {
      for (const id of Object.keys((JSON.parse(catalog.json ?? '{}') as { documents: Record<string, number> }).documents)) {
        indexedDocuments++;
        indexedPages += documentIds.get(id) ?? 0;
      }
    }
    return { rows: ids.length, mb: chars / 1e6, largestMb: largest / 1e6, kinds, indexedDocuments, indexedPages };
  },

  makeQueries(o: { documents: number; count: number; seed: number }) { return makeQueries(o.documents, o.count, o.seed); },

  async runQueries(queries: string[]) {
    const out: QueryTiming[] = [];
    for (const q of queries) {
      const { ms, results } = await timedSearch(q);
      out.push(summarize(q, ms, results));
    }
    return out;
  },

  /**
   * A new 50-page document through the app's own addDocument (one transaction: metadata, file,
   * pages), then queries until a word only it holds is found. Timed from just before the write.
   */
  async addDocumentAndWait(o: { round: number; pages: number; timeoutMs: number }) {
    const d = await database();
    const marker = `zqxmarker${o.round}${Math.random().toString(36).slice(2, 7)}`;
    const doc: CorpusDocument = corpus.document(1_000_000 + o.round, o.pages);
    const pages = doc.pages.map((t, i) => (i === 37 % o.pages ? `${t} ${marker}` : t));
    const t0 = now();
    const added = await addDocument(d, {
      file: new Blob([marker]), sha256: Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join(''), fileName: `${marker}.pdf`,
      extraction: { state: 'extracted', pageCount: o.pages, pages, info: null, message: '', durationMs: 0 },
    });
    const writeMs = now() - t0;
    if (added.status !== 'added') throw new Error(`addDocument: ${added.status}`);
    documentIds.set(added.document.id, o.pages);
    let polls = 0;
    while (now() - t0 < o.timeoutMs) {
      polls++;
      const { results } = await timedSearch(marker);
      if (results.groups.page.hits.some((h) => h.documentId === added.document.id)) return { ms: now() - t0, writeMs, polls, found: true };
      await sleep(20);
    }
    return { ms: now() - t0, writeMs, polls, found: false };
  },

  /** lunr's reference (lunrReference.ts): built here, queried in a worker; `keep` leaves it for lunrReferenceCold. */
  async lunrReference(o: { queries: Record<string, string[]>; budgetMs: number; heapLimitMB: number; maxPages?: number; keep?: boolean }): Promise<LunrFigures | { aborted: string }> {
    return buildAndQueryLunr(await database(), { ...o, limit: FIRST_ANSWER });
  },
  /** The same lunr index queried in a newly started browser (lunrReference.ts). */
  lunrReferenceCold(o: { queries: Record<string, string[]> }): Promise<LunrFigures | { aborted: string }> {
    return queryKeptLunr({ ...o, limit: FIRST_ANSWER });
  },
};

declare global {
  interface Window { casefileSearchBench: typeof api }
}
window.casefileSearchBench = api;
