// `npm run bench:mentions`: the app's mentions worker over a generated library, in real Chromium.
//   1. fill      10,000 synthetic people (~30,000 names: tests/bench/mentionActors.ts) and the search
//                bench's Zipf corpus (30-page documents) into the app's 'casefile' IndexedDB
//   2. reference every page row read raw from IndexedDB, in chunks (what a full build must read)
//   3. build     the app's real mentions worker (getMentionsClient) builds in the background; the
//                page meanwhile records long main-thread tasks and the latency of a small
//                IndexedDB read every 100 ms; worker heap sampled over CDP
//   4. edits     name edits (aliases added), the stress edit (the one-word alias that the most pages
//                gain, added and taken off; again with the actor's profile open, its "Mentioned in"
//                read as the app reads it and as a live query; then the same for a word another name also holds),
//                a new 50-page document, "Mentioned in" reads
// Missing a target is a finding, not a failure. Writes bench-results/mentions-<pages>.json.
//
//   npm run bench:mentions                       100,000 pages
//   node scripts/bench-mentions.mjs --pages 20000
//   options: --profile (the worker's CPU profiles over the stress edit, adding and removing; --profile-dir DIR keeps a copy there)  --pages N  --actors N (default 10000)  --seed N  --rounds N (default 4; name edits alternate titled alias / one frequent word)  --no-build  --build-timeout-s N (default 900)
import './pinnedNode.mjs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { ROOT, chromiumCliVersion, formatTable, launch, log, round, saveProfile, serveFolders, watchErrors, workerSession, writeResults } from './bench-common.mjs';

const TARGETS = { buildMs: 180_000, nameEditMs: 1000, newDocumentMs: 1000, mentionedInMs: 100, workerHeapMB: 500, idbWaitMs: 300 };

