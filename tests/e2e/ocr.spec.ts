import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { smallScanPdf } from '../../scripts/bench-ocr-corpus.mjs';
import type { OcrBenchPage } from '../bench/ocrPage';
import { expect, test } from './fixtures';

/**
 * The OCR engine end to end in Chromium: scans made here with ImageMagick (a few lines of
 * Spanish, upright and turned 90°) go through the app's OCR client and worker
 * (renderer/workers/ocrClient.ts → ocr.worker.ts → tesseract.js), with tesseract.js's files served
 * by the built app (/tesseract/) under its CSP. The page that drives it is the OCR bench page
 * (tests/bench/ocrPage.ts), built here and served on the app's origin through a route.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const SPANISH = 'Acta de la reunión del 3 de marzo de 1993.\nLos testigos declararon ante el juez de Puerto Nuevo que el expediente fue archivado sin pruebas.';
const WORDS = ['reunión', 'marzo', '1993', 'testigos', 'declararon', 'juez', 'Puerto', 'Nuevo', 'expediente', 'archivado', 'pruebas'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.pdf': 'application/pdf' };

let dir = '';
const files = new Map<string, Buffer>();

test.beforeAll(async () => {
  test.setTimeout(60_000);
  dir = await mkdtemp(path.join(tmpdir(), 'casefile-ocr-e2e-'));
  const harness = path.join(dir, 'harness');
  await build({ configFile: path.resolve(here, '../bench/ocr.vite.config.ts'), logLevel: 'silent', build: { outDir: harness, emptyOutDir: true } });
  for (const entry of await readdir(harness, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(harness, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'), await readFile(path.join(entry.parentPath, entry.name)));
  }
  files.set('upright.pdf', (await smallScanPdf(dir, 'upright', SPANISH)).pdf);
  files.set('sideways.pdf', (await smallScanPdf(dir, 'sideways', SPANISH, 90)).pdf);
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('OCR reads a scanned Spanish page and a page scanned sideways, in the worker, offline', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const csp = contentSecurityPolicy();
  await page.route(`${baseURL}/ocr-harness/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/ocr-harness\//, '');
    const body = files.get(name);
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body, headers: { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'Content-Security-Policy': csp } });
  });
  await page.goto('/ocr-harness/ocr.html');
  await page.waitForFunction(() => window.casefileOcrBench !== undefined);

  const read = (name: string) => page.evaluate((url) => window.casefileOcrBench!.run([{ name: url, url }]).then((r) => r.pages), `/ocr-harness/${name}`);
  const [upright] = (await read('upright.pdf')) as [OcrBenchPage];
  expect(upright, JSON.stringify(upright)).toMatchObject({ status: 'read', rotation: 0, dpi: 300 });
  for (const word of WORDS) expect(upright.text).toContain(word);
  expect(upright.confidence).toBeGreaterThan(80);
  // Boxes in points from the top left of the page (A6 at 300 dpi: 1240 × 1748 px, text from 100, 150 px).
  expect(upright.width).toBeCloseTo(297.6, 0);
  expect(upright.firstWord?.text).toBe('Acta');
  expect(upright.firstWord!.box.x).toBeCloseTo(24, -1);
  expect(upright.firstWord!.box.y).toBeCloseTo(36, -1);

  const [sideways] = (await read('sideways.pdf')) as [OcrBenchPage];
  expect(sideways, JSON.stringify(sideways)).toMatchObject({ status: 'read', rotation: 90 });
  for (const word of WORDS) expect(sideways.text).toContain(word);
  // Read the right way up: the words come in the order they were written.
  expect(sideways.text.indexOf('testigos')).toBeLessThan(sideways.text.indexOf('expediente'));
  expect(sideways.text.indexOf('Acta')).toBeLessThan(sideways.text.indexOf('testigos'));
  // The page lies landscape; the first word is now at the top right, its box standing upright.
  expect(sideways.width).toBeCloseTo(419.5, 0);
  expect(sideways.firstWord?.text).toBe('Acta');
  expect(sideways.firstWord!.box.x).toBeGreaterThan(sideways.width / 2);
  expect(sideways.firstWord!.box.y).toBeLessThan(sideways.height / 3);
  expect(sideways.firstWord!.box.height).toBeGreaterThan(sideways.firstWord!.box.width);

  // A page over its time limit is a 'timed-out' failure; the engine is started afresh for the next.
  const stopped = await page.evaluate(() => window.casefileOcrBench!.run([{ name: 'upright', url: '/ocr-harness/upright.pdf' }], { pageTimeoutMs: 50 }).then((r) => r.pages));
  expect(stopped).toMatchObject([{ status: 'failed', reason: 'timed-out' }]);
  const [again] = (await read('upright.pdf')) as [OcrBenchPage];
  expect(again, JSON.stringify(again)).toMatchObject({ status: 'read', text: upright.text });
});
