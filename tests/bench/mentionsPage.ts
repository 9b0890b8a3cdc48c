// The mentions bench page (mentions.html), driven by scripts/bench-mentions.mjs on the app's
// origin. It writes 10,000 synthetic people (~30,000 names) and a corpus of 30-page documents
// into the app's own 'casefile' database, then lets the app's REAL mentions worker
// (getMentionsClient → renderer/workers/mentions.worker.ts) build and maintain the mentions.
// Times are taken here with performance.now(), never across Playwright round trips. While the
// worker works, the page probes its own responsiveness: long tasks on the main thread and
// the latency of a small IndexedDB read every 100 ms (what a click would wait for).
import Dexie, { liveQuery } from 'dexie';
import { blankActor, newId } from '../../shared/model';
import type { Actor, SourceDocument } from '../../shared/model';
import { blankDocument, documentExtractionFrom } from '../../shared/model/document';
import { bulkInsertForBenchmark } from '../../renderer/db/bulk';
import type { CasefileDb } from '../../renderer/db/db';
import { openDatabase } from '../../renderer/db/db';
import { actorRow, documentRow } from '../../renderer/db/derive';
import type { DocumentRow, PageRow } from '../../renderer/db/derive';
import type { PageMentionsRow } from '../../renderer/db/mentionTypes';
import { mentionedIn, mentionsOfActor, pageKeysOf } from '../../renderer/db/mentions';
import { getMentionsClient } from '../../renderer/mentions/mentionsClient';
import { SCANNING_REFRESH_MS } from '../../renderer/mentions/useMentions';
import type { MentionsStatus } from '../../renderer/mentions/mentionsClient';
import { stressEdit, rescannedPages, gainsAndLosses, readPagesRaw } from './mentionsStress';
import { makeRandom } from './generateRecords';
import { makeMentionActors } from './mentionActors';
import { PAGES_PER_DOCUMENT, makeCorpus } from './searchCorpus';

const DB_NAME = 'casefile';
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let db: CasefileDb | null = null;
let floorDb: CasefileDb | null = null;
/** The documents in the order `fill` wrote them: name edits pick their words from these, the same every run. */
let filledDocuments: string[] = [];
const database = async () => (db ??= await openDatabase(DB_NAME));

// ---- responsiveness probes
const longTasks: number[] = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
let probing = false;
const probeLatencies: number[] = [];
async function probeLoop(actorIds: string[]) {
  const d = await database();
  probing = true;
  let i = 0;
  while (probing) {
    const t0 = now();
    await d.actors.get(actorIds[i++ % actorIds.length]!);
    probeLatencies.push(now() - t0);
    await sleep(100);
  }
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: s[Math.floor(s.length * 0.5)] ?? null, p95: s[Math.floor(s.length * 0.95)] ?? null, max: s.at(-1) ?? null };
};

// ---- the worker's status timeline
let status: MentionsStatus | null = null;
let readyAt: number | null = null;
function client() {
  const c = getMentionsClient();
  c.onStatus((s) => { status = s; if (s.ready && readyAt === null) readyAt = now(); });
  return c;
}

async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 5): Promise<{ value: T | null; ms: number }> {
  const t0 = now();
  for (;;) {
    const value = await check();
    if (value) return { value, ms: now() - t0 };
    if (now() - t0 > timeoutMs) return { value: null, ms: now() - t0 };
    await sleep(everyMs);
  }
}

let actorIds: string[] = [];
const r = makeRandom(4242);

