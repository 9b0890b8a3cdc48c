// `npm run bench`: fills the app's IndexedDB with generated actors and events in real
// Chromium, then opens the real app and times what a researcher waits for. Every time is
// taken inside the page (performance.now() and MutationObserver), never across Playwright
// round trips. It prints a table against the targets and writes bench-results/bench.json.
// Missing a target is a finding, not a failure: the exit code is non-zero only when the
// bench itself cannot run.
//
//   npm run bench                       50k actors + 50k events (the issue's figures)
//   node scripts/bench.mjs --actors 5000 --events 5000     quick run while developing
//   options: --seed N  --chunk N (bulk-write chunk size)  --no-build (reuse dist/bench)
//            --profile (CPU profile of the cold load → bench-results/cold-load.cpuprofile, top functions printed)
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, resolveConfig } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TARGETS = { firstPaintMs: 300, filterMs: 100 };
const TEXT_QUERY = 'quis';

const { values: opts } = parseArgs({
  options: {
    actors: { type: 'string', default: '50000' },
    events: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '20240101' },
    chunk: { type: 'string', default: '2000' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const config = { actors: Number(opts.actors), events: Number(opts.events), seed: Number(opts.seed), chunk: Number(opts.chunk) };
for (const [k, v] of Object.entries(config)) if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} must be a whole number`);

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

// ---------------------------------------------------------------- serving
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm' };

/** Reads a built folder into memory, so another engineer's rebuild of dist/ mid-run cannot change what is served. */
async function snapshot(dir, prefix, files) {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    files.set(`${prefix}/${relative(dir, full).split('\\').join('/')}`, await readFile(full));
  }
  if (!files.has(`${prefix}/index.html`)) throw new Error(`${dir}/index.html missing: build first`);
}

async function startServer() {
  const files = new Map();
  await snapshot(join(ROOT, 'dist/renderer'), '', files);
  await snapshot(join(ROOT, 'dist/bench'), '/bench', files);
  // The same CSP header as `vite preview` of the app, read from its config so it cannot drift.
  const appConfig = await resolveConfig({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'silent' }, 'serve', 'production');
  const headers = { ...appConfig.preview.headers, 'Cache-Control': 'no-store' };
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const body = files.get(path);
    if (!body) { res.writeHead(404, headers).end('not found'); return; }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// ---------------------------------------------------------------- statistics and output
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null; };
const max = (xs) => (xs.length ? Math.max(...xs) : null);
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const ms = (x) => (x == null ? 'timeout' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
/** Summary of repeated in-page timings; a timed-out repeat counts as a miss. */
function summarise(samples) {
  const times = samples.filter((s) => !s.timeout).map((s) => s.ms);
  return { median: round(median(times)), max: round(max(times)), timeouts: samples.length - times.length, samples };
}

// ---------------------------------------------------------------- phases
async function launch(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 }, locale: 'en-US',
  });
}

function watchErrors(page, sink) {
  page.on('pageerror', (e) => sink.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') sink.push(`console: ${m.text()}`); });
}

/** Phase 1, on the bench page: generate, validate a sample, clear the database, bulk-write. */
async function fill(context, origin, errors) {
  const page = context.pages()[0] ?? (await context.newPage());
  watchErrors(page, errors);
  await page.goto(`${origin}/bench/`);
  await page.waitForFunction(() => window.casefileBench !== undefined, null, { timeout: 30_000 });
  const generated = await page.evaluate((o) => window.casefileBench.generate(o), { actors: config.actors, events: config.events, seed: config.seed });
  log(`generated ${generated.actors} actors + ${generated.events} events in ${ms(generated.ms)}`);
  const validation = await page.evaluate(() => window.casefileBench.validateSample(1000));
  log(`zod: ${validation.checked} sampled records, ${validation.failures.length} invalid (${ms(validation.ms)})`);
  if (validation.failures.length > 0) throw new Error(`generated records fail the schemas: ${JSON.stringify(validation.failures).slice(0, 2000)}`);
  const reset = await page.evaluate(() => window.casefileBench.reset());
  const write = await page.evaluate((chunk) => window.casefileBench.insert(chunk), config.chunk);
  const counts = await page.evaluate(() => window.casefileBench.counts());
  if (counts.actors !== config.actors || counts.events !== config.events) throw new Error(`database holds ${JSON.stringify(counts)} after the write`);
  const records = config.actors + config.events;
  log(`bulk write: ${records} records in ${ms(write.totalMs)} (${Math.round(records / (write.totalMs / 1000))} records/s); actors ${ms(write.actorsMs)}, events ${ms(write.eventsMs)}; index-field derivation alone ${ms(write.deriveMs)}`);
  const expectations = await page.evaluate((q) => window.casefileBench.expectations(q), TEXT_QUERY);
  await page.close();
  const chunkStats = (xs) => ({ count: xs.length, median: round(median(xs)), max: round(max(xs)), first: round(xs[0]), last: round(xs.at(-1)) });
  return {
    generated, validation: { checked: validation.checked, invalid: validation.failures.length, ms: round(validation.ms) }, resetMs: round(reset.ms),
    write: { totalMs: round(write.totalMs), actorsMs: round(write.actorsMs), eventsMs: round(write.eventsMs), deriveMs: round(write.deriveMs), recordsPerSecond: Math.round(records / (write.totalMs / 1000)), chunkSize: config.chunk, actorChunksMs: chunkStats(write.actorChunksMs), eventChunksMs: chunkStats(write.eventChunksMs) },
    expectations,
  };
}

async function heap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return { usedMB: round(get('JSHeapUsedSize') / 2 ** 20), totalMB: round(get('JSHeapTotalSize') / 2 ** 20), nodes: get('Nodes') };
}

/** Phase 2, in a freshly launched browser on the same profile: the real app. */
async function measureApp(context, origin, expectations, errors) {
  const page = context.pages()[0] ?? (await context.newPage());
  watchErrors(page, errors);
  // Built from tests/bench/appProbe.ts; runs before the app's own scripts on every load.
  // Wrapped so its top-level names stay out of the page's global scope.
  await page.addInitScript({ content: `(() => {\n${await readFile(join(ROOT, 'dist/bench/probe.js'), 'utf8')}\n})();` });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const chromiumVersion = (await cdp.send('Browser.getVersion')).product;

  if (opts.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${origin}/`);
  const cold = await page.evaluate(() => window.__probe.firstPaint);
  const profile = opts.profile ? await saveProfile(cdp) : undefined;
  if (cold.timeout) throw new Error(`the actor list never showed a named row: ${JSON.stringify(cold)}`);
  log(`first paint (cold): ${ms(cold.ms)}  [script ${ms(cold.milestones.scriptStart)}, db open ${ms(cold.milestones.dbOpen)}, listbox ${ms(cold.milestones.listbox)}, count ${ms(cold.milestones.count)}, placeholder rows ${ms(cold.milestones.rows)}, FCP ${ms(cold.milestones.fcp)}]`);
  const heapAfterLoad = await heap(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGc = await heap(cdp);

  const warm = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    warm.push(await page.evaluate(() => window.__probe.firstPaint));
  }
  log(`first paint (warm reloads): ${warm.map((w) => ms(w.ms)).join(', ')}`);

  const { all } = expectations;
  // Filters are timed on a settled list, as a user meets it: after the full id list and count arrived.
  const settled = await page.evaluate((e) => window.__probe.settled(e), all);
  log(`full list and count shown: ${ms(settled.ms)} after navigation`);
  const statusSamples = [];
  const clearSamples = [];
  for (const [status, exp] of Object.entries(expectations.byStatus)) {
    const r = await page.evaluate(([s, e]) => window.__probe.setStatus(s, e), [status, exp]);
    statusSamples.push({ status, expected: exp.count, ...r });
    clearSamples.push(await page.evaluate((e) => window.__probe.setStatus('', e), all));
  }
  log(`filter by status: ${statusSamples.map((s) => `${s.status} ${ms(s.ms)}`).join(', ')}`);

  const text = await page.evaluate(([q, e]) => window.__probe.setText(q, e), [TEXT_QUERY, expectations.text]);
  const textClear = await page.evaluate((e) => window.__probe.setText('', e), all);
  log(`text filter "${TEXT_QUERY}" (${expectations.text.count} matches): ${ms(text.ms)}; cleared ${ms(textClear.ms)}`);

  const profiles = await page.evaluate(() => window.__probe.openProfiles(10));
  log(`profile open: ${profiles.map((p) => ms(p.ms)).join(', ')}`);

  const scrolls = [];
  for (const at of [0.5, 0.1, 0.9, 0.3, 0.7]) scrolls.push({ at, ...(await page.evaluate((f) => window.__probe.scrollTo(f), at)) });
  log(`scroll jumps: ${scrolls.map((s) => ms(s.ms)).join(', ')}`);
  const heapAtEnd = await heap(cdp);
  await page.close();

  // The same queries without React, on the bench page, after the app's figures are taken.
  const bench = await context.newPage();
  await bench.goto(`${origin}/bench/`);
  await bench.waitForFunction(() => window.casefileBench !== undefined);
  const queries = await bench.evaluate((q) => window.casefileBench.breakdown(q), TEXT_QUERY);
  log(`queries alone: ${Object.entries(queries).map(([k, v]) => `${k} ${ms(v)}`).join('; ')}`);
  await bench.close();

  return {
    chromiumVersion,
    firstPaint: { cold, warm, warmMedianMs: round(median(warm.filter((w) => !w.timeout).map((w) => w.ms))) },
    settled,
    filterByStatus: summarise(statusSamples), clearStatusFilter: summarise(clearSamples),
    textFilter: { query: TEXT_QUERY, matches: expectations.text.count, ...text, clear: textClear },
    profileOpen: summarise(profiles), scroll: summarise(scrolls),
    heap: { afterLoad: heapAfterLoad, afterLoadGc: heapAfterGc, atEnd: heapAtEnd },
    queriesAlone: queries, ...(profile ? { coldLoadProfile: profile } : {}),
  };
}

