// The documents suite of `npm run bench` (run it alone with `npm run bench:documents`):
// generates a long PDF and many short ones in Node with the fixture writer, serves them on
// the app's origin, and in headless Chromium times, in rounds of alternating order,
//   RAW       pdf.js getTextContent over every page, in a module worker set up like the app's
//             extraction worker (same pdf.js build, one file at a time): the baseline;
//   PIPELINE  the app's own importPdfs into the real 'casefile' database (cleared first), from
//             the first file handed over to the last transaction committed;
//   MAIN      raw getTextContent called from the main thread (pdf.js's own worker), for reference;
// with the main thread watched (long tasks, 16 ms timer lag) and memory sampled over CDP:
// the JS heap of the page and of every worker (auto-attached), and the browser's processes' RSS.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import {
  ROOT, chromiumCliVersion, elapsedS, formatTable, launch, log, max, median, ms, processMemory, round, saveProfile, startServer, watchErrors, writeResults,
} from './bench-common.mjs';

const TARGETS = { ratio: 0.9, longestTaskMs: 100 };
const SIZES = { full: { bigPages: 500, smallFiles: 200, rounds: 3, whatIfRounds: 2 }, small: { bigPages: 60, smallFiles: 20, rounds: 2, whatIfRounds: 1 } };
const SAMPLE_EVERY_MS = 200;

// ---------------------------------------------------------------- corpus
/** Builds tests/bench/benchPdfs.ts for Node (it imports the TypeScript fixture writer) and runs it. */
async function makeCorpus({ bigPages, smallFiles, seed }) {
  const outDir = join(ROOT, 'dist/bench-node');
  await build({
    configFile: false, logLevel: 'warn',
    build: { ssr: join(ROOT, 'tests/bench/benchPdfs.ts'), outDir, emptyOutDir: true, target: 'node20', rollupOptions: { output: { entryFileNames: 'benchPdfs.mjs' } } },
  });
  const { makeBenchCorpus } = await import(pathToFileURL(join(outDir, 'benchPdfs.mjs')).href);
  return makeBenchCorpus({ bigPages, smallCount: smallFiles, seed });
}

// ---------------------------------------------------------------- CDP over WebSocket
// Playwright's CDPSession cannot talk to a page's workers; a second CDP client on the
// browser's debugging port can, with flattened sessions (Target.setAutoAttach).
class Cdp {
  static async connect(url) {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = () => reject(new Error(`CDP WebSocket ${url} failed`));
    });
    return new Cdp(ws);
  }

  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    ws.onmessage = ({ data }) => {
      const message = JSON.parse(String(data));
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) p?.reject(new Error(`${p.method}: ${message.error.message}`));
        else p?.resolve(message.result);
      } else for (const listener of this.listeners) listener(message);
    };
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  close() {
    this.ws.close();
  }
}

const withTimeout = (promise, msTimeout) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), msTimeout))]);


/**
 * Attaches to the bench page and, through it, to every worker it starts; `during(label, run)`
 * samples their JS heaps (Runtime.getHeapUsage) and the processes' RSS every 200 ms while
 * `run` goes and returns the peaks. With `profileLabel` set, CPU-profiles the page and each
 * worker started while that label runs.
 */
