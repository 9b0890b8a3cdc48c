// ISO `YYYY-MM-DD` with four-digit years sorts as text in calendar order, so comparisons
// here are plain string comparisons: no Date objects, no time zone.
import type { ApproxDate } from './types';
import { parseIsoDay } from './calendar';

type MaybeDate = ApproxDate | null | undefined;

/** For `Array.sort`: by earliest day, then latest (the narrower first), undated last. */
export function compareApproxDates(a: MaybeDate, b: MaybeDate): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  if (a.latest !== b.latest) return a.latest < b.latest ? -1 : 1;
  return 0;
}

/**
 * Whether the date could fall in the filter `from`..`to` (inclusive ISO days, either
 * optional). "Could": an event in "the 1990s" matches a filter for 1995, because the
 * source does not rule it out. With no bound at all every record matches, undated ones
 * included; with any bound an undated record does not.
 */
export function overlapsRange(d: MaybeDate, from?: string | null, to?: string | null): boolean {
  const lower = checkedBound(from);
  const upper = checkedBound(to);
  if (lower === null && upper === null) return true;
  if (!d) return false;
  return (lower === null || d.latest >= lower) && (upper === null || d.earliest <= upper);
}

/** A malformed filter bound is a caller bug; failing loudly beats silently matching all. */
function checkedBound(day: string | null | undefined): string | null {
  if (day === undefined || day === null || day === '') return null;
  if (!parseIsoDay(day)) throw new RangeError(`Filter bound is not an ISO calendar day: ${day}`);
  return day;
}
