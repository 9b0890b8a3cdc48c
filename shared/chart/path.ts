import { otherEnd } from './build';
import { edgeStanding } from './filter';
import type { ChartGraph, EdgeFilter } from './types';

export interface ChartPath {
  /** From the first node to the last, both included. */
  nodes: string[];
  edges: string[];
}

/**
 * A shortest path (fewest edges) between two nodes through the edges the filter keeps,
 * breadth-first; `through` can bar nodes (hidden ones). Among equal paths the one found
 * first in edge order wins, so the answer is stable. Null when no path exists.
 */
export function shortestPath(graph: ChartGraph, from: string, to: string, filter: EdgeFilter, through: (nodeId: string) => boolean = () => true): ChartPath | null {
  if (!graph.nodes.has(from) || !graph.nodes.has(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const via = new Map<string, { node: string; edge: string }>();
  via.set(from, { node: '', edge: '' });
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of graph.adjacency.get(id) ?? []) {
        const other = otherEnd(edge, id);
        if (via.has(other) || !edgeStanding(edge, filter)) continue;
        if (other !== to && !through(other)) continue;
        via.set(other, { node: id, edge: edge.id });
        if (other === to) return unwind(via, to);
        next.push(other);
      }
    }
    frontier = next;
  }
  return null;
}

function unwind(via: Map<string, { node: string; edge: string }>, to: string): ChartPath {
  const nodes = [to];
  const edges: string[] = [];
  let step = via.get(to)!;
  while (step.node !== '') {
    edges.push(step.edge);
    nodes.push(step.node);
    step = via.get(step.node)!;
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