async function memoryMonitor(userDataDir, pageUrlPart) {
  const [port, path] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
  const cdp = await Cdp.connect(`ws://127.0.0.1:${port}${path}`);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page' && t.url.includes(pageUrlPart));
  if (!target) throw new Error(`no page at ${pageUrlPart} among ${targetInfos.map((t) => t.url).join(', ')}`);
  const { sessionId: pageSession } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
  const workers = new Map();
  let onWorker = null;
  cdp.listeners.add((m) => {
    if (m.method === 'Target.attachedToTarget' && m.sessionId === pageSession) {
      const name = m.params.targetInfo.url.split('/').pop().replace(/-[\w-]{8}\.m?js$/, '');
      workers.set(m.params.sessionId, name);
      onWorker?.(m.params.sessionId, name);
    } else if (m.method === 'Target.detachedFromTarget') workers.delete(m.params.sessionId);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, pageSession);

  const heapMB = async (session) => {
    const usage = await withTimeout(cdp.send('Runtime.getHeapUsage', {}, session).catch(() => null), 1000);
    return usage ? usage.usedSize / 2 ** 20 : null;
  };

  async function during(label, run, { profile = false } = {}) {
    const peaks = { pageHeapMB: 0, workerHeapMB: {}, heapSumMB: 0, rssTotalMB: 0, rssRendererMB: 0, samples: 0 };
    const profiled = new Map();
    const startProfile = async (session, name) => {
      await cdp.send('Profiler.enable', {}, session);
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 }, session);
      await cdp.send('Profiler.start', {}, session);
      profiled.set(session, name);
    };
    if (profile) {
      await startProfile(pageSession, 'main');
      onWorker = (session, name) => void startProfile(session, name).catch(() => {});
    }
    let stopped = false;
    const sampler = (async () => {
      while (!stopped) {
        const [page, ...inWorkers] = await Promise.all([heapMB(pageSession), ...[...workers].map(async ([s, name]) => [name, await heapMB(s)])]);
        const rss = await processMemory(userDataDir);
        let sum = page ?? 0;
        peaks.pageHeapMB = Math.max(peaks.pageHeapMB, page ?? 0);
        for (const [name, mb] of inWorkers) {
          if (mb == null) continue;
          sum += mb;
          peaks.workerHeapMB[name] = Math.max(peaks.workerHeapMB[name] ?? 0, mb);
        }
        peaks.heapSumMB = Math.max(peaks.heapSumMB, sum);
        if (rss) {
          peaks.rssTotalMB = Math.max(peaks.rssTotalMB, rss.totalMB);
          peaks.rssRendererMB = Math.max(peaks.rssRendererMB, rss.rendererMB);
        }
        peaks.samples++;
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      }
    })();
    let result;
    try {
      result = await run();
    } finally {
      stopped = true;
      await sampler;
      onWorker = null;
    }
    const profiles = [];
    for (const [session, name] of profiled) {
      // A terminated worker's profile is gone with it; the page's is always there.
      const stoppedProfile = await withTimeout(cdp.send('Profiler.stop', {}, session).catch(() => null), 2000);
      if (stoppedProfile) profiles.push(await saveProfile(stoppedProfile.profile, `documents-${label}-${name}.cpuprofile`, `${label} ${name}`));
    }
    const rounded = { ...peaks, pageHeapMB: round(peaks.pageHeapMB), heapSumMB: round(peaks.heapSumMB), rssTotalMB: round(peaks.rssTotalMB), rssRendererMB: round(peaks.rssRendererMB),
      workerHeapMB: Object.fromEntries(Object.entries(peaks.workerHeapMB).map(([k, v]) => [k, round(v)])) };
    return { result, memory: rounded, ...(profiles.length ? { profiles } : {}) };
  }

  return { during, close: () => cdp.close() };
}

// ---------------------------------------------------------------- run
const pagesPerS = (pages, t) => (t ? pages / (t / 1000) : null);

