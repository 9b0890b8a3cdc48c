import type { VisibleChart } from './visible';
import { EDGE_STYLE, NODE_RADIUS, NODE_STYLE, PATH_COLOUR, edgeWidth, shortLabel } from './style';
import type { ChartNodeKind } from './types';

export interface Point { x: number; y: number }

export interface ChartSvgOptions {
  title: string;
  /** Node and edge ids on the highlighted path. */
  path?: ReadonlySet<string>;
  margin?: number;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (v: number): string => (Math.round(v * 10) / 10).toString();

/** The shape of a node as SVG, centred on (x, y). */
export function nodeShapeSvg(kind: ChartNodeKind, x: number, y: number, r: number, attrs: string): string {
  const { shape } = NODE_STYLE[kind];
  if (shape === 'circle') return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${attrs}/>`;
  if (shape === 'square') return `<rect x="${num(x - r)}" y="${num(y - r)}" width="${num(2 * r)}" height="${num(2 * r)}" rx="2" ${attrs}/>`;
  if (shape === 'diamond') return `<polygon points="${num(x)},${num(y - r * 1.25)} ${num(x + r * 1.25)},${num(y)} ${num(x)},${num(y + r * 1.25)} ${num(x - r * 1.25)},${num(y)}" ${attrs}/>`;
  return `<rect x="${num(x - r * 0.8)}" y="${num(y - r)}" width="${num(1.6 * r)}" height="${num(2 * r)}" ${attrs}/>`;
}

/** The bounds of the placed nodes, with room for labels. */
export function chartBounds(chart: VisibleChart, positions: ReadonlyMap<string, Point>, margin: number): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of chart.nodes) {
    const p = positions.get(n.id);
    if (!p) continue;
    x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
  }
  if (x0 === Infinity) return { x: 0, y: 0, width: 2 * margin, height: 2 * margin };
  return { x: x0 - margin, y: y0 - margin, width: x1 - x0 + 2 * margin, height: y1 - y0 + 2 * margin + 14 };
}

/**
 * A stand-alone SVG of the chart as drawn: every visible node with its label, every edge
 * (dashed when the date filter leaves it only possible), the path highlighted, and a <title>
 * per element so the file still says what is what when opened in a browser. No scripts, no
 * external references: it prints and embeds anywhere.
 */
export function chartSvg(chart: VisibleChart, positions: ReadonlyMap<string, Point>, options: ChartSvgOptions): string {
  const margin = options.margin ?? 40;
  const box = chartBounds(chart, positions, margin);
  const path = options.path ?? new Set<string>();
  const names = new Map(chart.nodes.map((n) => [n.id, n.label]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}" width="${Math.ceil(box.width)}" height="${Math.ceil(box.height)}" role="img" aria-label="${esc(options.title)}" font-family="system-ui, sans-serif" font-size="11">`);
  out.push(`<title>${esc(options.title)}</title>`);
  out.push(`<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" fill="#ffffff"/>`);
  out.push('<g class="edges" fill="none">');
  for (const { edge, standing } of chart.edges) {
    const a = positions.get(edge.source), b = positions.get(edge.target);
    if (!a || !b) continue;
    const on = path.has(edge.id);
    const stroke = on ? PATH_COLOUR : EDGE_STYLE[edge.kind].stroke;
    const width = on ? edgeWidth(edge.kind, edge.weight) + 2 : edgeWidth(edge.kind, edge.weight);
    const dash = standing === 'possible' ? ' stroke-dasharray="5 4"' : '';
    const what = [edge.kind, ...edge.roles].join(': ');
    out.push(`<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}" stroke="${stroke}" stroke-width="${num(width)}"${dash}><title>${esc(`${names.get(edge.source) ?? ''} — ${names.get(edge.target) ?? ''} (${what})`)}</title></line>`);
  }
  out.push('</g><g class="nodes">');
  for (const node of chart.nodes) {
    const p = positions.get(node.id);
    if (!p) continue;
    const on = path.has(node.id);
    const attrs = `fill="${NODE_STYLE[node.kind].fill}" stroke="${on ? PATH_COLOUR : '#ffffff'}" stroke-width="${on ? 3 : 1.5}"`;
    out.push(`<g>${nodeShapeSvg(node.kind, p.x, p.y, NODE_RADIUS, attrs)}<text x="${num(p.x)}" y="${num(p.y + NODE_RADIUS + 12)}" text-anchor="middle" fill="#1d1f22" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(shortLabel(node.label))}</text><title>${esc(node.label)}</title></g>`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}
