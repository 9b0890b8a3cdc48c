// Runs in Chromium on the app's origin, driven by scripts/bench.mjs. Everything timed
// here is timed in the page (performance.now()), so no Playwright round trip counts.
import Dexie from 'dexie';
import type { Actor, ActorStatus, CaseEvent } from '../../shared/model';
import { STATUSES, actorSchema, eventSchema, validateWith } from '../../shared/model';
import { bulkInsertForBenchmark } from '../../renderer/db/bulk';
import { listGroups, listTags } from '../../renderer/db/actors';
import { queryActorIds } from '../../renderer/db/actorList';
import { CasefileDb, openDatabase } from '../../renderer/db/db';
import { inspectInstalled } from '../../renderer/db/versionGuard';
import { actorRow, compareActorRows, eventRow } from '../../renderer/db/derive';
import type { ActorRow } from '../../renderer/db/derive';
import { foldedWords } from '../../shared/text/fold';
import { generateRecords } from './generateRecords';

const DB_NAME = 'casefile';

export interface Expectation {
  count: number;
  /** Primary name of the first actor in the list's default (name) order. */
  firstName: string;
}

export interface BenchApi {
  generate(opts: { actors: number; events: number; seed: number }): { ms: number; actors: number; events: number };
  validateSample(n: number): { ms: number; checked: number; failures: Array<{ kind: string; index: number; issues: unknown }> };
  reset(): Promise<{ ms: number }>;
  insert(chunkSize: number): Promise<{ totalMs: number; actorsMs: number; eventsMs: number; deriveMs: number; actorChunksMs: number[]; eventChunksMs: number[] }>;
  counts(): Promise<{ actors: number; events: number }>;
  /** The steps of the app's openDatabase timed one by one (call first thing after a browser start for cold figures). */
  openBreakdown(): Promise<Record<string, number>>;
  /** The app's list queries timed alone (no React), beside raw IndexedDB reads of the same index. */
  breakdown(text: string): Promise<Record<string, number>>;
  /** What the actor list must show for each filter the bench applies, computed from the records, not the app. */
  expectations(text: string): { all: Expectation; byStatus: Record<ActorStatus, Expectation>; text: Expectation };
}

declare global {
  interface Window {
    casefileBench: BenchApi;
  }
}

let records: { actors: Actor[]; events: CaseEvent[] } = { actors: [], events: [] };

function expectationOf(rows: ActorRow[]): Expectation {
  let first: ActorRow | undefined;
  for (const row of rows) if (!first || compareActorRows(row, first) < 0) first = row;
  return { count: rows.length, firstName: first?.name ?? '' };
}

