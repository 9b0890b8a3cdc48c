import { describe, expect, it, vi } from 'vitest';
import type { OcrPageResult } from '../../shared/ocr';
import { createOcrClient, type OcrWorkerLike } from './ocrClient';
import type { OcrRequest, OcrResponse } from './ocrProtocol';

const read = (page: number, text = `page ${page}`): OcrPageResult => ({
  page, width: 612, height: 792, durationMs: 10, status: 'read', text, words: [], lines: [],
  provenance: { engine: 'tesseract.js', version: '7.0.0', languages: ['spa', 'eng'], confidence: 95, rotation: 0, dpi: 300 },
});

/**
 * A scripted OCR worker: for each job it opens a document of `pageCount` pages and answers every
 * page asked for, except that it falls silent on `hangOn` (like a worker stuck in pdf.js).
 */
class FakeWorker implements OcrWorkerLike {
  onmessage: OcrWorkerLike['onmessage'] = null;
  onerror: OcrWorkerLike['onerror'] = null;
  onmessageerror: OcrWorkerLike['onmessageerror'] = null;
  terminated = false;
  readonly received: OcrRequest[] = [];

  constructor(private readonly script: { pageCount?: number; hangOn?: number; fail?: string } = {}) {}

  private send(data: OcrResponse) {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<OcrResponse>);
  }

  postMessage(message: OcrRequest): void {
    this.received.push(message);
    const { id } = message;
    const pageCount = this.script.pageCount ?? 3;
    void (async () => {
      await Promise.resolve();
      if (this.script.fail) return this.send({ type: 'failed', id, message: this.script.fail });
      this.send({ type: 'opened', id, pageCount });
      for (const page of message.pages ?? Array.from({ length: pageCount }, (_, i) => i + 1)) {
        this.send({ type: 'progress', id, page, stage: 'rendering', fraction: 0 });
        if (page === this.script.hangOn) return;
        await Promise.resolve();
        this.send({ type: 'page', id, result: read(page) });
      }
      this.send({ type: 'done', id, pageCount });
    })();
  }

  terminate(): void {
    this.terminated = true;
  }
}

const bytes = () => new Uint8Array([37, 80, 68, 70]);

describe('createOcrClient', () => {
  it('reads every page, reporting each result and the progress as it goes', async () => {
    const worker = new FakeWorker();
    const client = createOcrClient({ assetBase: 'http://app/', createWorker: () => worker });
    const onPage = vi.fn();
    const onProgress = vi.fn();
    const result = await client.ocr(bytes(), { onPage, onProgress });
    expect(result.pageCount).toBe(3);
    expect(result.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(onPage).toHaveBeenCalledTimes(3);
    expect(onProgress).toHaveBeenCalledWith(expect.objectContaining({ page: 2, pageCount: 3, done: 1, total: 3, stage: 'rendering' }));
    expect(worker.received[0]).toMatchObject({ type: 'ocr', languages: 'spa+eng', pageTimeoutMs: 60_000, assetBase: 'http://app/' });
    client.dispose();
  });

  it('asks only for the pages given, with the languages given, and keeps the caller\'s bytes intact', async () => {
    const worker = new FakeWorker({ pageCount: 9 });
    const client = createOcrClient({ assetBase: 'http://app/', createWorker: () => worker });
    const mine = bytes();
    const result = await client.ocr(mine, { pages: [7, 2], languages: 'eng' });
    expect(result.pages.map((p) => p.page)).toEqual([7, 2]);
    expect(worker.received[0]).toMatchObject({ pages: [7, 2], languages: 'eng' });
    expect(mine.byteLength).toBe(4);
    expect(new Uint8Array(await worker.received[0]!.file.arrayBuffer())).toEqual(mine);
    client.dispose();
  });

  it('hands a stored Blob to the worker as it is, and again when it resumes in a new worker', async () => {
    vi.useFakeTimers();
    try {
      const workers: FakeWorker[] = [];
      const client = createOcrClient({
        assetBase: 'http://app/', pageTimeoutMs: 1_000, stallGraceMs: 500,
        createWorker: () => { workers.push(new FakeWorker({ hangOn: workers.length === 0 ? 1 : undefined })); return workers.at(-1)!; },
      });
      const blob = new Blob([bytes()], { type: 'application/pdf' });
      const pending = client.ocr(blob);
      await vi.advanceTimersByTimeAsync(1_600);
      await pending;
      expect(workers.map((w) => w.received[0]!.file)).toEqual([blob, blob]);
      expect(workers[1]!.received[0]!.file).toBe(blob);
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects when the document cannot be opened', async () => {
    const client = createOcrClient({ assetBase: 'http://app/', createWorker: () => new FakeWorker({ fail: 'Invalid PDF structure.' }) });
    await expect(client.ocr(bytes())).rejects.toThrow('Invalid PDF structure.');
    client.dispose();
  });

  it('cancels at once by terminating the worker, and the next call gets a fresh one', async () => {
    const workers: FakeWorker[] = [];
    const client = createOcrClient({ assetBase: 'http://app/', createWorker: () => { workers.push(new FakeWorker({ hangOn: workers.length === 0 ? 1 : undefined })); return workers.at(-1)!; } });
    const controller = new AbortController();
    const pending = client.ocr(bytes(), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.terminated).toBe(true);
    expect((await client.ocr(bytes())).pages).toHaveLength(3);
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('reports a page the worker goes silent on as timed out and reads the rest in a new worker', async () => {
    vi.useFakeTimers();
    try {
      const workers: FakeWorker[] = [];
      const client = createOcrClient({
        assetBase: 'http://app/', pageTimeoutMs: 1_000, stallGraceMs: 500,
        createWorker: () => { workers.push(new FakeWorker({ hangOn: workers.length === 0 ? 2 : undefined })); return workers.at(-1)!; },
      });
      const pending = client.ocr(bytes());
      await vi.advanceTimersByTimeAsync(1_600);
      const result = await pending;
      expect(result.pages.map((p) => [p.page, p.status])).toEqual([[1, 'read'], [2, 'failed'], [3, 'read']]);
      expect(result.pages[1]).toMatchObject({ reason: 'timed-out' });
      expect(workers).toHaveLength(2);
      expect(workers[0]!.terminated).toBe(true);
      expect(workers[1]!.received[0]).toMatchObject({ pages: [3] });
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects pending calls on dispose', async () => {
    const client = createOcrClient({ assetBase: 'http://app/', createWorker: () => new FakeWorker({ hangOn: 1 }) });
    const pending = client.ocr(bytes());
    client.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client.ocr(bytes())).rejects.toThrow(/disposed/);
  });
});