/** Stops the profiler, saves the profile, and sums self time per function for a quick look. */
async function saveProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(join(ROOT, 'bench-results/cold-load.cpuprofile'), JSON.stringify(profile));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const self = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, t]) => ({ fn, selfMs: round(t) }));
  log(`cold-load CPU profile (bench-results/cold-load.cpuprofile), top self time:\n${top.map((t) => `    ${String(t.selfMs).padStart(7)} ms  ${t.fn}`).join('\n')}`);
  return { file: 'bench-results/cold-load.cpuprofile', top };
}

// ---------------------------------------------------------------- report
function table(results) {
  const a = results.app;
  const verdict = (v, target) => (target == null ? '' : v != null && v <= target ? 'PASS' : 'MISS');
  const rows = [
    ['Bulk write', `${ms(results.fill.write.totalMs)} (${results.fill.write.recordsPerSecond.toLocaleString('en')} records/s)`, '—', ''],
    ['Actor list first paint, cold', ms(a.firstPaint.cold.ms), `≤ ${TARGETS.firstPaintMs} ms`, verdict(a.firstPaint.cold.ms, TARGETS.firstPaintMs)],
    ['Actor list first paint, warm (median of 3)', ms(a.firstPaint.warmMedianMs), `≤ ${TARGETS.firstPaintMs} ms`, verdict(a.firstPaint.warmMedianMs, TARGETS.firstPaintMs)],
    ['Full list and count shown (after navigation)', ms(a.settled.ms), '—', ''],
    [`Filter by status, median (${a.filterByStatus.samples.length} statuses)`, ms(a.filterByStatus.median), `≤ ${TARGETS.filterMs} ms`, verdict(a.filterByStatus.median, TARGETS.filterMs)],
    ['Filter by status, max', ms(a.filterByStatus.max), `≤ ${TARGETS.filterMs} ms`, a.filterByStatus.timeouts ? 'MISS' : verdict(a.filterByStatus.max, TARGETS.filterMs)],
    ['Clear status filter (back to all), median', ms(a.clearStatusFilter.median), `≤ ${TARGETS.filterMs} ms`, verdict(a.clearStatusFilter.median, TARGETS.filterMs)],
    [`Text filter "${a.textFilter.query}" (${a.textFilter.matches} matches)`, ms(a.textFilter.ms), `≤ ${TARGETS.filterMs} ms`, verdict(a.textFilter.ms, TARGETS.filterMs)],
    ['Profile open, median (10 rows)', ms(a.profileOpen.median), '—', ''],
    ['Profile open, max', ms(a.profileOpen.max), '—', ''],
    ['Scroll jump, visible rows filled, median', ms(a.scroll.median), '—', ''],
    ['JS heap after load (after GC)', `${a.heap.afterLoad.usedMB} MB (${a.heap.afterLoadGc.usedMB} MB)`, '—', ''],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['Figure', 'Result', 'Target'][i].length));
  const line = (r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  return [line(['Figure', 'Result', 'Target', '']), line(w.map((n) => '-'.repeat(n)).concat('----')), ...rows.map(line)].join('\n');
}

