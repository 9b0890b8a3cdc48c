// The engine's fast paths must give exactly what a build from nothing gives: documents
// scanned several to a transaction, name edits that rewrite only the rows that changed, and
// rules proposed from the library's word frequencies.
import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/model';
import { getActor, saveActor } from '../db/actors';
import type { CasefileDb } from '../db/db';
import { mentionNamesOf, mentionedIn, mentionsOfActor, setNameRule } from '../db/mentions';
import { MentionsEngine } from './engine';
import { addPdf, freshDb, person } from './library.testkit';
import { FILTER_CONTEXT_VERSION } from '../../shared/mentions';
import { storeOcrPage } from '../db/ocrPages';
import { readPage } from '../../tests/unit/ocrKit';




const PAGES = [
  'El camarada Artemio habló con Víctor Quispe Palomino en Pichari.',
  'Los hermanos Víctor y Jorge Quispe Palomino, alias José y Raúl, controlan el VRAEM.',
  'Nadie nombra aquí a nadie. Solo el río Ene y la selva.',
  'Según la fiscalía, Artemio y el Cholo se reunieron en Tingo María con Quispe.',
];

/** Every page's mentions, in key order, as comparable JSON. */
const allRows = async (db: CasefileDb) => JSON.stringify(await db.pageMentions.toArray());

/** What a build from nothing gives for the database as it now is. */
async function rebuilt(db: CasefileDb): Promise<string> {
  await db.transaction('rw', db.pageMentions, db.mentionDocs, db.mentionNames, async () => {
    await db.pageMentions.clear(); await db.mentionDocs.clear(); await db.mentionNames.clear();
  });
  const engine = new MentionsEngine(db, { chunkPages: 1 });
  await engine.load();
  await engine.sync();
  return allRows(db);
}

