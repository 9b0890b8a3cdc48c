import { describe, expect, it, vi } from 'vitest';
import { collectSnapshot } from '../../renderer/bundle/collect';
import { CASE_ID, addPdf, seededProfile } from './bundleFixtures';

/**
 * collectSnapshot reads a case's files' rows in one read of the documentFiles table when the case
 * holds at least half the library's files (issued with the documents' read, so the PDFs go to the
 * save sooner), and one get per file otherwise: either way, exactly the case's files, handed to
 * onFiles before the records are final.
 */
describe('the files a case export collects', () => {
  const shas = (files: readonly { sha256: string }[]) => files.map((f) => f.sha256).sort();

  it('are the case\'s files read as the whole table when the case holds most of the library', async () => {
    const { db, docs } = await seededProfile();
    await addPdf(db, 100, ['other page'], []);
    const table = vi.spyOn(db.documentFiles, 'toArray');
    const gets = vi.spyOn(db.documentFiles, 'bulkGet');
    const early: string[][] = [];
    const snapshot = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID }, { onFiles: (files) => early.push(shas(files)) });
    expect(table).toHaveBeenCalledTimes(1);
    expect(gets).not.toHaveBeenCalled();
    expect(shas(snapshot.files)).toEqual(shas(docs));
    expect(early).toEqual([shas(docs)]);
    for (const f of snapshot.files) expect(f.blob.size).toBe(f.byteLength);
  });

  it('are read one get each when the case is a small part of the library, the same files', async () => {
    const { db, docs } = await seededProfile();
    for (let i = 0; i < 4; i++) await addPdf(db, 100 + i, [`other ${i}`], []);
    const table = vi.spyOn(db.documentFiles, 'toArray');
    const gets = vi.spyOn(db.documentFiles, 'bulkGet');
    const snapshot = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID });
    expect(table).not.toHaveBeenCalled();
    expect(gets).toHaveBeenCalled();
    expect(shas(snapshot.files)).toEqual(shas(docs));
  });

  it('names the document whose file is missing, read either way', async () => {
    for (const others of [0, 4]) {
      const { db, docs } = await seededProfile();
      for (let i = 0; i < others; i++) await addPdf(db, 100 + i, [`other ${i}`], []);
      await db.documentFiles.delete(docs[1]!.sha256);
      await expect(collectSnapshot(db, { kind: 'case', caseId: CASE_ID })).rejects.toThrow(`The file of document "${docs[1]!.title}" is missing from the library.`);
    }
  });
});
