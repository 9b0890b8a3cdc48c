/**
 * `npm run check:pdfs -- <folder> --ocr`: OCRs the pages extraction found needing it (image-only,
 * junk text) with the app's own OCR client and worker (renderer/workers/ocrClient.ts →
 * ocr.worker.ts → tesseract.js, pages drawn by pdf.js at 300 dpi) in headless Chromium: Node has
 * no OffscreenCanvas or browser worker, and this way the check measures what the app will do.
 * The page that drives the client is the OCR bench page (tests/bench/ocrPage.ts), served with a
 * build of the app (its /tesseract/ and /pdfjs/ files) from memory on one origin under the app's
 * CSP, as scripts/bench-ocr.mjs does. Loaded only with --ocr, so the plain check needs neither
 * Chromium nor a build.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, resolveConfig } from 'vite';
import { countTextChars } from '../shared/pdf/normalise';
import type { OcrFileOutcome, OcrPageOutcome } from './check-pdfs-ocr-report';

/** Built into dist/scripts/, two folders below the repository. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APP_DIR = 'dist/check-pdfs-ocr-app';
const HARNESS_DIR = 'dist/bench-ocr';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.gz': 'application/gzip',
};

export interface OcrJob {
  path: string;
  file: string;
  pages: number[];
}

export interface OcrRunOptions {
  /** Rebuild the app and the bench page first (default); false reuses dist/. */
  build: boolean;
  pageTimeoutMs: number;
  languages: string;
  onFile: (row: OcrFileOutcome) => void;
  log: (line: string) => void;
}

/** What the bench page reports per page (tests/bench/ocrPage.ts OcrBenchPage), the parts used here. */
interface BenchPage {
  page: number;
  status: OcrPageOutcome['status'];
  reason?: string;
  text: string;
  words: number;
  confidence: number | null;
  ms: number;
}

async function readTree(dir: string, prefix: string, into: Map<string, Buffer>, mustHave: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    into.set(`${prefix}/${relative(dir, full).split('\\').join('/')}`, await readFile(full));
  }
  if (!into.has(`${prefix}/${mustHave}`)) throw new Error(`${dir}/${mustHave} is missing: run without --no-build`);
}

/** The built app at /, the bench page at /bench-ocr/, the PDFs at /check/<n>.pdf; the app's CSP on every response. */
async function serve(jobs: readonly OcrJob[]): Promise<{ server: Server; origin: string }> {
  const files = new Map<string, Buffer>();
  await readTree(join(ROOT, APP_DIR), '', files, 'tesseract/worker.min.js');
  await readTree(join(ROOT, HARNESS_DIR), '/bench-ocr', files, 'ocr.html');
  for (const [i, job] of jobs.entries()) files.set(`/check/${i}.pdf`, await readFile(job.path));
  const app = await resolveConfig({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'silent' }, 'serve', 'production');
  const headers = { ...(app.preview.headers as Record<string, string>), 'Cache-Control': 'no-store' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = files.get(path);
    if (!body) { res.writeHead(404, headers).end('not found'); return; }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the check server did not start');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export async function runOcr(jobs: readonly OcrJob[], opts: OcrRunOptions): Promise<OcrFileOutcome[]> {
  if (opts.build) {
    opts.log('OCR: building the app (for its tesseract.js and pdf.js files) and the OCR bench page…');
    await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn', build: { outDir: join(ROOT, APP_DIR), emptyOutDir: true, sourcemap: false } });
    await build({ configFile: join(ROOT, 'tests/bench/ocr.vite.config.ts'), logLevel: 'warn' });
  }
  const { server, origin } = await serve(jobs);
  const profile = await mkdtemp(join(tmpdir(), 'casefile-check-ocr-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows: OcrFileOutcome[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/bench-ocr/ocr.html`);
    await page.waitForFunction(() => 'casefileOcrBench' in globalThis, undefined, { timeout: 30_000 });
    for (const [i, job] of jobs.entries()) {
      const started = Date.now();
      let row: OcrFileOutcome;
      try {
        const pages = await page.evaluate(async ({ url, name, pages, timeout, languages }) => {
          const bench = (globalThis as unknown as { casefileOcrBench: { run(files: unknown[], options: unknown): Promise<{ pages: unknown[] }> } }).casefileOcrBench;
          return (await bench.run([{ name, url, pages }], { pageTimeoutMs: timeout, languages })).pages;
        }, { url: `/check/${i}.pdf`, name: job.file, pages: job.pages, timeout: opts.pageTimeoutMs, languages: opts.languages }) as BenchPage[];
        row = {
          file: job.file, asked: job.pages, ms: Date.now() - started,
          pages: pages.map((p) => ({
            page: p.page, status: p.status, ...(p.reason ? { reason: p.reason } : {}),
            chars: countTextChars(p.text), words: p.words, confidence: p.confidence, ms: p.ms,
          })),
        };
      } catch (error) {
        row = { file: job.file, asked: job.pages, pages: [], ms: Date.now() - started, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
      }
      rows.push(row);
      opts.onFile(row);
    }
  } finally {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
  return rows;
}