const api: BenchApi = {
  generate(opts) {
    const t0 = performance.now();
    records = generateRecords(opts);
    return { ms: performance.now() - t0, actors: records.actors.length, events: records.events.length };
  },

  validateSample(n) {
    const t0 = performance.now();
    const failures: Array<{ kind: string; index: number; issues: unknown }> = [];
    const half = Math.ceil(n / 2);
    // Evenly spread over the whole corpus, not just its start.
    const spread = (length: number, i: number) => Math.floor((i * length) / half);
    let checked = 0;
    for (let i = 0; i < half && records.actors.length > 0; i++, checked++) {
      const index = spread(records.actors.length, i);
      const result = validateWith(actorSchema, records.actors[index]);
      if (!result.ok) failures.push({ kind: 'actor', index, issues: result.issues });
    }
    for (let i = 0; i < n - half && records.events.length > 0; i++, checked++) {
      const index = Math.floor((i * records.events.length) / (n - half));
      const result = validateWith(eventSchema, records.events[index]);
      if (!result.ok) failures.push({ kind: 'event', index, issues: result.issues });
    }
    return { ms: performance.now() - t0, checked, failures: failures.slice(0, 5) };
  },

  async reset() {
    const t0 = performance.now();
    await Dexie.delete(DB_NAME);
    (await openDatabase(DB_NAME)).close();
    return { ms: performance.now() - t0 };
  },

  async insert(chunkSize) {
    const db = await openDatabase(DB_NAME);
    // The app's own bulk writer, called once per chunk so each chunk's time is seen.
    const timeChunks = async (kind: 'actors' | 'events') => {
      const list = records[kind];
      const times: number[] = [];
      for (let i = 0; i < list.length; i += chunkSize) {
        const t = performance.now();
        if (kind === 'actors') await bulkInsertForBenchmark(db, records.actors.slice(i, i + chunkSize), [], chunkSize);
        else await bulkInsertForBenchmark(db, [], records.events.slice(i, i + chunkSize), chunkSize);
        times.push(performance.now() - t);
      }
      return times;
    };
    // Index-field derivation alone (folding names and titles), to split JS time from IndexedDB time.
    const d0 = performance.now();
    records.actors.forEach(actorRow);
    records.events.forEach(eventRow);
    const deriveMs = performance.now() - d0;
    const t0 = performance.now();
    const actorChunksMs = await timeChunks('actors');
    const t1 = performance.now();
    const eventChunksMs = await timeChunks('events');
    const t2 = performance.now();
    db.close();
    return { totalMs: t2 - t0, actorsMs: t1 - t0, eventsMs: t2 - t1, deriveMs, actorChunksMs, eventChunksMs };
  },

  async counts() {
    const db = await openDatabase(DB_NAME);
    try {
      return { actors: await db.actors.count(), events: await db.events.count() };
    } finally {
      db.close();
    }
  },

  async openBreakdown() {
    const out: Record<string, number> = {};
    const time = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const value = await run();
      out[name] = Math.round((performance.now() - t0) * 10) / 10;
      return value;
    };
    await time('indexedDB.databases()', () => indexedDB.databases());
    await time('version guard (databases() + native open + meta read)', () => inspectInstalled(indexedDB, DB_NAME));
    await time('native open again + close', () => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME);
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    }));
    const db = new CasefileDb(DB_NAME);
    await time('Dexie open', () => db.open());
    await time('meta.get', () => db.meta.get('schemaVersion'));
    db.close();
    const again = await time('openDatabase (whole, again)', () => openDatabase(DB_NAME));
    again.close();
    return out;
  },

  async breakdown(text) {
    const db = await openDatabase(DB_NAME);
    const out: Record<string, number> = {};
    const time = async (name: string, run: () => Promise<unknown>) => {
      const t0 = performance.now();
      await run();
      out[name] = Math.round((performance.now() - t0) * 10) / 10;
    };
    const rawKeys = (index: string, range?: IDBKeyRange) => new Promise<number>((resolve, reject) => {
      const req = db.backendDB().transaction('actors', 'readonly').objectStore('actors').index(index).getAllKeys(range);
      req.onsuccess = () => resolve(req.result.length);
      req.onerror = () => reject(req.error);
    });
    try {
      await time('rawGetAllKeys sortName (first)', () => rawKeys('sortName'));
      await time('rawGetAllKeys sortName', () => rawKeys('sortName'));
      await time('rawGetAllKeys [status+sortName] at_large', () => rawKeys('[status+sortName]', IDBKeyRange.bound(['at_large'], ['at_large', []])));
      let ids: string[] = [];
      await time('queryActorIds all', async () => { ids = await queryActorIds(db, {}); });
      await time('queryActorIds all (again)', () => queryActorIds(db, {}));
      await time('queryActorIds status at_large', () => queryActorIds(db, { statuses: ['at_large'] }));
      await time('queryActorIds status captured', () => queryActorIds(db, { statuses: ['captured'] }));
      await time(`queryActorIds text "${text}"`, () => queryActorIds(db, { text }));
      await time('listGroups', () => listGroups(db));
      await time('listTags', () => listTags(db));
      await time('bulkGet 20 actors', () => db.actors.bulkGet(ids.slice(ids.length >> 1, (ids.length >> 1) + 20)));
    } finally {
      db.close();
    }
    return out;
  },

  expectations(text) {
    const rows = records.actors.map(actorRow);
    const byStatus = Object.fromEntries(
      STATUSES.map((s) => [s, expectationOf(rows.filter((r) => r.status === s))]),
    ) as Record<ActorStatus, Expectation>;
    const words = foldedWords(text);
    const matches = (r: ActorRow) => words.every((q) => r.nameWords.some((w) => w.startsWith(q)));
    return {
      all: expectationOf(rows),
      byStatus,
      text: expectationOf(rows.filter(matches)),
    };
  },
};

window.casefileBench = api;
document.getElementById('status')!.dataset.ready = 'true';
