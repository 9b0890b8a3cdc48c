import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, type ExtractOptions, type PdfAssetUrls } from '../../shared/pdf';
import { FIXTURE_PASSWORD, MANY_PAGES, writeFixtures, type Fixtures } from '../fixtures/pdf/makePdfs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const pdfjsDir = join(repoRoot, 'node_modules/pdfjs-dist/');
/** In Node, pdf.js reads its assets from disk (useWorkerFetch false). */
const assets: PdfAssetUrls = {
  cMapUrl: join(pdfjsDir, 'cmaps/'),
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'),
  wasmUrl: join(pdfjsDir, 'wasm/'),
  useWorkerFetch: false,
};
/** CI checks the repository out beside `shared/`, so the article lives at ../shared/fixtures. */
const articlePath = join(repoRoot, '../shared/fixtures/vraem-article.pdf');
const cjkPath = join(repoRoot, '../shared/fixtures/pdfcorpus/noembed-sjis.pdf');

let dir = '';
let fixtures: Fixtures;
const extract = async (path: string, options: Partial<ExtractOptions> = {}) =>
  extractDocument(pdfjs, new Uint8Array(await readFile(path)), { assets, ...options });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casefile-pdf-'));
  fixtures = await writeFixtures(dir);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('extractDocument over generated PDFs', () => {
  it('extracts a text PDF page by page, normalised end to end, with its metadata', async () => {
    const progress: Array<[number, number]> = [];
    const result = await extract(fixtures.text, { onPage: (page, total) => progress.push([page, total]) });
    expect(result.state).toBe('extracted');
    expect(result.pageCount).toBe(3);
    expect(result.pages).toEqual([
      'Informe de campo: Apurímac\nLa ofensiva se planificó en agosto; el example hyphen joins across lines.',
      'Second page: Jean-Pierre kept his hyphen.\nCañón del río',
      'Third page with the end of the report.',
    ]);
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(result.info).toMatchObject({ title: 'Informe de campo', producer: 'casefile fixtures', creationDay: '2024-03-15' });
    expect(result.message).toBe('');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reads every page of a long document', async () => {
    const result = await extract(fixtures.manyPages);
    expect(result.state).toBe('extracted');
    expect(result.pages).toHaveLength(MANY_PAGES);
    expect(result.pages[MANY_PAGES - 1]).toBe(`Page ${MANY_PAGES} of a long report on the VRAEM valley.`);
  });

  it.each(['imageOnly', 'imageOnlyFlate'] as const)('marks an image-only page (%s) as needing OCR', async (name) => {
    const result = await extract(fixtures[name]);
    expect(result.state).toBe('needs-ocr');
    expect(result.pageCount).toBe(1);
    expect(result.pages).toEqual(['']);
    expect(result.pageStates).toEqual(['image-only']);
    expect(result.textLayer).toEqual({ layer: 'scanned', ocrPages: 1 });
  });

  it.each([
    ['truncated', /Invalid PDF structure/],
    ['empty', /empty/i],
    ['notAPdf', /Invalid PDF structure/],
  ] as const)('reports %s bytes as damaged, saying what pdf.js found', async (name, why) => {
    const result = await extract(fixtures[name]);
    expect(result).toMatchObject({ state: 'damaged', pageCount: 0, pages: [] });
    expect(result.message).toMatch(why);
  });

  it('asks for the password of an encrypted PDF, rejects a wrong one and opens with the right one', async () => {
    const none = await extract(fixtures.encrypted);
    expect(none.state).toBe('password-required');
    const wrong = await extract(fixtures.encrypted, { password: 'not-it' });
    expect(wrong.state).toBe('password-wrong');
    const right = await extract(fixtures.encrypted, { password: FIXTURE_PASSWORD });
    expect(right.state).toBe('extracted');
    expect(right.pages).toEqual(['Confidential: the witness list.']);
    expect(JSON.stringify([none, wrong, right])).not.toContain(FIXTURE_PASSWORD);
  });

  it('stops with an AbortError when cancelled between pages', async () => {
    const controller = new AbortController();
    const run = extract(fixtures.manyPages, { signal: controller.signal, onPage: (page) => page === 2 && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the real article', () => {
  it.skipIf(!existsSync(articlePath))(`extracts ${articlePath} (skipped only where ../shared/fixtures is absent)`, async () => {
    const result = await extract(articlePath);
    expect(result.state).toBe('extracted');
    expect(result.pageCount).toBe(1);
    expect(result.pages[0]).toContain('Apurímac');
    expect(result.pages[0]).toContain('Comandante Artemio');
  });
});

describe('bundled CMaps', () => {
  it.skipIf(!existsSync(cjkPath))('decode Japanese text in a non-embedded Shift-JIS font (skipped only where ../shared/fixtures is absent)', async () => {
    const withCMaps = await extract(cjkPath);
    expect(withCMaps.pages).toEqual(['あいうえお']);
    const without = await extract(cjkPath, { assets: { ...assets, cMapUrl: join(dir, 'no-cmaps/') } });
    expect(without.pages).toEqual(['']);
  });
});
