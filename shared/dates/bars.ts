// Approximate dates as marks on a time axis. A date is drawn over every day it may
// mean ("late August 2019" is 21–31 August, "1990s" ten years), never at a guessed point.
import { dayIndex } from './calendar';
import type { ApproxDate, DatePrecision } from './types';

/** One date on the axis: day indexes (calendar.ts), half-open [start, end). */
export interface DateBar {
  start: number;
  end: number;
  /** The source named one day: a mark, not a bar with soft edges. */
  exact: boolean;
  precision: DatePrecision;
  /** The date as the source stated it, shown on hover and focus. */
  label: string;
}

export function dateBar(date: ApproxDate): DateBar {
  const start = dayIndex(date.earliest);
  const end = dayIndex(date.latest) + 1;
  return { start, end, exact: end - start === 1, precision: date.precision, label: date.label };
}

/**
 * A span between two approximate dates (a membership "from 1970s to 1992"). It surely held
 * from the latest possible start to the earliest possible end (the core); it may have held
 * from the earliest possible start to the latest possible end (the soft edges). The core is
 * empty when the two bounds overlap. A missing bound leaves that side open: the span is
 * drawn from the known bound onwards (or up to it) with an open end, not closed at a guess.
 */
export interface SpanBar {
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
  openStart: boolean;
  openEnd: boolean;
  fromLabel: string | null;
  toLabel: string | null;
}

export function spanBar(from: ApproxDate | null, to: ApproxDate | null): SpanBar | null {
  if (!from && !to) return null;
  const f = from ? dateBar(from) : null;
  const t = to ? dateBar(to) : null;
  const start = f ? f.start : t!.start;
  const end = t ? t.end : f!.end;
  // Sure from the last day it may have begun to the first day it may have ended.
  const coreStart = f ? f.end - 1 : t!.start;
  const coreEnd = t ? t.start + 1 : f!.end;
  return {
    start, end,
    coreStart, coreEnd: Math.max(coreStart, coreEnd),
    openStart: !f, openEnd: !t,
    fromLabel: from?.label ?? null, toLabel: to?.label ?? null,
  };
}