const { values: opts } = parseArgs({
  options: {
    pages: { type: 'string', default: '100000' },
    actors: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20240101' },
    rounds: { type: 'string', default: '4' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
    'build-timeout-s': { type: 'string', default: '900' },
  },
});
const config = { pages: Number(opts.pages), actors: Number(opts.actors), seed: Number(opts.seed), rounds: Number(opts.rounds), buildTimeoutMs: Number(opts['build-timeout-s']) * 1000 };
for (const [k, v] of Object.entries(config)) if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a number`);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (x) => (x == null ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Where the worker's sync spent its time (renderer/mentions/pageScan.ts SyncTimings). */
const where = (t) => (t ? `queued ${fmt(t.queuedMs)}, names ${fmt(t.namesMs)}, read ${fmt(t.readMs)}, match ${fmt(t.matchMs)}, write ${fmt(t.writeMs)}, paused ${fmt(t.pausedMs)}; rows put ${t.rowsWritten}, deleted ${t.rowsDeleted}; pages spliced ${t.pagesSpliced ?? 0}` : 'no timings');

/** The mentions worker's used JS heap in MB (null while none is attached), to sample while it works. */
async function workerHeap(cdp) {
  const { heap, send } = await workerSession(cdp, { waitMs: 0 });
  const sample = async (gc = false) => (await heap(gc)).usedMB ?? null;
  return Object.assign(sample, { send });
}

async function main() {
  const result = { config, machine: { cpus: cpus().length, memGiB: round(totalmem() / 2 ** 30), chromium: chromiumCliVersion(), loadavgStart: load() }, errors: [] };
  log(`mentions bench: ${config.pages} pages, ${config.actors} actors; ${cpus().length} cores; load ${load()}`);
  if (!opts['no-build']) {
    log('building tests/bench/mentions.html → dist/bench-mentions (bundles the app\'s mentions worker)');
    await build({ configFile: join(ROOT, 'tests/bench/mentions.vite.config.ts'), logLevel: 'warn' });
  }
  const { server, origin } = await serveFolders([['dist/bench-mentions', '/bench-mentions', 'mentions.html']]);
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-mentions-'));
  const context = await launch(userDataDir, ['--js-flags=--max-old-space-size=4096']);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, result.errors);
    const cdp = await context.newCDPSession(page);
    await page.goto(`${origin}/bench-mentions/mentions.html`);
    await page.waitForFunction(() => window.casefileMentionsBench !== undefined, null, { timeout: 60_000 });
    const bench = (fn, arg) => page.evaluate(([f, a]) => window.casefileMentionsBench[f](a), [fn, arg]);
    await bench('reset');
    result.fill = await bench('fill', { pages: config.pages, actors: config.actors, seed: config.seed });
    log(`fill: ${result.fill.actors} actors / ${result.fill.names} names, ${result.fill.documents} documents / ${result.fill.pages} pages / ${result.fill.mb.toFixed(0)} MB text in ${fmt(result.fill.ms)}; load ${load()}`);
    result.rawRead = await bench('rawRead');
    log(`reference: raw read of all ${result.rawRead.rows} page rows in ${fmt(result.rawRead.ms)}; load ${load()}`);

    result.idle = await bench('idleProbe', { ms: 20_000 });
    log(`reference: with no worker running, IndexedDB probe p50 ${fmt(result.idle.idbProbe.p50)} p95 ${fmt(result.idle.idbProbe.p95)} max ${fmt(result.idle.idbProbe.max)}; longest main-thread task ${fmt(result.idle.longTasks.max ?? 0)}; load ${load()}`);

    const heap = await workerHeap(cdp);
    let peak = 0;
    let sampling = true;
    const sampler = (async () => { while (sampling) { const h = await heap(); if (h) peak = Math.max(peak, h); await sleep(1000); } })();
    const built = page.evaluate((o) => window.casefileMentionsBench.build(o), { timeoutMs: config.buildTimeoutMs });
    let lastLog = Date.now();
    const poll = setInterval(() => { if (Date.now() - lastLog > 30_000) { lastLog = Date.now(); log(`  building…; worker heap peak ${peak} MB; load ${load()}`); } }, 5_000);
    result.build = await built;
    clearInterval(poll);
    result.build.heapPeakMB = peak;
    result.build.loadavg = load();
    log(`build: ${result.build.finished ? '' : 'NOT FINISHED '}${fmt(result.build.ms)} for ${config.pages} pages (${Math.round(config.pages / (result.build.ms / 1000))} pages/s; raw read alone ${fmt(result.rawRead.ms)}); ${result.build.rows} mention rows; longest main-thread task ${fmt(result.build.longTasks.max)} (${result.build.longTasks.n} long tasks); IndexedDB probe p50 ${fmt(result.build.idbProbe.p50)} p95 ${fmt(result.build.idbProbe.p95)} max ${fmt(result.build.idbProbe.max)}; worker heap peak ${peak} MB; load ${load()}`);
    log(`  build, worker's own account: ${where(result.build.last?.timings)}`);

    const logEdit = (label, e) => log(`  name edit (${label}"${e.name}"): stored after ${fmt(e.ms)} (worker sync ${fmt(e.last?.ms)}); ${e.last?.pagesRescanned} pages re-scanned of ${config.pages} (${e.rescanKeys} by the filters, found again), ${e.gained} gain the actor, ${e.lost} lose it (now on ${e.pagesMentioning}); ${where(e.last?.timings)}; reference: raw read of the re-scanned pages' rows ${fmt(e.referenceMs)} → edit ÷ reference ${(e.ms / Math.max(1, e.referenceMs)).toFixed(2)}; IndexedDB probe max ${fmt(e.idbProbe.max)}${e.foldedMs != null ? `; pending rows folded ${fmt(e.foldedMs)} after the edit began` : ''}; load ${load()}`);
    result.nameEdits = [];
    for (let i = 0; i < config.rounds; i++) {
      const e = await bench('nameEdit', { round: i });
      result.nameEdits.push(e);
      logEdit('+', e);
    }
    // The stress edit: the one-word alias, matched anywhere, that the most pages gain; then taken off again.
    result.stress = await bench('findStress', { sample: 3000 });
    log(`stress edit (chosen on a fixed page sample, the same every run): "${result.stress.word}", found on ${result.stress.found} of ${result.stress.samplePages} sample pages (≈ ${result.stress.estimatedPages} pages); runners-up ${result.stress.runnersUp.map(([w, n]) => `${w} ${n}`).join(', ')}; chosen in ${fmt(result.stress.ms)}`);
    // --profile: the worker's CPU profile over the stress edit, for Chrome DevTools (bench-results/).
    if (opts.profile) { await heap.send('Profiler.enable'); await heap.send('Profiler.setSamplingInterval', { interval: 200 }); await heap.send('Profiler.start'); }
    const added = await bench('nameEdit', { round: 0, name: result.stress.word, actorId: result.nameEdits[0]?.actorId });
    /** A saved profile, also copied into --profile-dir when given. */
    const keep = async (saved) => {
      if (opts['profile-dir']) { await mkdir(opts['profile-dir'], { recursive: true }); await copyFile(join(ROOT, saved.file), join(opts['profile-dir'], basename(saved.file))); }
      return saved;
    };
    if (opts.profile) result.stressProfile = await keep(await saveProfile((await heap.send('Profiler.stop')).profile, `mentions-stress-${config.pages}.cpuprofile`, 'stress edit: worker'));
    logEdit('stress +', added);
    // The floor of the stress edit: IndexedDB alone reading the pages (the reference above),
    // and reading, deleting and putting back the rows it changed.
    result.stressFloor = await bench('rowFloor', { actorId: added.actorId });
    const f = result.stressFloor;
    log(`  floor: the ${f.rows} rows the stress edit put: read ${fmt(f.readMs)}, deleted ${fmt(f.deleteMs)}, put back ${fmt(f.putMs)}; + edit's floor (raw read of its pages + put) ${fmt(added.referenceMs + f.putMs)} → edit ÷ floor ${(added.ms / Math.max(1, added.referenceMs + f.putMs)).toFixed(2)}; − edit's floor (rows read + deleted) ${fmt(f.readMs + f.deleteMs)}; load ${load()}`);
    if (opts.profile) { await heap.send('Profiler.start'); }
    const removed = await bench('nameEdit', { round: 0, remove: result.stress.word, actorId: added.actorId });
    if (opts.profile) result.stressRemoveProfile = await keep(await saveProfile((await heap.send('Profiler.stop')).profile, `mentions-stress-remove-${config.pages}.cpuprofile`, 'stress edit −: worker'));
    logEdit('stress −', removed);
    log(`  − edit ÷ its floor (rows read + deleted, ${fmt(f.readMs + f.deleteMs)}): ${(removed.ms / Math.max(1, f.readMs + f.deleteMs)).toFixed(2)}`);
    result.stressEdits = [added, removed];
    // The same edit again with the actor's profile open (its "Mentioned in" a live query, as where
    // a name is edited): what the window's re-reads, after each chunk the worker writes, cost it.
    result.profileOpen = [];
    for (const how of ['live', 'app']) {
      const label = how === 'app' ? 'read as the app does' : 'a live query';
      const openAdded = await bench('nameEdit', { round: 0, name: result.stress.word, actorId: added.actorId, profileOpen: how });
      logEdit(`stress + with the profile open (${label}): `, openAdded);
      const openRemoved = await bench('nameEdit', { round: 0, remove: result.stress.word, actorId: added.actorId, profileOpen: how });
      logEdit(`stress − with the profile open (${label}): `, openRemoved);
      for (const e of [openAdded, openRemoved]) log(`  profile open (${label}): "Mentioned in" read ${e.profile.runs} times during the edit, ${fmt(e.profile.ms)} in all`);
      result.profileOpen.push({ how, edits: [openAdded, openRemoved] });
    }
    // The same with a word that another name of the case also holds ("Huamalíes" of someone's
    // "Comandante Huamalíes"): what such a word does on a page depends on that other name too.
    const shared = result.stress.shared;
    if (shared) {
      // Another actor first takes "Comandante <word>" (not timed as the stress edit).
      const setup = await bench('nameEdit', { round: 1, name: shared.usedBy, actorId: result.nameEdits[1]?.actorId });
      logEdit('setup: another actor takes ', setup);
      log(`shared-word stress edit: "${shared.word}" (also a word of "${shared.usedBy}"), found on ${shared.found} sample pages (≈ ${shared.estimatedPages} pages)`);
      const sharedAdded = await bench('nameEdit', { round: 0, name: shared.word, actorId: result.nameEdits[0]?.actorId });
      logEdit('shared +', sharedAdded);
      const sharedRemoved = await bench('nameEdit', { round: 0, remove: shared.word, actorId: sharedAdded.actorId });
      logEdit('shared −', sharedRemoved);
      result.stressEdits.push(sharedAdded, sharedRemoved);
    }
    result.newDocuments = [];
    for (let i = 0; i < config.rounds; i++) {
      const d = await bench('newDocument', { round: i, pages: 50 });
      result.newDocuments.push(d);
      log(`  new 50-page document: mentions stored ${d.found ? `after ${fmt(d.ms)}` : 'NOT within 30 s'} (its own write ${fmt(d.writeMs)}; worker sync ${fmt(d.last?.ms)}); load ${load()}`);
    }
    result.mentionedIn = await bench('mentionedIn');
    for (const m of result.mentionedIn) log(`  "Mentioned in": ${m.rows} pages in ${m.sources} sources, read as the profile does in ${fmt(m.ms)} (every row read whole: ${fmt(m.wholeMs)}; reference: bulkGet of the same page rows ${fmt(m.referenceMs)})`);
    sampling = false;
    await sampler;
    result.heapAfterGcMB = await heap(true);
    result.stored = await bench('storedSize');
    log(`worker heap: peak ${peak} MB, after GC ${result.heapAfterGcMB} MB; stored ${JSON.stringify(result.stored)}`);

    const verdict = (ok) => (ok ? 'met' : 'MISSED');
    const maxOf = (xs) => Math.max(...xs);
    const edits = (kind) => result.nameEdits.filter((_, i) => i % 2 === kind).map((e) => e.ms);
    const rows = [
      ['full build (background)', fmt(result.build.ms), `≤ ${fmt(TARGETS.buildMs)} (raw read ${fmt(result.rawRead.ms)})`, verdict(result.build.finished && result.build.ms <= TARGETS.buildMs)],
      ['  longest main-thread task', fmt(result.build.longTasks.max ?? 0), '—', ''],
      ['  IndexedDB wait on the UI (max)', fmt(result.build.idbProbe.max), `≤ ${TARGETS.idbWaitMs} ms (idle ref max ${fmt(result.idle.idbProbe.max)}, p95 ${fmt(result.idle.idbProbe.p95)})`, verdict((result.build.idbProbe.max ?? 0) <= TARGETS.idbWaitMs)],
      ['  IndexedDB wait on the UI (p95)', fmt(result.build.idbProbe.p95), `— (idle ref p95 ${fmt(result.idle.idbProbe.p95)})`, ''],
      ['name edit: titled alias (max)', fmt(maxOf(edits(0))), `≤ ${TARGETS.nameEditMs} ms`, verdict(maxOf(edits(0)) <= TARGETS.nameEditMs)],
      ...(edits(1).length ? [['name edit: one frequent word (max)', fmt(maxOf(edits(1))), `≤ ${TARGETS.nameEditMs} ms`, verdict(maxOf(edits(1)) <= TARGETS.nameEditMs)]] : []),
      ...result.stressEdits.map((e, i) => [`name edit: ${i > 1 ? 'shared' : 'stress'} ${i % 2 ? '−' : '+'}"${e.name}" (${e.gained + e.lost} pages)`, fmt(e.ms), `≤ ${TARGETS.nameEditMs} ms (ref ${fmt(e.referenceMs)}, ${(e.ms / Math.max(1, e.referenceMs)).toFixed(1)}×)`, verdict(e.ms <= TARGETS.nameEditMs)]),
      ['new 50-page document (max)', fmt(maxOf(result.newDocuments.map((d) => (d.found ? d.ms : Infinity)))), `≤ ${TARGETS.newDocumentMs} ms`, verdict(maxOf(result.newDocuments.map((d) => (d.found ? d.ms : Infinity))) <= TARGETS.newDocumentMs)],
      ['"Mentioned in", most-mentioned actor', fmt(result.mentionedIn[0].ms), `≤ ${TARGETS.mentionedInMs} ms (ref ${fmt(result.mentionedIn[0].referenceMs)})`, verdict(result.mentionedIn[0].ms <= TARGETS.mentionedInMs)],
      ['worker heap peak', `${peak} MB`, `≤ ${TARGETS.workerHeapMB} MB`, verdict(peak <= TARGETS.workerHeapMB)],
    ];
    console.log(`\n${formatTable(rows)}\n\nload average at the end: ${load()}`);
    if (result.errors.length) console.log(`page errors:\n  ${result.errors.slice(0, 10).join('\n  ')}`);
  } finally {
    result.machine.loadavgEnd = load();
    await writeResults(`mentions-${config.pages}.json`, result);
    await context.close().catch(() => {});
    server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
  if (opts['profile-dir']) await copyFile(join(ROOT, 'bench-results', `mentions-${config.pages}.json`), join(opts['profile-dir'], `mentions-${config.pages}.json`)).catch(() => {});
  log(`done; results in bench-results/mentions-${config.pages}.json; load ${load()}`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