describe('MentionsEngine fast paths', () => {
  it('scans small documents several to a transaction with the same rows as one page at a time', async () => {
    const db = await freshDb();
    for (const a of [person('Florindo Eleuterio Flores', ['Artemio']), person('Víctor Quispe Palomino', ['José']), person('Jorge Quispe Palomino', ['Raúl']), person('Teodoro Huamán', ['El Cholo'])]) await saveActor(db, a, 1_000);
    for (let i = 0; i < 5; i++) await addPdf(db, [...PAGES.slice(i % 4), ...PAGES.slice(0, i % 4)]);
    const progress: number[] = [];
    const engine = new MentionsEngine(db, { chunkPages: 8, onProgress: (p) => { if (p) progress.push(p.done); } });
    await engine.load();
    const report = await engine.sync();
    expect(report.documentsScanned).toBe(5);
    expect(report.timings.rowsWritten).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(20);
    const batched = await allRows(db);
    expect(batched).toBe(await rebuilt(db));

    // "Mentioned in" lists every source from the index and reads rows only for those shown.
    const artemio = (await db.actors.toArray()).find((a) => a.name === 'Florindo Eleuterio Flores')!;
    const view = await mentionedIn(db, artemio.id, 2);
    const whole = await mentionsOfActor(db, artemio.id);
    expect(view.sources).toHaveLength(5);
    expect(view.total).toBe(5);
    expect(view.sources.flatMap((s) => s.pages.map((p) => `${s.documentId}:${p}`))).toEqual(whole.map((r) => `${r.documentId}:${r.page}`));
    expect([...view.rows.keys()]).toEqual(view.sources.slice(0, 2).map((s) => s.documentId));
    expect([...view.rows.values()].flat()).toEqual(whole.filter((r) => view.rows.has(r.documentId)));
  });

  it('lists "Mentioned in" from as few index keys as the sources shown need, with the count of all', async () => {
    const db = await freshDb();
    const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
    await saveActor(db, artemio, 1_000);
    // 12 sources of 9 pages each naming Artemio: 108 pages, more than the first read of keys.
    for (let i = 0; i < 12; i++) await addPdf(db, Array.from({ length: 9 }, (_, p) => `El camarada Artemio, página ${p} del informe ${i}.`));
    const engine = new MentionsEngine(db, { chunkPages: 50 });
    await engine.load();
    await engine.sync();
    await engine.countSources();
    const whole = await mentionsOfActor(db, artemio.id);
    expect(whole).toHaveLength(108);
    const sourcesOf = (rows: typeof whole) => [...new Set(rows.map((r) => r.documentId))];
    for (const limit of [1, 3, 7, 12, 20]) {
      const view = await mentionedIn(db, artemio.id, limit);
      expect(view.total, `limit ${limit}`).toBe(12);
      expect(view.sources.length).toBeGreaterThanOrEqual(Math.min(limit, 12));
      // Every source listed is whole, in index order.
      for (const s of view.sources) expect(s.pages).toEqual(whole.filter((r) => r.documentId === s.documentId).map((r) => r.page));
      expect(view.sources.map((s) => s.documentId)).toEqual(sourcesOf(whole).slice(0, view.sources.length));
      expect([...view.rows.keys()]).toEqual(sourcesOf(whole).slice(0, limit));
      expect([...view.rows.values()].flat()).toEqual(whole.filter((r) => view.rows.has(r.documentId)));
    }
  });

  it('scans again, once, documents whose word filters were written before they held cue contexts', async () => {
    const db = await freshDb();
    await saveActor(db, person('Florindo Eleuterio Flores', ['Artemio']), 1_000);
    await addPdf(db, PAGES);
    await addPdf(db, [...PAGES].reverse());
    const first = new MentionsEngine(db);
    await first.load();
    await first.sync();
    const rows = await allRows(db);
    const [old] = await db.mentionDocs.toArray();
    const { context: _context, ...before } = old!;
    await db.mentionDocs.put(before);
    const restarted = new MentionsEngine(db);
    await restarted.load();
    expect((await restarted.sync()).documentsScanned).toBe(1);
    expect((await db.mentionDocs.get(old!.documentId))?.context).toBe(FILTER_CONTEXT_VERSION);
    expect(await allRows(db)).toBe(rows);
    expect((await restarted.sync()).documentsScanned).toBe(0);
  });

  it('rewrites only the rows a name edit changes, and ends where a full build would', async () => {
    const db = await freshDb();
    const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
    for (const a of [artemio, person('Víctor Quispe Palomino', ['José']), person('Jorge Quispe Palomino', ['Raúl'])]) await saveActor(db, a, 1_000);
    await addPdf(db, PAGES);
    await addPdf(db, [...PAGES].reverse());
    const engine = new MentionsEngine(db, { chunkPages: 50 });
    await engine.load();
    await engine.sync();
    const before = await db.pageMentions.count();

    // "Pichari" is on one page of each document: two rows to add, nothing else to touch.
    const saved = (await getActor(db, artemio.id))!;
    await saveActor(db, { ...saved, names: [...saved.names, { id: newId(), name: 'Pichari', type: 'alias', note: '', citations: [] }] }, 3_000);
    const report = await engine.sync();
    expect(report.pagesRescanned).toBe(2);
    expect(report.timings.rowsDeleted).toBe(0);
    expect(report.timings.rowsWritten).toBe(2);
    expect(await db.pageMentions.count()).toBe(before);
    expect((await mentionsOfActor(db, artemio.id)).flatMap((r) => r.hits.map((h) => h.text))).toContain('Pichari');

    // Removing a name deletes the rows only it made.
    const again = (await getActor(db, artemio.id))!;
    await saveActor(db, { ...again, names: again.names.filter((n) => n.name !== 'Artemio') }, 4_000);
    const removal = await engine.sync();
    expect(removal.timings.rowsDeleted + removal.timings.rowsWritten).toBeGreaterThan(0);
    const incremental = await allRows(db);
    expect(incremental).toBe(await rebuilt(db));
  });

  it('after a restart, splices a new name into the rows a previous session wrote, reading only the rows that exist', async () => {
    const db = await freshDb();
    const teodoro = person('Teodoro Huamán');
    for (const a of [person('Florindo Eleuterio Flores', ['Artemio']), person('Víctor Quispe Palomino', ['José']), teodoro]) await saveActor(db, a, 1_000);
    await addPdf(db, PAGES);
    await addPdf(db, ['Solo el río Ene y Pichari.', ...PAGES.slice(2)]);
    const first = new MentionsEngine(db);
    await first.load();
    await first.sync();
    const restarted = new MentionsEngine(db);
    await restarted.load();
    const asked: number[] = [];
    const bulkGet = db.pageMentions.bulkGet.bind(db.pageMentions);
    db.pageMentions.bulkGet = ((keys: [string, number][]) => { asked.push(keys.length); return bulkGet(keys); }) as typeof db.pageMentions.bulkGet;
    // "Pichari" is on page 1 of the first document (a row naming Artemio and Víctor) and on
    // page 1 of the second (no row yet): one stored row to read, both pages spliced.
    const saved = (await getActor(db, teodoro.id))!;
    await saveActor(db, { ...saved, names: [{ id: newId(), name: 'Pichari', type: 'alias', note: '', citations: [] }] }, 3_000);
    const report = await restarted.sync();
    expect(report.pagesRescanned).toBe(2);
    expect(report.timings.pagesSpliced).toBe(2);
    expect(asked).toEqual([1]);
    const rows = await db.pageMentions.toArray();
    expect(rows.find((r) => r.page === 1 && r.actorIds.length === 3)?.actorIds).toContain(teodoro.id);
    db.pageMentions.bulkGet = bulkGet;
    expect(await allRows(db)).toBe(await rebuilt(db));
  });

  it('takes a name off from the stored rows without reading the text of pages where nothing else names the actor', async () => {
    const db = await freshDb();
    const teodoro = person('Teodoro Huamán');
    const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
    for (const a of [artemio, person('Víctor Quispe Palomino', ['José']), teodoro]) await saveActor(db, a, 1_000);
    await addPdf(db, PAGES);
    await addPdf(db, ['Solo el río Ene y Pichari.', ...PAGES.slice(2)]);
    const engine = new MentionsEngine(db);
    await engine.load();
    await engine.sync();
    let now = 2_000;
    const addAlias = async (id: string, name: string) => {
      const saved = (await getActor(db, id))!;
      await saveActor(db, { ...saved, names: [...saved.names, { id: newId(), name, type: 'alias', note: '', citations: [] }] }, (now += 1_000));
      await engine.sync();
    };
    const dropAlias = async (id: string, name: string) => {
      const saved = (await getActor(db, id))!;
      await saveActor(db, { ...saved, names: saved.names.filter((n) => n.name !== name) }, (now += 1_000));
      return engine.sync();
    };
    const textsRead: number[] = [];
    const bulkGet = db.pages.bulkGet.bind(db.pages);
    db.pages.bulkGet = ((keys: [string, number][]) => { textsRead.push(keys.length); return bulkGet(keys); }) as typeof db.pages.bulkGet;

    // Teodoro is named by "Pichari" alone on both pages that spell it: no text is read.
    await addAlias(teodoro.id, 'Pichari');
    textsRead.length = 0;
    const off = await dropAlias(teodoro.id, 'Pichari');
    expect(off.pagesRescanned).toBe(2);
    expect(off.timings.pagesSpliced).toBe(2);
    expect(textsRead).toEqual([]);
    expect(await mentionsOfActor(db, teodoro.id)).toEqual([]);

    // Artemio is also on the first document's "Pichari" page: that page's text is read.
    await addAlias(artemio.id, 'Pichari');
    textsRead.length = 0;
    await dropAlias(artemio.id, 'Pichari');
    expect(textsRead).toEqual([1]);
    db.pages.bulkGet = bulkGet;
    expect(await allRows(db)).toBe(await rebuilt(db));
  });

  // An OCR re-run rewrites a page's text and gives its document a new extractedAt: the document
  // is scanned again whole (new rows, new word filters) before any name edit's re-scan, in the
  // same sync or an earlier one, so no splice or drop stands on the old text or filters.
  for (const when of ['in the same sync', 'a sync before'] as const) {
    it(`edits a name on pages whose text OCR changed since their rows were stored (${when}), ending where a build from nothing does`, async () => {
      const db = await freshDb();
      const teodoro = person('Teodoro Huamán');
      const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
      for (const a of [artemio, person('Víctor Quispe Palomino', ['José']), teodoro]) await saveActor(db, a, 1_000);
      const doc = await addPdf(db, PAGES);
      await addPdf(db, ['Solo el río Ene y Pichari.', ...PAGES.slice(2)]);
      const engine = new MentionsEngine(db);
      await engine.load();
      await engine.sync();
      let now = 5_000;
      const rename = async (id: string, names: (old: string[]) => string[]) => {
        const saved = (await getActor(db, id))!;
        const next = names(saved.names.map((n) => n.name));
        await saveActor(db, { ...saved, names: next.map((name) => saved.names.find((n) => n.name === name) ?? { id: newId(), name, type: 'alias', note: '', citations: [] }) }, (now += 1_000));
      };
      const ocr = async (page: number, text: string) => {
        await storeOcrPage(db, doc.id, readPage(page, text), 0, (now += 1_000));
        if (when === 'a sync before') await engine.sync();
      };
      // Pichari leaves page 1 and comes to page 3, beside Artemio; then Teodoro takes the name.
      await ocr(1, 'El camarada Artemio habló en la selva con Víctor Quispe Palomino.');
      await ocr(3, 'Pichari, dijo Artemio. Nadie más.');
      await rename(teodoro.id, (n) => [...n, 'Pichari']);
      await engine.sync();
      const rows = await mentionsOfActor(db, teodoro.id);
      expect(rows.map((r) => r.page).sort()).toEqual([1, 3]);
      expect(rows.find((r) => r.documentId === doc.id)?.page).toBe(3);
      // Pichari moves again, to page 4; then Teodoro loses it (taken off from stored rows where
      // the new filters prove nothing else names him) and Artemio loses "Artemio".
      await ocr(4, 'En Pichari no hubo nadie.');
      await rename(teodoro.id, (n) => n.filter((x) => x !== 'Pichari'));
      await engine.sync();
      expect(await mentionsOfActor(db, teodoro.id)).toEqual([]);
      await ocr(2, 'Artemio y Pichari, otra vez.');
      await rename(artemio.id, (n) => [...n.filter((x) => x !== 'Artemio'), 'Pichari']);
      await engine.sync();
      expect(await allRows(db)).toBe(await rebuilt(db));
    });
  }

  it('lets a newer change interrupt a long re-scan, scans the new document first, then resumes; names are stored only when done', async () => {
    const db = await freshDb();
    const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
    await saveActor(db, artemio, 1_000);
    await saveActor(db, person('Víctor Quispe Palomino', ['José']), 1_000);
    for (let i = 0; i < 6; i++) await addPdf(db, PAGES);
    let stop = false;
    const engine = new MentionsEngine(db, { chunkPages: 1, interrupted: () => stop });
    await engine.load();
    await engine.sync();

    const saved = (await getActor(db, artemio.id))!;
    await saveActor(db, { ...saved, names: [...saved.names, { id: newId(), name: 'Pichari', type: 'alias', note: '', citations: [] }] }, 3_000);
    stop = true; // a newer change is already waiting: one chunk (2 pages) of the 6 is re-scanned
    const first = await engine.sync();
    expect([first.pagesRescanned, first.pagesLeft]).toEqual([2, 4]);
    // Until the re-scan is done, a restart still sees the old names and would re-scan for the new one.
    expect((await mentionNamesOf(db, artemio.id))?.entries.map((e) => e.name)).not.toContain('Pichari');

    const late = await addPdf(db, ['El camarada Artemio llegó a Pichari.']);
    stop = false;
    const second = await engine.sync();
    expect(second).toMatchObject({ documentsScanned: 1, pagesRescanned: 4, pagesLeft: 0 });
    expect((await mentionsOfActor(db, artemio.id)).filter((r) => r.documentId === late.id)).toHaveLength(1);
    expect((await mentionNamesOf(db, artemio.id))?.entries.map((e) => e.name)).toContain('Pichari');
    const incremental = await allRows(db);
    expect(incremental).toBe(await rebuilt(db));
  });

  it('sees an actor written at the same millisecond as the last one it read', async () => {
    const db = await freshDb();
    await saveActor(db, person('Víctor Quispe Palomino', ['José']), 5_000);
    await addPdf(db, PAGES);
    const engine = new MentionsEngine(db);
    await engine.load();
    await engine.sync();
    expect(await engine.sync()).toMatchObject({ namesChanged: 0 });
    const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
    await saveActor(db, artemio, 5_000);
    expect((await engine.sync()).namesChanged).toBeGreaterThan(0);
    expect((await mentionsOfActor(db, artemio.id)).length).toBeGreaterThan(0);
  });

  it('proposes a cue for a family name frequent in the library, and says why', async () => {
    const db = await freshDb();
    const yupanqui = person('Ana Yupanqui');
    const iparraguirre = person('Elena Iparraguirre');
    await saveActor(db, yupanqui, 1_000);
    await saveActor(db, iparraguirre, 1_000);
    // 250 pages (enough for frequencies to count), "Yupanqui" on a third of them.
    const pages = Array.from({ length: 250 }, (_, i) => (i % 3 === 0 ? `La comunidad Yupanqui de Ayacucho, página ${i}.` : `Informe de campo número ${i}.`));
    pages[7] = 'Iparraguirre declaró ante el juez.';
    await addPdf(db, pages);
    const engine = new MentionsEngine(db);
    await engine.load();
    await engine.sync();
    const family = (row: Awaited<ReturnType<typeof mentionNamesOf>>) => row?.entries.find((e) => e.source === 'family');
    expect(family(await mentionNamesOf(db, yupanqui.id))).toMatchObject({ name: 'Yupanqui', rule: 'with-cue', reason: 'frequent in the library' });
    expect(family(await mentionNamesOf(db, iparraguirre.id))).toMatchObject({ name: 'Iparraguirre', rule: 'anywhere', reason: 'rare in the library' });
    expect(await mentionsOfActor(db, yupanqui.id)).toEqual([]);
    expect((await mentionsOfActor(db, iparraguirre.id)).map((r) => r.page)).toEqual([8]);
  });

  it('proposes a cue for an alias the library mostly writes in lower case, and finds it only cued', async () => {
    const db = await freshDb();
    const actor = person('Teodoro Huamán', ['Puerto']);
    await saveActor(db, actor, 1_000);
    // 250 pages, "puerto" (the port) in lower case on a fifth of them; the alias once, cued.
    const pages = Array.from({ length: 250 }, (_, i) => (i % 5 === 0 ? `La lancha llegó al puerto de Pichari, informe ${i}.` : `Informe de campo número ${i}.`));
    pages[9] = 'Puerto Maldonado queda lejos.';
    pages[11] = 'El mando alias Puerto cruzó el río.';
    await addPdf(db, pages);
    const engine = new MentionsEngine(db);
    await engine.load();
    await engine.sync();
    const names = await mentionNamesOf(db, actor.id);
    expect(names?.entries.find((e) => e.name === 'Puerto')).toMatchObject({ rule: 'with-cue', reason: 'an ordinary word in the library' });
    expect((await mentionsOfActor(db, actor.id)).map((r) => r.page)).toEqual([12]);
  });
});

describe('MentionsEngine with its tables watched', () => {
  it('reads documents and name rules again only after a write to them is reported', async () => {
    const db = await freshDb();
    const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
    await saveActor(db, artemio, 1_000);
    await addPdf(db, [PAGES[0]!]);
    const engine = new MentionsEngine(db, { tablesWatched: true });
    await engine.load();
    await engine.sync();
    // A document written but not reported: the sync keeps the documents it read.
    await addPdf(db, [PAGES[3]!]);
    expect((await engine.sync()).documentsScanned).toBe(0);
    engine.tablesChanged(['documents']);
    expect((await engine.sync()).documentsScanned).toBe(1);
    // A rule written and reported: Artemio is no longer matched.
    await setNameRule(db, artemio.id, 'Artemio', 'name', 'never');
    engine.tablesChanged(['nameRules']);
    await engine.sync();
    expect((await mentionsOfActor(db, artemio.id)).length).toBe(0);
    expect(await allRows(db)).toBe(await rebuilt(db));
  });
});
