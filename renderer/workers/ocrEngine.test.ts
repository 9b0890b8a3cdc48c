import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOcrEngine, TESSERACT_JS_VERSION, type CreateTesseract } from './ocrEngine';

const urls = { workerPath: 'http://app/tesseract/worker.min.js', corePath: 'http://app/tesseract/core.js', langPath: 'http://app/tesseract/lang' };
const TSV = '5\t1\t1\t1\t1\t1\t300\t300\t120\t50\t96\tHola\n5\t1\t1\t1\t1\t2\t440\t300\t200\t50\t90\tmundo';
const image = new Uint8Array([80, 53]);

/** A stand-in for tesseract.js's worker: `recognize` answers, never answers, or throws, per call. */
function fakeTesseract(behaviours: Array<'answer' | 'hang' | 'throw'>) {
  const workers: Array<{ langs: string; options: Record<string, unknown>; fs: unknown[][]; params: unknown[]; terminated: boolean }> = [];
  let call = 0;
  const create = (async (langs: string, _oem: unknown, options: Record<string, unknown>) => {
    const record = { langs, options, fs: [] as unknown[][], params: [] as unknown[], terminated: false };
    workers.push(record);
    return {
      FS: async (method: string, args: unknown[]) => { record.fs.push([method, ...args]); },
      setParameters: async (p: unknown) => { record.params.push(p); },
      recognize: () => {
        const behaviour = behaviours[call++] ?? 'answer';
        if (behaviour === 'hang') return new Promise(() => {});
        if (behaviour === 'throw') return Promise.reject(new Error('RuntimeError: memory access out of bounds'));
        return Promise.resolve({ data: { tsv: TSV } });
      },
      terminate: async () => { record.terminated = true; },
    };
  }) as unknown as CreateTesseract;
  return { create, workers };
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(gzipSync(Buffer.from('osd data')))));
});
afterEach(() => vi.unstubAllGlobals());

describe('createOcrEngine', () => {
  it('starts tesseract.js from the app\'s own files, with OSD data and automatic segmentation with orientation', async () => {
    const { create, workers } = fakeTesseract(['answer', 'answer']);
    const engine = createOcrEngine(urls, create);
    const outcome = await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 });
    expect(outcome).toMatchObject({ kind: 'read', words: [{ text: 'Hola' }, { text: 'mundo' }] });
    expect(workers[0]!.langs).toBe('spa+eng');
    expect(workers[0]!.options).toMatchObject({ ...urls, workerBlobURL: false, legacyCore: true, cacheMethod: 'none' });
    expect(fetch).toHaveBeenCalledWith('http://app/tesseract/lang/osd.traineddata.gz');
    expect(workers[0]!.fs[0]).toEqual(['writeFile', 'osd.traineddata', new Uint8Array(Buffer.from('osd data'))]);
    // Once a page was read, the data files' in-memory copies are dropped (Tesseract has loaded them).
    // and each page's image file is dropped once read.
    expect(workers[0]!.fs.slice(1)).toEqual([['unlink', 'spa.traineddata'], ['unlink', 'eng.traineddata'], ['unlink', 'osd.traineddata'], ['unlink', '/input']]);
    await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 });
    expect(workers[0]!.fs.slice(5)).toEqual([['unlink', '/input']]);
    expect(workers[0]!.params).toEqual([{ tessedit_pageseg_mode: '1' }]);
    engine.dispose();
  });

  it('takes OSD data the server already unpacked (a .gz sent with Content-Encoding: gzip) as it is', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(Buffer.from('osd data'))));
    const { create, workers } = fakeTesseract(['answer']);
    const engine = createOcrEngine(urls, create);
    await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 });
    expect(workers[0]!.fs[0]).toEqual(['writeFile', 'osd.traineddata', new Uint8Array(Buffer.from('osd data'))]);
    engine.dispose();
  });

  it('keeps one tesseract worker while the languages stay the same, and replaces it when they change', async () => {
    const { create, workers } = fakeTesseract([]);
    const engine = createOcrEngine(urls, create);
    await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 });
    await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 });
    expect(workers).toHaveLength(1);
    await engine.recognize(image, { languages: 'eng', dpi: 300, timeoutMs: 1000 });
    expect(workers).toHaveLength(2);
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true));
    engine.dispose();
  });

  it('stops a page at its time limit by terminating the tesseract worker; the next page gets a new one', async () => {
    const { create, workers } = fakeTesseract(['hang', 'answer']);
    const engine = createOcrEngine(urls, create);
    expect(await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 50 })).toMatchObject({ kind: 'timed-out' });
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true));
    expect(await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 })).toMatchObject({ kind: 'read' });
    expect(workers).toHaveLength(2);
    engine.dispose();
  });

  it('reports an engine error as a failure and starts afresh', async () => {
    const { create, workers } = fakeTesseract(['throw', 'answer']);
    const engine = createOcrEngine(urls, create);
    expect(await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 })).toMatchObject({ kind: 'failed', message: expect.stringContaining('out of bounds') });
    expect(await engine.recognize(image, { languages: 'spa+eng', dpi: 300, timeoutMs: 1000 })).toMatchObject({ kind: 'read' });
    expect(workers).toHaveLength(2);
    engine.dispose();
  });

  it('names the tesseract.js version the app depends on', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['tesseract.js']).toBe(TESSERACT_JS_VERSION);
  });
});
