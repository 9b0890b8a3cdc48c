import { describe, expect, it } from 'vitest';
import { addScan, failPage, fakeOcr, freshDeps, openTestDb, readPage, until } from '../../tests/unit/ocrKit';
import { getDocument, getPage, saveDocumentMetadata } from '../db/documents';
import { enqueueOcr, isOcrQueuePaused, setOcrJobStatus, setOcrQueuePaused } from '../db/ocrJobs';
import { OcrRunner } from './ocrRunner';
import type { OcrRunnerStatus } from './ocrRunner';

const jobOf = (db: Awaited<ReturnType<typeof openTestDb>>, id: string) => db.ocrJobs.get(id);

describe('OcrRunner', () => {
  it('reads a document’s pages split between its workers, storing each page as it arrives', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['image-only', 'text', 'image-only', 'junk-text', 'image-only'], 'es');
    const ocr = fakeOcr();
    const statuses: OcrRunnerStatus[] = [];
    const runner = new OcrRunner(db, { createClient: ocr.create, workers: 2, onStatus: (s) => statuses.push(s) });
    runner.start();
    await until(() => ocr.calls.length === 2);
    // Round robin: worker 1 gets pages 1 and 4, worker 2 pages 3 and 5; in Spanish.
    expect(ocr.calls).toEqual([{ pages: [1, 4], languages: 'spa' }, { pages: [3, 5], languages: 'spa' }]);
    expect(await jobOf(db, doc.id)).toMatchObject({ status: 'running', languages: 'spa' });
    await ocr.step();
    await until(async () => (await getPage(db, doc.id, 1))?.state === 'ocr');
    expect((await jobOf(db, doc.id))!.done).toEqual([1]);
    expect((await getDocument(db, doc.id))!.extraction).toMatchObject({ textLayer: 'partly-scanned', ocrPages: 3 });
    expect(statuses.at(-1)).toMatchObject({ documentId: doc.id });
    expect(statuses.at(-1)!.secondsPerPage).toBeGreaterThan(0);
    await ocr.step(3);
    await until(async () => (await jobOf(db, doc.id))?.status === 'done');
    expect((await getDocument(db, doc.id))!.extraction).toMatchObject({ textLayer: 'text', ocrPages: 0, state: 'extracted' });
    // Idle: the workers are let go (their memory back).
    await until(() => ocr.disposed() === 2);
    runner.stop();
    await runner.done;
  });

  it('resumes after a restart with the pages not yet stored, and finds the backlog on start', async () => {
    const deps = freshDeps();
    let db = await openTestDb(deps);
    const doc = await addScan(db, ['image-only', 'image-only', 'image-only']);
    const first = fakeOcr();
    const runner = new OcrRunner(db, { createClient: first.create, workers: 1 });
    runner.start();
    await first.step();
    await until(async () => (await jobOf(db, doc.id))?.done.length === 1);
    runner.stop(); // the window closes mid-page
    await runner.done;
    db.close();

    db = await openTestDb(deps);
    expect(await jobOf(db, doc.id)).toMatchObject({ status: 'running', done: [1] });
    const backlog = await addScan(db, ['image-only'], 'en', 50);
    await db.ocrJobs.delete(backlog.id); // stored before the queue existed
    const second = fakeOcr({ auto: true });
    const again = new OcrRunner(db, { createClient: second.create, workers: 1 });
    again.start();
    await until(async () => (await jobOf(db, backlog.id))?.status === 'done');
    expect(second.calls).toEqual([{ pages: [2, 3], languages: 'spa+eng' }, { pages: [1], languages: 'eng' }]);
    expect(await jobOf(db, doc.id)).toMatchObject({ status: 'done', done: [1, 2, 3] });
    again.stop();
    await again.done;
  });

  it('pausing the queue stops the page in hand, stays paused across a restart, and resuming finishes', async () => {
    const deps = freshDeps();
    let db = await openTestDb(deps);
    const doc = await addScan(db, ['image-only', 'image-only', 'image-only']);
    const ocr = fakeOcr();
    let runner = new OcrRunner(db, { createClient: ocr.create, workers: 1 });
    runner.start();
    await ocr.step();
    await until(async () => (await jobOf(db, doc.id))?.done.length === 1);
    await setOcrQueuePaused(db, true);
    await until(async () => (await jobOf(db, doc.id))?.status === 'queued');
    await new Promise((r) => setTimeout(r, 20));
    expect(ocr.calls).toHaveLength(1);
    runner.stop();
    await runner.done;
    db.close();

    db = await openTestDb(deps);
    expect(await isOcrQueuePaused(db)).toBe(true);
    const after = fakeOcr({ auto: true });
    runner = new OcrRunner(db, { createClient: after.create, workers: 1 });
    runner.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(after.calls).toHaveLength(0);
    await setOcrQueuePaused(db, false);
    await until(async () => (await jobOf(db, doc.id))?.status === 'done');
    expect(after.calls).toEqual([{ pages: [2, 3], languages: 'spa+eng' }]);
    runner.stop();
    await runner.done;
  });

  it('pauses, resumes and cancels one document while the next one is read', async () => {
    const db = await openTestDb();
    const a = await addScan(db, ['image-only', 'image-only'], '', 1);
    const b = await addScan(db, ['image-only'], '', 2);
    const ocr = fakeOcr();
    const runner = new OcrRunner(db, { createClient: ocr.create, workers: 1 });
    runner.start();
    await until(() => ocr.calls.length === 1);
    await setOcrJobStatus(db, a.id, 'pause');
    // The paused document waits; the next one is read.
    await until(() => ocr.calls.length === 2);
    expect(ocr.calls[1]!.pages).toEqual([1]);
    await ocr.step();
    await until(async () => (await jobOf(db, b.id))?.status === 'done');
    expect(await jobOf(db, a.id)).toMatchObject({ status: 'paused', done: [] });
    await setOcrJobStatus(db, a.id, 'resume');
    await ocr.step();
    await until(async () => (await jobOf(db, a.id))?.done.length === 1);
    await setOcrJobStatus(db, a.id, 'cancel');
    await new Promise((r) => setTimeout(r, 20));
    expect(await jobOf(db, a.id)).toMatchObject({ status: 'cancelled', done: [1] });
    expect((await getPage(db, a.id, 2))?.state).toBe('image-only');
    runner.stop();
    await runner.done;
  });

  it('a failed (timed-out) page is recorded and the job goes on; a changed language reads again in it', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['image-only', 'image-only']);
    const ocr = fakeOcr({ auto: true, results: (p) => (p === 1 ? failPage(p) : readPage(p)) });
    const runner = new OcrRunner(db, { createClient: ocr.create, workers: 1 });
    runner.start();
    await until(async () => (await jobOf(db, doc.id))?.status === 'done');
    expect(await jobOf(db, doc.id)).toMatchObject({ done: [1, 2], failed: [1] });
    expect(await getPage(db, doc.id, 1)).toMatchObject({ state: 'image-only', ocr: { status: 'failed', reason: 'timed-out' } });

    const current = (await getDocument(db, doc.id))!;
    await saveDocumentMetadata(db, { ...current, language: 'en' });
    await enqueueOcr(db, doc.id, { kind: 'all' }, 'eng', Date.now() + 1);
    await until(async () => (await jobOf(db, doc.id))?.status === 'done' && ocr.calls.length === 2);
    expect(ocr.calls[1]).toEqual({ pages: [1, 2], languages: 'eng' });
    runner.stop();
    await runner.done;
  });

  it('a scan that arrives without a job while the runner waits (a bundle, a restore from the trash) is queued and read', async () => {
    const db = await openTestDb();
    const ocr = fakeOcr({ auto: true });
    const runner = new OcrRunner(db, { createClient: ocr.create, workers: 1 });
    runner.start();
    await new Promise((r) => setTimeout(r, 20));
    await setOcrQueuePaused(db, true);
    const doc = await addScan(db, ['text', 'image-only']);
    await db.ocrJobs.delete(doc.id); // as a bundle import writes it: pages, no job
    await setOcrQueuePaused(db, false);
    await until(async () => (await jobOf(db, doc.id))?.status === 'done');
    expect((await getPage(db, doc.id, 2))?.state).toBe('ocr');
    runner.stop();
    await runner.done;
  });

  it('a file that will not open ends its job with the reason', async () => {
    const db = await openTestDb();
    const doc = await addScan(db, ['image-only']);
    const runner = new OcrRunner(db, {
      createClient: () => ({ ocr: () => Promise.reject(new Error('Invalid PDF structure.')), dispose: () => undefined }), workers: 2,
    });
    runner.start();
    await until(async () => (await jobOf(db, doc.id))?.status === 'done');
    expect(await jobOf(db, doc.id)).toMatchObject({ error: 'Invalid PDF structure.', done: [] });
    runner.stop();
    await runner.done;
  });
});
