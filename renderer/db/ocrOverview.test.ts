import { describe, expect, it } from 'vitest';
import { addScan, failPage, openTestDb, readPage } from '../../tests/unit/ocrKit';
import { pagesNeedingOcr } from './documents';
import { storeOcrPage } from './ocrPages';
import { documentOcrPages } from './ocrOverview';

describe("a document's OCR pages, from the state index", () => {
  it('lists the pages OCR can read with their state and failures, and the languages read in', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['text', 'image-only', 'junk-text', 'image-only', 'blank'], 'es');
    const other = await addScan(db, ['image-only', 'image-only']);
    const job = (await db.ocrJobs.get(doc.id))!;
    expect(await documentOcrPages(db, doc.id)).toEqual({
      pages: [{ page: 2, state: 'image-only', failed: null }, { page: 3, state: 'junk-text', failed: null }, { page: 4, state: 'image-only', failed: null }],
      languages: null,
    });
    await storeOcrPage(db, doc.id, readPage(4), job.createdAt);
    await storeOcrPage(db, doc.id, failPage(2), job.createdAt);
    expect(await documentOcrPages(db, doc.id)).toEqual({
      pages: [{ page: 2, state: 'image-only', failed: 'timed-out' }, { page: 3, state: 'junk-text', failed: null }, { page: 4, state: 'ocr', failed: null }],
      languages: ['spa'],
    });
    expect(await pagesNeedingOcr(db, doc.id)).toEqual([2, 3]);
    // Another document's pages stay out of it.
    expect((await documentOcrPages(db, other.id)).pages.map((p) => p.page)).toEqual([1, 2]);
    expect(await pagesNeedingOcr(db, other.id)).toEqual([1, 2]);
  });
});
