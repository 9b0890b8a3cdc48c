// `npm run bench:bundle`: case bundles in real Chromium, on the app's origin and CSP.
//   1. fill     the bench page (tests/bench/bundlePage.ts) writes 10,000 records (5,000 actors,
//               5,000 events) + 1,000 documents with their pages into a database of the app's
//               schema, then 1,000 PDF-like blobs (~200 MB, log-normal sizes): that blob write
//               is the RAW IndexedDB write figure
//   2. raw read every blob read back from IndexedDB to its end: the RAW read figure
//   3. export   collect the case from IndexedDB + writeBundleBlob + the bundle read through once
//               (as saving it does), MB/s of the bundle
//   4. import   readBundleBlob (every check, every SHA-256) + all records and files written into a
//               fresh database in ONE transaction, MB/s of the bundle
//   5. the same export and import with a passphrase (age, scrypt work factor 18)
// Memory during 3–5: the page's JS heap (CDP Runtime.getHeapUsage) and the renderer process's
// RSS (/proc), sampled every 200 ms, against the target 2 × largest file + 200 MB: the heap
// peak as it is, the RSS as growth over its level before the step (an idle renderer alone is
// ~150 MB). Blob bytes live in the browser process (and spill to disk), reported as "all".
// Missing a target is a finding, not a failure: the exit code is non-zero only when the bench
// cannot run. Writes bench-results/bundle-<files>.json.
//
//   npm run bench:bundle
//   node scripts/bench-bundle.mjs --quick          100 files / 20 MB / 2,000 records
//   options: --files N  --mb N  --actors N  --events N  --seed N  --no-build  --no-passphrase  --profile (CPU profiles)
import { createServer } from 'node:http';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build, resolveConfig } from 'vite';
import { ROOT, chromiumCliVersion, formatTable, launch, log, round, saveProfile, watchErrors, writeResults } from './bench-common.mjs';

const TARGET_MBPS = 50;
const TARGET_EXTRA_MB = 200;
const SAMPLE_EVERY_MS = 200;
const PASSPHRASE = 'bench passphrase: correct horse battery staple';

const { values: opts } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    mb: { type: 'string', default: '200' },
    actors: { type: 'string', default: '5000' },
    events: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20261127' },
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-passphrase': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const config = opts.quick
  ? { files: 100, totalMB: 20, actors: 1000, events: 1000, seed: Number(opts.seed) }
  : { files: Number(opts.files), totalMB: Number(opts.mb), actors: Number(opts.actors), events: Number(opts.events), seed: Number(opts.seed) };
for (const [k, v] of Object.entries(config)) if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a number`);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- serving (the app's CSP)
async function serve() {
  const files = new Map();
  const dir = join(ROOT, 'dist/bench-bundle');
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath ?? e.path, e.name);
    files.set(`/bench-bundle/${relative(dir, full).split('\\').join('/')}`, await readFile(full));
  }
  const appConfig = await resolveConfig({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'silent' }, 'serve', 'production');
  const headers = { ...appConfig.preview.headers, 'Cache-Control': 'no-store' };
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = files.get(path);
    if (!body) { res.writeHead(404, headers).end('not found'); return; }
    res.writeHead(200, { ...headers, 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/bench-bundle/bundle.html` };
}

// ---------------------------------------------------------------- memory
/** RSS of the browser's renderer (the bench page's process) and of all its processes, from /proc. */
async function processMemory(userDataDir) {
  const stats = [];
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      stats.push({ pid: Number(pid), ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) });
    } catch { /* exited */ }
  }
  let browser = null;
  for (const { pid } of stats) {
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(`--user-data-dir=${userDataDir}`) && !cmd.includes('--type=')) { browser = pid; break; }
  }
  if (browser === null) return null;
  const tree = new Set([browser]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { pid, ppid } of stats) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
  }
  let totalKb = 0;
  let rendererKb = 0;
  for (const pid of tree) {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
    totalKb += kb;
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes('--type=renderer')) rendererKb = Math.max(rendererKb, kb);
  }
  return { totalMB: totalKb / 1024, rendererMB: rendererKb / 1024 };
}

