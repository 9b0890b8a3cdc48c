import { describe, expect, it } from 'vitest';
import { addScan, openTestDb, readPage } from '../../tests/unit/ocrKit';
import { storeOcrPage } from '../db/ocrPages';
import { SearchIndexer } from '../search/indexer';

describe('OCR text in search', () => {
  it('a page read by OCR is found on its page after the next sync, page by page', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, Array.from({ length: 200 }, (_, i) => (i < 2 ? 'image-only' : 'text')));
    // Pages of prose: ~2,500 characters of varied words each.
    const words = Array.from({ length: 4_000 }, (_, i) => `w${(i * 7919).toString(36)}`);
    await db.pages.where('state').equals('text').modify((row) => {
      row.text = Array.from({ length: 400 }, (_, i) => words[(row.page * 31 + i * 17) % words.length]).join(' ');
    });
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const pagesFor = async (query: string) => (await indexer.search(query)).groups.page.hits.map((h) => [h.documentId, h.page]);
    expect(await pagesFor('expediente')).toEqual([]);

    const job = (await db.ocrJobs.get(doc.id))!;
    await storeOcrPage(db, doc.id, readPage(1, 'el expediente fue archivado'), job.createdAt, Date.now());
    const t0 = performance.now();
    const report = await indexer.sync();
    const ms = performance.now() - t0;
    expect(report.documentsIndexed).toBe(1);
    expect(await pagesFor('expediente')).toEqual([[doc.id, 1]]);
    await storeOcrPage(db, doc.id, readPage(2, 'declararon ante el juez'), job.createdAt, Date.now());
    await indexer.sync();
    expect(await pagesFor('juez')).toEqual([[doc.id, 2]]);
    expect(await pagesFor('expediente')).toEqual([[doc.id, 1]]);
    // A 200-page document is indexed again whole; under fake-indexeddb in Node that is still quick.
    console.info(`re-index of a 200-page document after one OCR page: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2_000);
  });
});