async function main() {
  if (!opts['no-build']) {
    log('building the bench page (tests/bench → dist/bench)');
    await build({ configFile: join(ROOT, 'tests/bench/vite.config.ts'), logLevel: 'warn' });
  }
  const { server, origin } = await startServer();
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-'));
  const errors = [];
  let context;
  try {
    log(`serving dist/renderer and dist/bench at ${origin}; ${config.actors} actors + ${config.events} events, seed ${config.seed}`);
    context = await launch(userDataDir);
    const filled = await fill(context, origin, errors);
    await context.close();
    // A new browser process on the same profile: the app starts as after a restart, with IndexedDB cold.
    context = await launch(userDataDir);
    const app = await measureApp(context, origin, filled.expectations, errors);
    await context.close();
    context = undefined;

    const { expectations: _expectations, ...fillReport } = filled;
    const results = {
      date: new Date().toISOString(), config, targets: TARGETS,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, chromium: app.chromiumVersion, chromiumCli: chromiumCliVersion() },
      fill: fillReport, app, pageErrors: errors, durationS: round((Date.now() - started) / 1000),
    };
    await mkdir(join(ROOT, 'bench-results'), { recursive: true });
    await writeFile(join(ROOT, 'bench-results/bench.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nCasefile bench: ${config.actors.toLocaleString('en')} actors + ${config.events.toLocaleString('en')} events, ${results.machine.cpus} cores, ${results.machine.chromium}, Node ${process.version}\n`);
    console.log(table(results));
    if (errors.length) console.log(`\n${errors.length} page error(s), first: ${errors[0]}`);
    console.log(`\nFull results: bench-results/bench.json (${results.durationS} s in all)`);
  } finally {
    await context?.close().catch(() => {});
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

function chromiumCliVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
