// The link chart suite of `npm run bench:views` (issue 14), in real Chromium under the app's CSP:
//   build        the chart graph from 2,000 records' worth of people, groups and events (~5,000 links)
//   layout       the app's layout worker (getLayoutClient) on all of it, from scratch; target ≤ 3 s
//   reference    cytoscape's fcose on the same graph in the same run ('draft': its spectral stage
//                alone; 'default' on a quarter-size graph, since the full one takes tens of seconds)
//   interactions main-thread time of pan and zoom frames, hover, select, hide, expand, the date
//                filter and a shortest path, each with the canvas drawn and flushed; target p95 ≤ 16 ms
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT, chromiumCliVersion, formatTable, launch, log, round, serveFolders, watchErrors, writeResults } from './bench-common.mjs';

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (x) => (x == null ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x < 10 ? `${x.toFixed(2)} ms` : `${Math.round(x)} ms`);
const TARGETS = { layoutMs: 3000, interactionP95Ms: 16 };

export async function chartSuite({ nodes = 2000, edges = 5000, seed = 20241206, rounds = 60, skipBuild = false } = {}) {
  const result = { suite: 'chart', config: { nodes, edges, seed, rounds }, machine: { cpus: cpus().length, chromium: chromiumCliVersion(), loadavgStart: load() }, errors: [] };
  log(`chart suite: ${nodes} nodes / ${edges} edges; ${cpus().length} cores; load ${load()}`);
  if (!skipBuild) await build({ configFile: join(ROOT, 'tests/bench/chart.vite.config.ts'), logLevel: 'warn' });
  const { server, origin } = await serveFolders([['dist/bench-chart', '/bench-chart', 'chart.html']]);
  const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-bench-chart-'));
  const context = await launch(userDataDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, result.errors);
    await page.goto(`${origin}/bench-chart/chart.html`);
    await page.waitForFunction(() => window.casefileChartBench !== undefined, null, { timeout: 60_000 });
    const bench = (fn, arg) => page.evaluate(([f, a]) => window.casefileChartBench[f](a), [fn, arg]);

    result.build = await bench('build', { nodes, edges, seed });
    log(`graph built from the records in ${fmt(result.build.ms)}: ${result.build.nodes} nodes, ${result.build.edges} edges; load ${load()}`);
    result.layouts = [];
    for (let i = 0; i < 3; i++) {
      const l = await bench('layout');
      l.loadavg = load();
      result.layouts.push(l);
      log(`  layout (app worker): ${fmt(l.wallMs)} wall, ${fmt(l.workerMs)} in the worker; longest main-thread gap ${fmt(l.longestGapMs)}; ${l.stacked} nodes stacked; load ${l.loadavg}`);
    }
    result.referenceDraft = await bench('reference', { quality: 'draft', seed });
    result.referenceDraft.loadavg = load();
    log(`  reference: cytoscape fcose 'draft' (spectral only) on the same graph: ${fmt(result.referenceDraft.ms)}; load ${load()}`);
    const quarter = { nodes: Math.round(nodes / 4), edges: Math.round(edges / 4) };
    result.referenceQuarter = await bench('reference', { quality: 'default', ...quarter, seed });
    result.referenceQuarter.loadavg = load();
    log(`  reference: cytoscape fcose 'default' on ${result.referenceQuarter.nodes} nodes / ${result.referenceQuarter.edges} edges: ${fmt(result.referenceQuarter.ms)}; load ${load()}`);

    await bench('layout'); // positions for the interactions
    result.interactions = await bench('interactions', { rounds });
    result.interactions.loadavg = load();
    for (const [k, v] of Object.entries(result.interactions.byKind)) log(`  ${k.padEnd(10)} n=${v.n} p50 ${fmt(v.p50)} p95 ${fmt(v.p95)} max ${fmt(v.max)}`);
    log(`  reference frame (raw strokes, same graph): p50 ${fmt(result.interactions.referenceP50)} p95 ${fmt(result.interactions.referenceP95)}; app p95 before the flush ${fmt(result.interactions.unflushedP95)}; load ${load()}`);
    const s = result.interactions.settle;
    log(`  settle (the repaint once a pan or zoom stops, answering no input) n=${s.n} p50 ${fmt(s.p50)} p95 ${fmt(s.p95)} max ${fmt(s.max)}`);
    log(`  frames by how they were made: ${Object.entries(result.interactions.frameKinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);

    const best = Math.min(...result.layouts.map((l) => l.wallMs));
    const median = [...result.layouts.map((l) => l.wallMs)].sort((a, b) => a - b)[1];
    const verdict = (ok) => (ok ? 'met' : 'MISSED');
    const rows = [
      ['graph from records', fmt(result.build.ms), '—', ''],
      ['layout, app worker (median of 3)', fmt(median), `≤ ${fmt(TARGETS.layoutMs)}`, verdict(median <= TARGETS.layoutMs)],
      ['  ref. fcose draft, same graph', fmt(result.referenceDraft.ms), `ratio app/ref ${round(median / result.referenceDraft.ms, 2)}`, ''],
      [`  ref. fcose default, ${quarter.nodes}/${quarter.edges}`, fmt(result.referenceQuarter.ms), `ratio app(full)/ref(¼) ${round(median / result.referenceQuarter.ms, 2)}`, ''],
      ['interactions p95 (all kinds)', fmt(result.interactions.p95), `≤ ${TARGETS.interactionP95Ms} ms`, verdict(result.interactions.p95 <= TARGETS.interactionP95Ms)],
      ['  ref. raw frame p95, same graph', fmt(result.interactions.referenceP95), `ratio app/ref ${round(result.interactions.p95 / result.interactions.referenceP95, 2)}`, ''],
      ['repaint after a motion stops, p95', fmt(result.interactions.settle.p95), '—', ''],
    ];
    result.summary = { layoutMedianMs: round(median), layoutBestMs: round(best), interactionP95Ms: round(result.interactions.p95, 2) };
    console.log(`\n${formatTable(rows)}\n\nload average at the end: ${load()}`);
    if (result.errors.length) console.log(`page errors:\n  ${result.errors.slice(0, 10).join('\n  ')}`);
  } finally {
    result.machine.loadavgEnd = load();
    await writeResults(`views-chart-${nodes}.json`, result);
    await context.close().catch(() => {});
    server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
  return result;
}
