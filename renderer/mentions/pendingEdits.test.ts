// Name edits written as pending rows (pendingPages.ts) and folded in later: what the readers
// see before, during and after the fold, two edits before a fold, a fold cut short, a restart
// with pending rows left, and the writes that must not hide under a pending row (a document
// deleted or re-extracted, an actor deleted) must all end where a build from nothing ends.
import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/model';
import { deleteActor, getActor, saveActor } from '../db/actors';
import type { CasefileDb } from '../db/db';
import { deleteDocument, updateExtraction } from '../db/documents';
import { coMentionPairs, mentionNamesOf, mentionedIn, mentionsInDocument, mentionsOfActor, pagesMentioning } from '../db/mentions';
import { MentionsEngine } from './engine';
import { addPdf, extracted, freshDb, person, rebuiltRows } from './library.testkit';




const PAGES = [
  'El camarada Artemio habló con Víctor Quispe Palomino en Pichari.',
  'Los hermanos Víctor y Jorge Quispe Palomino, alias José y Raúl, controlan el VRAEM desde Pichari.',
  'Nadie nombra aquí a nadie. Solo el río Ene, Pichari y la selva.',
  'Según la fiscalía, Artemio y el Cholo se reunieron en Tingo María con Quispe.',
  'En Pichari, «Raúl» dio la orden; el Cholo la cumplió.',
];

/** Everything the window's readers give for these actors and documents. */
async function readers(db: CasefileDb, actorIds: readonly string[], documentIds: readonly string[]): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const id of actorIds) {
    const view = await mentionedIn(db, id, 2);
    out[id] = { rows: await mentionsOfActor(db, id), pages: [...await pagesMentioning(db, id)].sort(),
      view: { sources: view.sources, total: view.total, rows: [...view.rows] }, sources: (await mentionNamesOf(db, id))?.sources };
  }
  for (const id of documentIds) out[id] = { rows: await mentionsInDocument(db, id), pairs: await coMentionPairs(db, { documentId: id }) };
  out.pairs = await coMentionPairs(db);
  return JSON.stringify(out);
}

const rebuilt = (db: CasefileDb): Promise<string> => rebuiltRows(db, { countSources: true });

async function library() {
  const db = await freshDb();
  const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
  const victor = person('Víctor Quispe Palomino', ['José']);
  const jorge = person('Jorge Quispe Palomino', ['Raúl']);
  const cholo = person('Teodoro Huamán', ['El Cholo']);
  for (const a of [artemio, victor, jorge, cholo]) await saveActor(db, a, 1_000);
  const docs = [];
  for (let i = 0; i < 4; i++) docs.push((await addPdf(db, [...PAGES.slice(i), ...PAGES.slice(0, i)])).id);
  // Every re-scan writes pending rows (two pages each: chunks of one page, re-scans two chunks).
  const engine = new MentionsEngine(db, { chunkPages: 1, pendingMinPages: 0 });
  await engine.load();
  await engine.sync();
  await engine.countSources();
  const actors = [artemio.id, victor.id, jorge.id, cholo.id];
  let now = 2_000;
  const rename = async (id: string, names: (current: string[]) => string[]) => {
    const saved = (await getActor(db, id))!;
    const next = names(saved.names.map((n) => n.name));
    await saveActor(db, { ...saved, names: next.map((name) => saved.names.find((n) => n.name === name) ?? { id: newId(), name, type: 'alias' as const, note: '', citations: [] }) }, (now += 1_000));
  };
  return { db, engine, actors, docs, artemio, victor, jorge, cholo, rename };
}

