import { neighbourhood, neighbours } from './expand';
import type { ChartPath } from './path';
import { shortestPath } from './path';
import type { SavedChart } from './savedChart';
import type { Point } from './svg';
import type { ChartEdgeKind, ChartGraph, EdgeFilter } from './types';
import { CHART_EDGE_KINDS } from './types';

/**
 * The chart being worked on: which nodes it shows, hides and pins, where they are, its edge
 * filters and the highlighted path. Plain data (the UI store holds it; a saved chart is a
 * copy of it), changed only through the functions below, which never mutate.
 */
export interface ChartWork {
  shown: string[];
  hidden: string[];
  pinned: string[];
  positions: Record<string, Point>;
  edgeKinds: ChartEdgeKind[];
  at: string | null;
  selected: string | null;
  path: ChartPath | null;
  /** The saved chart this was opened from (or last saved as), and its name. */
  savedId: string | null;
  name: string;
}

export const EMPTY_CHART: ChartWork = {
  shown: [], hidden: [], pinned: [], positions: {}, edgeKinds: [...CHART_EDGE_KINDS], at: null, selected: null, path: null, savedId: null, name: '',
};

/** Charts past this many nodes get unreadable and slow to lay out; a start or an expansion stops there. */
export const NODE_LIMIT = 2_500;

export const filterOf = (work: Pick<ChartWork, 'edgeKinds' | 'at'>): EdgeFilter => ({ kinds: new Set(work.edgeKinds), at: work.at });

/** A new chart from seeds (an actor, an event, a whole case) and what lies within `depth` of them. */
export function startChart(graph: ChartGraph, seeds: readonly string[], depth: number, work: ChartWork, name: string): ChartWork {
  const shown = neighbourhood(graph, seeds, depth, filterOf(work), NODE_LIMIT);
  return { ...EMPTY_CHART, edgeKinds: work.edgeKinds, at: work.at, shown, selected: seeds[0] ?? null, name };
}

/** Adds the node's neighbours (hidden ones among them come back into view). */
export function expandNode(graph: ChartGraph, work: ChartWork, nodeId: string): { work: ChartWork; added: number } {
  const have = new Set(work.shown);
  const around = neighbours(graph, nodeId, filterOf(work));
  const fresh = around.filter((id) => !have.has(id)).slice(0, Math.max(0, NODE_LIMIT - work.shown.length));
  const unhide = new Set(around);
  const hidden = work.hidden.filter((id) => !unhide.has(id));
  return { work: { ...work, shown: [...work.shown, ...fresh], hidden }, added: fresh.length + (work.hidden.length - hidden.length) };
}

export function setHidden(work: ChartWork, nodeId: string, hide: boolean): ChartWork {
  const hidden = work.hidden.filter((id) => id !== nodeId);
  if (hide) hidden.push(nodeId);
  const onPath = work.path?.nodes.includes(nodeId) ?? false;
  return { ...work, hidden, selected: hide && work.selected === nodeId ? null : work.selected, path: hide && onPath ? null : work.path };
}

export function setPinned(work: ChartWork, nodeId: string, pin: boolean): ChartWork {
  const pinned = work.pinned.filter((id) => id !== nodeId);
  if (pin) pinned.push(nodeId);
  return { ...work, pinned };
}

/** Removes the node from the chart altogether (unlike hiding, it is not listed to show again). */
export function removeNode(work: ChartWork, nodeId: string): ChartWork {
  const { [nodeId]: _gone, ...positions } = work.positions;
  return {
    ...work, positions,
    shown: work.shown.filter((id) => id !== nodeId), hidden: work.hidden.filter((id) => id !== nodeId), pinned: work.pinned.filter((id) => id !== nodeId),
    selected: work.selected === nodeId ? null : work.selected, path: work.path?.nodes.includes(nodeId) ? null : work.path,
  };
}

/**
 * Highlights the shortest path between two nodes over the whole graph (not only what is
 * shown), through the edges the filters keep and around hidden nodes; nodes of the path not
 * yet on the chart are added. Null when there is no such path.
 */
export function findPath(graph: ChartGraph, work: ChartWork, from: string, to: string): ChartWork | null {
  const hidden = new Set(work.hidden);
  const path = shortestPath(graph, from, to, filterOf(work), (id) => !hidden.has(id));
  if (!path) return null;
  const have = new Set(work.shown);
  return { ...work, shown: [...work.shown, ...path.nodes.filter((id) => !have.has(id))], path };
}

/** The chart as a case keeps it. */
export function toSavedChart(work: ChartWork, ids: { id: string; caseId: string; name: string; createdAt: number; now: number }): SavedChart {
  const pinned = new Set(work.pinned);
  const nodes = work.shown.flatMap((id) => {
    const p = work.positions[id];
    return p ? [{ id, x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10, pinned: pinned.has(id) }] : [];
  });
  const placed = new Set(nodes.map((n) => n.id));
  return {
    id: ids.id, caseId: ids.caseId, name: ids.name, createdAt: ids.createdAt, updatedAt: ids.now,
    nodes, hidden: work.hidden.filter((id) => placed.has(id)), edgeKinds: [...work.edgeKinds], at: work.at,
  };
}

/** A saved chart reopened: nodes whose record is gone are left out and counted. */
export function fromSavedChart(chart: SavedChart, graph: ChartGraph): { work: ChartWork; missing: number } {
  const kept = chart.nodes.filter((n) => graph.nodes.has(n.id));
  const keptIds = new Set(kept.map((n) => n.id));
  return {
    work: {
      ...EMPTY_CHART,
      shown: kept.map((n) => n.id),
      hidden: chart.hidden.filter((id) => keptIds.has(id)),
      pinned: kept.filter((n) => n.pinned).map((n) => n.id),
      positions: Object.fromEntries(kept.map((n) => [n.id, { x: n.x, y: n.y }])),
      edgeKinds: [...chart.edgeKinds], at: chart.at, savedId: chart.id, name: chart.name,
    },
    missing: chart.nodes.length - kept.length,
  };
}
