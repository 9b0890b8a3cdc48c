import { edgeStanding } from './filter';
import { otherEnd } from './build';
import type { ChartGraph, EdgeFilter } from './types';

/** The nodes one edge away (through edges the filter keeps), in edge order. */
export function neighbours(graph: ChartGraph, nodeId: string, filter: EdgeFilter): string[] {
  const out: string[] = [];
  const seen = new Set<string>([nodeId]);
  for (const edge of graph.adjacency.get(nodeId) ?? []) {
    if (!edgeStanding(edge, filter)) continue;
    const other = otherEnd(edge, nodeId);
    if (!seen.has(other)) { seen.add(other); out.push(other); }
  }
  return out;
}

/**
 * The seeds and every node within `depth` edges of them, nearest first. `limit` caps the
 * result so a start from a hub of a big library stays readable (the nearest are kept).
 */
export function neighbourhood(graph: ChartGraph, seeds: readonly string[], depth: number, filter: EdgeFilter, limit = Infinity): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  let frontier: string[] = [];
  for (const s of seeds) if (graph.nodes.has(s) && !seen.has(s)) { seen.add(s); order.push(s); frontier.push(s); }
  for (let level = 0; level < depth && frontier.length > 0 && order.length < limit; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours(graph, id, filter)) {
        if (seen.has(other)) continue;
        seen.add(other);
        order.push(other);
        next.push(other);
        if (order.length >= limit) return order;
      }
    }
    frontier = next;
  }
  return order;
}