const api = {
  async reset() { db?.close(); db = null; floorDb?.close(); floorDb = null; await Dexie.delete(DB_NAME); },

  /** Actors with three names each and the corpus's pages, written straight into the database. */
  async fill(o: { pages: number; actors: number; seed: number }) {
    const d = await database();
    const t0 = now();
    filledDocuments = [];
    const people = makeMentionActors(o.actors, o.seed);
    const actors: Actor[] = people.map((p) => ({
      ...blankActor('person', 1_000), id: newId(), name: p.name,
      names: p.names.map((n) => ({ id: newId(), name: n.name, type: n.type as Actor['names'][number]['type'], note: '', citations: [] })),
    }));
    await bulkInsertForBenchmark(d, actors, []);
    actorIds = actors.map((a) => a.id);
    const corpus = makeCorpus(o.seed);
    const documents = Math.ceil(o.pages / PAGES_PER_DOCUMENT);
    let chars = 0;
    for (let start = 0; start < documents; start += 100) {
      const docRows: DocumentRow[] = [];
      const pageRows: PageRow[] = [];
      for (let i = start; i < Math.min(documents, start + 100); i++) {
        const count = Math.min(PAGES_PER_DOCUMENT, o.pages - i * PAGES_PER_DOCUMENT);
        const doc = corpus.document(i, count);
        const row = newDocumentRow(`doc-${i + 1}.pdf`, doc.title, count);
        docRows.push(row);
        filledDocuments.push(row.id);
        doc.pages.forEach((text, p) => { pageRows.push({ documentId: row.id, page: p + 1, text, state: 'text' }); chars += text.length; });
      }
      await d.transaction('rw', d.documents, d.pages, async () => { await d.documents.bulkPut(docRows); await d.pages.bulkPut(pageRows); });
    }
    const names = actors.reduce((n, a) => n + 1 + a.names.length, 0);
    return { actors: actors.length, names, documents, pages: o.pages, mb: chars / 1e6, ms: now() - t0 };
  },

  /** Reference: every page row read in chunks of 50 in its own transaction, as the worker reads them. */
  async rawRead() {
    const d = await database();
    const t0 = now();
    let rows = 0;
    let last: [string, number] | null = null;
    for (;;) {
      const chunk: PageRow[] = await (last ? d.pages.where(':id').above(last) : d.pages.toCollection()).limit(500).toArray();
      if (!chunk.length) break;
      rows += chunk.length;
      last = [chunk.at(-1)!.documentId, chunk.at(-1)!.page];
    }
    return { rows, ms: now() - t0 };
  },

  /** Reference for the build's probes: the same small IndexedDB read every 100 ms with no worker running. */
  async idleProbe(o: { ms: number }) {
    const d = await database();
    if (!actorIds.length) actorIds = (await d.actors.toCollection().primaryKeys()) as string[];
    longTasks.length = 0;
    probeLatencies.length = 0;
    void probeLoop(actorIds);
    await sleep(o.ms);
    probing = false;
    await sleep(150);
    return { longTasks: stats(longTasks), idbProbe: stats(probeLatencies) };
  },

  /** Starts the worker and waits until its first full build is done; probes responsiveness meanwhile. */
  async build(o: { timeoutMs: number }) {
    const d = await database();
    if (!actorIds.length) actorIds = (await d.actors.toCollection().primaryKeys()) as string[];
    const docs = await d.documents.count();
    longTasks.length = 0;
    probeLatencies.length = 0;
    void probeLoop(actorIds);
    const t0 = now();
    client();
    const done = await waitFor(async () => status?.ready && !status.scanning && (await d.mentionDocs.count()) === docs, o.timeoutMs, 250);
    probing = false;
    return {
      ms: done.ms, finished: done.value !== null, readyMs: readyAt === null ? null : readyAt - t0, last: status?.last ?? null,
      longTasks: stats(longTasks), idbProbe: stats(probeLatencies), rows: await d.pageMentions.count(), error: status?.error ?? null,
    };
  },

  /**
   * The stress edit's word: the one-word name, matched anywhere, that the most pages would
   * gain (tests/bench/mentionsStress.ts), estimated on a sample of pages.
   */
  async findStress(o: { sample: number }) {
    return stressEdit(await database(), o.sample);
  },

  /**
   * One name edit, until its mentions are stored: an alias added to an actor (a word of some
   * page, or `o.name`), or the alias `o.remove` taken off `o.actorId`. Also: the pages that
   * gained or lost the actor, and a reference read of the re-scanned pages' rows.
   */
  async nameEdit(o: { round: number; name?: string; actorId?: string; remove?: string; profileOpen?: 'live' | 'app' }) {
    const d = await database();
    const id = o.actorId ?? actorIds[(o.round * 997) % actorIds.length]!;
    const actor = (await d.actors.get(id))!;
    // A rare-ish word of a random page: the kind of alias a researcher adds after reading it.
    // (A page of the documents in the order they were written: their ids are random.)
    const pick = r.int(0, 500);
    const sample = filledDocuments.length
      ? (await d.pages.get([filledDocuments[Math.floor(pick / PAGES_PER_DOCUMENT) % filledDocuments.length]!, (pick % PAGES_PER_DOCUMENT) + 1]))!
      : (await d.pages.offset(pick).first())!;
    const words = sample.text.match(/\p{Lu}\p{Ll}{5,}/gu) ?? ['Zzyzx'];
    // Even rounds: a titled alias ("Comandante Velásquez"), the usual kind; odd rounds: a bare
    // word of the corpus, which is on many pages (the corpus draws its names from the same lists).
    const word = words[r.int(0, words.length - 1)]!;
    const name = o.remove ?? o.name ?? (o.round % 2 === 0 ? `Comandante ${word}` : word);
    const { sortName: _s, status: _st, groupIds: _g, nameWords: _n, citedDocumentIds: _c, ...plain } = actor;
    const names = o.remove ? plain.names.filter((n) => n.name !== o.remove) : [...plain.names, { id: newId(), name, type: 'alias' as const, note: '', citations: [] }];
    const next: Actor = { ...plain, names, updatedAt: Date.now() };
    // A large edit's pending rows (schema 13) are folded in after it: each edit starts from none.
    await waitFor(async () => (await d.pendingMentions.count()) === 0, 30_000, 20);
    const pagesBefore = await pageKeysOf(d, id);
    const namesBefore = await d.mentionNames.get(id);
    const before = status?.generation ?? 0;
    const probes0 = probeLatencies.length;
    probing = false;
    await sleep(150);
    void probeLoop(actorIds);
    // `profileOpen`: the actor's profile is on screen, as where a name is edited, its "Mentioned
    // in" read as a live query ('live': Dexie runs it again after every chunk the worker
    // writes) or as the app reads it (useMentionsRead: again when the worker's generation
    // moves, and every SCANNING_REFRESH_MS while it scans).
    const profile = { runs: 0, ms: 0 };
    let started = 0;
    const readProfile = async () => {
      const q0 = now();
      const view = await mentionedIn(d, id, 20);
      if (started) { profile.runs++; profile.ms += now() - q0; }
      return view.total;
    };
    let stop: (() => void) | null = null;
    if (o.profileOpen === 'live') {
      const subscription = liveQuery(readProfile).subscribe({ next: () => undefined });
      stop = () => subscription.unsubscribe();
    } else if (o.profileOpen === 'app') {
      let seen = status?.generation ?? 0;
      let timer: ReturnType<typeof setInterval> | null = null;
      const off = getMentionsClient().onStatus((s) => {
        if (s.scanning && !timer) timer = setInterval(() => void readProfile(), SCANNING_REFRESH_MS);
        if (!s.scanning && timer) { clearInterval(timer); timer = null; }
        if (s.generation !== seen) { seen = s.generation; void readProfile(); }
      });
      void readProfile();
      stop = () => { off(); if (timer) clearInterval(timer); };
    }
    if (stop) await sleep(200);
    const t0 = now();
    started = t0;
    await d.actors.put(actorRow(next));
    const done = await waitFor(async () => (status && status.generation > before && !status.scanning ? status : null), 30_000);
    probing = false;
    const ms = done.value ? now() - t0 : done.ms;
    stop?.();
    const pagesAfter = await pageKeysOf(d, id);
    // How long after the edit its pending rows were all folded into the page rows (0: none written).
    const folded = await waitFor(async () => (await d.pendingMentions.count()) === 0, 30_000, 20);
    const foldedMs = now() - t0;
    const namesAfter = await d.mentionNames.get(id);
    // The pages the worker re-scanned, found again from the stored word filters, and a raw read of their rows.
    const keys = await rescannedPages(d, id, name, namesBefore, namesAfter);
    const reference = await readPagesRaw(d, keys);
    return { ms, name, actorId: id, last: status?.last ?? null, pagesMentioning: pagesAfter.length, foldedMs: folded.value ? foldedMs : null, ...gainsAndLosses(pagesBefore, pagesAfter), profile,
      rescanKeys: keys.length, referenceMs: reference.ms, referenceRows: reference.rows, idbProbe: stats(probeLatencies.slice(probes0)) };
  },

  /**
   * The floor of an edit that gave `actorId` its rows: what IndexedDB alone takes to read those
   * rows, delete them and put them back (chunks of 100, one transaction each, one after another,
   * as the worker writes them). The rows end as they were; the worker does not watch them.
   */
  async rowFloor(o: { actorId: string }) {
    // A connection of its own with the worker's relaxed durability (renderer/workers/mentions.worker.ts).
    const d = (floorDb ??= await openDatabase(DB_NAME, undefined, 'relaxed'));
    await waitFor(async () => (await d.pendingMentions.count()) === 0, 30_000, 20);
    const keys = (await d.pageMentions.where('actorIds').equals(o.actorId).primaryKeys()) as [string, number][];
    let t0 = now();
    const rows: (PageMentionsRow | undefined)[] = [];
    for (let i = 0; i < keys.length; i += 100) rows.push(...(await d.pageMentions.bulkGet(keys.slice(i, i + 100))));
    const readMs = now() - t0;
    t0 = now();
    for (let i = 0; i < keys.length; i += 100) await d.transaction('rw', d.pageMentions, () => d.pageMentions.bulkDelete(keys.slice(i, i + 100)));
    const deleteMs = now() - t0;
    t0 = now();
    for (let i = 0; i < rows.length; i += 100) await d.transaction('rw', d.pageMentions, () => d.pageMentions.bulkPut(rows.slice(i, i + 100).filter((r): r is PageMentionsRow => r !== undefined)));
    const putMs = now() - t0;
    return { rows: keys.length, readMs, deleteMs, putMs };
  },

  /** A new 50-page document (pages of the corpus), until its mentions are stored; reference: the write itself. */
  async newDocument(o: { round: number; pages: number }) {
    const d = await database();
    const corpus = makeCorpus(99 + o.round);
    const doc = corpus.document(o.round, o.pages);
    const row = newDocumentRow(`new-${o.round}.pdf`, doc.title, o.pages);
    const pages: PageRow[] = doc.pages.map((text, p) => ({ documentId: row.id, page: p + 1, text, state: 'text' }));
    const t0 = now();
    await d.transaction('rw', d.documents, d.pages, async () => { await d.documents.put(row); await d.pages.bulkPut(pages); });
    const writeMs = now() - t0;
    const before = status?.generation ?? 0;
    const done = await waitFor(async () => (await d.mentionDocs.get(row.id)) ?? null, 30_000);
    await waitFor(async () => (status?.generation ?? 0) > before, 2_000);
    return { ms: writeMs + done.ms, writeMs, found: done.value !== null, last: status?.last ?? null };
  },

  /** "Mentioned in" for the most-mentioned actor and a median one; reference: bulkGet of the same page rows. */
  async mentionedIn() {
    const d = await database();
    const top = await d.mentionNames.orderBy('sources').last();
    const all = await d.mentionNames.where('sources').above(0).primaryKeys();
    const median = all[Math.floor(all.length / 2)] as string;
    const out = [];
    for (const id of [top!.actorId, median]) {
      const times = [];
      let rows = 0;
      // What the profile reads: the first 20 sources' pages from the index keys and their rows, and the count of sources.
      let sources = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = now();
        const view = await mentionedIn(d, id, 20);
        times.push(now() - t0);
        sources = view.total;
      }
      const wholeT0 = now();
      await mentionsOfActor(d, id);
      const wholeMs = now() - wholeT0;
      const keys = (await mentionsOfActor(d, id)).map((m) => [m.documentId, m.page] as [string, number]);
      rows = keys.length;
      const t1 = now();
      await d.pages.bulkGet(keys);
      out.push({ actorId: id, rows, sources, ms: Math.min(...times), wholeMs, referenceMs: now() - t1 });
    }
    return out;
  },

  async storedSize() {
    const d = await database();
    return { pageMentions: await d.pageMentions.count(), mentionDocs: await d.mentionDocs.count(), mentionNames: await d.mentionNames.count() };
  },
};

function newDocumentRow(fileName: string, title: string, pages: number): DocumentRow {
  const extraction = documentExtractionFrom({ state: 'extracted', pageCount: pages, pages: [], info: null, message: '', durationMs: 0 }, Date.now());
  const base = blankDocument({ sha256: r.uuid().replace(/-/g, '').padEnd(64, '0'), fileName, byteLength: 1 }, extraction, Date.now());
  const sd: SourceDocument = { ...base, title };
  return documentRow(sd);
}

(window as unknown as { casefileMentionsBench: typeof api }).casefileMentionsBench = api;
