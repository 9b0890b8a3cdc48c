import { describe, expect, it } from 'vitest';
import type { DocumentPages } from '../../shared/bundle';
import { collectSnapshot } from '../../renderer/bundle/collect';
import { ARTEMIO, CASE_ID, addPdf, editActor, seededProfile } from './bundleFixtures';

const OTHER_CASE = '00000000-0000-4000-8000-0000000000aa';

/**
 * collectSnapshot hands each part of the snapshot to the export as soon as it is final (the
 * export serialises and deflates it while the rest is still read): the case's page lists first,
 * then the actors, events and documents. What it hands over is the snapshot's own arrays and
 * objects, whatever the records cite, and the files it reads are the documents' own, whichever
 * way they are read.
 */
describe('what a case export collects, handed over as it comes', () => {
  it('the case\'s page lists first, then the actors, events and documents: the snapshot\'s own arrays, each once', async () => {
    const { db } = await seededProfile();
    const calls: string[] = [];
    const lists: unknown[] = [];
    let early: readonly DocumentPages[] = [];
    const snapshot = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID }, {
      onPages: (pages) => { calls.push('pages'); early = pages; },
      onList: (list) => { calls.push('list'); lists.push(list); },
      onFiles: () => calls.push('files'),
    });
    expect(calls).toEqual(['files', 'pages', 'list', 'list', 'list']);
    expect(lists[0]).toBe(snapshot.actors);
    expect(lists[1]).toBe(snapshot.events);
    expect(lists[2]).toBe(snapshot.documents);
    expect(early.length).toBe(snapshot.pages.length);
    for (const p of early) expect(snapshot.pages).toContain(p);
  });

  it('records citing a document filed elsewhere: that document, its pages and its file are in the snapshot, not among the early page lists', async () => {
    const { db } = await seededProfile();
    const elsewhere = await addPdf(db, 9, ['filed in another case'], [OTHER_CASE]);
    await editActor(db, ARTEMIO, (a) => { a.citations.push({ ...a.citations[0]!, id: '00000000-0000-4000-8000-0000000000c9', documentId: elsewhere.id, page: 1 }); });
    const lists: unknown[] = [];
    let early: readonly DocumentPages[] = [];
    const snapshot = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID }, {
      onPages: (pages) => { early = pages; },
      onList: (list) => { lists.push(list); },
    });
    expect(lists).toHaveLength(3);
    expect(lists).toContain(snapshot.actors);
    expect(lists).toContain(snapshot.events);
    expect(lists[2]).toBe(snapshot.documents);
    expect(snapshot.actors.find((a) => a.id === ARTEMIO)!.citations.map((c) => c.documentId)).toContain(elsewhere.id);
    expect(snapshot.documents.map((d) => d.id)).toContain(elsewhere.id);
    expect(snapshot.files.map((f) => f.sha256)).toContain(elsewhere.sha256);
    expect(snapshot.pages.find((p) => p.documentId === elsewhere.id)!.pages.map((p) => p.text)).toEqual(['filed in another case']);
    expect(early.map((p) => p.documentId)).not.toContain(elsewhere.id);
    // The other case's id means nothing to the receiver.
    expect(snapshot.documents.find((d) => d.id === elsewhere.id)!.caseIds).toEqual([]);
  });

  it('the files are the exported documents\' own, read in one go for a backup or one by one for a small case; a missing one is named', async () => {
    const { db, docs } = await seededProfile();
    const others = [];
    for (let i = 0; i < 6; i++) others.push(await addPdf(db, 100 + i, [`other ${i}`], [OTHER_CASE]));
    const few = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID });
    expect(few.files.map((f) => f.sha256).sort()).toEqual(docs.map((d) => d.sha256).sort());
    const all = await collectSnapshot(db, { kind: 'library' });
    expect(all.files.map((f) => f.sha256).sort()).toEqual([...docs, ...others].map((d) => d.sha256).sort());
    for (const f of all.files) expect(f.byteLength).toBe(f.blob.size);
    await db.documentFiles.delete(others[0]!.sha256);
    await expect(collectSnapshot(db, { kind: 'library' })).rejects.toThrow(`The file of document "${others[0]!.title}" is missing from the library.`);
    await db.documentFiles.delete(docs[0]!.sha256);
    await expect(collectSnapshot(db, { kind: 'case', caseId: CASE_ID })).rejects.toThrow(`The file of document "${docs[0]!.title}" is missing from the library.`);
  });
});