function table(r) {
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  const s = r.summary;
  const rows = [
    ['Raw getTextContent, worker (baseline)', `${Math.round(s.rawPagesPerS)} pages/s (${ms(s.rawMs)})`, '—', ''],
    ['Import pipeline (importPdfs, to last commit)', `${Math.round(s.pipelinePagesPerS)} pages/s (${ms(s.pipelineMs)})`, '—', ''],
    ['Pipeline / raw (median of per-round ratios)', `${s.ratio.toFixed(2)}× (${s.ratios.map((x) => x.toFixed(2)).join(', ')})`, `≥ ${TARGETS.ratio}×`, verdict(s.ratio >= TARGETS.ratio)],
    ['  long PDF alone: pipeline / raw', `${s.bigRatio.toFixed(2)}× (${ms(s.bigPipelineMs)} vs ${ms(s.bigRawMs)})`, '—', ''],
    ['  short PDFs: pipeline / raw', `${s.smallRatio.toFixed(2)}× (${ms(s.smallPipelineMs)} vs ${ms(s.smallRawMs)})`, '—', ''],
    ['  worker waiting on main-thread steps (hash, look-up, write)', `${ms(s.waitMs)} of ${ms(s.pipelineMs)} (${Math.round((100 * s.waitMs) / s.pipelineMs)}%)`, '—', ''],
    ['  writes alone, strict / relaxed durability', `${ms(s.saveStrictMs)} / ${ms(s.saveRelaxedMs)}`, '—', ''],
    ['What-if: extract next file during commit / raw', `${r.whatIf.overlappedRatio.toFixed(2)}× (app ${r.whatIf.appRatio.toFixed(2)}× in the same rounds)`, '—', ''],
    ['Raw getTextContent, main-thread API (reference)', `${Math.round(s.mainPagesPerS)} pages/s (${ms(s.mainMs)})`, '—', ''],
    ['Longest main-thread task during import (max)', `${ms(s.longestTaskMs)} (${s.longTasks} long tasks)`, `≤ ${TARGETS.longestTaskMs} ms`, verdict(s.longestTaskMs <= TARGETS.longestTaskMs)],
    ['Max 16 ms timer lag during import', ms(s.maxLagMs), '—', ''],
    ['Longest main-thread task during raw (worker)', ms(s.rawLongestTaskMs), '—', ''],
    ['Peak JS heap during import: page', `${s.memory.pageHeapMB} MB`, '—', ''],
    ['Peak JS heap during import: extraction worker', `${s.memory.workerHeapMB} MB`, '—', ''],
    ['Peak JS heap during raw: raw worker', `${s.rawMemory.workerHeapMB} MB`, '—', ''],
    ['Peak RSS during import: renderer / all processes', `${s.memory.rssRendererMB} / ${s.memory.rssTotalMB} MB`, '—', ''],
  ];
  return formatTable(rows);
}

