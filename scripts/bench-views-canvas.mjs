// The canvas suites of `npm run bench:views` (issue 14) in Chromium, each in a fresh page:
//   timeline   10,000 events + 10,000 actors: model + first draw, pan/zoom frames (rows by actor and by type)
//   map        10,000 events: basemap load + first draw at 50m and 110m, frames drawn afresh and from the cached basemap
//   gazetteer  the shipped GeoNames file: load and index, lookups as typed, and round trips through the app's worker
// Every figure is printed beside a reference measured in the same run (plain canvas drawing,
// a naive scan) and the load average, since the machine is shared. Results: bench-results/views.json.
//
//   npm run bench:views [-- --suite timeline,map,gazetteer,chart|all] [--events N] [--actors N] [--no-build]
// More canvas views add a suite: a function in tests/bench/viewsPage.ts, a `report` entry here.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { buildGazetteerText } from './build-gazetteer.mjs';
import { ROOT, chromiumCliVersion, formatTable, launch, log, round, serveFolders, watchErrors, writeResults } from './bench-common.mjs';

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (x) => (x == null ? '—' : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const verdict = (ok) => (ok ? 'ok' : 'MISSED');
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

const TYPED = ['Ayacucho', 'Apurimac', 'San Miguel', 'Pichari', 'Medellin', 'Goma', 'Kandahar', 'Sao Paulo', 'Lima', 'Xalapa'];

/** Each suite: how to run it in the page, and its rows of [figure, result, target, verdict]. */
export const CANVAS_SUITES = ['timeline', 'map', 'gazetteer'];

const suites = {
  timeline: {
    run: (page, config) => page.evaluate((o) => window.casefileViewsBench.timeline(o), config),
    report: (r) => ['actor', 'type'].flatMap((g) => [
      [`timeline by ${g}: first draw (model + canvas), ${r[g].items} items in ${r[g].rows} rows`, fmt(r[g].firstDrawMs), '≤ 500 ms', verdict(r[g].firstDrawMs <= 500)],
      [`  of which building the model`, fmt(r[g].buildMs), '', ''],
      [`  reference: structured clone of the records; first draw / reference`, `${fmt(r.referenceCloneMs)}; ${ratio(r[g].firstDrawMs, r.referenceCloneMs)}`, '', ''],
      [`timeline by ${g}: pan/zoom frame p95 (median ${fmt(r[g].frames.median)}, max ${fmt(r[g].frames.max)})`, fmt(r[g].frames.p95), '≤ 16 ms', verdict(r[g].frames.p95 <= 16)],
      [`  reference: ${r[g].referenceRects} plain rectangles; frame p95 / reference`, `${fmt(r[g].referenceRectsMs)}; ${ratio(r[g].frames.p95, r[g].referenceRectsMs)}`, '', ''],
    ]),
  },
  map: {
    run: (page, config) => page.evaluate((o) => window.casefileViewsBench.map(o), config),
    report: (r) => ['50m', '110m'].flatMap((res) => [
      [`map ${res}: first draw of ${r[res].markers} events (basemap load ${fmt(r[res].loadMs)} + draw ${fmt(r[res].firstDrawWithoutLoadMs)})`, fmt(r[res].firstDrawMs), '≤ 500 ms', verdict(r[res].firstDrawMs <= 500)],
      [`map ${res}: frame while moving (cached basemap + clustering) p95`, fmt(r[res].framesCached.p95), '≤ 16 ms', verdict(r[res].framesCached.p95 <= 16)],
      [`map ${res}: frame with the basemap redrawn p95 (when motion stops)`, fmt(r[res].framesFull.p95), '—', ''],
      [`  reference: ${r[res].markers} plain circles; moving frame p95 / reference`, `${fmt(r[res].referenceCirclesMs)}; ${ratio(r[res].framesCached.p95, r[res].referenceCirclesMs)}`, '', ''],
    ]),
  },
  gazetteer: {
    run: (page) => page.evaluate((o) => window.casefileViewsBench.gazetteer(o), { words: TYPED }),
    report: (r) => [
      [`gazetteer: load ${r.places} places (fetch ${fmt(r.fetchMs)} + index ${fmt(r.parseMs)}), ${r.keys} keys`, fmt(r.fetchMs + r.parseMs), '—', ''],
      [`gazetteer: lookup as typed, p95 of ${r.lookups.n} (max ${fmt(r.lookups.max)})`, fmt(r.lookups.p95), '≤ 50 ms', verdict(r.lookups.p95 <= 50)],
      [`gazetteer: through the worker, round trip p95 (first answer incl. load ${fmt(r.workerFirstAnswerMs)})`, fmt(r.workerRoundTrips.p95), '≤ 50 ms', verdict(r.workerRoundTrips.p95 <= 50)],
      [`  reference: plain scan of all names p95; lookup / reference`, `${fmt(r.naiveScan.p95)}; ${ratio(r.lookups.p95, r.naiveScan.p95)}`, '', ''],
    ],
  },
};

/** Runs the chosen canvas suites; `config`: { events, actors, seed, frames }. */
export async function canvasSuites(chosen, config, { skipBuild = false } = {}) {
  const result = { config, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: round(totalmem() / 2 ** 30), chromium: chromiumCliVersion(), loadavgStart: load() }, errors: [], suites: {} };
  log(`views bench: ${chosen.join(', ')}; ${config.events} events, ${config.actors} actors; ${cpus().length} cores; load ${load()}`);
  if (!skipBuild) {
    log('building tests/bench/views.html → dist/bench-views');
    await build({ configFile: join(ROOT, 'tests/bench/views.vite.config.ts'), logLevel: 'warn' });
  }
  const extra = new Map([['/bench-views/gazetteer/places.tsv', Buffer.from(buildGazetteerText())]]);
  const { server, origin } = await serveFolders([['dist/bench-views', '/bench-views', 'views.html']], extra);
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-views-'));
  const context = await launch(userDataDir);
  const rows = [];
  try {
    for (const name of chosen) {
      const page = await context.newPage();
      watchErrors(page, result.errors);
      await page.goto(`${origin}/bench-views/views.html`);
      await page.waitForFunction(() => window.casefileViewsBench !== undefined, null, { timeout: 60_000 });
      log(`suite ${name}; load ${load()}`);
      const r = await suites[name].run(page, config);
      result.suites[name] = { ...r, loadavg: load() };
      rows.push(...suites[name].report(r));
      log(`suite ${name} done; load ${load()}`);
      await page.close();
    }
  } finally {
    await context.close();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  result.machine.loadavgEnd = load();
  await writeResults('views.json', result);
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memGiB} GiB, ${result.machine.chromium}; load average ${result.machine.loadavgStart} → ${result.machine.loadavgEnd}`);
  if (result.errors.length) { console.log(`errors:\n${result.errors.join('\n')}`); process.exitCode = 1; }
}

