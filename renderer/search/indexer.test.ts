import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model';
import { blankActor, blankEvent, newId } from '../../shared/model';
import type { ExtractionResult } from '../../shared/pdf/types';
import { ANALYZER_VERSION, DEFAULT_MERGE_POLICY, SEGMENT_FORMAT_VERSION } from '../../shared/search';
import type { SearchResults } from '../../shared/search';
import { deleteActor, saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import type { CasefileDb } from '../db/db';
import { addDocument, deleteDocument, saveDocumentMetadata, updateExtraction } from '../db/documents';
import { saveEvent } from '../db/events';
import { restoreFromTrash } from '../db/trash';
import { sha256Hex } from '../util/sha256';
import { CATALOG_ROW_ID, storedSegmentIds } from './catalog';
import { SearchIndexer } from './indexer';

const freshDb = () => openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
const ids = (r: SearchResults, kind: 'actor' | 'event' | 'document' | 'page') => r.groups[kind].hits.map((h) => h.recordId);
const pages = (r: SearchResults) => r.groups.page.hits.map((h) => `${h.documentId}:${h.page}`);

const extracted = (texts: string[]): ExtractionResult => ({ state: 'extracted', pageCount: texts.length, pages: texts, info: null, message: '', durationMs: 1 });

async function addPdf(db: CasefileDb, texts: string[], now: number, name = `f${newId()}.pdf`) {
  const bytes = new TextEncoder().encode(`%PDF-1.7 ${name}`);
  const result = await addDocument(db, { file: new Blob([bytes]), sha256: await sha256Hex(bytes), fileName: name, extraction: extracted(texts) }, now);
  if (result.status !== 'added') throw new Error(result.status);
  return result.document;
}

async function seed(db: CasefileDb) {
  const group: Actor = { ...blankActor('armed_group', 1_000), name: 'Sendero Luminoso' };
  const leader: Actor = {
    ...blankActor('person', 1_000), name: 'Abimael Guzmán',
    names: [{ id: newId(), name: 'Presidente Gonzalo', type: 'nom_de_guerre', note: '', citations: [] }],
    memberships: [{ id: newId(), groupId: group.id, role: 'Presidente', from: null, to: null, note: '', citations: [] }],
  };
  await saveActor(db, group, 1_000);
  await saveActor(db, leader, 1_000);
  await saveEvent(db, { ...blankEvent(1_000), title: 'Captura en Surquillo' }, 1_000);
  const doc = await addPdf(db, ['La captura ocurrió en Surquillo, Lima.', 'El informe final de la comisión.'], 1_000);
  return { group, leader, doc };
}

describe('SearchIndexer', () => {
  it('indexes records and documents, persists them, and a restart loads instead of rebuilding', async () => {
    const db = await freshDb();
    const { leader, group, doc } = await seed(db);
    const first = new SearchIndexer(db);
    expect(await first.load()).toMatchObject({ loaded: 0 });
    const report = await first.sync();
    expect(report).toMatchObject({ fullRecordsBuild: true, records: 4, documentsIndexed: 1 });
    expect(ids(await first.search('gonzalo'), 'actor')).toEqual([leader.id]);
    // Members are indexed with their group's name.
    expect(ids(await first.search('sendero'), 'actor').sort()).toEqual([group.id, leader.id].sort());
    const hit = (await first.search('surquillo')).groups.page.hits[0];
    expect(hit).toMatchObject({ documentId: doc.id, page: 1 });
    expect(hit?.snippet?.text).toContain('Surquillo');

    const stored = await storedSegmentIds(db);
    expect(stored.length).toBe(2);
    expect(await db.searchSegments.get(CATALOG_ROW_ID)).toBeDefined();

    const second = new SearchIndexer(db);
    expect(await second.load()).toMatchObject({ loaded: 2, stale: 0 });
    expect(ids(await second.search('gonzalo'), 'actor')).toEqual([leader.id]);
    expect(await second.sync()).toEqual({ records: 0, deleted: 0, documentsIndexed: 0, documentsDropped: 0, fullRecordsBuild: false, documentsOverBudget: 0 });
    expect(await storedSegmentIds(db)).toEqual(stored);
  });

  it('past the page budget leaves the oldest documents\' text out, keeps their metadata searchable, and indexes it once room is made', async () => {
    const db = await freshDb();
    const old = await addPdf(db, ['Chachaspata uno', 'Chachaspata dos', 'Chachaspata tres'], 1_000, 'old.pdf');
    const recent = await addPdf(db, ['Apurímac uno', 'Apurímac dos'], 2_000, 'recent.pdf');
    const indexer = new SearchIndexer(db, { maxIndexedPages: 4 });
    await indexer.load();
    const report = await indexer.sync();
    expect(report).toMatchObject({ documentsIndexed: 1, documentsOverBudget: 1 });
    expect(pages(await indexer.search('apurimac'))).toEqual([`${recent.id}:1`, `${recent.id}:2`]);
    expect(pages(await indexer.search('chachaspata'))).toEqual([]);
    expect(ids(await indexer.search('old'), 'document')).toEqual([old.id]);
    await deleteDocument(db, recent.id);
    expect(await indexer.sync()).toMatchObject({ documentsIndexed: 1, documentsOverBudget: 0 });
    expect(pages(await indexer.search('chachaspata'))).toHaveLength(3);
  });

  it('a new document always becomes searchable in a full library: the oldest text leaves instead', async () => {
    const db = await freshDb();
    const old = await addPdf(db, ['Chachaspata uno', 'Chachaspata dos'], 1_000, 'old.pdf');
    await addPdf(db, ['Pichari uno', 'Pichari dos'], 2_000, 'middle.pdf');
    const indexer = new SearchIndexer(db, { maxIndexedPages: 4 });
    await indexer.load();
    expect(await indexer.sync()).toMatchObject({ documentsIndexed: 2, documentsOverBudget: 0 });
    const fresh = await addPdf(db, ['Apurímac uno'], 3_000, 'new.pdf');
    expect(await indexer.sync()).toMatchObject({ documentsIndexed: 1, documentsDropped: 1, documentsOverBudget: 1 });
    expect(pages(await indexer.search('apurimac'))).toEqual([`${fresh.id}:1`]);
    expect(pages(await indexer.search('pichari'))).toHaveLength(2);
    expect(pages(await indexer.search('chachaspata'))).toEqual([]);
    expect(ids(await indexer.search('old'), 'document')).toEqual([old.id]);
  });

  it('the page budget keeps the documents added here last, not the newest by date: an imported old-dated document gets in', async () => {
    const db = await freshDb();
    const first = await addPdf(db, ['Chachaspata uno', 'Chachaspata dos'], 5_000, 'first.pdf');
    await addPdf(db, ['Pichari uno', 'Pichari dos'], 6_000, 'second.pdf');
    const indexer = new SearchIndexer(db, { maxIndexedPages: 4 });
    await indexer.load();
    await indexer.sync();
    // Imported from a bundle: created long ago elsewhere, added here now.
    const imported = await addPdf(db, ['Apurímac uno'], 1_000, 'imported.pdf');
    expect(await indexer.sync()).toMatchObject({ documentsIndexed: 1, documentsOverBudget: 1 });
    expect(pages(await indexer.search('apurimac'))).toEqual([`${imported.id}:1`]);
    expect(pages(await indexer.search('chachaspata'))).toEqual([]);
    expect(ids(await indexer.search('first'), 'document')).toEqual([first.id]);
    // The order survives a restart.
    const restarted = new SearchIndexer(db, { maxIndexedPages: 4 });
    await restarted.load();
    expect(await restarted.sync()).toMatchObject({ documentsIndexed: 0, documentsDropped: 0, documentsOverBudget: 1 });
    expect(pages(await restarted.search('apurimac'))).toEqual([`${imported.id}:1`]);
  });

  it('makes a renamed actor searchable by its new name through a delta segment, old name gone', async () => {
    const db = await freshDb();
    const { leader, group } = await seed(db);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    await saveActor(db, { ...leader, name: 'Manuel Rubén Abimael Guzmán Reinoso' }, 2_000);
    const t0 = performance.now();
    expect(await indexer.sync()).toMatchObject({ records: 1, fullRecordsBuild: false });
    expect(ids(await indexer.search('reinoso'), 'actor')).toEqual([leader.id]);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect((await indexer.search('reinoso')).groups.actor.count).toBe(1);
    // An edit of another record in the same millisecond as the last one indexed is not missed.
    await saveActor(db, { ...group, name: 'Partido Comunista del Perú' }, 2_000);
    await indexer.sync();
    // …and its members, indexed with the group's name, follow the rename.
    expect(ids(await indexer.search('comunista'), 'actor').sort()).toEqual([group.id, leader.id].sort());
    await saveActor(db, { ...leader, name: 'Camarada Gonzalo Reinoso Segundo' }, 2_001);
    await indexer.sync();
    expect(ids(await indexer.search('segundo'), 'actor')).toEqual([leader.id]);
    expect(ids(await indexer.search('manuel'), 'actor')).toEqual([]);

    // The delta and its tombstones survive a restart.
    const again = new SearchIndexer(db);
    await again.load();
    expect(ids(await again.search('segundo'), 'actor')).toEqual([leader.id]);
    expect(ids(await again.search('manuel'), 'actor')).toEqual([]);
    expect((await again.search('reinoso')).groups.actor.count).toBe(1);
  });

  it('indexes an event by the names of the actors taking part, and follows a rename of one of them', async () => {
    const db = await freshDb();
    const { leader } = await seed(db);
    const event = { ...blankEvent(1_000), title: 'Reunión en Ayacucho',
      participants: [{ id: newId(), actorId: leader.id, role: 'participant' as const, note: '', citations: [] }] };
    await saveEvent(db, event, 1_000);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    // By an alias the event's text never uses.
    const byAlias = await indexer.search('presidente gonzalo');
    expect(ids(byAlias, 'event')).toEqual([event.id]);
    expect(byAlias.groups.event.hits[0]?.snippet?.field).toBe('people');
    // The actor renamed: the event is indexed again with the new name, the old one gone.
    await saveActor(db, { ...leader, names: [{ ...leader.names[0]!, name: 'Camarada Feliciano' }] }, 2_000);
    expect(await indexer.sync()).toMatchObject({ records: 2, fullRecordsBuild: false });
    expect(ids(await indexer.search('feliciano'), 'event')).toEqual([event.id]);
    expect(ids(await indexer.search('gonzalo'), 'event')).toEqual([]);
    // Another edit of the actor leaves its events alone.
    const renamed = { ...leader, names: [{ ...leader.names[0]!, name: 'Camarada Feliciano' }] };
    await saveActor(db, { ...renamed, description: 'Fundador.' }, 3_000);
    expect(await indexer.sync()).toMatchObject({ records: 1 });
    // Deleted, its names leave the event; restored, they come back.
    await deleteActor(db, leader.id, 4_000);
    expect(await indexer.sync()).toMatchObject({ deleted: 1, records: 1 });
    expect(ids(await indexer.search('feliciano'), 'event')).toEqual([]);
    expect(ids(await indexer.search('ayacucho'), 'event')).toEqual([event.id]);
    expect(await restoreFromTrash(db, leader.id)).toBe('restored');
    await indexer.sync();
    expect(ids(await indexer.search('feliciano'), 'event')).toEqual([event.id]);
  });

  it('drops deleted records and documents and brings restored ones back', async () => {
    const db = await freshDb();
    const { leader, doc } = await seed(db);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    await deleteActor(db, leader.id, 3_000);
    await deleteDocument(db, doc.id, 3_000);
    expect(await indexer.sync()).toMatchObject({ deleted: 2, documentsDropped: 1 });
    expect(ids(await indexer.search('gonzalo'), 'actor')).toEqual([]);
    expect(pages(await indexer.search('surquillo'))).toEqual([]);
    expect(await storedSegmentIds(db)).toHaveLength(1);

    expect(await restoreFromTrash(db, leader.id)).toBe('restored');
    expect(await restoreFromTrash(db, doc.id)).toBe('restored');
    expect(await indexer.sync()).toMatchObject({ records: 2, documentsIndexed: 1 });
    expect(ids(await indexer.search('gonzalo'), 'actor')).toEqual([leader.id]);
    expect(pages(await indexer.search('surquillo'))).toEqual([`${doc.id}:1`]);
  });

  it('re-indexes a re-extracted document and applies metadata edits to its pages at once', async () => {
    const db = await freshDb();
    const { doc } = await seed(db);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    await updateExtraction(db, doc.id, extracted(['Texto nuevo sobre Ayacucho.']), 5_000);
    expect(await indexer.sync()).toMatchObject({ documentsDropped: 1, documentsIndexed: 1 });
    expect(pages(await indexer.search('ayacucho'))).toEqual([`${doc.id}:1`]);
    expect(pages(await indexer.search('surquillo'))).toEqual([]);

    const caseId = newId();
    expect(pages(await indexer.search('ayacucho', { caseIds: [caseId] }))).toEqual([]);
    const current = (await db.documents.get(doc.id))!;
    expect((await saveDocumentMetadata(db, { ...current, caseIds: [caseId] }, 6_000)).ok).toBe(true);
    await indexer.sync();
    expect(pages(await indexer.search('ayacucho', { caseIds: [caseId] }))).toEqual([`${doc.id}:1`]);
  });

  it('rebuilds the whole index stored by the analyzer version before this one', async () => {
    const db = await freshDb();
    const { leader } = await seed(db);
    const doc = await addPdf(db, ['Los narco-terroristas llevaban 1.200 kilos de cocaína.'], 2_000);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const before = await storedSegmentIds(db);
    // What an index stored by the previous release looks like: its catalog and every row
    // stamped with the analyzer version before this one.
    const previous = ANALYZER_VERSION - 1;
    await db.searchSegments.toCollection().modify((row) => {
      row.analyzerVersion = previous;
      if (row.header) row.header = row.header.replace(/"analyzerVersion":\d+/, `"analyzerVersion":${previous}`);
    });
    const upgraded = new SearchIndexer(db);
    expect(await upgraded.load()).toMatchObject({ loaded: 0 });
    expect(await upgraded.sync()).toMatchObject({ fullRecordsBuild: true, documentsIndexed: 2 });
    const after = await storedSegmentIds(db);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    const rows = await db.searchSegments.toArray();
    expect(rows.map((row) => row.analyzerVersion)).toEqual(rows.map(() => ANALYZER_VERSION));
    // The rebuilt index reads numbers and compounds as this analyzer does.
    expect(pages(await upgraded.search('1200 kilos'))).toEqual([`${doc.id}:1`]);
    expect(pages(await upgraded.search('narcoterroristas'))).toEqual([`${doc.id}:1`]);
    expect(ids(await upgraded.search('gonzalo'), 'actor')).toEqual([leader.id]);
    const restarted = new SearchIndexer(db);
    expect(await restarted.load()).toMatchObject({ loaded: after.length, stale: 0 });
    expect(pages(await restarted.search('1.200'))).toEqual([`${doc.id}:1`]);
  });

  it('rebuilds only the records segment when what a record is indexed by changes: no page is read again', async () => {
    const db = await freshDb();
    await seed(db);
    const doc = await addPdf(db, ['Informe sobre el valle.'], 2_000);
    await saveEvent(db, { ...blankEvent(1_000), title: 'Emboscada', date: { label: '1992', edtf: '1992', earliest: '1992-01-01', latest: '1992-12-31', precision: 'year' } }, 2_000);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const before = await storedSegmentIds(db);
    // A records segment of the previous records version (before dates were indexed).
    const records = before.filter((id) => id.startsWith('records'));
    expect(records.length).toBeGreaterThan(0);
    for (const id of records) await db.searchSegments.update(id, (row) => { row.header = row.header!.replace(/,?"recordsVersion":\d+/, ''); });
    const upgraded = new SearchIndexer(db);
    expect(await upgraded.load()).toMatchObject({ loaded: before.length - records.length, stale: records.length });
    expect(await upgraded.sync()).toMatchObject({ fullRecordsBuild: true, documentsIndexed: 0 });
    expect(ids(await upgraded.search('emboscada 1992'), 'event')).toHaveLength(1);
    expect(pages(await upgraded.search('valle'))).toEqual([`${doc.id}:1`]);
    const after = await storedSegmentIds(db);
    expect(after.filter((id) => id.startsWith('document:'))).toEqual(before.filter((id) => id.startsWith('document:')));
  });

  it('rebuilds a segment written by another analyzer version, and ignores segments without a catalog', async () => {
    const db = await freshDb();
    const { leader } = await seed(db);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const [docSegment] = (await storedSegmentIds(db)).filter((id) => id.startsWith('document:'));
    await db.searchSegments.update(docSegment!, (row) => {
      row.header = row.header!.replace(/"analyzerVersion":\d+/, '"analyzerVersion":-1');
    });
    const restarted = new SearchIndexer(db);
    expect(await restarted.load()).toMatchObject({ loaded: 1, stale: 1 });
    expect(await restarted.sync()).toMatchObject({ documentsIndexed: 1, fullRecordsBuild: false });
    expect(pages(await restarted.search('surquillo'))).toHaveLength(1);
    expect(await storedSegmentIds(db)).not.toContain(docSegment);

    await db.searchSegments.delete(CATALOG_ROW_ID);
    const fresh = new SearchIndexer(db);
    expect(await fresh.load()).toMatchObject({ loaded: 0 });
    expect(await fresh.sync()).toMatchObject({ fullRecordsBuild: true, documentsIndexed: 1 });
    expect(ids(await fresh.search('gonzalo'), 'actor')).toEqual([leader.id]);
    expect(await storedSegmentIds(db)).toHaveLength(2);
  });

  it('loads rows of format 3 as they are and rewrites them in the current format in the background', async () => {
    const db = await freshDb();
    const { leader } = await seed(db);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const before = await indexer.search('surquillo gonzalo OR captura');
    // Format 3: the dictionary joined by newlines, the side table as arrays (what loaded segments held).
    for (const seg of indexer.segments) {
      await db.searchSegments.update(seg.meta.id, (row) => {
        const header = JSON.parse(row.header!) as { version: number; rows: unknown; fields: { terms: string; termEnds?: unknown }[] };
        header.version = 3;
        header.rows = { ...seg.rows, kind: Array.from(seg.rows.kind), record: Array.from(seg.rows.record), page: Array.from(seg.rows.page), lang: Array.from(seg.rows.lang) };
        header.fields.forEach((f, i) => { f.terms = Array.from({ length: seg.fields[i]!.terms.length }, (_, t) => seg.fields[i]!.terms.at(t)).join('\n'); delete f.termEnds; });
        row.header = JSON.stringify(header);
        row.formatVersion = 3;
      });
    }
    const restarted = new SearchIndexer(db);
    expect(await restarted.load()).toMatchObject({ loaded: 2, stale: 0 });
    expect(await restarted.search('surquillo gonzalo OR captura')).toEqual({ ...before, tookMs: expect.any(Number) });
    expect(await restarted.upgradeStored()).toBe(2);
    expect(await restarted.upgradeStored()).toBe(0);
    const rows = await db.searchSegments.bulkGet(await storedSegmentIds(db));
    expect(rows.map((row) => row!.formatVersion)).toEqual([SEGMENT_FORMAT_VERSION, SEGMENT_FORMAT_VERSION]);
    const again = new SearchIndexer(db);
    expect(await again.load()).toMatchObject({ loaded: 2, stale: 0 });
    expect(ids(await again.search('gonzalo'), 'actor')).toEqual([leader.id]);
    expect(await again.search('surquillo gonzalo OR captura')).toEqual({ ...before, tookMs: expect.any(Number) });
  });

  it('drops segments stored by the lunr format (version 1) and rebuilds them as compact segments', async () => {
    const db = await freshDb();
    await seed(db);
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const [docSegment] = (await storedSegmentIds(db)).filter((id) => id.startsWith('document:'));
    await db.searchSegments.update(docSegment!, (row) => {
      row.formatVersion = 1;
      row.json = '{"format":"casefile-search-segment","version":1,"lunr":{}}';
      delete row.header; delete row.data; delete row.positions;
    });
    const restarted = new SearchIndexer(db);
    expect(await restarted.load()).toMatchObject({ loaded: 1, stale: 1 });
    expect(await restarted.sync()).toMatchObject({ documentsIndexed: 1 });
    expect(pages(await restarted.search('surquillo'))).toHaveLength(1);
    const rows = await db.searchSegments.bulkGet(await storedSegmentIds(db));
    expect(rows.every((row) => row!.formatVersion === SEGMENT_FORMAT_VERSION && row!.data instanceof Uint8Array && row!.json === undefined)).toBe(true);
    // Phrases read positions from the stored Blob until they are warmed into memory, then from memory: same answers.
    const again = new SearchIndexer(db);
    await again.load();
    const phrase = async () => pages(await again.search('"ocurrió en surquillo"'));
    expect(await phrase()).toHaveLength(1);
    expect(pages(await again.search('"surquillo ocurrió"'))).toEqual([]);
    expect(await again.warmPositions()).toBeGreaterThan(0);
    expect(await again.warmPositions()).toBe(0);
    expect(await phrase()).toHaveLength(1);
  });

  it('merges record deltas and document segments in the background without changing results', async () => {
    const db = await freshDb();
    const { leader } = await seed(db);
    const indexer = new SearchIndexer(db, { mergePolicy: { ...DEFAULT_MERGE_POLICY, mergeFactor: 3, maxRecordDeltas: 3 } });
    await indexer.load();
    await indexer.sync();
    for (let i = 0; i < 3; i++) {
      await saveActor(db, { ...leader, name: `Abimael Guzmán ${['uno', 'dos', 'tres'][i]}` }, 10_000 + i);
      await addPdf(db, [`Documento número ${i} sobre Huallaga.`], 10_000 + i);
      await indexer.sync();
    }
    const before = await indexer.search('huallaga');
    expect(before.groups.page.count).toBe(3);
    expect(indexer.summary().segments).toBe(8);
    let merges = 0;
    while (await indexer.mergeStep()) merges++;
    expect(merges).toBe(2);
    expect(indexer.summary()).toMatchObject({ segments: 3, records: 7, pages: 5 });
    const after = await indexer.search('huallaga');
    expect(pages(after).sort()).toEqual(pages(before).sort());
    expect(ids(await indexer.search('tres'), 'actor')).toEqual([leader.id]);
    expect(ids(await indexer.search('dos'), 'actor')).toEqual([]);
    expect(await storedSegmentIds(db)).toHaveLength(3);
    const restarted = new SearchIndexer(db);
    await restarted.load();
    expect(pages(await restarted.search('huallaga')).sort()).toEqual(pages(before).sort());
  });

  /** Makes one bulkPut on the segments table fail (after `skip` good ones), as a full disk would. */
  function failBulkPut(db: CasefileDb, skip = 0) {
    const table = db.searchSegments as unknown as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const original = table.bulkPut.bind(table);
    let call = 0;
    table.bulkPut = (...args: unknown[]) => {
      if (call++ === skip) return Promise.reject(new Error('QuotaExceededError'));
      return original(...args);
    };
  }

  it('a merge whose write fails keeps the inputs and their tombstones: a superseded name stays gone after restart', async () => {
    const db = await freshDb();
    const actor = { ...blankActor('person', 1), name: 'Alphonse Dupont' };
    await saveActor(db, actor, 1);
    const mergePolicy = { ...DEFAULT_MERGE_POLICY, maxRecordDeltas: 1 };
    const indexer = new SearchIndexer(db, { mergePolicy });
    await indexer.load();
    await indexer.sync();
    await saveActor(db, { ...actor, name: 'Bertrand Dupont' }, 2);
    await indexer.sync();
    failBulkPut(db);
    await expect(indexer.mergeStep()).rejects.toThrow('QuotaExceededError');
    expect(ids(await indexer.search('alphonse'), 'actor')).toEqual([]);
    // A later write succeeds and rewrites the catalog.
    await saveActor(db, { ...blankActor('person', 3), name: 'Claire Martin' }, 3);
    await indexer.sync();
    const restarted = new SearchIndexer(db, { mergePolicy });
    await restarted.load();
    expect(ids(await restarted.search('alphonse'), 'actor')).toEqual([]);
    expect(ids(await restarted.search('bertrand'), 'actor')).toEqual([actor.id]);
    expect(await restarted.mergeStep()).toBe(true);
    expect(ids(await restarted.search('alphonse'), 'actor')).toEqual([]);
  });

  it('a document whose segment write fails is not marked indexed: it is indexed again, and found after restart', async () => {
    const db = await freshDb();
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const doc = await addPdf(db, ['Informe sobre Pucayacu.'], 2);
    // The document's record goes into a delta first; its pages' segment is the second write.
    failBulkPut(db, 1);
    await expect(indexer.sync()).rejects.toThrow('QuotaExceededError');
    expect(pages(await indexer.search('pucayacu'))).toEqual([]);
    // The next sync (another change) writes the catalog again, and retries the document.
    await saveActor(db, { ...blankActor('person', 3), name: 'Claire Martin' }, 3);
    expect(await indexer.sync()).toMatchObject({ documentsIndexed: 1 });
    expect(pages(await indexer.search('pucayacu'))).toEqual([`${doc.id}:1`]);
    const restarted = new SearchIndexer(db);
    await restarted.load();
    expect(pages(await restarted.search('pucayacu'))).toEqual([`${doc.id}:1`]);
  });

  it('a stale merged segment\'s documents lose their own segments too, stored rows included (no page twice after restart)', async () => {
    const db = await freshDb();
    const a = await addPdf(db, ['Ayacucho alpha'], 1000);
    await addPdf(db, ['Huanta beta'], 1000);
    const mergePolicy = { ...DEFAULT_MERGE_POLICY, mergeFactor: 2, floorDocs: 1 };
    const indexer = new SearchIndexer(db, { mergePolicy });
    await indexer.load();
    await indexer.sync();
    while (await indexer.mergeStep());
    // Re-extracted: its new pages get their own segment, the merged one keeps a tombstone.
    await updateExtraction(db, a.id, extracted(['Ayacucho gamma']), 5000);
    await indexer.sync();
    const merged = (await storedSegmentIds(db)).find((id) => id.startsWith('merged'))!;
    await db.searchSegments.update(merged, { header: '{corrupt' });
    const second = new SearchIndexer(db, { mergePolicy });
    expect(await second.load()).toMatchObject({ stale: 1 });
    await second.sync();
    expect(pages(await second.search('ayacucho'))).toEqual([`${a.id}:1`]);
    const third = new SearchIndexer(db, { mergePolicy });
    await third.load();
    await third.sync();
    const r = await third.search('ayacucho');
    expect(r.groups.page.count).toBe(1);
    expect(pages(r)).toEqual([`${a.id}:1`]);
    expect(r.groups.page.hits[0]?.snippet?.text).toContain('gamma');
  });
});
