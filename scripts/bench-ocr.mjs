// `npm run bench:ocr`: OCR of scanned pages through the app's real pipeline in headless Chromium,
// beside the tesseract command line on the same images in the same run.
//   1. corpus  scripts/bench-ocr-corpus.mjs writes pages of Spanish and English text at 300 dpi:
//              clean; noisy (1.5° skew, grain, photocopy shadow, JPEG q55); turned 90°, 180°, 270°
//              (a PDF per kind, two pages each) into a temporary folder
//   2. CLI     `tesseract <image> stdout -l spa+eng --psm N`, OMP_THREAD_LIMIT=1 (one core), for
//              --psm 1 (automatic segmentation with orientation detection: what the app does) and
//              --psm 3 (the CLI's default, which cannot turn pages 180°/270°)
//   3. app     the OCR bench page (tests/bench/ocrPage.ts) on the built app's origin and CSP runs
//              each PDF through createOcrClient → ocr.worker.ts (pdf.js render at 300 dpi →
//              tesseract.js 7): one warm-up call (the engine's start-up, timed apart), then every
//              kind through the warm worker while a PerformanceObserver watches the main thread
//              for long tasks and /proc samples the renderer's RSS every 250 ms
// Prints pages per minute and character error rate (Levenshtein over normalised text / reference
// length) per kind for both, and the ratios against the targets. Missing a target is a finding,
// not a failure: the exit code is non-zero only when the bench cannot run. Writes bench-results/ocr.json.
//
//   npm run bench:ocr
//   options: --no-build (reuse dist/bench-ocr-app and dist/bench-ocr)  --kinds clean,noisy,…
//            --languages spa+eng  --keep DIR (write the corpus to DIR and keep it)
import './pinnedNode.mjs';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { ROOT, browserProcesses, chromiumCliVersion, cpuSeconds, threadCpuSeconds, formatTable, launch, log, processMemory, round, serveFolders, watchErrors, writeResults } from './bench-common.mjs';
import { KINDS, makeCorpus } from './bench-ocr-corpus.mjs';

