import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model';
import { blankActor, newId } from '../../shared/model';
import { deleteActor, getActor, saveActor } from '../db/actors';
import type { CasefileDb } from '../db/db';
import { deleteDocument } from '../db/documents';
import { coMentionPairs, mentionNamesOf, mentionQuote, mentionsInDocument, mentionsOfActor, setFamilyNames, setNameRule } from '../db/mentions';
import { loadSampleCase } from '../db/sample';
import { sampleCase } from '../features/cases/sampleCase';
import { MentionsEngine } from './engine';
import { addPdf, freshDb } from './library.testkit';

const ARTICLE = readFileSync(new URL('../../../shared/fixtures/vraem-article.txt', import.meta.url), 'utf8');
const ids = sampleCase().actors.reduce<Record<string, string>>((m, a) => ({ ...m, [a.name]: a.id }), {});


async function setup() {
  const db = await freshDb();
  await loadSampleCase(db, sampleCase(), 1_000);
  const doc = await addPdf(db, ['Nothing here.', ARTICLE]);
  const engine = new MentionsEngine(db, { chunkPages: 1 });
  await engine.load();
  await engine.sync();
  await engine.countSources();
  return { db, doc, engine };
}

const namedIn = async (db: CasefileDb, documentId: string) => new Set((await mentionsInDocument(db, documentId)).map((r) => r.actorId));

describe('MentionsEngine', () => {
  it('finds every actor of the sample case in the article, with pages, snippets and the brothers as one shared mention', async () => {
    const { db, doc } = await setup();
    const rows = await mentionsOfActor(db, ids['Florindo Eleuterio Flores']!);
    expect(rows.map((r) => [r.documentId, r.page])).toEqual([[doc.id, 2]]);
    expect(rows[0]!.hits.map((h) => h.text)).toEqual(expect.arrayContaining(['Florindo Eleuterio Flores', 'Comandante Artemio']));
    expect(rows[0]!.snippet.text.slice(rows[0]!.snippet.start, rows[0]!.snippet.end)).toBe('Florindo Eleuterio Flores');
    const named = await namedIn(db, doc.id);
    for (const name of ['Abimael Guzmán', 'Cirilo', 'Víctor Quispe Palomino', 'Jorge Quispe Palomino', 'Shining Path']) expect(named).toContain(ids[name]);
    const victor = (await mentionsOfActor(db, ids['Víctor Quispe Palomino']!))[0]!;
    expect(victor.hits[0]!.others).toEqual([ids['Jorge Quispe Palomino']]);
    expect((await mentionNamesOf(db, ids['Cirilo']!))?.sources).toBe(1);
  });

  it('source counts give way to a waiting sync between actors, and the ones left are counted next time', async () => {
    const db = await freshDb();
    await loadSampleCase(db, sampleCase(), 1_000);
    await addPdf(db, ['Nothing here.', ARTICLE]);
    const engine = new MentionsEngine(db, { chunkPages: 1 });
    await engine.load();
    await engine.sync();
    const cirilo = ids['Cirilo']!;
    let asked = 0;
    // A sync is waiting from the first check on: one actor gets counted, then the count stops.
    await engine.countSources(() => asked++ > 0);
    const counted = (await db.mentionNames.toArray()).filter((r) => r.sources > 0).length;
    expect(counted).toBe(1);
    await engine.countSources();
    expect((await mentionNamesOf(db, cirilo))?.sources).toBe(1);
    expect((await db.mentionNames.toArray()).filter((r) => r.sources > 0).length).toBeGreaterThan(5);
  });

  it('keeps mentions current: a new alias, a rule, a family name, a deleted actor and a deleted document', async () => {
    const { db, doc, engine } = await setup();
    const pedro: Actor = { ...blankActor('person', 3_000), name: 'Pedro Yaranga' };
    await saveActor(db, pedro, 3_000);
    let report = await engine.sync();
    expect(report.documentsScanned).toBe(0);
    expect(report.pagesRescanned).toBe(1);
    expect((await mentionsOfActor(db, pedro.id)).map((r) => r.page)).toEqual([2]);

    // A save that changes no name (a citation, a note) re-scans nothing.
    const pedroSaved = (await getActor(db, pedro.id))!;
    await saveActor(db, { ...pedroSaved, description: 'Security expert quoted by InSight Crime.' }, 3_050);
    expect(await engine.sync()).toMatchObject({ documentsScanned: 0, documentsDropped: 0, namesChanged: 0, pagesRescanned: 0, pagesLeft: 0 });

    const cirilo = (await getActor(db, ids['Cirilo']!))!;
    await saveActor(db, { ...cirilo, names: [{ id: newId(), name: 'Apurímac', type: 'alias', note: '', citations: [] }] }, 3_100);
    await engine.sync();
    expect((await mentionsOfActor(db, cirilo.id))[0]!.hits.map((h) => h.text)).toContain('Apurímac');

    await setNameRule(db, cirilo.id, 'Cirilo', 'name', 'never');
    await setNameRule(db, cirilo.id, 'Apurímac', 'name', 'never');
    await engine.sync();
    expect(await mentionsOfActor(db, cirilo.id)).toEqual([]);
    expect((await mentionNamesOf(db, cirilo.id))?.entries.find((e) => e.name === 'Cirilo')).toMatchObject({ rule: 'never', proposed: 'anywhere' });

    await setFamilyNames(db, ids['Jorge Quispe Palomino']!, []);
    await engine.sync();
    expect((await mentionsOfActor(db, ids['Víctor Quispe Palomino']!))[0]!.hits[0]!.others).toEqual([]);

    await deleteActor(db, ids['Víctor Quispe Palomino']!);
    await engine.sync();
    expect(await namedIn(db, doc.id)).not.toContain(ids['Víctor Quispe Palomino']);

    await deleteDocument(db, doc.id);
    report = await engine.sync();
    expect(report.documentsDropped).toBe(1);
    expect(await db.pageMentions.count()).toBe(0);
  });

  it('picks up where the stored mentions left off after a restart, and quotes the sentence around a mention', async () => {
    const { db, doc } = await setup();
    const again = new MentionsEngine(db);
    await again.load();
    expect(await again.sync()).toMatchObject({ documentsScanned: 0, documentsDropped: 0, namesChanged: 0, pagesRescanned: 0, pagesLeft: 0 });
    const row = (await mentionsOfActor(db, ids['Cirilo']!))[0]!;
    expect(await mentionQuote(db, row, row.hits[0]!)).toMatch(/^A late August battle .* a local leader\.$/);
    expect((await again.suggest(doc.id)).map((s) => s.name)).toEqual(['InSight Crime', 'Alberto Fujimori', 'Dirección Contra el Terrorismo', 'Pedro Yaranga', 'United Nations Office on Drugs and Crime']);
  });

  it('pairs actors named on the same page, leaving ambiguous mentions out', async () => {
    const { db, doc } = await setup();
    const pairs = await coMentionPairs(db);
    const pair = (a: string, b: string) => pairs.find((p) => [p.a, p.b].sort().join() === [ids[a], ids[b]].sort().join());
    expect(pair('Abimael Guzmán', 'Florindo Eleuterio Flores')?.pages).toEqual([`${doc.id}:2`]);
    expect(pair('Víctor Quispe Palomino', 'Jorge Quispe Palomino')).toBeUndefined();
  });
});
