/**
 * `npm run check:pdfs -- <folder> [--timeout=<seconds>] [--ocr [--no-build]]`: runs the app's PDF extraction
 * (shared/pdf extractDocument, pdf.js's Node build) over every PDF under <folder>, each
 * in its own child process with a hard timeout, two at a time. One row per file (state,
 * text layer, pages per state, characters of page text and of form-field and comment
 * text), then a summary over the folder; exits 1 if any file crashed its process, hung,
 * or ended unclassified.
 *
 * With --ocr, the pages that need OCR are then read by the app's OCR in headless Chromium
 * (check-pdfs-ocr.ts) and what OCR recovered is reported per file and summed up; a page OCR
 * cannot read is a finding, not a failure (the exit code changes only if OCR cannot run at all).
 */
import { fork } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOcrHeader, formatOcrRow, summariseOcr } from './check-pdfs-ocr-report';
import { formatHeader, formatRow, STATES, summarise, type ChildReport, type Row } from './check-pdfs-report';

const CONCURRENCY = 2; // two cores
const DEFAULT_TIMEOUT_S = 60; // the app's watchdog default
const childPath = fileURLToPath(new URL('./check-pdfs-child.mjs', import.meta.url));

async function findPdfs(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findPdfs(path)));
    else if (entry.isFile() && /\.pdf$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

function checkOne(path: string, file: string, timeoutMs: number): Promise<Row> {
  const started = Date.now();
  return new Promise((done) => {
    // A memory cap, so a decompression bomb fails this file instead of the machine.
    const child = fork(childPath, [path], { execArgv: ['--max-old-space-size=2048'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let report: ChildReport | null = null;
    let stderr = '';
    let hung = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message) => {
      report = message as ChildReport;
    });
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const row = { file, pageCount: 0, chars: 0, ms };
      const r = report as ChildReport | null;
      if (hung) return done({ ...row, outcome: 'hang', message: `no result after ${timeoutMs / 1000} s; killed` });
      if (!r) return done({ ...row, outcome: 'crash', message: `process ended (${signal ?? `exit ${code}`}) without a result: ${stderr.trim().split('\n').pop() ?? ''}` });
      if (r.kind === 'error') return done({ ...row, outcome: 'crash', message: r.message });
      if (!STATES.includes(r.state)) return done({ ...row, outcome: 'unclassified', message: `state "${String(r.state)}"` });
      done({
        file, outcome: r.state, pageCount: r.pageCount, chars: r.chars, ms: r.durationMs, message: r.message,
        pageStates: r.pageStates, layer: r.layer, annotationChars: r.annotationChars, annotationPages: r.annotationPages, ocrPages: r.ocrPages,
      });
    });
  });
}

async function main(args: string[]): Promise<number> {
  const timeoutArg = args.find((a) => a.startsWith('--timeout='));
  const timeoutMs = (timeoutArg ? Number(timeoutArg.split('=')[1]) : DEFAULT_TIMEOUT_S) * 1000;
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    console.error('usage: npm run check:pdfs -- <folder> [--timeout=<seconds>] [--ocr [--no-build]]');
    return 2;
  }
  const root = resolve(folder);
  if (!(await stat(root).catch(() => null))?.isDirectory()) {
    console.error(`check:pdfs: not a folder: ${root}`);
    return 2;
  }
  const paths = await findPdfs(root);
  if (paths.length === 0) {
    console.error(`check:pdfs: no PDF files under ${root}`);
    return 1;
  }
  const names = paths.map((p) => relative(root, p));
  const nameWidth = Math.min(48, Math.max(4, ...names.map((n) => n.length)));
  console.log(`Checking ${paths.length} PDFs under ${root} (${CONCURRENCY} at a time, ${timeoutMs / 1000} s limit each)\n`);
  console.log(formatHeader(nameWidth));

  const started = Date.now();
  const rows: Row[] = [];
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const i = next++;
      const row = await checkOne(paths[i]!, names[i]!, timeoutMs);
      rows.push(row);
      console.log(formatRow(row, nameWidth));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));

  const { lines, failures } = summarise(rows, Date.now() - started);
  console.log(`\n${lines.join('\n')}`);
  if (args.includes('--ocr')) return (await checkOcr(rows, paths, names, nameWidth, !args.includes('--no-build'))) || (failures > 0 ? 1 : 0);
  return failures > 0 ? 1 : 0;
}

/** The --ocr pass over the files with pages needing OCR; 1 when OCR could not run at all. */
async function checkOcr(rows: readonly Row[], paths: readonly string[], names: readonly string[], nameWidth: number, rebuild: boolean): Promise<number> {
  const jobs = rows.filter((row) => row.ocrPages?.length).map((row) => ({ path: paths[names.indexOf(row.file)]!, file: row.file, pages: row.ocrPages! }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  console.log(`\nOCR of the ${jobs.reduce((n, j) => n + j.pages.length, 0)} pages needing it in ${jobs.length} files (the app's OCR client in headless Chromium, spa+eng)\n`);
  if (jobs.length === 0) return 0;
  const started = Date.now();
  try {
    // Loaded only here: the plain check needs neither Chromium nor vite's build.
    const { runOcr } = await import('./check-pdfs-ocr');
    let headed = false;
    const ocrRows = await runOcr(jobs, {
      build: rebuild, pageTimeoutMs: 120_000, languages: 'spa+eng', log: (line) => console.log(line),
      onFile: (row) => {
        if (!headed) { console.log(formatOcrHeader(nameWidth)); headed = true; }
        console.log(formatOcrRow(row, nameWidth));
      },
    });
    console.log(`\n${summariseOcr(ocrRows, Date.now() - started).join('\n')}`);
    return 0;
  } catch (error) {
    console.error(`OCR could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