/** Runs `fn` while sampling the page's JS heap and the processes' RSS; returns its result and the peaks. */
async function measured(cdp, userDataDir, fn, profileName) {
  if (profileName) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const before = { heapMB: (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20, ...(await processMemory(userDataDir)) };
  const peaks = { heapMB: before.heapMB, rendererMB: before.rendererMB ?? 0, totalMB: before.totalMB ?? 0, samples: 0 };
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const heap = await Promise.race([cdp.send('Runtime.getHeapUsage').catch(() => null), sleep(1000).then(() => null)]);
      if (heap) peaks.heapMB = Math.max(peaks.heapMB, heap.usedSize / 2 ** 20);
      const rss = await processMemory(userDataDir);
      if (rss) { peaks.rendererMB = Math.max(peaks.rendererMB, rss.rendererMB); peaks.totalMB = Math.max(peaks.totalMB, rss.totalMB); }
      peaks.samples++;
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  try {
    const result = await fn();
    if (profileName) await saveProfile((await cdp.send('Profiler.stop')).profile, `${profileName}.cpuprofile`, profileName);
    return { result, memory: { before: { heapMB: round(before.heapMB), rendererMB: round(before.rendererMB), totalMB: round(before.totalMB) },
      peak: { heapMB: round(peaks.heapMB), rendererMB: round(peaks.rendererMB), totalMB: round(peaks.totalMB) }, samples: peaks.samples } };
  } finally {
    stop = true;
    await sampler;
  }
}

// ---------------------------------------------------------------- run
async function main() {
  const result = {
    config, date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: round(totalmem() / 2 ** 30), chromium: chromiumCliVersion(), node: process.version, loadavgStart: load() },
    errors: [],
  };
  log(`bundle bench: ${config.files} files / ${config.totalMB} MB, ${config.actors} actors + ${config.events} events; ${result.machine.cpus} CPUs; load ${load()}`);
  if (!opts['no-build']) {
    log('building the bench page (tests/bench/bundle.vite.config.ts)');
    await build({ configFile: join(ROOT, 'tests/bench/bundle.vite.config.ts'), logLevel: 'warn' });
  }
  const { server, url } = await serve();
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-bundle-'));
  const context = await launch(userDataDir, ['--js-flags=--expose-gc']);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, result.errors);
    page.setDefaultTimeout(0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(url);
    await page.waitForFunction(() => window.casefileBundleBench !== undefined, null, { timeout: 60_000 });

    const fill = await page.evaluate((o) => window.casefileBundleBench.fill(o), config);
    result.fill = fill;
    log(`fill: ${fill.records} records + ${fill.pages} pages (${fill.recordsMs} ms), ${fill.files} files / ${fill.totalMB} MB, largest ${fill.largestMB} MB; RAW IndexedDB blob write ${fill.rawWrite.mbPerS} MB/s (${fill.rawWrite.ms} ms); load ${load()}`);
    result.rawRead = await page.evaluate(() => window.casefileBundleBench.rawRead());
    log(`RAW IndexedDB blob read ${result.rawRead.mbPerS} MB/s (${result.rawRead.ms} ms); load ${load()}`);

    const variants = opts['no-passphrase'] ? [['plain', undefined]] : [['plain', undefined], ['passphrase', PASSPHRASE]];
    for (const [label, passphrase] of variants) {
      const exp = await measured(cdp, userDataDir, () => page.evaluate((p) => window.casefileBundleBench.exportBundle({ passphrase: p }), passphrase), opts.profile && `bundle-export-${label}`);
      result[`export-${label}`] = { ...exp.result, memory: exp.memory, loadavg: load() };
      log(`export (${label}): ${exp.result.mbPerS} MB/s, ${exp.result.bundleMB} MB in ${exp.result.ms} ms (collect ${exp.result.collectMs}, write${passphrase ? '+encrypt' : ''} ${exp.result.writeMs} [records ${exp.result.phases.recordsMs}, files ${exp.result.phases.filesMs}${passphrase ? `, encrypt ${exp.result.phases.encryptMs}` : ''}], read through ${exp.result.saveMs}); JS heap peak ${exp.memory.peak.heapMB} MB (before ${exp.memory.before.heapMB}), renderer RSS peak ${exp.memory.peak.rendererMB} MB (before ${exp.memory.before.rendererMB}), all processes ${exp.memory.peak.totalMB} MB; load ${load()}`);
      const imp = await measured(cdp, userDataDir, () => page.evaluate((p) => window.casefileBundleBench.importBundle({ passphrase: p }), passphrase), opts.profile && `bundle-import-${label}`);
      result[`import-${label}`] = { ...imp.result, memory: imp.memory, loadavg: load() };
      log(`import (${label}): ${imp.result.mbPerS} MB/s in ${imp.result.ms} ms (read+verify${passphrase ? '+decrypt' : ''} ${imp.result.readMs} [${passphrase ? `decrypt ${imp.result.phases.decryptMs}, ` : ''}zip + records ${imp.result.phases.zipMs}, hashes ${imp.result.phases.verifyMs}], one transaction ${imp.result.writeMs}); wrote ${JSON.stringify(imp.result.check)}, probe file intact: ${imp.result.probeIntact}; JS heap peak ${imp.memory.peak.heapMB} MB (before ${imp.memory.before.heapMB}), renderer RSS peak ${imp.memory.peak.rendererMB} MB (before ${imp.memory.before.rendererMB}), all processes ${imp.memory.peak.totalMB} MB; load ${load()}`);
      await page.evaluate(() => window.casefileBundleBench.dropBundle());
    }
  } finally {
    result.machine.loadavgEnd = load();
    await context.close().catch(() => {});
    server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    await writeResults(`bundle-${config.files}.json`, result);
  }

  const memTarget = 2 * result.fill.largestMB + TARGET_EXTRA_MB;
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const rows = [
    ['raw IndexedDB blob write', `${result.fill.rawWrite.mbPerS} MB/s`, '—', ''],
    ['raw IndexedDB blob read', `${result.rawRead.mbPerS} MB/s`, '—', ''],
  ];
  for (const label of opts['no-passphrase'] ? ['plain'] : ['plain', 'passphrase']) {
    for (const dir of ['export', 'import']) {
      const r = result[`${dir}-${label}`];
      rows.push([`${dir}${label === 'plain' ? '' : ' (passphrase)'}`, `${r.mbPerS} MB/s`, `≥ ${TARGET_MBPS} MB/s`, verdict(r.mbPerS >= TARGET_MBPS)]);
      const rssGrowth = round(r.memory.peak.rendererMB - r.memory.before.rendererMB);
      rows.push([`  JS heap peak`, `${r.memory.peak.heapMB} MB`, `≤ ${memTarget} MB`, verdict(r.memory.peak.heapMB <= memTarget)]);
      rows.push([`  renderer RSS peak (growth)`, `${r.memory.peak.rendererMB} MB (+${rssGrowth})`, `growth ≤ ${memTarget} MB`, verdict(rssGrowth <= memTarget)]);
    }
  }
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`memory target: 2 × largest file (${result.fill.largestMB} MB) + ${TARGET_EXTRA_MB} MB = ${memTarget} MB; load ${result.machine.loadavgStart} → ${result.machine.loadavgEnd}`);
  if (result.errors.length) console.log(`page errors:\n  ${result.errors.slice(0, 10).join('\n  ')}`);
  log(`done; results in bench-results/bundle-${config.files}.json`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
