import { describe, expect, it } from 'vitest';
import { ocrLanguagesFor } from '../../shared/ocr/languages';
import { addScan, failPage, openTestDb, readPage } from '../../tests/unit/ocrKit';
import { deleteDocument, getDocument, getPage, updateExtraction } from './documents';
import { purgeFromTrash } from './trash';
import { enqueueOcr, ensureOcrJobs, nextOcrJob, setOcrJobStatus } from './ocrJobs';
import { summarisePages } from '../../shared/pdf/pageState';
import type { OcrPageResult } from '../../shared/ocr';
import { pageAfterOcr, storeOcrPage } from './ocrPages';
import { getPages } from './documents';

describe('the OCR queue', () => {
  it('queues the pages needing OCR when a document is added, in the document’s language', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['text', 'image-only', 'junk-text', 'blank'], 'es');
    expect(await db.ocrJobs.get(doc.id)).toMatchObject({ status: 'queued', pages: [2, 3], done: [], languages: 'spa' });
    const plain = await addScan(db, ['text']);
    expect(await db.ocrJobs.get(plain.id)).toBeUndefined();
  });

  it('finds the backlog once: documents with pages needing OCR and no job, live ones only', async () => {
    const db = await openTestDb();
    const a = await addScan(db, ['image-only', 'image-only'], 'en', 10);
    const b = await addScan(db, ['image-only'], '', 20);
    const gone = await addScan(db, ['image-only'], '', 30);
    await db.ocrJobs.clear(); // as a database upgraded from version 4 holds them
    await setOcrJobStatus(db, a.id, 'cancel');
    await deleteDocument(db, gone.id);
    expect(await ensureOcrJobs(db, ocrLanguagesFor, 5_000)).toBe(3 - 1);
    expect(await db.ocrJobs.get(a.id)).toMatchObject({ pages: [1, 2], languages: 'eng', status: 'queued', createdAt: 5_000 });
    expect(await db.ocrJobs.get(b.id)).toMatchObject({ languages: 'spa+eng', createdAt: 5_001 });
    expect(await ensureOcrJobs(db, ocrLanguagesFor)).toBe(0);
    // A cancelled job stays cancelled: the backlog scan does not bring it back.
    await setOcrJobStatus(db, a.id, 'cancel');
    expect(await ensureOcrJobs(db, ocrLanguagesFor)).toBe(0);
    expect((await nextOcrJob(db))?.documentId).toBe(b.id);
    // A document in the trash keeps its job (it resumes if restored) until purged.
    await deleteDocument(db, b.id);
    expect(await nextOcrJob(db)).toBeNull();
    await purgeFromTrash(db, b.id);
    expect(await db.ocrJobs.get(b.id)).toBeUndefined();
  });

  it('stores a read page as text with state ocr, sums the document up again and gives it a new extraction time', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['text', 'image-only']);
    const job = (await db.ocrJobs.get(doc.id))!;
    await db.ocrJobs.update(doc.id, { status: 'running' });
    const before = (await getDocument(db, doc.id))!;
    expect(before.extraction).toMatchObject({ textLayer: 'partly-scanned', ocrPages: 1, state: 'needs-ocr' });
    expect(await storeOcrPage(db, doc.id, readPage(2, 'Acta del juez'), job.createdAt, 9_000)).toEqual({ written: true, left: 0 });
    expect(await getPage(db, doc.id, 2)).toMatchObject({ state: 'ocr', text: 'Acta del juez', ocr: { status: 'read', at: 9_000 } });
    const after = (await getDocument(db, doc.id))!;
    expect(after.extraction).toMatchObject({ textLayer: 'text', ocrPages: 0, state: 'extracted', extractedAt: 9_000, characters: 'texto de la página 1'.length + 'Acta del juez'.length });
    expect((await db.documents.get(doc.id))?.textState).toBe('text');
    expect(await db.ocrJobs.get(doc.id)).toMatchObject({ status: 'done', done: [2], failed: [], finishedAt: 9_000 });
  });

  it('keeps a failed page needing OCR, says why, and counts it as done for the job', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['junk-text', 'image-only']);
    const job = (await db.ocrJobs.get(doc.id))!;
    const extractedAt = (await getDocument(db, doc.id))!.extraction.extractedAt;
    await storeOcrPage(db, doc.id, failPage(1), job.createdAt, 9_000);
    expect(await getPage(db, doc.id, 1)).toMatchObject({ state: 'junk-text', ocr: { status: 'failed', reason: 'timed-out' } });
    expect((await getDocument(db, doc.id))!.extraction.extractedAt).toBe(extractedAt);
    expect(await db.ocrJobs.get(doc.id)).toMatchObject({ done: [1], failed: [1], status: 'queued' });
    // A page read before keeps its reading when a later attempt fails.
    const read = pageAfterOcr({ documentId: doc.id, page: 2, text: '', state: 'image-only' }, readPage(2), 1);
    expect(pageAfterOcr(read, failPage(2), 2)).toBe(read);
    expect(pageAfterOcr(read, { status: 'blank', page: 2, width: 1, height: 1, durationMs: 1 }, 3)).toEqual({ documentId: doc.id, page: 2, text: 'palabra2 leída', state: 'blank' });
  });

  it('the document summed up page by page agrees with summing every page, whatever the order of results', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['text', 'image-only', 'junk-text', 'image-only', 'blank']);
    const job = (await db.ocrJobs.get(doc.id))!;
    const blank = (page: number): OcrPageResult => ({ status: 'blank', page, width: 1, height: 1, durationMs: 1 });
    const steps: OcrPageResult[] = [failPage(2), readPage(3, 'tres'), readPage(2, 'dos dos'), blank(4), blank(3), readPage(4, 'cuatro'), readPage(3, 'otra vez')];
    for (const result of steps) {
      await storeOcrPage(db, doc.id, result, job.createdAt);
      const rows = await getPages(db, doc.id);
      const expected = summarisePages(rows.map((r) => r.state));
      expect((await getDocument(db, doc.id))!.extraction).toMatchObject({
        textLayer: expected.layer, ocrPages: expected.ocrPages, characters: rows.reduce((n, r) => n + r.text.length, 0),
      });
    }
  });

  it('reads again: a whole document (read pages too) or one page, joining the job that waits', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['image-only', 'junk-text', 'text']);
    const first = (await db.ocrJobs.get(doc.id))!;
    await storeOcrPage(db, doc.id, readPage(1), first.createdAt);
    // One page: joins the waiting job; a page already done is read again.
    expect(await enqueueOcr(db, doc.id, { kind: 'page', page: 1 }, 'spa', 2_000)).toMatchObject({ pages: [1, 2], done: [], createdAt: first.createdAt });
    // A text page is not OCR's to read.
    expect(await enqueueOcr(db, doc.id, { kind: 'page', page: 3 }, 'spa')).toBeNull();
    await setOcrJobStatus(db, doc.id, 'cancel');
    expect(await enqueueOcr(db, doc.id, { kind: 'page', page: 2 }, 'eng', 3_000)).toMatchObject({ pages: [2], status: 'queued', languages: 'eng', createdAt: 3_000 });
    expect(await enqueueOcr(db, doc.id, { kind: 'all' }, 'spa', 4_000)).toMatchObject({ pages: [1, 2], status: 'queued', createdAt: 4_000 });
  });

  it('a document read afresh from its file gets a new job for its new pages', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['image-only']);
    await setOcrJobStatus(db, doc.id, 'cancel');
    await updateExtraction(db, doc.id, {
      state: 'needs-ocr', pageCount: 2, pages: ['', ''], pageStates: ['blank', 'image-only'], info: null, message: '', durationMs: 1,
    }, 7_000);
    expect(await db.ocrJobs.get(doc.id)).toMatchObject({ pages: [2], status: 'queued', createdAt: 7_000 });
  });
});
