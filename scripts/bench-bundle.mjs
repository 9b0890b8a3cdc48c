// `npm run bench:bundle`: case bundles in real Chromium, on the app's origin and CSP.
//   1. fill     the bench page (tests/bench/bundlePage.ts) writes 10,000 records (5,000 actors,
//               5,000 events) + 1,000 documents with their pages into a database of the app's
//               schema, then 1,000 PDF-like blobs (~200 MB, log-normal sizes): that blob write
//               is the RAW IndexedDB write figure
//   2. raw read every blob read back from IndexedDB to its end: the RAW read figure
//   3. export   as the desktop export does it, timed from Export pressed (the bundle worker started
//               and its database opened beforehand, as the export dialog does when it opens; timed
//               apart; --cold-worker: not): createBundleClient → a bundle worker running the
//               app's host (renderer/workers/bundleHost.ts: collectSnapshot + writeBundleParts)
//               → the bundle's parts back on the page ("ready"), then saved as the desktop save
//               does (renderer/platform/blobFiles.ts: the PDFs read several at a time, main's disk
//               write left out); MB/s of the bundle, and of the ready parts (printed, not the target)
//   4. import   as the import screen does it, into a fresh database: inspectBundle (readBundleBlob,
//               every check and SHA-256; the merge plan; the preview) + applyImport (apply.ts: the
//               re-plan and ONE transaction); phases read/verify, plan, re-plan, write; MB/s of the bundle.
//               Then the same bundle once more (all identical, nothing written: the plan at scale), timed apart
//   5. the same export and import with a passphrase (age, scrypt work factor 18): the key stretched
//      first, as the export dialog does while the passphrase is typed (timed apart), the export
//      timed from Export pressed, and the import's passphrase stretched as the prompt does while it is
//      typed, the import timed from "Open bundle"; then, not the target, an import and an export with
//      scrypt within them (no key ready)
// Memory during 3–5: the JS heap of the page and of the bundle worker (CDP Runtime.getHeapUsage,
// the worker through a non-flattened auto-attach) and the renderer process's RSS (/proc: the
// worker lives in it), sampled every 200 ms, against the target 2 × largest file + 200 MB: the
// heap peak as it is, the RSS as growth over its level before the step (an idle renderer alone
// is ~150 MB). Blob bytes live in the browser process (and spill to disk), reported as "all".
// Targets, as ratios in one run: export ≥ 0.6× raw read, import ≥ 0.5× raw write, each with a
// passphrase ≥ 0.8× its plain figure; printed with the references and os.loadavg().
// Beside the import, its floor: the fill's raw put of the same records (app's schema, one
// transaction) plus the raw blob write, as a ratio to raw write: no import can be faster; and
// the same records put into a database with no index at all (the floor of any schema).
// Missing a target is a finding, not a failure: the exit code is non-zero only when the bench
// cannot run. Writes bench-results/bundle-<files>.json.
//
//   npm run bench:bundle
//   node scripts/bench-bundle.mjs --quick          100 files / 20 MB / 2,000 records
//   options: --files N  --mb N  --actors N  --events N  --seed N  --no-build  --no-passphrase
//            --in-page   the worker's host runs on the page instead of in a Worker (no messaging)
//            --profile   CPU profiles of each step (implies --in-page: the page's profiler sees it)
//            --apart     a probe: the plain export's worker first, then its save alone (not the app's overlap)
//            --export-only  no import steps (the table then shows the exports only)
//            --profile-worker  CPU profiles of the export's and the import's bundle worker (its own, not the page's)
//            --rounds N  N rounds of raw read + export(s), each printed with its same-round ratios (A/B work)
//            --cold-worker  the export starts its bundle worker itself (not started by the dialog beforehand)
//            --probe-indexes N  a probe at fill: the records put N rounds into schemas without some indexes (tests/bench/indexProbe.ts)
//            --probe-overlap  a probe after the import: a second import into a fresh database, every PDF read back and
//                             hashed on two hashing workers from the moment its write begins (the check beside the write)
//            --probe-staged  a probe after the import: a second import into a fresh database whose actors and events, as the
//                             import sees them, have no index; then its rows placed in the indexed tables 500 a transaction
//                             (tests/bench/stagedProbe.ts): "import done" and "all records placed"; then the app's import
//                             once more, so that the probe is bracketed by two
//            --cpu       each export's and import's CPU time per process and per thread (/proc, sampled with the memory)
import './pinnedNode.mjs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { ROOT, browserProcesses, chromiumCliVersion, formatTable, launch, log, processMemory, round, saveProfile, serveFolders, watchErrors, writeResults } from './bench-common.mjs';

