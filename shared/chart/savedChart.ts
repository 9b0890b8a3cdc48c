import { z } from 'zod';
import { V, idSchema, isCalendarDay, recordBaseSchema, requiredText } from '../model/common';
import { CHART_EDGE_KINDS } from './types';
import type { ChartEdgeKind } from './types';

const NODE_ID = /^(actor|event|source):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const nodeIdSchema = z.string({ error: V.invalidId }).regex(NODE_ID, { error: V.invalidId });
// Positions are chart units; anything beyond this is a damaged file, not a layout.
const coordinate = z.number({ error: V.invalidNumber }).finite({ error: V.invalidNumber }).min(-1e7, { error: V.invalidNumber }).max(1e7, { error: V.invalidNumber });

export const MAX_SAVED_CHART_NODES = 20_000;

export const savedChartNodeSchema = z.object({
  id: nodeIdSchema,
  x: coordinate,
  y: coordinate,
  pinned: z.boolean(),
});
export type SavedChartNode = z.infer<typeof savedChartNodeSchema>;

/**
 * A named chart a case keeps, as investigators keep network diagrams in their files: which
 * records it shows and where, which it hides, which pinned, and its edge filters. It refers
 * to records by id and holds no copy of them: reopened, it shows the records as they are now
 * (a record deleted since is left out, and the chart says how many).
 */
export const savedChartSchema = recordBaseSchema
  .extend({
    caseId: idSchema,
    name: requiredText(200),
    nodes: z.array(savedChartNodeSchema).max(MAX_SAVED_CHART_NODES, { error: V.tooLong }),
    hidden: z.array(nodeIdSchema).max(MAX_SAVED_CHART_NODES, { error: V.tooLong }),
    edgeKinds: z.array(z.enum(CHART_EDGE_KINDS as [ChartEdgeKind, ...ChartEdgeKind[]], { error: V.invalidChoice })).max(CHART_EDGE_KINDS.length),
    /** The chart at a point in time (ISO day), or null for all time. */
    at: z.string().refine(isCalendarDay, { error: V.invalidDate }).nullable(),
  })
  .superRefine((chart, ctx) => {
    const ids = new Set<string>();
    chart.nodes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: 'custom', message: V.duplicate, path: ['nodes', i, 'id'] });
      ids.add(n.id);
    });
    chart.hidden.forEach((id, i) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: V.invalidId, path: ['hidden', i] });
    });
    if (new Set(chart.edgeKinds).size !== chart.edgeKinds.length) ctx.addIssue({ code: 'custom', message: V.duplicate, path: ['edgeKinds'] });
  });
export type SavedChart = z.infer<typeof savedChartSchema>;
