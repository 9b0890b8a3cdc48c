import type { ChartEdgeKind, ChartNodeKind } from './types';

/**
 * How nodes and edges look, shared by the screen (canvas) and the exports (SVG, PNG), so an
 * export looks like the chart on screen. Kinds differ by shape as well as colour, so the chart
 * still reads in grey print and to colour-blind readers.
 */
export const NODE_STYLE: Record<ChartNodeKind, { shape: 'circle' | 'square' | 'diamond' | 'page'; fill: string }> = {
  person: { shape: 'circle', fill: '#2f6db5' },
  group: { shape: 'square', fill: '#a33a2a' },
  event: { shape: 'diamond', fill: '#b07800' },
  source: { shape: 'page', fill: '#4a7a36' },
};

export const EDGE_STYLE: Record<ChartEdgeKind, { stroke: string; width: number }> = {
  membership: { stroke: '#5a5f66', width: 1.6 },
  participation: { stroke: '#b08a3a', width: 1.2 },
  citation: { stroke: '#6d9a5a', width: 1 },
  'co-mention': { stroke: '#7a5aa8', width: 1 },
};

export const NODE_RADIUS = 9;
export const PATH_COLOUR = '#e0218a';
export const SELECT_COLOUR = '#111111';
export const LABEL_FONT = '11px system-ui, sans-serif';

/** Co-mention edges thicken with the pages naming both, gently (1 page: 1, 10 pages: ~3.3). */
export function edgeWidth(kind: ChartEdgeKind, weight: number): number {
  const base = EDGE_STYLE[kind].width;
  return kind === 'co-mention' ? base + Math.log2(Math.max(1, weight)) : base;
}

/** Labels longer than this are cut with an ellipsis on the chart (the table has them whole). */
export function shortLabel(label: string, max = 28): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
