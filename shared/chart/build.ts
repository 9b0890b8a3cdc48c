import type { Actor } from '../model/actor';
import type { Citation } from '../model/common';
import type { CaseEvent } from '../model/event';
import type { ChartEdge, ChartGraph, ChartNode } from './types';
import { actorNodeId, eventNodeId, sourceNodeId } from './types';

/** The parts of a document the chart shows. */
export interface ChartDocument {
  id: string;
  title: string;
  fileName: string;
}

/** A pair of actors named on the same pages (renderer/db coMentionPairs; shared/mentions coMentions). */
export interface ChartCoMention {
  a: string;
  b: string;
  pages: readonly string[];
}

export interface ChartRecords {
  actors: readonly Actor[];
  events: readonly CaseEvent[];
  documents: readonly ChartDocument[];
  coMentions: readonly ChartCoMention[];
}

/**
 * The whole graph of the records: people, groups, events and sources as nodes; memberships,
 * event participation (one edge per actor and event, every role on it), citations (one edge
 * per record and document) and co-mentions as edges. An edge to a record that is not in the
 * input (a group in another case, a deleted document) is left out, never drawn to nothing.
 */
export function buildChartGraph(records: ChartRecords): ChartGraph {
  const nodes = new Map<string, ChartNode>();
  const edges = new Map<string, ChartEdge>();
  for (const a of records.actors) {
    nodes.set(actorNodeId(a.id), { id: actorNodeId(a.id), kind: a.kind === 'person' ? 'person' : 'group', recordId: a.id, label: a.name, detail: a.kind, date: null });
  }
  for (const e of records.events) {
    nodes.set(eventNodeId(e.id), { id: eventNodeId(e.id), kind: 'event', recordId: e.id, label: e.title, detail: e.date?.label ?? '', date: e.date });
  }
  for (const d of records.documents) {
    nodes.set(sourceNodeId(d.id), { id: sourceNodeId(d.id), kind: 'source', recordId: d.id, label: d.title || d.fileName, detail: d.fileName, date: null });
  }
  const add = (edge: ChartEdge) => {
    if (edge.source === edge.target || !nodes.has(edge.source) || !nodes.has(edge.target)) return;
    edges.set(edge.id, edge);
  };

  for (const a of records.actors) {
    const from = actorNodeId(a.id);
    for (const m of a.memberships) {
      add({ id: `membership:${a.id}:${m.id}`, kind: 'membership', source: from, target: actorNodeId(m.groupId), roles: m.role ? [m.role] : [], from: m.from, to: m.to, date: null, weight: 1, pages: [] });
    }
    addCitations(add, from, a.id, [a.citations, ...a.names.map((n) => n.citations), ...a.memberships.map((m) => m.citations), ...a.statusHistory.map((s) => s.citations)]);
  }
  for (const e of records.events) {
    const to = eventNodeId(e.id);
    const byActor = new Map<string, string[]>();
    for (const p of e.participants) byActor.set(p.actorId, [...(byActor.get(p.actorId) ?? []), p.role]);
    for (const [actorId, roles] of byActor) {
      add({ id: `participation:${e.id}:${actorId}`, kind: 'participation', source: actorNodeId(actorId), target: to, roles, from: null, to: null, date: e.date, weight: 1, pages: [] });
    }
    addCitations(add, to, e.id, [e.citations, ...e.participants.map((p) => p.citations)]);
  }
  for (const c of records.coMentions) {
    const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    add({ id: `co-mention:${a}:${b}`, kind: 'co-mention', source: actorNodeId(a), target: actorNodeId(b), roles: [], from: null, to: null, date: null, weight: c.pages.length, pages: [...c.pages] });
  }

  const adjacency = new Map<string, ChartEdge[]>();
  for (const id of nodes.keys()) adjacency.set(id, []);
  for (const edge of edges.values()) {
    adjacency.get(edge.source)!.push(edge);
    adjacency.get(edge.target)!.push(edge);
  }
  return { nodes, edges, adjacency };
}

/** One edge per (record, document), weighted by the citations, listing the pages cited. */
function addCitations(add: (edge: ChartEdge) => void, from: string, recordId: string, lists: readonly (readonly Citation[])[]): void {
  const byDocument = new Map<string, { count: number; pages: Set<string> }>();
  for (const list of lists) {
    for (const c of list) {
      const entry = byDocument.get(c.documentId) ?? { count: 0, pages: new Set<string>() };
      entry.count += 1;
      entry.pages.add(c.page === null ? '' : String(c.page));
      byDocument.set(c.documentId, entry);
    }
  }
  for (const [documentId, { count, pages }] of byDocument) {
    const sorted = [...pages].sort((x, y) => Number(x || 0) - Number(y || 0));
    add({ id: `citation:${recordId}:${documentId}`, kind: 'citation', source: from, target: sourceNodeId(documentId), roles: [], from: null, to: null, date: null, weight: count, pages: sorted });
  }
}

/** The node at the other end of the edge. */
export function otherEnd(edge: ChartEdge, nodeId: string): string {
  return edge.source === nodeId ? edge.target : edge.source;
}
