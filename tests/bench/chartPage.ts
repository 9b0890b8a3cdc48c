// The link chart bench page (scripts/bench-views-chart.mjs drives it): a synthetic library of
// people, groups and events, the chart graph built from it, the app's layout worker on it, the
// same graph laid out by cytoscape (fcose) as the reference, and the main-thread work of each
// interaction (pan and zoom frames, hover, select, hide, expand, the date filter, a path), drawn
// as the app draws them (ChartLayers: the kept picture moved while the view moves, the overlay
// alone for hover and selection, a full repaint when what is shown changes), plus the repaint
// that follows each motion once it stops ("settle", reported apart: it answers no input).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Actor, CaseEvent } from '../../shared/model';
import { buildChartGraph } from '../../shared/chart/build';
import { CHART_EDGE_KINDS } from '../../shared/chart/types';
import type { ChartGraph } from '../../shared/chart/types';
import { visibleChart } from '../../shared/chart/visible';
import { hitNode, zoomAt } from '../../shared/chart/viewport';
import type { Viewport } from '../../shared/chart/viewport';
import { EMPTY_CHART, expandNode, filterOf, findPath, setHidden } from '../../shared/chart/work';
import type { ChartWork } from '../../shared/chart/work';
import { getLayoutClient } from '../../renderer/features/chart/layoutClient';
import { ChartLayers } from '../../renderer/features/chart/chartLayers';
import type { Point } from '../../shared/chart/svg';

cytoscape.use(fcose);