export async function runDocuments({ seed = 20240101, small = false, profile = false, rounds, bigPages, smallFiles } = {}) {
  const size = { ...(small ? SIZES.small : SIZES.full) };
  if (rounds !== undefined) size.rounds = rounds;
  if (bigPages !== undefined) size.bigPages = bigPages;
  if (smallFiles !== undefined) size.smallFiles = smallFiles;
  for (const [k, v] of Object.entries(size)) if (!Number.isInteger(v) || v < 0) throw new Error(`${k} must be a whole number`);

  const g0 = Date.now();
  const corpus = await makeCorpus({ ...size, seed });
  const totalPages = corpus.reduce((n, f) => n + f.pages, 0);
  const totalBytes = corpus.reduce((n, f) => n + f.bytes.length, 0);
  log(`documents suite: generated ${corpus.length} PDFs, ${totalPages} pages, ${(totalBytes / 2 ** 20).toFixed(1)} MB, ${Math.round(corpus.reduce((n, f) => n + f.words, 0) / totalPages)} words/page, in ${ms(Date.now() - g0)}`);
  const extra = new Map(corpus.map((f) => [`/bench/pdfs/${f.name}`, Buffer.from(f.bytes)]));
  const manifest = corpus.map((f) => ({ name: f.name, url: `/bench/pdfs/${f.name}`, pages: f.pages }));

  const { server, origin } = await startServer(extra);
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-docs-'));
  const errors = [];
  const load = [loadavg()[0]];
  const loadTimer = setInterval(() => load.push(loadavg()[0]), 5000);
  let context;
  let monitor;
  try {
    context = await launch(userDataDir, ['--remote-debugging-port=0']);
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, errors);
    await page.goto(`${origin}/bench/documents.html`);
    await page.waitForFunction(() => window.casefileDocumentsBench !== undefined, null, { timeout: 30_000 });
    const chromiumVersion = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '');
    const loaded = await page.evaluate((m) => window.casefileDocumentsBench.load(m), manifest);
    log(`loaded into Blobs in the page: ${(loaded.bytes / 2 ** 20).toFixed(1)} MB in ${ms(loaded.ms)}`);
    monitor = await memoryMonitor(userDataDir, '/bench/documents.html');

    const runs = { raw: [], pipeline: [], main: [] };
    const modes = {
      raw: () => page.evaluate(() => window.casefileDocumentsBench.rawWorker()),
      pipeline: () => page.evaluate((keep) => window.casefileDocumentsBench.pipeline('app', keep), profile),
      main: () => page.evaluate(() => window.casefileDocumentsBench.rawMainThread()),
    };
    for (let round_ = 0; round_ < size.rounds; round_++) {
      // Alternate raw and pipeline so drift in the machine's load does not favour either.
      const order = round_ % 2 === 0 ? ['raw', 'pipeline', 'main'] : ['pipeline', 'raw', 'main'];
      for (const mode of order) {
        const run = await monitor.during(`${mode}-${round_ + 1}`, modes[mode], { profile: profile && round_ === 0 && mode === 'pipeline' });
        if (mode === 'pipeline') await page.evaluate(() => window.casefileDocumentsBench.release());
        const r = run.result;
        if (r.errors?.length || r.failures?.length) throw new Error(`${mode}: ${JSON.stringify(r.errors ?? r.failures).slice(0, 1000)}`);
        if (mode === 'pipeline' && (r.outcomes.added !== corpus.length || r.storedPages !== totalPages)) throw new Error(`pipeline stored ${r.storedPages} of ${totalPages} pages: ${JSON.stringify(r.outcomes)}`);
        if (mode !== 'pipeline' && r.pages !== totalPages) throw new Error(`${mode} read ${r.pages} of ${totalPages} pages`);
        runs[mode].push({ ...r, memory: run.memory, load1: loadavg()[0], ...(run.profiles ? { profiles: run.profiles } : {}) });
        const extra_ = mode === 'pipeline'
          ? `; phases: hash+lookup ${ms(r.phaseMs.hashing)}, extract ${ms(r.phaseMs.extracting)}, save ${ms(r.phaseMs.saving)}; first progress ${ms(r.firstProgressMs)}`
          : `; opening ${ms(r.openMs)}`;
        log(`round ${round_ + 1} ${mode.padEnd(8)} ${ms(r.ms).padStart(8)}  ${Math.round(pagesPerS(totalPages, r.ms))} pages/s; long file ${ms(r.firstFileMs)}; longest task ${ms(r.longestTaskMs)} (${r.longTasks} long), lag ${ms(r.maxLagMs)}; heap page ${run.memory.pageHeapMB} MB, workers ${JSON.stringify(run.memory.workerHeapMB)}; RSS ${run.memory.rssTotalMB} MB${extra_}; load ${loadavg()[0].toFixed(2)}`);
      }
    }

    // Diagnosis. (1) The suggested fix, sketched in the bench (tests/bench/documentsPage.ts
    // importOverlapped), beside the app's pipeline and raw, in alternating order. (2) The
    // per-file write alone, strict and relaxed durability alternated.
    const whatIf = { raw: [], app: [], overlapped: [] };
    for (let i = 0; i < size.whatIfRounds; i++) {
      const order = i % 2 === 0 ? ['raw', 'overlapped', 'app'] : ['app', 'overlapped', 'raw'];
      for (const variant of order) {
        const run = variant === 'raw' ? modes.raw : () => page.evaluate((v) => window.casefileDocumentsBench.pipeline(v), variant);
        const r = (await monitor.during(`whatif-${variant}-${i + 1}`, run)).result;
        if (variant !== 'raw' && (r.outcomes.added !== corpus.length || r.storedPages !== totalPages)) throw new Error(`what-if ${variant} stored ${r.storedPages} of ${totalPages} pages`);
        whatIf[variant].push({ ms: r.ms, longestTaskMs: r.longestTaskMs, load1: loadavg()[0] });
      }
      log(`what-if round ${i + 1}: raw ${ms(whatIf.raw[i].ms)}, app ${ms(whatIf.app[i].ms)} (${(whatIf.raw[i].ms / whatIf.app[i].ms).toFixed(2)}×), overlapped ${ms(whatIf.overlapped[i].ms)} (${(whatIf.raw[i].ms / whatIf.overlapped[i].ms).toFixed(2)}×); load ${loadavg()[0].toFixed(2)}`);
    }
    whatIf.appRatio = median(whatIf.app.map((r, i) => whatIf.raw[i].ms / r.ms));
    whatIf.overlappedRatio = median(whatIf.overlapped.map((r, i) => whatIf.raw[i].ms / r.ms));
    const saves = await page.evaluate((n) => window.casefileDocumentsBench.saveAlone(n), 2);
    whatIf.saveAlone = saves;
    log(`writes alone (${corpus.length} addDocument transactions): strict ${saves.strict.map((x) => ms(x.ms)).join(', ')} (long file ${saves.strict.map((x) => ms(x.firstFileMs)).join(', ')}); relaxed ${saves.relaxed.map((x) => ms(x.ms)).join(', ')} (long file ${saves.relaxed.map((x) => ms(x.firstFileMs)).join(', ')})`);

    const ratios = runs.pipeline.map((p, i) => pagesPerS(totalPages, p.ms) / pagesPerS(totalPages, runs.raw[i].ms));
    const med = (mode, f) => median(runs[mode].map(f));
    const workerPeak = (mode, re) => max(runs[mode].flatMap((r) => Object.entries(r.memory.workerHeapMB).filter(([k]) => re.test(k)).map(([, v]) => v))) ?? 0;
    const bigPages_ = corpus[0]?.pages ?? 0;
    const summary = {
      rawMs: med('raw', (r) => r.ms), pipelineMs: med('pipeline', (r) => r.ms), mainMs: med('main', (r) => r.ms),
      ratios, ratio: median(ratios),
      bigRawMs: med('raw', (r) => r.firstFileMs), bigPipelineMs: med('pipeline', (r) => r.firstFileMs),
      smallRawMs: med('raw', (r) => r.ms - r.firstFileMs), smallPipelineMs: med('pipeline', (r) => r.ms - r.firstFileMs),
      longestTaskMs: max(runs.pipeline.map((r) => r.longestTaskMs)), longTasks: max(runs.pipeline.map((r) => r.longTasks)),
      maxLagMs: max(runs.pipeline.map((r) => r.maxLagMs)), rawLongestTaskMs: max(runs.raw.map((r) => r.longestTaskMs)),
      memory: {
        pageHeapMB: max(runs.pipeline.map((r) => r.memory.pageHeapMB)), workerHeapMB: workerPeak('pipeline', /pdfExtract/),
        rssTotalMB: max(runs.pipeline.map((r) => r.memory.rssTotalMB)), rssRendererMB: max(runs.pipeline.map((r) => r.memory.rssRendererMB)),
      },
      rawMemory: { workerHeapMB: workerPeak('raw', /rawExtract/) },
    };
    summary.waitMs = med('pipeline', (r) => r.phaseMs.hashing + r.phaseMs.saving);
    summary.saveStrictMs = median(saves.strict.map((x) => x.ms));
    summary.saveRelaxedMs = median(saves.relaxed.map((x) => x.ms));
    summary.rawPagesPerS = pagesPerS(totalPages, summary.rawMs);
    summary.pipelinePagesPerS = pagesPerS(totalPages, summary.pipelineMs);
    summary.mainPagesPerS = pagesPerS(totalPages, summary.mainMs);
    summary.bigRatio = pagesPerS(bigPages_, summary.bigPipelineMs) / pagesPerS(bigPages_, summary.bigRawMs);
    summary.smallRatio = summary.smallRawMs / summary.smallPipelineMs;

    const results = {
      date: new Date().toISOString(), suite: 'documents', seed, size, targets: TARGETS,
      corpus: { files: corpus.length, pages: totalPages, bigPages: bigPages_, bytes: totalBytes },
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion, chromiumCli: chromiumCliVersion() },
      loadAverage: { samples: load.map((x) => round(x, 2)), median: round(median(load), 2), max: round(max(load), 2) },
      summary, whatIf, runs, pageErrors: errors, durationS: elapsedS(),
    };
    await writeResults('bench-documents.json', results);
    console.log(`\nCasefile documents bench: ${corpus.length} PDFs (1 × ${bigPages_} pages + ${corpus.length - 1} of 1–5 pages = ${totalPages} pages), ${size.rounds} rounds, ${results.machine.cpus} cores, ${chromiumVersion}, Node ${process.version}, load average ${results.loadAverage.median} (max ${results.loadAverage.max})\n`);
    console.log(table(results));
    if (errors.length) console.log(`\n${errors.length} page error(s), first: ${errors[0]}`);
    console.log(`\nFull results: bench-results/bench-documents.json (${results.durationS} s since start)`);
  } finally {
    clearInterval(loadTimer);
    monitor?.close();
    await context?.close().catch(() => {});
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
