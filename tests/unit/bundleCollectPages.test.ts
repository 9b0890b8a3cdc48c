import { describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../renderer/bundle/collect';
import { CASE_ID, addPdf, seededProfile } from './bundleFixtures';

/**
 * collectSnapshot reads the page rows of the exported documents either in one range read (when
 * they are a good part of the library) or one query per document (a few documents of a large
 * library): both give each document its own pages, in order, and nothing of other documents.
 */
describe('the pages a case export collects', () => {
  it('are exactly each exported document\'s pages, in order, whichever way they are read', async () => {
    const { db, docs } = await seededProfile();
    // Many documents in another case: the case's two are then a small part of the library.
    for (let i = 0; i < 6; i++) await addPdf(db, 100 + i, [`other ${i} page 1`, `other ${i} page 2`], []);
    const few = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID });
    expect(few.pages.map((p) => [p.documentId, p.pages.map((x) => x.text)]).sort()).toEqual([
      [docs[0]!.id, ['Artemio was captured in 2012.', 'Comrade Artemio led the Upper Huallaga faction.']],
      [docs[1]!.id, ['The clash in the VRAEM left soldiers dead.']],
    ].sort());
    const all = await collectSnapshot(db, { kind: 'library' });
    expect(all.pages).toHaveLength(8);
    for (const p of all.pages) expect(p.pages.length).toBe(p.pages[0]!.text.startsWith('other') ? 2 : p.documentId === docs[0]!.id ? 2 : 1);
    expect(all.pages.find((p) => p.documentId === docs[0]!.id)!.pages.map((x) => x.text)).toEqual(few.pages.find((p) => p.documentId === docs[0]!.id)!.pages.map((x) => x.text));
  });
});