const uuid = (n: number, kind: number) => `00000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;
const year = (y: number) => ({ label: String(y), edtf: String(y), earliest: `${y}-01-01`, latest: `${y}-12-31`, precision: 'year' as const });

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** People in 1–2 groups each, events with ~6 participants: about `nodes` nodes and `edges` edges. */
function records(nodes: number, edges: number, seed: number) {
  const r = rng(seed);
  const groups = Math.round(nodes * 0.05), events = Math.round(nodes * 0.25), people = nodes - groups - events;
  const membershipsPer = 1.5;
  const perEvent = Math.max(1, Math.round((edges - people * membershipsPer) / events));
  const actors: Actor[] = [];
  for (let g = 0; g < groups; g++) actors.push(actor(uuid(g, 1), `Group ${g}`, 'armed_group', []));
  for (let p = 0; p < people; p++) {
    const count = r() < 0.5 ? 1 : 2;
    const memberships = Array.from({ length: count }, (_, i) => {
      // Groups by popularity (a few big ones), dates over 1980–2020.
      const from = 1980 + Math.floor(r() * 35);
      return { id: uuid(p * 2 + i, 3), groupId: uuid(Math.floor(groups * r() ** 2), 1), role: 'member', from: year(from), to: r() < 0.5 ? year(from + 1 + Math.floor(r() * 10)) : null, note: '', citations: [] };
    });
    actors.push(actor(uuid(p, 2), `Person ${p}`, 'person', memberships));
  }
  const caseEvents: CaseEvent[] = [];
  for (let e = 0; e < events; e++) {
    const participants = Array.from({ length: perEvent }, (_, i) => ({ id: uuid(e * 100 + i, 5), actorId: r() < 0.2 ? uuid(Math.floor(r() * groups), 1) : uuid(Math.floor(r() * people), 2), role: 'participant' as const, note: '', citations: [] }));
    caseEvents.push({
      id: uuid(e, 4), createdAt: 0, updatedAt: 0, title: `Event ${e}`, date: year(1980 + Math.floor(r() * 40)),
      place: { name: '', admin1: '', admin2: '', admin3: '', country: '', latitude: null, longitude: null, precision: 'unknown' },
      type: 'battles', subType: 'armed_clash', description: '', fatalities: { total: null, bySide: [] }, seizures: [],
      participants: participants.filter((p, i, all) => all.findIndex((q) => q.actorId === p.actorId) === i), relatedEventIds: [], tags: [], citations: [], caseIds: [],
    });
  }
  return { actors, events: caseEvents, documents: [], coMentions: [] };
}

function actor(id: string, name: string, kind: Actor['kind'], memberships: Actor['memberships']): Actor {
  return { id, createdAt: 0, updatedAt: 0, kind, name, names: [], description: '', tags: [], birth: null, death: null, nationality: '', memberships, statusHistory: [], citations: [], caseIds: [] };
}

let graph: ChartGraph | null = null;
let work: ChartWork = EMPTY_CHART;
let positions = new Map<string, Point>();

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? null; };

const bench = {
  build({ nodes, edges, seed }: { nodes: number; edges: number; seed: number }) {
    const input = records(nodes, edges, seed);
    const t0 = performance.now();
    graph = buildChartGraph(input);
    const ms = performance.now() - t0;
    work = { ...EMPTY_CHART, shown: [...graph.nodes.keys()] };
    const visible = visibleChart(graph, work.shown, new Set(), filterOf(work));
    return { ms, nodes: visible.nodes.length, edges: visible.edges.length };
  },

  /** The app's layout worker on the whole graph, from scratch: wall time including transfer, and the worker's own time. */
  async layout() {
    const visible = visibleChart(graph!, work.shown, new Set(), filterOf(work));
    const t0 = performance.now();
    let longest = 0, last = performance.now();
    const ticker = setInterval(() => { const now = performance.now(); longest = Math.max(longest, now - last); last = now; }, 10);
    const job = getLayoutClient().run({ ids: visible.nodes.map((n) => n.id), edges: visible.edges.map((e) => [e.edge.source, e.edge.target] as const), positions: {}, pinned: new Set(), fresh: true }, () => undefined);
    const r = await job.result;
    clearInterval(ticker);
    if (!r) throw new Error('layout cancelled');
    positions = r.positions;
    work = { ...work, positions: Object.fromEntries(positions) };
    // How spread out: no two nodes on top of each other.
    let stacked = 0;
    const pts = [...positions.values()];
    const grid = new Set<string>();
    for (const p of pts) { const k = `${Math.round(p.x / 4)}:${Math.round(p.y / 4)}`; if (grid.has(k)) stacked++; grid.add(k); }
    return { wallMs: performance.now() - t0, workerMs: r.ms, longestGapMs: longest, stacked };
  },

  /** Reference: cytoscape headless with fcose on the same graph, in this page's main thread. */
  reference({ quality, nodes, edges, seed }: { quality: 'draft' | 'default'; nodes?: number; edges?: number; seed: number }) {
    const g = nodes ? buildChartGraph(records(nodes, edges!, seed)) : graph!;
    const elements = [
      ...[...g.nodes.keys()].map((id) => ({ data: { id } })),
      ...[...g.edges.values()].map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    ];
    const cy = cytoscape({ headless: true, styleEnabled: false, elements });
    const t0 = performance.now();
    cy.layout({ name: 'fcose', animate: false, randomize: true, quality } as cytoscape.LayoutOptions).run();
    const ms = performance.now() - t0;
    cy.destroy();
    return { ms, nodes: g.nodes.size, edges: g.edges.size };
  },

  /** Main-thread time of each interaction, the canvas drawn as the app draws it (1280 × 700). */
  interactions({ rounds }: { rounds: number }) {
    const canvas = document.getElementById('chart') as HTMLCanvasElement;
    const width = 1280, height = 700, dpr = window.devicePixelRatio || 1;
    canvas.width = width * dpr; canvas.height = height * dpr;
    canvas.style.width = `${width}px`; canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d')!;
    const g = graph!;
    let view: Viewport = { x: width / 2, y: height / 2, k: 0.35 };
    let visible = visibleChart(g, work.shown, new Set(work.hidden), filterOf(work));
    const ids = visible.nodes.map((n) => n.id);
    const layers = new ChartLayers();
    const pinned = new Set(work.pinned);
    let path: ReadonlySet<string> = new Set();
    const draw = (selected: string | null, opts: { moving?: boolean; hover?: string | null } = {}) =>
      layers.frame(ctx, { chart: visible, positions, view, width, height, selected, hover: opts.hover ?? null, pinned, path }, dpr, { moving: opts.moving ?? false });
    // One pixel read back makes the GPU finish the frame, so its cost is counted too.
    const flush = () => ctx.getImageData(0, 0, 1, 1);
    const samples: Record<string, number[]> = { pan: [], zoom: [], hover: [], select: [], hide: [], expand: [], dateFilter: [], path: [] };
    const settle: number[] = [];
    const kinds: Record<string, number> = {};
    const unflushed: number[] = [];
    const reference: number[] = [];
    const time = (kind: string, fn: () => string | void) => {
      const t0 = performance.now(); const made = fn(); const t1 = performance.now(); flush();
      samples[kind]!.push(performance.now() - t0); unflushed.push(t1 - t0);
      if (made) kinds[`${kind}:${made}`] = (kinds[`${kind}:${made}`] ?? 0) + 1;
    };
    const settleFrame = (selected: string | null) => { const t0 = performance.now(); draw(selected); flush(); settle.push(performance.now() - t0); };
    // The reference frame: the same edges and nodes stroked and filled as one path each, no
    // culling, styles, rings or labels: about the least any canvas drawing of this graph costs.
    const lines: number[] = [];
    for (const { edge } of visible.edges) { const a = positions.get(edge.source)!, b = positions.get(edge.target)!; lines.push(a.x, a.y, b.x, b.y); }
    const pts = [...positions.values()];
    const rawFrame = () => {
      const t0 = performance.now();
      ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
      ctx.clearRect(-1e6, -1e6, 2e6, 2e6);
      ctx.beginPath();
      for (let j = 0; j < lines.length; j += 4) { ctx.moveTo(lines[j]!, lines[j + 1]!); ctx.lineTo(lines[j + 2]!, lines[j + 3]!); }
      ctx.stroke();
      ctx.beginPath();
      for (const p of pts) { ctx.moveTo(p.x + 9, p.y); ctx.arc(p.x, p.y, 9, 0, Math.PI * 2); }
      ctx.fill();
      flush();
      reference.push(performance.now() - t0);
    };
    draw(null); flush();
    const r = rng(7);
    let selected: string | null = null;
    for (let i = 0; i < rounds; i++) {
      rawFrame();
      time('pan', () => { view = { ...view, x: view.x + 7, y: view.y - 3 }; return draw(selected, { moving: true }); });
      time('zoom', () => { view = zoomAt(view, i % 20 < 10 ? 1.08 : 1 / 1.08, 640, 350); return draw(selected, { moving: true }); });
      // The motion stops: the picture is repainted sharp at the new view.
      settleFrame(selected);
      time('hover', () => {
        const over = hitNode(view, ids, positions, r() * width, r() * height, 13);
        return draw(selected, { hover: over ?? ids[Math.floor(r() * ids.length)]! });
      });
      const id = ids[Math.floor(r() * ids.length)]!;
      time('select', () => { selected = id; return draw(selected); });
      if (i % 5 === 0) {
        time('hide', () => { work = setHidden(work, id, true); visible = visibleChart(g, work.shown, new Set(work.hidden), filterOf(work)); return draw(null); });
        work = setHidden(work, id, false);
        time('expand', () => { work = expandNode(g, work, id).work; visible = visibleChart(g, work.shown, new Set(work.hidden), filterOf(work)); return draw(id); });
        time('dateFilter', () => { work = { ...work, at: `${1985 + (i % 30)}-06-01` }; visible = visibleChart(g, work.shown, new Set(work.hidden), filterOf(work)); return draw(null); });
        const other = ids[Math.floor(r() * ids.length)]!;
        time('path', () => { const next = findPath(g, work, id, other); path = new Set([...(next?.path?.nodes ?? []), ...(next?.path?.edges ?? [])]); return draw(null); });
        // Clearing the path is a repaint of its own (untimed here), not part of the next pan.
        path = new Set();
        selected = null;
        draw(null); flush();
      }
    }
    work = { ...work, at: null, edgeKinds: [...CHART_EDGE_KINDS] };
    const all = Object.values(samples).flat();
    const summary = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, { n: xs.length, p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: Math.max(...xs) }]));
    return {
      p95: pct(all, 0.95), p50: pct(all, 0.5), n: all.length, byKind: summary,
      unflushedP95: pct(unflushed, 0.95), referenceP50: pct(reference, 0.5), referenceP95: pct(reference, 0.95),
      settle: { n: settle.length, p50: pct(settle, 0.5), p95: pct(settle, 0.95), max: Math.max(...settle) }, frameKinds: kinds,
    };
  },
};

declare global { interface Window { casefileChartBench: typeof bench } }
window.casefileChartBench = bench;
document.getElementById('status')!.textContent = 'ready';
