import type { Point } from '../../../shared/chart/svg';
import type { ChartNodeKind } from '../../../shared/chart/types';
import type { Viewport } from '../../../shared/chart/viewport';
import type { VisibleChart } from '../../../shared/chart/visible';
import { EDGE_STYLE, LABEL_FONT, NODE_RADIUS, NODE_STYLE, PATH_COLOUR, SELECT_COLOUR, edgeWidth, shortLabel } from '../../../shared/chart/style';

export interface PaintState {
  chart: VisibleChart;
  positions: ReadonlyMap<string, Point>;
  view: Viewport;
  width: number;
  height: number;
  selected: string | null;
  hover: string | null;
  pinned: ReadonlySet<string>;
  /** Node and edge ids of the highlighted path. */
  path: ReadonlySet<string>;
}

/** Labels are drawn for at most this many nodes on screen; zoom in to read the rest (the table lists them all). */
const MAX_LABELS = 250;
/**
 * Past this many edges on screen the chart is an overview: edges become hairlines without
 * dashes and nodes lose their white rims. Wide and dashed strokes cost the rasteriser several
 * times what hairlines do, and at that density neither can be told apart anyway.
 */
const DENSE_EDGES = 800;
const DENSE_NODES = 600;
/**
 * Node shapes are filled a few at a time: one path of 2,000 overlapping shapes costs the software
 * rasteriser about three times what 125 paths of 16 do (measured in headless Chromium).
 */
const NODE_BATCH = 16;

function shape(ctx: CanvasRenderingContext2D, kind: ChartNodeKind, x: number, y: number, r: number): void {
  const s = NODE_STYLE[kind].shape;
  if (s === 'circle') { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, Math.PI * 2); }
  else if (s === 'square') ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (s === 'diamond') { const d = r * 1.25; ctx.moveTo(x, y - d); ctx.lineTo(x + d, y); ctx.lineTo(x, y + d); ctx.lineTo(x - d, y); ctx.closePath(); }
  else ctx.rect(x - r * 0.8, y - r, 1.6 * r, 2 * r);
}

/** The whole chart: what does not depend on the pointer, then hover and selection over it. */
export function paintChart(ctx: CanvasRenderingContext2D, s: PaintState, dpr: number): void {
  paintBase(ctx, s, dpr);
  paintOverlay(ctx, s, dpr);
}

/**
 * Draws the chart on a canvas in one pass per style (all edges of a kind in one path, nodes
 * of a kind a few at a time), skipping what is off screen: that is what keeps a frame of 2,000
 * nodes and 5,000 edges within a few milliseconds. Node size stays constant on screen while
 * positions scale, as in most link-analysis tools. Everything but hover and selection (those
 * are paintOverlay's), so the picture can be kept and reused while only they change.
 */
