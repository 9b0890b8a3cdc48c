import type { ApproxDate } from '../dates/types';

/** What a node stands for. Actors split in two: people, and every kind of group. */
export type ChartNodeKind = 'person' | 'group' | 'event' | 'source';
export const CHART_NODE_KINDS: readonly ChartNodeKind[] = ['person', 'group', 'event', 'source'];

export type ChartEdgeKind = 'membership' | 'participation' | 'citation' | 'co-mention';
export const CHART_EDGE_KINDS: readonly ChartEdgeKind[] = ['membership', 'participation', 'citation', 'co-mention'];

export interface ChartNode {
  /** `actor:<id>`, `event:<id>` or `source:<id>`: record ids stay unique across tables. */
  id: string;
  kind: ChartNodeKind;
  /** The record it opens. */
  recordId: string;
  label: string;
  /** The actor's kind key, the event's date as the source said it, the document's file name. */
  detail: string;
  /** The event's date (events only), for the date filter. */
  date: ApproxDate | null;
}

export interface ChartEdge {
  id: string;
  kind: ChartEdgeKind;
  /** Member → group, actor → event, record → source; for co-mentions the two actors (a < b). */
  source: string;
  target: string;
  /** Roles (membership role; participant roles, several for one actor in one event). */
  roles: string[];
  /** Membership bounds (null: not known, open). */
  from: ApproxDate | null;
  to: ApproxDate | null;
  /** The event's date for participation edges. */
  date: ApproxDate | null;
  /** Co-mentions: pages naming both; citations: citations from the record to the source. */
  weight: number;
  /** Co-mentions: "documentId:page" keys; citations: cited pages ("" for the whole document). */
  pages: string[];
}

/** Every node and edge the records give, with each node's edges. */
export interface ChartGraph {
  nodes: Map<string, ChartNode>;
  edges: Map<string, ChartEdge>;
  adjacency: Map<string, ChartEdge[]>;
}

/** Which edges count: by kind, and at a point in time (ISO day) or at any time (null). */
export interface EdgeFilter {
  kinds: ReadonlySet<ChartEdgeKind>;
  at: string | null;
}

export const actorNodeId = (id: string): string => `actor:${id}`;
export const eventNodeId = (id: string): string => `event:${id}`;
export const sourceNodeId = (id: string): string => `source:${id}`;