describe('name edits through pending rows', () => {
  it('are seen by every reader before the fold as after it, and the fold ends where a build from nothing does', async () => {
    const { db, engine, actors, docs, artemio, rename } = await library();
    const pageRows = JSON.stringify(await db.pageMentions.toArray());
    await rename(artemio.id, (n) => [...n, 'Pichari']);
    const report = await engine.sync();
    await engine.countSources();
    expect(report.pagesRescanned).toBeGreaterThan(4);
    expect(await db.pendingMentions.count()).toBeGreaterThan(1);
    // Nothing written to the page rows yet: the edit is all in the pending rows.
    expect(JSON.stringify(await db.pageMentions.toArray())).toBe(pageRows);
    expect((await mentionsOfActor(db, artemio.id)).flatMap((r) => r.hits.map((h) => h.text))).toContain('Pichari');
    const before = await readers(db, actors, docs);
    expect(await engine.fold()).toBe(true);
    expect(await db.pendingMentions.count()).toBe(0);
    expect(await readers(db, actors, docs)).toBe(before);
    const folded = JSON.stringify(await db.pageMentions.toArray());
    expect(await rebuilt(db)).toBe(folded);
    expect(await readers(db, actors, docs)).toBe(before);
  });

  it('take two edits in a row before a fold (the second reading the first\'s pending rows), and a fold cut short', async () => {
    const { db, engine, actors, docs, artemio, jorge, rename } = await library();
    await rename(artemio.id, (n) => [...n, 'Pichari']);
    await engine.sync();
    // The second edit takes a name off pages the first one rewrote, and adds one.
    await rename(artemio.id, (n) => n.filter((x) => x !== 'Artemio'));
    await engine.sync();
    await rename(jorge.id, (n) => [...n, 'Pichari']);
    await engine.sync();
    await engine.countSources();
    const pendingRows = await db.pendingMentions.count();
    expect(pendingRows).toBeGreaterThan(2);
    const before = await readers(db, actors, docs);
    // A fold that gives way after one pending row (a sync waiting).
    let folds = 0;
    expect(await engine.fold(() => folds++ >= 1)).toBe(false);
    expect(await db.pendingMentions.count()).toBe(pendingRows - 1);
    expect(await readers(db, actors, docs)).toBe(before);
    // An edit in between, then the rest of the fold.
    await rename(jorge.id, (n) => n.filter((x) => x !== 'Pichari'));
    await engine.sync();
    await engine.countSources();
    const during = await readers(db, actors, docs);
    expect(await engine.fold()).toBe(true);
    expect(await readers(db, actors, docs)).toBe(during);
    const folded = JSON.stringify(await db.pageMentions.toArray());
    expect(await rebuilt(db)).toBe(folded);
    expect(await readers(db, actors, docs)).toBe(during);
  });

  it('left pending by a session that ended (a crash): the next one reads through them, edits over them and folds them', async () => {
    const { db, engine, actors, docs, artemio, cholo, rename } = await library();
    await rename(artemio.id, (n) => [...n, 'Pichari']);
    await engine.sync();
    expect(await db.pendingMentions.count()).toBeGreaterThan(0);
    const restarted = new MentionsEngine(db, { chunkPages: 1, pendingMinPages: 0 });
    await restarted.load();
    expect((await restarted.sync()).pagesRescanned).toBe(0);
    await rename(cholo.id, (n) => [...n, 'Pichari']);
    await restarted.sync();
    await restarted.countSources();
    const before = await readers(db, actors, docs);
    expect(await restarted.fold()).toBe(true);
    expect(await readers(db, actors, docs)).toBe(before);
    const folded = JSON.stringify(await db.pageMentions.toArray());
    expect(await rebuilt(db)).toBe(folded);
  });

  it('are folded in before a document, an actor or a re-extraction writes the page rows directly', async () => {
    const { db, engine, actors, docs, artemio, victor, rename } = await library();
    await rename(artemio.id, (n) => [...n, 'Pichari']);
    await engine.sync();
    // A document deleted while its pages are pending: its rows go, none comes back from a pending row.
    expect(await deleteDocument(db, docs[0]!, 5_000)).toBe(true);
    await engine.sync();
    expect(await mentionsInDocument(db, docs[0]!)).toEqual([]);
    // A document re-extracted while pending.
    await rename(artemio.id, (n) => n.filter((x) => x !== 'Pichari'));
    await engine.sync();
    expect(await db.pendingMentions.count()).toBeGreaterThan(0);
    await updateExtraction(db, docs[1]!, extracted(['Pichari y Artemio.', 'Nadie.']), 6_000);
    await engine.sync();
    expect((await mentionsInDocument(db, docs[1]!)).map((r) => r.page)).toEqual([1]);
    // An actor deleted while pending.
    await rename(victor.id, (n) => [...n, 'Pichari']);
    await engine.sync();
    expect(await db.pendingMentions.count()).toBeGreaterThan(0);
    expect(await deleteActor(db, victor.id, 7_000)).toBe(true);
    await engine.sync();
    await engine.countSources();
    expect(await pagesMentioning(db, victor.id)).toEqual(new Set());
    const live = actors.filter((id) => id !== victor.id);
    const before = await readers(db, live, docs);
    await engine.fold();
    expect(await readers(db, live, docs)).toBe(before);
    const folded = JSON.stringify(await db.pageMentions.toArray());
    expect(await rebuilt(db)).toBe(folded);
    expect(await readers(db, live, docs)).toBe(before);
  });
});