export function paintBase(ctx: CanvasRenderingContext2D, s: PaintState, dpr: number): void {
  const { view, positions } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, s.width, s.height);
  // A kept canvas carries the last paint's state (the labels' round joins): start from the same
  // state every time, so a repaint is the same picture whether its canvas is new or reused.
  ctx.lineJoin = 'miter';
  ctx.lineCap = 'butt';
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  const sx = (p: Point) => p.x * view.k + view.x;
  const sy = (p: Point) => p.y * view.k + view.y;
  const pad = 40;
  const onScreen = (x: number, y: number) => x > -pad && y > -pad && x < s.width + pad && y < s.height + pad;

  // Edges, batched by kind and certainty; path edges last, on top.
  const groups = new Map<string, { kind: keyof typeof EDGE_STYLE; dashed: boolean; width: number; lines: number[] }>();
  const pathLines: number[] = [];
  for (const { edge, standing } of s.chart.edges) {
    const a = positions.get(edge.source), b = positions.get(edge.target);
    if (!a || !b) continue;
    const x1 = sx(a), y1 = sy(a), x2 = sx(b), y2 = sy(b);
    if ((x1 < -pad && x2 < -pad) || (y1 < -pad && y2 < -pad) || (x1 > s.width + pad && x2 > s.width + pad) || (y1 > s.height + pad && y2 > s.height + pad)) continue;
    if (s.path.has(edge.id)) { pathLines.push(x1, y1, x2, y2); continue; }
    const width = Math.round(edgeWidth(edge.kind, edge.weight) * 2) / 2;
    const key = `${edge.kind}|${standing}|${width}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: edge.kind, dashed: standing === 'possible', width, lines: [] }));
    g.lines.push(x1, y1, x2, y2);
  }
  const strokeLines = (lines: number[]) => {
    ctx.beginPath();
    for (let i = 0; i < lines.length; i += 4) { ctx.moveTo(lines[i]!, lines[i + 1]!); ctx.lineTo(lines[i + 2]!, lines[i + 3]!); }
    ctx.stroke();
  };
  let onScreenEdges = 0;
  for (const g of groups.values()) onScreenEdges += g.lines.length / 4;
  const dense = onScreenEdges > DENSE_EDGES;
  for (const g of groups.values()) {
    ctx.strokeStyle = EDGE_STYLE[g.kind].stroke;
    ctx.lineWidth = dense ? 1 : g.width;
    ctx.setLineDash(g.dashed && !dense ? [5, 4] : []);
    strokeLines(g.lines);
  }
  ctx.setLineDash([]);
  if (pathLines.length) { ctx.strokeStyle = PATH_COLOUR; ctx.lineWidth = 3.5; strokeLines(pathLines); }

  // Nodes, one path per kind; white rims keep overlapping nodes apart.
  const r = NODE_RADIUS;
  const visible: { id: string; x: number; y: number; label: string }[] = [];
  let rims = true;
  for (const kind of Object.keys(NODE_STYLE) as ChartNodeKind[]) {
    const first = visible.length;
    for (const node of s.chart.nodes) {
      if (node.kind !== kind) continue;
      const p = positions.get(node.id);
      if (!p) continue;
      const x = sx(p), y = sy(p);
      if (!onScreen(x, y)) continue;
      visible.push({ id: node.id, x, y, label: node.label });
    }
    rims = rims && visible.length <= DENSE_NODES;
    ctx.fillStyle = NODE_STYLE[kind].fill;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    for (let start = first; start < visible.length; start += NODE_BATCH) {
      ctx.beginPath();
      for (let i = start; i < Math.min(visible.length, start + NODE_BATCH); i++) shape(ctx, kind, visible[i]!.x, visible[i]!.y, r);
      ctx.fill();
      if (rims) ctx.stroke();
    }
  }

  // Rings: path and pinned (a small dot).
  const kindOf = new Map(s.chart.nodes.map((n) => [n.id, n.kind]));
  for (const id of s.path) if (kindOf.has(id)) ring(ctx, s, kindOf.get(id)!, id, PATH_COLOUR, 3, 2);
  ctx.fillStyle = '#111111';
  for (const id of s.pinned) {
    const p = positions.get(id);
    if (!p || !kindOf.has(id)) continue;
    ctx.beginPath();
    ctx.arc(sx(p) + r, sy(p) - r, 3, 0, Math.PI * 2);
    ctx.fill();
  }

  // Labels when they can be read: a few hundred nodes on screen at most, always the path's.
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  const important = (id: string) => s.path.has(id);
  const all = visible.length <= MAX_LABELS && view.k >= 0.35;
  // Greedy, important labels first: a label that would overlap one already drawn is left out
  // (hover or select the node to read it; the table lists every name).
  const order = visible.filter((v) => all || important(v.id)).sort((a, b) => Number(important(b.id)) - Number(important(a.id)));
  const taken: number[] = [];
  for (const v of order) {
    const text = shortLabel(v.label);
    const w = ctx.measureText(text).width, x0 = v.x - w / 2 - 2, y0 = v.y + r + 3, x1 = x0 + w + 4, y1 = y0 + 13;
    let clash = false;
    for (let i = 0; i < taken.length && !clash; i += 4) clash = x0 < taken[i + 2]! && x1 > taken[i]! && y0 < taken[i + 3]! && y1 > taken[i + 1]!;
    if (clash && !important(v.id)) continue;
    taken.push(x0, y0, x1, y1);
    label(ctx, text, v.x, v.y + r + 3);
  }
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = '#1d1f22';
  ctx.fillText(text, x, y);
}

function ring(ctx: CanvasRenderingContext2D, s: PaintState, kind: ChartNodeKind, id: string, colour: string, width: number, grow: number): void {
  const p = s.positions.get(id);
  if (!p) return;
  ctx.beginPath();
  shape(ctx, kind, p.x * s.view.k + s.view.x, p.y * s.view.k + s.view.y, NODE_RADIUS + grow);
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** Hover and selection over the base picture: a ring and the node's label, always drawn. */
export function paintOverlay(ctx: CanvasRenderingContext2D, s: PaintState, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const marked = [s.hover !== s.selected ? s.hover : null, s.selected].filter((id): id is string => id !== null);
  if (marked.length === 0) return;
  const nodes = new Map<string, VisibleChart['nodes'][number]>();
  for (const n of s.chart.nodes) if (marked.includes(n.id)) nodes.set(n.id, n);
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  for (const id of marked) {
    const node = nodes.get(id);
    const p = s.positions.get(id);
    if (!node || !p) continue;
    if (id === s.selected) { ring(ctx, s, node.kind, id, '#ffffff', 5, 4); ring(ctx, s, node.kind, id, SELECT_COLOUR, 2.5, 4); }
    else ring(ctx, s, node.kind, id, '#777777', 2, 3);
    label(ctx, shortLabel(node.label), p.x * s.view.k + s.view.x, p.y * s.view.k + s.view.y + NODE_RADIUS + 3);
  }
}
