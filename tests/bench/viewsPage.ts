// The views bench page: each suite measures one view's figures in this page's main thread
// (the window, where the app draws) against a same-run reference. Driven by
// scripts/bench-views.mjs through window.casefileViewsBench; one function per suite, so other
// views add theirs beside these.
import { buildTimeline, fitView, panBy, rowOffsets, zoomAround } from '../../shared/timeline';
import type { TimelineLabels } from '../../shared/timeline';
import { dayIndex } from '../../shared/dates';
import { eventMarkers, regionKey, regionQueries } from '../../shared/geo/markers';
import { fitCamera, panCamera, zoomCamera } from '../../shared/geo/mapView';
import { foldText } from '../../shared/text/fold';
import { drawTimeline } from '../../renderer/features/timeline/drawTimeline';
import type { TimelineFrame } from '../../renderer/features/timeline/drawTimeline';
import { loadBasemap } from '../../renderer/features/map/basemap';
import { drawBasemap, drawMarkers } from '../../renderer/features/map/drawMap';
import { gazetteer } from '../../renderer/workers/gazetteerClient';
import { parseGazetteer, searchGazetteer } from '../../shared/geo/gazetteer';
import { generateRecords } from './viewsRecords';

const W = 1280;
const H = 720;
const now = () => performance.now();
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? 0; };
const stats = (xs: number[]) => ({ n: xs.length, median: pct(xs, 0.5), p95: pct(xs, 0.95), max: Math.max(...xs) });
/** Forces the canvas to finish drawing (reading a pixel waits for it), so timings include rasterising. */
const settle = (ctx: CanvasRenderingContext2D) => ctx.getImageData(0, 0, 1, 1);

function canvas2d(): CanvasRenderingContext2D {
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  document.body.append(c);
  return c.getContext('2d', { willReadFrequently: false })!;
}

const labels: TimelineLabels = { status: (s) => s, eventType: (t) => t, noGroup: 'No group', statusRow: 'Status', membershipRow: 'Memberships', unknownDate: '?' };
const tickLabel = (t: { year: number; month: number; day: number }) => `${t.year}-${t.month}-${t.day}`;

async function timeline(o: { actors: number; events: number; seed: number; frames: number }) {
  const { actors, events } = generateRecords(o.actors, o.events, o.seed);
  const ctx = canvas2d();
  // Reference for the first draw: one structured clone of the records, less than what reading
  // them from IndexedDB costs the window (the app reads them before it can draw anything).
  const c0 = now();
  structuredClone({ actors, events });
  const cloneMs = now() - c0;
  const out: Record<string, unknown> = { actors: actors.length, events: events.length, referenceCloneMs: cloneMs };
  for (const grouping of ['actor', 'type'] as const) {
    const t0 = now();
    const model = buildTimeline(actors, events, grouping, labels);
    const t1 = now();
    const offsets = rowOffsets(model);
    let f: TimelineFrame = { model, offsets, view: fitView(model.extent, W - 180, dayIndex('2026-01-01')), scrollTop: 0, width: W, height: H, selectedRecordId: null, focusKey: null, tickLabel };
    drawTimeline(ctx, f);
    settle(ctx);
    const t2 = now();
    // Frames as a user pans and zooms: from everything in view (the densest) down to weeks, and back.
    const frames: number[] = [];
    for (let i = 0; i < o.frames; i++) {
      const phase = Math.floor(i / 20) % 4;
      const view = phase === 0 ? zoomAround(f.view, 1.25, (W - 180) / 2) : phase === 1 ? panBy(f.view, 60) : phase === 2 ? zoomAround(f.view, 0.8, (W - 180) / 2) : panBy(f.view, -60);
      f = { ...f, view, scrollTop: (f.scrollTop + 37) % Math.max(1, offsets[offsets.length - 1]! - H) };
      const s = now();
      drawTimeline(ctx, f);
      settle(ctx);
      frames.push(now() - s);
    }
    // Reference: the same canvas filling as many plain rectangles as the fitted first frame has items on screen, no model.
    const r0 = now();
    ctx.clearRect(0, 0, W, H);
    let shown = 0;
    for (const row of model.rows) { shown += row.items.length; if (shown > 20000) break; }
    for (let i = 0; i < Math.min(shown, 20000); i++) { ctx.fillStyle = i % 2 ? '#D55E00' : '#009E73'; ctx.fillRect((i * 7) % W, (i * 13) % H, 6, 12); }
    settle(ctx);
    const ref = now() - r0;
    out[grouping] = { rows: model.rows.length, items: model.itemCount, buildMs: t1 - t0, firstDrawMs: t2 - t0, frames: stats(frames), referenceRectsMs: ref, referenceRects: Math.min(shown, 20000) };
  }
  return out;
}

