import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfAssetUrls } from '../../shared/pdf';
import { createPdfExtractor, type WorkerLike } from '../../renderer/workers/pdfExtractClient';
import { createPdfExtractHandler } from '../../renderer/workers/pdfExtractHandler';
import type { PdfExtractRequest, PdfExtractResponse } from '../../renderer/workers/pdfExtractProtocol';
import { FIXTURE_PASSWORD, MANY_PAGES, writeFixtures, type Fixtures } from '../fixtures/pdf/makePdfs';

const pdfjsDir = fileURLToPath(new URL('../../node_modules/pdfjs-dist/', import.meta.url));
const nodeAssets = (): PdfAssetUrls => ({
  cMapUrl: join(pdfjsDir, 'cmaps/'),
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'),
  wasmUrl: join(pdfjsDir, 'wasm/'),
  useWorkerFetch: false,
});

/**
 * Stands in for the module worker: the real message handler and pdf.js (legacy build),
 * on this thread. `hang` makes it swallow extract requests, like a worker stuck in pdf.js.
 */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = false;
  readonly received: PdfExtractRequest[] = [];
  private readonly handle = createPdfExtractHandler(pdfjs, nodeAssets, (data: PdfExtractResponse) => {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<PdfExtractResponse>);
  });

  constructor(private readonly mode: 'work' | 'hang' | 'crash' = 'work') {}

  postMessage(message: PdfExtractRequest, transfer?: Transferable[]): void {
    this.received.push(message);
    if (message.type === 'extract') expect(transfer).toEqual([message.bytes]);
    if (this.mode === 'crash') setTimeout(() => this.onerror?.({ message: 'out of memory' } as ErrorEvent), 5);
    else if (this.mode === 'work' || message.type === 'cancel') setTimeout(() => this.handle(message), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

let dir = '';
let fixtures: Fixtures;
const bytesOf = async (path: string) => new Uint8Array(await readFile(path));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casefile-pdf-client-'));
  fixtures = await writeFixtures(dir);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function extractorWith(...modes: Array<'work' | 'hang' | 'crash'>) {
  const workers: InProcessWorker[] = [];
  const extractor = createPdfExtractor({
    assetBase: 'http://casefile.test/',
    timeoutMs: 5_000,
    cancelGraceMs: 200,
    createWorker: () => {
      const worker = new InProcessWorker(modes[workers.length] ?? 'work');
      workers.push(worker);
      return worker;
    },
  });
  return { extractor, workers };
}

describe('createPdfExtractor', () => {
  it('extracts in the worker with per-page progress, reusing one worker for a queue of files', async () => {
    const { extractor, workers } = extractorWith('work');
    const progress: number[] = [];
    const [text, many] = await Promise.all([
      extractor.extract(await bytesOf(fixtures.text)),
      extractor.extract(await bytesOf(fixtures.manyPages), { onProgress: ({ page }) => progress.push(page) }),
    ]);
    expect(text.state).toBe('extracted');
    expect(many.pages).toHaveLength(MANY_PAGES);
    // Progress is throttled in the worker: the first and last page always, sorted, no repeats.
    expect(progress[0]).toBe(1);
    expect(progress.at(-1)).toBe(MANY_PAGES);
    expect(progress).toEqual([...new Set(progress)].sort((a, b) => a - b));
    expect(workers).toHaveLength(1);
  });

  it('passes a password for one attempt and reports a wrong one', async () => {
    const { extractor, workers } = extractorWith('work');
    expect((await extractor.extract(await bytesOf(fixtures.encrypted))).state).toBe('password-required');
    expect((await extractor.extract(await bytesOf(fixtures.encrypted), { password: 'nope' })).state).toBe('password-wrong');
    expect((await extractor.extract(await bytesOf(fixtures.encrypted), { password: FIXTURE_PASSWORD })).state).toBe('extracted');
    expect(workers[0]!.received.filter((m) => m.type === 'extract').map((m) => (m.type === 'extract' ? m.password : null))).toEqual([undefined, 'nope', FIXTURE_PASSWORD]);
  });

  it('times out a file that hangs, terminates its worker and starts a fresh one for the next file', async () => {
    const { extractor, workers } = extractorWith('hang', 'work');
    const hung = extractor.extract(await bytesOf(fixtures.text), { timeoutMs: 100 });
    const next = extractor.extract(await bytesOf(fixtures.text));
    const result = await hung;
    expect(result.state).toBe('timed-out');
    expect(result.message).toMatch(/too long/);
    expect(workers[0]!.terminated).toBe(true);
    expect((await next).state).toBe('extracted');
    expect(workers).toHaveLength(2);
  });

  it('marks a file that kills the worker as damaged and carries on', async () => {
    const { extractor, workers } = extractorWith('crash', 'work');
    const crashed = await extractor.extract(await bytesOf(fixtures.text));
    expect(crashed).toMatchObject({ state: 'damaged', message: expect.stringMatching(/stopped the extraction worker/) });
    expect((await extractor.extract(await bytesOf(fixtures.text))).state).toBe('extracted');
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it('cancels by message: rejects with AbortError at once and keeps a worker that stops in time', async () => {
    const { extractor, workers } = extractorWith('work');
    const controller = new AbortController();
    const run = extractor.extract(await bytesOf(fixtures.manyPages), {
      signal: controller.signal,
      onProgress: ({ page }) => page === 1 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.received.at(-1)).toMatchObject({ type: 'cancel' });
    expect((await extractor.extract(await bytesOf(fixtures.text))).state).toBe('extracted');
    expect(workers).toHaveLength(1);
  });

  it('terminates a worker that does not stop within the grace period after a cancel', async () => {
    const { extractor, workers } = extractorWith('hang', 'work');
    const controller = new AbortController();
    const run = extractor.extract(await bytesOf(fixtures.text), { signal: controller.signal });
    const queued = extractor.extract(await bytesOf(fixtures.text));
    setTimeout(() => controller.abort(), 20);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect((await queued).state).toBe('extracted');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('never starts a queued file that is cancelled, and rejects everything on dispose', async () => {
    const { extractor, workers } = extractorWith('hang');
    const controller = new AbortController();
    const first = extractor.extract(await bytesOf(fixtures.text));
    const queued = extractor.extract(await bytesOf(fixtures.text), { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    extractor.dispose();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.received.filter((m) => m.type === 'extract')).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
  });
});
