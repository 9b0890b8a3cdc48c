import type { ApproxDate } from '../dates/types';
import type { ChartEdge, EdgeFilter } from './types';

/** How an edge stands under a filter: drawn solid, drawn dashed (the dates allow it but do not prove it), or not at all. */
export type EdgeStanding = 'certain' | 'possible' | null;

/**
 * An edge at a point in time, from the approximate-date bounds (earliest/latest days):
 * - a membership held on day D when it may have begun by D and may have lasted to D; it
 *   certainly held when it began by D at the latest and ended on D at the earliest. A bound
 *   the sources do not give is open, and the membership is then only possible, not certain:
 *   "to: unknown" is not "still a member".
 * - an event's participation counts once the event may have happened (its earliest day is D
 *   or before); certainly once its latest day is. An undated event may have happened: possible.
 * - citations and co-mentions are about the sources, not about the time: they always count.
 */
export function edgeStanding(edge: ChartEdge, filter: EdgeFilter): EdgeStanding {
  if (!filter.kinds.has(edge.kind)) return null;
  const day = filter.at;
  if (day === null) return 'certain';
  if (edge.kind === 'membership') return membershipAt(edge.from, edge.to, day);
  if (edge.kind === 'participation') return happenedBy(edge.date, day);
  return 'certain';
}

export function membershipAt(from: ApproxDate | null, to: ApproxDate | null, day: string): EdgeStanding {
  if (from && from.earliest > day) return null;
  if (to && to.latest < day) return null;
  const surelyBegun = from !== null && from.latest <= day;
  const surelyLasting = to !== null && to.earliest >= day;
  return surelyBegun && surelyLasting ? 'certain' : 'possible';
}

export function happenedBy(date: ApproxDate | null, day: string): EdgeStanding {
  if (!date) return 'possible';
  if (date.earliest > day) return null;
  return date.latest <= day ? 'certain' : 'possible';
}