async function map(o: { events: number; seed: number; frames: number }) {
  const { events } = generateRecords(1000, o.events, o.seed);
  const ctx = canvas2d();
  // Region centres come from the gazetteer worker in the app; here too.
  const queries = regionQueries(events);
  const found = await gazetteer().regions(queries);
  const regions = new Map(queries.map((q, i) => [regionKey(q), found[i] ? { name: found[i]!.name, lat: found[i]!.lat, lon: found[i]!.lon } : null]));
  const out: Record<string, unknown> = {};
  for (const resolution of ['110m', '50m'] as const) {
    const t0 = now();
    const one = await loadBasemap(resolution);
    const basemap = { coarse: one, fine: one };
    const t1 = now();
    const { markers } = eventMarkers(events, regions);
    let camera = fitCamera(markers, W, H);
    const frame = () => ({ camera, width: W, height: H, basemap, markers, selectedEventId: null, focusEventId: null });
    drawBasemap(ctx, frame());
    drawMarkers(ctx, frame());
    settle(ctx);
    const t2 = now();
    // Frames while panning and zooming: the basemap drawn afresh (the app only does this when motion stops) …
    const full: number[] = [];
    const cached: number[] = [];
    const cache = document.createElement('canvas');
    cache.width = W;
    cache.height = H;
    const cctx = cache.getContext('2d')!;
    drawBasemap(cctx, frame());
    for (let i = 0; i < o.frames; i++) {
      const phase = Math.floor(i / 10) % 4;
      camera = phase === 0 ? zoomCamera(camera, 0.2, W / 2, H / 2, W, H) : phase === 1 ? panCamera(camera, 25, 10, W, H) : phase === 2 ? zoomCamera(camera, -0.2, W / 2, H / 2, W, H) : panCamera(camera, -25, -10, W, H);
      let s = now();
      drawBasemap(ctx, frame());
      drawMarkers(ctx, frame());
      settle(ctx);
      full.push(now() - s);
      // … and as the app draws while moving: the cached basemap picture, markers clustered afresh.
      s = now();
      ctx.drawImage(cache, 3, 2);
      drawMarkers(ctx, frame());
      settle(ctx);
      cached.push(now() - s);
    }
    // Reference: the same number of plain circles, no projection or clustering.
    const r0 = now();
    ctx.clearRect(0, 0, W, H);
    for (let i = 0; i < markers.length; i++) { ctx.beginPath(); ctx.arc((i * 7) % W, (i * 13) % H, 5, 0, Math.PI * 2); ctx.fillStyle = '#D55E00'; ctx.fill(); }
    settle(ctx);
    out[resolution] = { markers: markers.length, loadMs: t1 - t0, firstDrawMs: t2 - t0, firstDrawWithoutLoadMs: t2 - t1, framesFull: stats(full), framesCached: stats(cached), referenceCirclesMs: now() - r0 };
  }
  return out;
}

async function gazetteerSuite(o: { words: string[] }) {
  // In the page: parse and index (what the worker does on load), then lookups as typed.
  const t0 = now();
  const text = await (await fetch(new URL('gazetteer/places.tsv', document.baseURI))).text();
  const t1 = now();
  const g = parseGazetteer(text);
  const t2 = now();
  const typed: number[] = [];
  const naive: number[] = [];
  const folded = g.names.map(foldText);
  for (const word of o.words) {
    for (let n = 1; n <= word.length; n++) {
      const q = word.slice(0, n);
      let s = now();
      searchGazetteer(g, q);
      typed.push(now() - s);
      // Reference: a plain scan of every folded name for the prefix.
      s = now();
      const fq = foldText(q);
      let hits = 0;
      for (const name of folded) if (name.startsWith(fq)) hits++;
      naive.push(now() - s + hits * 0);
    }
  }
  // Through the app's worker, as the place picker asks: round trips after it has loaded.
  const w0 = now();
  await gazetteer().search('a', 'en');
  const workerLoadMs = now() - w0;
  const roundTrips: number[] = [];
  for (const word of o.words) for (let n = 1; n <= word.length; n++) {
    const s = now();
    await gazetteer().search(word.slice(0, n), 'en');
    roundTrips.push(now() - s);
  }
  return { places: g.names.length, keys: g.keys.length, fetchMs: t1 - t0, parseMs: t2 - t1, lookups: stats(typed), naiveScan: stats(naive), workerFirstAnswerMs: workerLoadMs, workerRoundTrips: stats(roundTrips) };
}

const api = { timeline, map, gazetteer: gazetteerSuite };
(window as unknown as { casefileViewsBench: typeof api }).casefileViewsBench = api;
