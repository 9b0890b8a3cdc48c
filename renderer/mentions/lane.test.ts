// The engine with a second lane (lane.ts) must write exactly what it writes alone: the lane's
// trie follows the engine's through every edit, and a lane that fails leaves its pages to the
// engine.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model';
import { blankActor, newId } from '../../shared/model';
import type { ExtractionResult } from '../../shared/pdf/types';
import { getActor, saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import type { CasefileDb } from '../db/db';
import { addDocument } from '../db/documents';
import { sha256Hex } from '../util/sha256';
import { MentionsEngine } from './engine';
import { JournaledTrie, LaneClient, RescanLane } from './lane';
import type { LanePort, LaneRequest } from './lane';

const freshDb = () => openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
const extracted = (texts: string[]): ExtractionResult => ({ state: 'extracted', pageCount: texts.length, pages: texts, info: null, message: '', durationMs: 1 });

async function addPdf(db: CasefileDb, texts: string[]) {
  const bytes = new TextEncoder().encode(`%PDF-1.7 ${newId()}`);
  const result = await addDocument(db, { file: new Blob([bytes]), sha256: await sha256Hex(bytes), fileName: 'a.pdf', extraction: extracted(texts) }, 2_000);
  if (result.status !== 'added') throw new Error(result.status);
}

const person = (name: string, aliases: string[] = []): Actor => ({
  ...blankActor('person', 1_000), name, names: aliases.map((a) => ({ id: newId(), name: a, type: 'alias' as const, note: '', citations: [] })),
});

const PAGES = [
  'El camarada Artemio habló con Víctor Quispe Palomino en Pichari.',
  'Los hermanos Víctor y Jorge Quispe Palomino, alias José y Raúl, controlan el VRAEM desde Pichari.',
  'Nadie nombra aquí a nadie. Solo el río Ene, Pichari y la selva.',
  'Según la fiscalía, Artemio y el Cholo se reunieron en Tingo María con Quispe.',
];

/** A lane in this thread, reached through structured clones as a worker would be. */
function localLane(db: CasefileDb, requests: LaneRequest[] = []): LanePort {
  const lane = new RescanLane(db);
  return { request: (r) => { requests.push(r); return lane.handle(structuredClone(r)).then((x) => structuredClone(x)); } };
}

const allRows = async (db: CasefileDb) => JSON.stringify(await db.pageMentions.toArray());

async function rebuilt(db: CasefileDb): Promise<string> {
  await db.transaction('rw', db.pageMentions, db.mentionDocs, db.mentionNames, async () => {
    await db.pageMentions.clear(); await db.mentionDocs.clear(); await db.mentionNames.clear();
  });
  const engine = new MentionsEngine(db);
  await engine.load();
  await engine.sync();
  return allRows(db);
}

async function withAliases(db: CasefileDb, actor: Actor, change: (names: string[]) => string[], at: number): Promise<void> {
  const saved = (await getActor(db, actor.id))!;
  const names = change(saved.names.map((n) => n.name));
  await saveActor(db, { ...saved, names: names.map((name) => saved.names.find((n) => n.name === name) ?? { id: newId(), name, type: 'alias', note: '', citations: [] }) }, at);
}

async function library(db: CasefileDb) {
  const cast = { artemio: person('Florindo Eleuterio Flores', ['Artemio']), victor: person('Víctor Quispe Palomino', ['José']), teodoro: person('Teodoro Huamán') };
  for (const a of Object.values(cast)) await saveActor(db, a, 1_000);
  for (let i = 0; i < 6; i++) await addPdf(db, [...PAGES.slice(i % 4), ...PAGES.slice(0, i % 4)]);
  return cast;
}

describe('MentionsEngine with a lane', () => {
  it('shares large re-scans with the lane, whose names follow every edit, and writes what a build from nothing gives', async () => {
    const db = await freshDb();
    const cast = await library(db);
    const requests: LaneRequest[] = [];
    const engine = new MentionsEngine(db, { lane: localLane(db, requests), laneMinPages: 2, chunkPages: 2 });
    await engine.load();
    await engine.sync();
    // After the build the lane is sent every name once.
    expect(requests.at(-1)?.names.reset?.length).toBeGreaterThan(0);

    const edits: [Actor, (n: string[]) => string[]][] = [
      [cast.teodoro, (n) => [...n, 'Pichari']], // spliced in
      [cast.artemio, (n) => [...n, 'Ene']],
      [cast.teodoro, (n) => n.filter((x) => x !== 'Pichari')], // spliced out
      [cast.victor, (n) => n.filter((x) => x !== 'José')],
      [cast.teodoro, (n) => [...n, 'Tingo María', 'Cholo']],
    ];
    let at = 2_000;
    let lanePages = 0;
    for (const [actor, change] of edits) {
      await withAliases(db, actor, change, (at += 1_000));
      const report = await engine.sync();
      lanePages += report.timings.lanePages;
      const now = await allRows(db);
      const reference = await freshDb();
      // The same library rebuilt from nothing, in a database of its own.
      const copy = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
      await reference.transaction('rw', reference.tables, async () => {
        for (const [name, rows] of copy) await reference.table(name).bulkPut(rows);
      });
      expect(now).toBe(await rebuilt(reference));
    }
    expect(lanePages).toBeGreaterThan(0);
    // Every request after the first carried only the changes since the one before.
    expect(requests.slice(1).every((r) => r.names.reset === undefined)).toBe(true);
    expect(requests.some((r) => r.splice?.added === true) && requests.some((r) => r.splice?.added === false)).toBe(true);
  });

  it('re-scans a failed lane\'s pages itself and does not use that lane again', async () => {
    const db = await freshDb();
    const cast = await library(db);
    let calls = 0;
    const failing: LanePort = { request: (r) => { calls++; return r.keys.length ? Promise.reject(new Error('lane worker crashed')) : Promise.resolve({ touched: [], put: [], removed: [], timings: {} as never, elapsedMs: 0 }); } };
    const engine = new MentionsEngine(db, { lane: failing, laneMinPages: 2, chunkPages: 2 });
    await engine.load();
    await engine.sync();
    await withAliases(db, cast.teodoro, (n) => [...n, 'Pichari'], 3_000);
    const report = await engine.sync();
    expect(report.pagesRescanned).toBe(6 * 3);
    expect(report.timings.lanePages).toBe(0);
    const afterFailure = calls;
    await withAliases(db, cast.artemio, (n) => [...n, 'Ene'], 4_000);
    await engine.sync();
    expect(calls).toBe(afterFailure);
    expect(await allRows(db)).toBe(await rebuilt(db));
  });

  it('gives the faster side more of the next re-scan, never more than three quarters', () => {
    const client = new LaneClient({ request: () => Promise.reject(new Error('unused')) }, new JournaledTrie(), () => []);
    expect(client.share).toBe(0.5);
    client.learn(500, 400, 500, 200); // the lane went twice as fast
    expect(client.share).toBeCloseTo((0.5 + 2 / 3) / 2);
    for (let i = 0; i < 10; i++) client.learn(500, 1000, 500, 10);
    expect(client.share).toBe(0.75);
    for (let i = 0; i < 10; i++) client.learn(500, 10, 500, 1000);
    expect(client.share).toBe(0.25);
  });
});