/** Targets as ratios to same-run references (issue 13). */
const TARGET_EXPORT_VS_READ = 0.6;
const TARGET_IMPORT_VS_WRITE = 0.5;
const TARGET_PASSPHRASE_VS_PLAIN = 0.8;
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
    'in-page': { type: 'boolean', default: false },
    apart: { type: 'boolean', default: false },
    'export-only': { type: 'boolean', default: false },
    'profile-worker': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    'cold-worker': { type: 'boolean', default: false },
    'probe-indexes': { type: 'string', default: '0' },
    'probe-overlap': { type: 'boolean', default: false },
    'probe-staged': { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
  },
});
const config = opts.quick
  ? { files: 100, totalMB: 20, actors: 1000, events: 1000, seed: Number(opts.seed) }
  : { files: Number(opts.files), totalMB: Number(opts.mb), actors: Number(opts.actors), events: Number(opts.events), seed: Number(opts.seed) };
for (const [k, v] of Object.entries(config)) if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a number`);

const inPage = opts['in-page'] || opts.profile;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- memory

/**
 * Every dedicated worker of the page through a non-flattened auto-attach on the page's CDP
 * session (Playwright's CDPSession cannot address flattened child sessions): `heapMB()` is the
 * sum of the attached workers' JS heaps (0 when none is running).
 */
async function workerHeaps(cdp) {
  const sessions = new Set();
  const pending = new Map();
  let nextId = 1;
  const profiling = new Set();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type !== 'worker') return;
    sessions.add(e.sessionId);
    if (!opts['profile-worker']) return;
    // --profile-worker: every worker's CPU profile from its first instruction (it waits for the debugger until then).
    void (async () => {
      await send(e.sessionId, 'Profiler.enable');
      await send(e.sessionId, 'Profiler.setSamplingInterval', { interval: 500 });
      await send(e.sessionId, 'Profiler.start');
      profiling.add({ sessionId: e.sessionId, url: e.targetInfo.url });
      await send(e.sessionId, 'Runtime.runIfWaitingForDebugger');
    })();
  });
  cdp.on('Target.detachedFromTarget', (e) => sessions.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    p(m.error ? null : m.result);
  });
  const send = (sessionId, method, params = {}, timeout = 1000) => {
    const id = nextId++;
    return Promise.race([
      new Promise((resolve) => {
        pending.set(id, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(null));
      }),
      sleep(timeout).then(() => { pending.delete(id); return null; }),
    ]);
  };
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: Boolean(opts['profile-worker']), flatten: false });
  return {
    /** --profile-worker: the profiles of the workers started since the last call, saved as <name>-<n>.cpuprofile. */
    async saveProfiles(name) {
      let n = 0;
      for (const p of [...profiling]) {
        profiling.delete(p);
        const r = await send(p.sessionId, 'Profiler.stop', {}, 10_000);
        if (r?.profile) await saveProfile(r.profile, `${name}-${++n}.cpuprofile`, `${name} ${p.url.split('/').pop()}`);
      }
    },
    async heapMB() {
      let mb = 0;
      for (const s of [...sessions]) {
        const r = await send(s, 'Runtime.getHeapUsage');
        if (r) mb += r.usedSize / 2 ** 20;
      }
      return mb;
    },
    get count() { return sessions.size; },
  };
}

/**
 * --cpu: CPU ms of every thread of the browser's processes, keyed by process and thread id, with the
 * process's kind and the thread's name; a process's own total (its exited threads too) under tid 'all'.
 */
async function threadTicks(userDataDir) {
  const out = new Map();
  const fieldsOf = (stat) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  for (const { pid, cmd } of await browserProcesses(userDataDir)) {
    const kind = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
    const pstat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!pstat) continue;
    const pf = fieldsOf(pstat);
    out.set(`${pid}:all`, { kind, name: '(process)', ms: (Number(pf[11]) + Number(pf[12])) * 10 });
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      const f = fieldsOf(stat);
      const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      out.set(`${pid}:${tid}`, { kind, name, ms: (Number(f[11]) + Number(f[12])) * 10 });
    }
  }
  return out;
}

/** --cpu: the growth of each thread's CPU from `before` to the last sample that saw it, summed by process kind and thread name. */
function cpuGrowth(before, last) {
  const byKey = {};
  const threads = {};
  for (const [key, t] of last) {
    const d = t.ms - (before.get(key)?.ms ?? 0);
    if (d <= 0) continue;
    // A worker's thread each on its own (the bundle worker and each sealing worker).
    const k = t.name === 'DedicatedWorker' ? `${t.kind} ${t.name} ${key.split(':')[1]}` : `${t.kind} ${t.name}`;
    byKey[k] = (byKey[k] ?? 0) + d;
    const pid = key.split(':')[0];
    threads[pid] ??= { kind: t.kind, process: 0, threads: 0 };
    if (t.name === '(process)') threads[pid].process += d; else threads[pid].threads += d;
  }
  // Threads that ended before the last sample (a sealing worker closed with the export): the process's total less its live threads'.
  for (const { kind, process: all, threads: live } of Object.values(threads)) if (all - live > 0) byKey[`${kind} (ended threads)`] = (byKey[`${kind} (ended threads)`] ?? 0) + all - live;
  return Object.fromEntries(Object.entries(byKey).sort((a, b) => b[1] - a[1]));
}

/** Runs `fn` while sampling the page's JS heap and the processes' RSS; returns its result and the peaks. */
async function measured(cdp, workers, userDataDir, fn, profileName) {
  if (profileName) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const before = { heapMB: (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20, ...(await processMemory(userDataDir)) };
  before.workerHeapMB = await workers.heapMB();
  const ticks0 = opts.cpu ? await threadTicks(userDataDir) : null;
  const lastTicks = new Map(ticks0 ?? []);
  const sampleTicks = async () => { if (ticks0) for (const [k, v] of await threadTicks(userDataDir)) lastTicks.set(k, v); };
  const peaks = { heapMB: before.heapMB, workerHeapMB: before.workerHeapMB, rendererMB: before.rendererMB ?? 0, totalMB: before.totalMB ?? 0, samples: 0 };
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const heap = await Promise.race([cdp.send('Runtime.getHeapUsage').catch(() => null), sleep(1000).then(() => null)]);
      if (heap) peaks.heapMB = Math.max(peaks.heapMB, heap.usedSize / 2 ** 20);
      peaks.workerHeapMB = Math.max(peaks.workerHeapMB, await workers.heapMB());
      const rss = await processMemory(userDataDir);
      if (rss) { peaks.rendererMB = Math.max(peaks.rendererMB, rss.rendererMB); peaks.totalMB = Math.max(peaks.totalMB, rss.totalMB); }
      await sampleTicks();
      peaks.samples++;
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  try {
    const result = await fn();
    await sampleTicks();
    if (ticks0) log(`CPU ms by process and thread (--cpu): ${JSON.stringify(cpuGrowth(ticks0, lastTicks))}`);
    if (profileName) await saveProfile((await cdp.send('Profiler.stop')).profile, `${profileName}.cpuprofile`, profileName);
    return { result, memory: { before: { heapMB: round(before.heapMB), workerHeapMB: round(before.workerHeapMB), rendererMB: round(before.rendererMB), totalMB: round(before.totalMB) },
      peak: { heapMB: round(peaks.heapMB), workerHeapMB: round(peaks.workerHeapMB), rendererMB: round(peaks.rendererMB), totalMB: round(peaks.totalMB) }, samples: peaks.samples } };
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
  result.inPage = inPage;
  log(`bundle bench: ${config.files} files / ${config.totalMB} MB, ${config.actors} actors + ${config.events} events; ${inPage ? 'bundle host ON THE PAGE (--in-page)' : 'bundle worker'}; ${result.machine.cpus} CPUs; load ${load()}`);
  if (!opts['no-build']) {
    log('building the bench page (tests/bench/bundle.vite.config.ts)');
    await build({ configFile: join(ROOT, 'tests/bench/bundle.vite.config.ts'), logLevel: 'warn' });
  }
  const { server, origin } = await serveFolders([['dist/bench-bundle', '/bench-bundle', 'bundle.html']]);
  const url = `${origin}/bench-bundle/bundle.html`;
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-bundle-'));
  const context = await launch(userDataDir, ['--js-flags=--expose-gc']);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, result.errors);
    page.setDefaultTimeout(0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const workers = await workerHeaps(cdp);
    await page.goto(url);
    await page.waitForFunction(() => window.casefileBundleBench !== undefined, null, { timeout: 60_000 });

    const fill = await page.evaluate((o) => window.casefileBundleBench.fill(o), { ...config, probeIndexes: Number(opts['probe-indexes']) || 0 });
    if (fill.indexProbe) log(`index probe (actors + events put in one transaction, ms per round):\n${Object.entries(fill.indexProbe).map(([k, v]) => `    ${k.padEnd(24)} ${v.join(' / ')}  (median ${[...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]})`).join('\n')}`);
    result.fill = fill;
    log(`fill: ${fill.records} records + ${fill.pages} pages (${fill.recordsMs} ms; with no index ${fill.recordsBareMs} ms), ${fill.files} files / ${fill.totalMB} MB, largest ${fill.largestMB} MB; RAW IndexedDB blob write ${fill.rawWrite.mbPerS} MB/s (${fill.rawWrite.ms} ms); load ${load()}`);
    const rounds = Math.max(1, Number(opts.rounds) || 1);
    result.rounds = [];
    for (let round_ = 1; round_ <= rounds; round_++) {
    result.rawRead = await page.evaluate(() => window.casefileBundleBench.rawRead());
    log(`${rounds > 1 ? `round ${round_}: ` : ''}RAW IndexedDB blob read ${result.rawRead.mbPerS} MB/s (${result.rawRead.ms} ms); load ${load()}`);

    const variants = opts['no-passphrase'] ? [['plain', undefined]] : [['plain', undefined], ['passphrase', PASSPHRASE]];
    for (const [label, passphrase] of variants) {
      const mem = (m) => `JS heap peak page ${m.peak.heapMB} MB + worker ${m.peak.workerHeapMB} MB (before ${m.before.heapMB} + ${m.before.workerHeapMB}), renderer RSS peak ${m.peak.rendererMB} MB (before ${m.before.rendererMB}), all processes ${m.peak.totalMB} MB`;
      // The export dialog starts the bundle worker and opens its database when it opens
      // (useBundleWorkerAhead), and with a passphrase stretches the key while the user is still in
      // it (useKeyAhead → the bundle worker's PreparedKey); the export is timed from Export pressed.
      // --cold-worker: the worker started by the export itself (the figure before session 11).
      const warmed = !opts['cold-worker'];
      if (warmed) {
        const warmMs = await page.evaluate((o) => window.casefileBundleBench.openExportDialog(o), { inPage });
        result[`export-${label}-worker-warmed-ms`] = warmMs;
        log(`export dialog open: the bundle worker started and its database opened in ${warmMs} ms, before Export is pressed (not in the export's figure); load ${load()}`);
      }
      if (passphrase) {
        const keyMs = await page.evaluate((o) => window.casefileBundleBench.prepareExportKey(o), { passphrase, inPage });
        result['key-prepared-ms'] = keyMs;
        log(`passphrase typed: its key stretched by the bundle worker in ${keyMs} ms, before Export is pressed (not in the export's figure); load ${load()}`);
      }
      const exp = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.exportBundle(o), { passphrase, inPage, keyPrepared: Boolean(passphrase), warmed, apart: opts.apart, keepWorker: opts['profile-worker'] }), opts.profile && `bundle-export-${label}`);
      result[`export-${label}`] = { ...exp.result, memory: exp.memory, loadavg: load() };
      if (opts['profile-worker']) await workers.saveProfiles(`bundle-export-${label}-worker`);
      const e = exp.result;
      if (!opts['export-only']) await page.evaluate(() => window.casefileBundleBench.finishBundle());
      log(`export (${label}): ${e.mbPerS} MB/s, ${e.bundleMB} MB in ${e.ms} ms (${e.headMs !== undefined ? `PDFs laid out and saving from ${e.headMs} ms, their bytes saved by ${e.headReadMs} ms; ` : ""}${e.apartSaveMs !== undefined ? `PROBE worker first, then the save alone ${e.apartSaveMs} ms; ` : ''}worker ${e.workerMs} [collect ${e.phases.collectMs}, write ${e.phases.writeMs}${passphrase ? `, encrypt ${e.phases.encryptMs}` : ''}], read through ${e.saveMs}); ${mem(exp.memory)}; load ${load()}`);
      if (opts['export-only']) { await page.evaluate(() => window.casefileBundleBench.dropBundle()); continue; }
      // The import screen likewise stretches the passphrase as it is typed (useImportKeyAhead → PreparedScrypt).
      if (passphrase) {
        const keyMs = await page.evaluate((o) => window.casefileBundleBench.prepareImportKey(o), { passphrase, inPage });
        result['import-key-prepared-ms'] = keyMs;
        log(`passphrase typed in the import prompt: stretched with the file's salt in ${keyMs} ms, before "Open bundle" is pressed (not in the import's figure); load ${load()}`);
      }
      const imp = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.importBundle(o), { passphrase, inPage, keyPrepared: Boolean(passphrase) }), opts.profile && `bundle-import-${label}`);
      result[`import-${label}`] = { ...imp.result, memory: imp.memory, loadavg: load() };
      if (opts['profile-worker']) await workers.saveProfiles(`bundle-import-${label}-worker`);
      const r = imp.result;
      log(`import (${label}): ${r.mbPerS} MB/s in ${r.ms} ms (inspect ${r.inspectMs} [${passphrase ? `decrypt ${r.phases.decryptMs}, ` : ''}zip + records ${r.phases.zipMs}, PDFs' hashes ${r.phases.verifyMs}, plan + preview ${r.phases.planMs}], apply ${r.applyMs} [re-plan ${r.phases.replanMs}, write ${r.phases.writeMs}]); result ${JSON.stringify(r.result)}; database ${JSON.stringify(r.check)}, probe file intact: ${r.probeIntact}; ${mem(imp.memory)}; load ${load()}`);
      const again = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.reimportBundle(o), { passphrase }), opts.profile && `bundle-reimport-${label}`);
      const ri = again.result;
      result[`reimport-${label}`] = { ...ri, memory: again.memory, loadavg: load() };
      log(`  re-import of the same bundle (not a target): ${ri.ms} ms (inspect ${ri.inspectMs} [plan + preview ${ri.planMs}: ${ri.identical} records found identical], apply ${ri.applyMs}); result ${JSON.stringify(ri.result)}; ${mem(again.memory)}`);
      if (opts['probe-overlap'] && !passphrase) {
        const ov = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.importBundle(o), { inPage, hashBesideWrite: true }), false);
        const o2 = ov.result;
        result['import-probe-overlap'] = { ...o2, memory: ov.memory, loadavg: load() };
        log(`PROBE import with every PDF hashed beside its write: ${o2.ms} ms (inspect ${o2.inspectMs} [zip + records ${o2.phases.zipMs}, PDFs' hashes ${o2.phases.verifyMs}, plan ${o2.phases.planMs}], apply ${o2.applyMs} [re-plan ${o2.phases.replanMs}, write ${o2.phases.writeMs}]); the PDFs hashed beside the write in ${o2.hashBesideMs} ms from its start; load ${load()}`);
      }
      if (opts['probe-staged'] && !passphrase) {
        const st = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.importBundle(o), { inPage, staged: true }), false);
        const s2 = st.result;
        result['import-probe-staged'] = { ...s2, memory: st.memory, loadavg: load() };
        log(`PROBE import with actors and events staged in index-free stores: import done in ${s2.ms} ms = ${Math.round((s2.mbPerS / result.fill.rawWrite.mbPerS) * 100) / 100}× raw write (inspect ${s2.inspectMs}, apply ${s2.applyMs}); then all records placed in ${s2.placed.ms} ms more (${s2.placed.chunks} transactions of ≤ 500, the longest ${s2.placed.worstChunkMs} ms; ${s2.placed.actors} actors + ${s2.placed.events} events, ${s2.placed.left} left staged) = ${Math.round(((s2.bytes / 2 ** 20 / ((s2.ms + s2.placed.ms) / 1000)) / result.fill.rawWrite.mbPerS) * 100) / 100}× raw write; load ${load()}`);
        // The app's import once more after the probe, so the probe is bracketed by two (a later import in a run is often faster).
        const after = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.importBundle(o), { inPage }), false);
        const a2 = after.result;
        result['import-plain-after-probes'] = { ...a2, memory: after.memory, loadavg: load() };
        log(`import (plain) again, after the probes: ${a2.ms} ms = ${Math.round((a2.mbPerS / result.fill.rawWrite.mbPerS) * 100) / 100}× raw write (inspect ${a2.inspectMs}, apply ${a2.applyMs} [write ${a2.phases.writeMs}]); load ${load()}`);
      }
      if (passphrase) {
        // "Open bundle" pressed with no key ready (a passphrase pasted and submitted at once): scrypt runs within the import.
        const coldImport = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.importBundle(o), { passphrase, inPage }), opts.profile && 'bundle-import-passphrase-scrypt');
        result['import-passphrase-scrypt'] = { ...coldImport.result, memory: coldImport.memory, loadavg: load() };
        const ci = coldImport.result;
        log(`import (passphrase, scrypt within the import): ${ci.mbPerS} MB/s in ${ci.ms} ms (inspect ${ci.inspectMs} [decrypt ${ci.phases.decryptMs}], apply ${ci.applyMs}); ${mem(coldImport.memory)}; load ${load()}`);
        // Export pressed with no key ready (a passphrase pasted and Export pressed at once): scrypt runs within the export.
        const cold = await measured(cdp, workers, userDataDir, () => page.evaluate((o) => window.casefileBundleBench.exportBundle(o), { passphrase, inPage }), opts.profile && 'bundle-export-passphrase-scrypt');
        result['export-passphrase-scrypt'] = { ...cold.result, memory: cold.memory, loadavg: load() };
        const c = cold.result;
        log(`export (passphrase, scrypt within the export): ${c.mbPerS} MB/s, ${c.bundleMB} MB in ${c.ms} ms (PDFs laid out and saving from ${c.headMs} ms; worker ${c.workerMs}, read through ${c.saveMs}); ${mem(cold.memory)}; load ${load()}`);
      }
      await page.evaluate(() => window.casefileBundleBench.dropBundle());
    }
    const plainX = result['export-plain'];
    const passX = result['export-passphrase'];
    const r2 = (x) => Math.round(x * 100) / 100;
    const summary = { rawReadMs: result.rawRead.ms, plainMs: plainX.ms, workerMs: plainX.workerMs, ...(plainX.apartSaveMs !== undefined ? { apartSaveMs: plainX.apartSaveMs } : {}), plainVsRead: r2(plainX.mbPerS / result.rawRead.mbPerS), plainRssMB: round(plainX.memory.peak.rendererMB - plainX.memory.before.rendererMB),
      ...(passX && !opts['no-passphrase'] ? { passphraseMs: passX.ms, passphraseVsPlain: r2(passX.mbPerS / plainX.mbPerS), passphraseRssMB: round(passX.memory.peak.rendererMB - passX.memory.before.rendererMB) } : {}), load: load() };
    result.rounds.push(summary);
    log(`ROUND ${round_}: ${JSON.stringify(summary)}`);
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
  const rawWrite = result.fill.rawWrite.mbPerS;
  const rawRead = result.rawRead.mbPerS;
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  // Targets are ratios to references measured in this run (the machine is shared: absolute MB/s move with the load).
  const reference = { export: ['raw read', rawRead, TARGET_EXPORT_VS_READ], import: ['raw write', rawWrite, TARGET_IMPORT_VS_WRITE] };
  const rows = [
    ['raw IndexedDB blob write', `${rawWrite} MB/s`, '(reference)', ''],
    ['raw IndexedDB blob read', `${rawRead} MB/s`, '(reference)', ''],
  ];
  result.ratios = {};
  for (const label of opts['no-passphrase'] ? ['plain'] : ['plain', 'passphrase']) {
    for (const dir of opts['export-only'] ? ['export'] : ['export', 'import']) {
      const r = result[`${dir}-${label}`];
      const [refName, ref, target] = reference[dir];
      const vsRaw = ratio(r.mbPerS, ref);
      result.ratios[`${dir}-${label}-vs-${refName.replace(' ', '-')}`] = vsRaw;
      if (label === 'plain') {
        rows.push([`${dir}`, `${r.mbPerS} MB/s = ${vsRaw}× ${refName}`, `≥ ${target}× ${refName}`, verdict(vsRaw >= target)]);
        if (dir === 'import') {
          // What IndexedDB alone takes to hold what the import writes, measured by the fill: the same
          // records put raw in one transaction with the app's schema, plus the raw blob write. An
          // import that read, hashed and checked nothing would still take this long.
          const floorMs = result.fill.recordsMs + result.fill.rawWrite.ms;
          const floorVs = ratio((r.mbPerS * r.ms) / floorMs, ref);
          result.ratios['import-floor-vs-raw-write'] = floorVs;
          rows.push([`  floor: records put raw + blobs written raw (${result.fill.recordsMs} + ${result.fill.rawWrite.ms} ms)`, `${floorMs} ms = ${floorVs}× raw write at most; import ÷ floor ${ratio(r.ms, floorMs)}`, '(IndexedDB alone)', '']);
          // The same with no index at all (primary keys only): the floor of any schema.
          const bareMs = result.fill.recordsBareMs + result.fill.rawWrite.ms;
          const bareVs = ratio((r.mbPerS * r.ms) / bareMs, ref);
          result.ratios['import-bare-floor-vs-raw-write'] = bareVs;
          rows.push([`  floor with no index at all (${result.fill.recordsBareMs} + ${result.fill.rawWrite.ms} ms)`, `${bareMs} ms = ${bareVs}× raw write at most`, '(any schema)', '']);
        }
        if (r.ready) {
          // The Blob in hand, before the desktop save's read-through: what a browser download starts from.
          const readyVs = ratio(r.ready.mbPerS, ref);
          result.ratios[`${dir}-ready-vs-${refName.replace(' ', '-')}`] = readyVs;
          rows.push([`  bundle ready (laid out, before the save)`, `${r.ready.mbPerS} MB/s = ${readyVs}× ${refName}`, '(not the target)', '']);
        }
      } else {
        const plain = result[`${dir}-plain`].mbPerS;
        const vsPlain = ratio(r.mbPerS, plain);
        result.ratios[`${dir}-passphrase-vs-plain`] = vsPlain;
        rows.push([`${dir} (passphrase)`, `${r.mbPerS} MB/s = ${vsPlain}× plain (${vsRaw}× ${refName})`, `≥ ${TARGET_PASSPHRASE_VS_PLAIN}× plain`, verdict(vsPlain >= TARGET_PASSPHRASE_VS_PLAIN)]);
        const cold = result[`${dir}-passphrase-scrypt`];
        if (cold) {
          const coldVs = ratio(cold.mbPerS, plain);
          result.ratios[`${dir}-passphrase-scrypt-vs-plain`] = coldVs;
          rows.push([`  scrypt within the ${dir} (no key ready)`, `${cold.mbPerS} MB/s = ${coldVs}× plain`, '(not the target)', '']);
        }
        if (r.ready && result[`${dir}-plain`].ready) {
          const readyVs = ratio(r.ready.mbPerS, result[`${dir}-plain`].ready.mbPerS);
          result.ratios[`${dir}-ready-passphrase-vs-plain`] = readyVs;
          rows.push([`  bundle ready (laid out, before the save)`, `${r.ready.mbPerS} MB/s = ${readyVs}× plain ready`, '(not the target)', '']);
        }
      }
      const rssGrowth = round(r.memory.peak.rendererMB - r.memory.before.rendererMB);
      const heap = round(r.memory.peak.heapMB + r.memory.peak.workerHeapMB);
      rows.push([`  JS heap peak (page + worker)`, `${heap} MB`, `≤ ${memTarget} MB`, verdict(heap <= memTarget)]);
      rows.push([`  renderer RSS peak (growth)`, `${r.memory.peak.rendererMB} MB (+${rssGrowth})`, `growth ≤ ${memTarget} MB`, verdict(rssGrowth <= memTarget)]);
    }
  }
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`memory target: 2 × largest file (${result.fill.largestMB} MB) + ${TARGET_EXTRA_MB} MB = ${memTarget} MB; load ${result.machine.loadavgStart} → ${result.machine.loadavgEnd}`);
  if (result.errors.length) console.log(`page errors:\n  ${result.errors.slice(0, 10).join('\n  ')}`);
  log(`done; results in bench-results/bundle-${config.files}.json`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