const TARGETS = { throughputRatio: 0.8, cer: { clean: 0.01, noisy: 0.03, rot90: 0.03, rot180: 0.03, rot270: 0.03 }, workerMB: 400, longTaskMs: 100 };
const SAMPLE_EVERY_MS = 250;

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    kinds: { type: 'string', default: KINDS.join(',') },
    languages: { type: 'string', default: 'spa+eng' },
    keep: { type: 'string' },
  },
});
const kinds = opts.kinds.split(',');
for (const k of kinds) if (!KINDS.includes(k)) throw new Error(`--kinds: unknown kind ${k} (${KINDS.join(', ')})`);
const uptime = () => { try { return execFileSync('uptime', { encoding: 'utf8' }).trim(); } catch { return `load average: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`; } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const pct = (x) => (x == null ? '—' : `${(x * 100).toFixed(2)} %`);

function tesseractCliVersion() {
  try {
    return execFileSync('tesseract', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0].trim();
  } catch {
    return null;
  }
}

/**
 * The CLI on each page image, one core, timed around the process (start-up and image decoding
 * included, as the app's times include rendering); `cpuS` is the CPU time the runs used (this
 * process's reaped children), which other work on the machine does not inflate as it does wall time.
 */
async function runCli(corpus, psm) {
  const pages = [];
  const cpu0 = await cpuSeconds(process.pid, { children: true });
  for (const { kind, pages: kindPages } of corpus) {
    for (const p of kindPages) {
      const t0 = performance.now();
      const text = execFileSync('tesseract', [p.image, 'stdout', '-l', opts.languages, '--psm', String(psm)], {
        encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 * 2 ** 20,
      });
      pages.push({ kind, lang: p.lang, ms: performance.now() - t0, text });
    }
  }
  return { pages, cpuS: (await cpuSeconds(process.pid, { children: true })) - cpu0 };
}

/** CPU seconds so far of each DedicatedWorker thread of a process, by thread id. */
async function dedicatedWorkerCpu(pid) {
  const byTid = {};
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
    if (!stat || !stat.includes('(DedicatedWorker)')) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byTid[tid] = (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return byTid;
}

/** Pages per minute, CER (total edits / total reference length) per kind. */
async function score(page, corpus, results) {
  const byKind = {};
  for (const { kind, pages } of corpus) {
    const mine = results.filter((r) => r.kind === kind);
    let errors = 0;
    let length = 0;
    for (const r of mine) {
      const ref = pages.find((p) => p.lang === r.lang).reference;
      const cer = await page.evaluate(([a, b]) => window.casefileOcrBench.cer(a, b), [ref, r.text]);
      r.cer = cer;
      errors += cer * ref.length;
      length += ref.length;
    }
    const ms = sum(mine.map((r) => r.ms));
    byKind[kind] = { pages: mine.length, ms: round(ms), pagesPerMinute: round((mine.length / ms) * 60_000, 2), cer: length ? errors / length : null };
  }
  return byKind;
}

async function runApp(page, corpus, userDataDir, origin) {
  const files = corpus.map(({ kind, pdf }) => ({ name: kind, url: `${origin}/corpus/${basename(pdf)}` }));
  await sleep(500);
  const idle = await processMemory(userDataDir);
  log(`renderer before OCR: ${round(idle?.rendererMB)} MB RSS`);
  let peak = idle?.rendererMB ?? 0;
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const m = await processMemory(userDataDir);
      if (m) peak = Math.max(peak, m.rendererMB);
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  try {
    const warm = await page.evaluate((f) => window.casefileOcrBench.warmUp(f), files[0]);
    log(`warm-up (engine start-up + ${warm.pages.length} pages of ${files[0].name}): ${warm.ms} ms; pages ${warm.pages.map((p) => `${p.ms} ms`).join(', ')}`);
    const renderers = (await browserProcesses(userDataDir)).filter((p) => p.cmd.includes('--type=renderer'));
    const rendererCpu = async () => sum(await Promise.all(renderers.map((p) => cpuSeconds(p.pid).catch(() => 0))));
    // Every renderer's threads by name (the page's renderer is not always the first one listed).
    const threads = async () => {
      const byName = {};
      for (const r of renderers) for (const [name, s] of Object.entries(await threadCpuSeconds(r.pid))) byName[name] = (byName[name] ?? 0) + s;
      return byName;
    };
    // The worker threads one by one (all are named DedicatedWorker): tesseract.js's worker does the
    // recognition, the OCR worker opens the PDF and draws the page.
    const workerThreads = async () => {
      const byTid = {};
      for (const r of renderers) Object.assign(byTid, await dedicatedWorkerCpu(r.pid));
      return byTid;
    };
    const workers0 = await workerThreads();
    const cpu0 = await rendererCpu();
    const threads0 = await threads();
    const run = await page.evaluate(([f, languages]) => window.casefileOcrBench.run(f, { languages }), [files, opts.languages]);
    run.cpuS = (await rendererCpu()) - cpu0;
    // Which threads of the renderer did the work: the main thread should do almost none.
    const threads1 = await threads();
    run.threadCpuS = Object.fromEntries(Object.entries(threads1).map(([name, s]) => [name, round(s - (threads0[name] ?? 0), 2)]).filter(([, s]) => s > 0));
    const workers1 = await workerThreads();
    run.workerThreadCpuS = Object.entries(workers1).map(([tid, s]) => round(s - (workers0[tid] ?? 0), 2)).filter((s) => s > 0.05).sort((a, b) => b - a);
    log(`worker threads, busiest first (tesseract.js, then the OCR worker): ${run.workerThreadCpuS.map((x) => `${x} s`).join(', ')}`);
    log(`renderer CPU by thread: ${Object.entries(run.threadCpuS).map(([n, s]) => `${n} ${s} s`).join(', ')}`);
    log(`run: ${run.pages.length} pages in ${run.ms} ms, renderer ${round(run.cpuS, 2)} CPU s; longest main-thread task ${round(run.longestTaskMs)} ms (${run.longTasks} long tasks), max timer lag ${round(run.maxLagMs)} ms`);
    return { warm, run };
  } finally {
    stop = true;
    await sampler;
    const after = await processMemory(userDataDir);
    log(`renderer RSS peak during OCR: ${round(peak)} MB (before: ${round(idle?.rendererMB)} MB, after: ${round(after?.rendererMB)} MB)`);
    Object.assign(runApp, { memory: { idleMB: round(idle?.rendererMB), peakMB: round(peak), afterMB: round(after?.rendererMB) } });
  }
}

async function main() {
  const loadBefore = uptime();
  log(`uptime: ${loadBefore}`);
  if (!opts['no-build']) {
    log('building the app (renderer → dist/bench-ocr-app) and the OCR bench page (tests/bench → dist/bench-ocr)');
    await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn', build: { outDir: join(ROOT, 'dist/bench-ocr-app'), emptyOutDir: true, sourcemap: false } });
    await build({ configFile: join(ROOT, 'tests/bench/ocr.vite.config.ts'), logLevel: 'warn' });
  }
  const dir = opts.keep ?? (await mkdtemp(join(tmpdir(), 'casefile-ocr-corpus-')));
  await mkdir(dir, { recursive: true });
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-ocr-'));
  let context;
  let server;
  try {
    log(`corpus: ${kinds.join(', ')} (Spanish + English page each) → ${dir}`);
    const corpus = (await makeCorpus(dir)).filter((c) => kinds.includes(c.kind));
    const hasCli = tesseractCliVersion();
    let cli1 = [];
    let cli3 = [];
    let cli1Cpu = null;
    let cli3Cpu = null;
    if (hasCli) {
      ({ pages: cli1, cpuS: cli1Cpu } = await runCli(corpus, 1));
      log(`CLI --psm 1: ${cli1.length} pages in ${Math.round(sum(cli1.map((p) => p.ms)))} ms, ${round(cli1Cpu, 2)} CPU s`);
      ({ pages: cli3, cpuS: cli3Cpu } = await runCli(corpus, 3));
      log(`CLI --psm 3: ${cli3.length} pages in ${Math.round(sum(cli3.map((p) => p.ms)))} ms, ${round(cli3Cpu, 2)} CPU s`);
    } else log('tesseract CLI not installed: app figures only');

    const extra = new Map();
    for (const { pdf } of corpus) extra.set(`/corpus/${basename(pdf)}`, await readFile(pdf));
    ({ server } = await serveFolders([['dist/bench-ocr-app', '', 'tesseract/worker.min.js'], ['dist/bench-ocr', '/bench-ocr', 'ocr.html']], extra));
    const origin = `http://127.0.0.1:${server.address().port}`;
    const errors = [];
    const foreign = [];
    context = await launch(userDataDir);
    context.on('request', (r) => { if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) foreign.push(r.url()); });
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, errors);
    await page.goto(`${origin}/bench-ocr/ocr.html`);
    await page.waitForFunction(() => window.casefileOcrBench !== undefined, null, { timeout: 30_000 });
    const chromium = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '');
    const { warm, run } = await runApp(page, corpus, userDataDir, origin);
    const memory = runApp.memory;

    // Results per page, tagged with kind and language (each PDF: Spanish page, then English).
    const langs = corpus[0].pages.map((p) => p.lang);
    const app = run.pages.map((p) => ({ kind: p.file, lang: langs[p.page - 1], ms: p.ms, renderMs: p.renderMs, recognizeMs: p.recognizeMs, text: p.text, status: p.status, reason: p.reason, rotation: p.rotation, confidence: p.confidence, dpi: p.dpi }));
    const appKinds = await score(page, corpus, app);
    const cli1Kinds = hasCli ? await score(page, corpus, cli1) : null;
    const cli3Kinds = hasCli ? await score(page, corpus, cli3) : null;
    const loadAfter = uptime();
    log(`uptime: ${loadAfter}`);

    const appPpm = (app.length / sum(app.map((p) => p.ms))) * 60_000;
    const cliPpm = (xs) => (xs.length ? (xs.length / sum(xs.map((p) => p.ms))) * 60_000 : null);
    const ratio1 = hasCli ? appPpm / cliPpm(cli1) : null;
    const ratio3 = hasCli ? appPpm / cliPpm(cli3) : null;
    // Per CPU second: pages per CPU-minute, the app's renderer (all its threads) against the CLI processes.
    const cpuPpm = (pages, cpuS) => (cpuS ? (pages / cpuS) * 60 : null);
    const appCpuPpm = cpuPpm(app.length, run.cpuS);
    const cpuRatio1 = hasCli ? appCpuPpm / cpuPpm(cli1.length, cli1Cpu) : null;
    const cpuRatio3 = hasCli ? appCpuPpm / cpuPpm(cli3.length, cli3Cpu) : null;
    const renderShare = sum(app.map((p) => p.renderMs ?? 0)) / sum(app.map((p) => p.ms));
    const workerMB = memory.peakMB - memory.idleMB;
    const pass = (ok) => (ok ? 'PASS' : 'MISS');
    const rows = [];
    for (const kind of kinds) {
      const a = appKinds[kind];
      const c1 = cli1Kinds?.[kind];
      const c3 = cli3Kinds?.[kind];
      const rotations = [...new Set(app.filter((p) => p.kind === kind).map((p) => p.rotation))].join('/');
      rows.push([`${kind}: app pages/min (rotation read ${rotations})`, String(a.pagesPerMinute), '—', '']);
      if (c1) rows.push([`${kind}: CLI pages/min, --psm 1 / --psm 3`, `${c1.pagesPerMinute} / ${c3.pagesPerMinute}`, '—', '']);
      rows.push([`${kind}: app CER`, pct(a.cer), `≤ ${pct(TARGETS.cer[kind])}`, pass(a.cer <= TARGETS.cer[kind])]);
      if (c1) rows.push([`${kind}: CLI CER, --psm 1 / --psm 3`, `${pct(c1.cer)} / ${pct(c3.cer)}`, '—', '']);
    }
    rows.push(['All pages: app pages/min (one worker, one core)', String(round(appPpm, 2)), '—', '']);
    rows.push(['All pages: share of the app\'s page time spent rendering (pdf.js)', `${round(renderShare * 100)} %`, '—', '']);
    rows.push(['All pages: app pages per CPU-minute / CLI --psm 1 / --psm 3', `${round(appCpuPpm, 2)} / ${round(cpuPpm(cli1.length, cli1Cpu), 2)} / ${round(cpuPpm(cli3.length, cli3Cpu), 2)}`, '—', '']);
    if (hasCli) {
      rows.push(['Throughput per core vs CLI --psm 1 (same work), wall time', `${round(ratio1, 2)}×`, `≥ ${TARGETS.throughputRatio}×`, pass(ratio1 >= TARGETS.throughputRatio)]);
      rows.push(['Throughput per core vs CLI --psm 1, CPU time', `${round(cpuRatio1, 2)}×`, `≥ ${TARGETS.throughputRatio}×`, pass(cpuRatio1 >= TARGETS.throughputRatio)]);
      rows.push(['Throughput per core vs CLI --psm 3 (its default), wall / CPU time', `${round(ratio3, 2)}× / ${round(cpuRatio3, 2)}×`, `≥ ${TARGETS.throughputRatio}×`, pass(ratio3 >= TARGETS.throughputRatio)]);
    }
    rows.push(['Engine start-up + first PDF (2 pages)', `${warm.ms} ms`, '—', '']);
    rows.push(['Memory per OCR worker (renderer RSS peak − idle)', `${round(workerMB)} MB (after the run: +${round(memory.afterMB - memory.idleMB)})`, `≤ ${TARGETS.workerMB} MB`, pass(workerMB <= TARGETS.workerMB)]);
    rows.push(['Renderer CPU while OCR runs: main thread / workers / all', `${run.threadCpuS.main ?? 0} / ${run.threadCpuS.DedicatedWorker ?? 0} / ${round(run.cpuS, 2)} s`, '—', '']);
    const [tessS = 0, ocrWorkerS = 0] = run.workerThreadCpuS;
    rows.push(['CPU s per page: tesseract.js worker / OCR worker (pdf.js, grey) / rest of renderer', `${round(tessS / app.length, 3)} / ${round(ocrWorkerS / app.length, 3)} / ${round((run.cpuS - tessS - ocrWorkerS) / app.length, 3)}`, '—', '']);
    if (hasCli) rows.push(['CPU s per page: CLI --psm 1 (whole process: start-up, PNG/JPEG decoding, models)', String(round(cli1Cpu / cli1.length, 3)), '—', '']);
    rows.push(['Longest main-thread task while OCR runs', `${round(run.longestTaskMs)} ms`, `≤ ${TARGETS.longTaskMs} ms`, pass(run.longestTaskMs <= TARGETS.longTaskMs)]);
    rows.push(['Requests to other origins', String(foreign.length), '0', pass(foreign.length === 0)]);

    const results = {
      date: new Date().toISOString(), targets: TARGETS, languages: opts.languages, kinds,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, chromium, chromiumCli: chromiumCliVersion(), tesseractCli: hasCli },
      load: { before: loadBefore, after: loadAfter },
      app: { byKind: appKinds, pagesPerMinute: round(appPpm, 2), pagesPerCpuMinute: round(appCpuPpm, 2), cpuS: run.cpuS, renderShare, warmUp: warm, runMs: run.ms, threadCpuS: run.threadCpuS, workerThreadCpuS: run.workerThreadCpuS, mainThread: { longestTaskMs: run.longestTaskMs, longTasks: run.longTasks, topTasks: run.topTasks, maxLagMs: run.maxLagMs }, memory, pages: app },
      cli: hasCli ? { psm1: { byKind: cli1Kinds, cpuS: cli1Cpu, pages: cli1 }, psm3: { byKind: cli3Kinds, cpuS: cli3Cpu, pages: cli3 }, ratioPsm1: ratio1, ratioPsm3: ratio3, cpuRatioPsm1: cpuRatio1, cpuRatioPsm3: cpuRatio3 } : null,
      foreignRequests: foreign, pageErrors: errors,
    };
    await writeResults('ocr.json', results);
    console.log(`\nCasefile OCR bench: ${kinds.length} kinds × 2 pages (spa, eng), languages ${opts.languages}; ${results.machine.cpus} cores, ${chromium}, ${hasCli ?? 'no tesseract CLI'}`);
    console.log(`load before: ${loadBefore}\nload after:  ${loadAfter}\n`);
    console.log(formatTable(rows));
    const failed = app.filter((p) => p.status !== 'read');
    if (failed.length) console.log(`\n${failed.length} page(s) not read: ${failed.map((p) => `${p.kind}/${p.lang} ${p.status} ${p.reason ?? ''}`).join(', ')}`);
    if (errors.length) console.log(`\n${errors.length} page error(s), first: ${errors[0]}`);
    console.log('\nFull results: bench-results/ocr.json\n');
  } finally {
    await context?.close().catch(() => {});
    server?.close();
    await rm(userDataDir, { recursive: true, force: true });
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
