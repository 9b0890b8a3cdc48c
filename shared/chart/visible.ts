import type { EdgeStanding } from './filter';
import { edgeStanding } from './filter';
import type { ChartEdge, ChartGraph, ChartNode, EdgeFilter } from './types';

export interface VisibleEdge {
  edge: ChartEdge;
  standing: Exclude<EdgeStanding, null>;
}

/** What the chart draws (and its tables list): the shown nodes not hidden, and the edges between them the filter keeps. */
export interface VisibleChart {
  nodes: ChartNode[];
  edges: VisibleEdge[];
}

export function visibleChart(graph: ChartGraph, shown: readonly string[], hidden: ReadonlySet<string>, filter: EdgeFilter): VisibleChart {
  const nodes: ChartNode[] = [];
  const ids = new Set<string>();
  for (const id of shown) {
    const node = graph.nodes.get(id);
    if (!node || hidden.has(id) || ids.has(id)) continue;
    ids.add(id);
    nodes.push(node);
  }
  const edges: VisibleEdge[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    for (const edge of graph.adjacency.get(node.id) ?? []) {
      if (seen.has(edge.id) || !ids.has(edge.source) || !ids.has(edge.target)) continue;
      seen.add(edge.id);
      const standing = edgeStanding(edge, filter);
      if (standing) edges.push({ edge, standing });
    }
  }
  return { nodes, edges };
}
