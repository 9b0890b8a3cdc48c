import type { ApproxDate } from '../dates/types';
import { isCalendarDay } from '../model/common';
import { middleDay, spanDays } from './dates';

/**
 * ACLED's time precision (codebook, "Time precision codes"): 1 the day is known; 2 the
 * source gives a week or a few days, and the event is dated in the middle of them; 3 only
 * the month is known, and the event is dated in its middle. ACLED has no code for a
 * season, a year, a decade or a span of years, so such events get no event_date at all
 * here: writing the middle of 1992 as "1992-07-01" would be a date nobody reported.
 */
export type AcledTimePrecision = 1 | 2 | 3;

export interface AcledDate {
  event_date: string | null;
  /** The calendar year when the whole period lies in one, even if ACLED cannot date it. */
  year: number | null;
  time_precision: AcledTimePrecision | null;
  /** Dated, but more coarsely than a month: left without event_date and time_precision. */
  coarse: boolean;
}

/** The longest period ACLED's precision 3 ("the month") stands for, in days. */
const MONTH_DAYS = 31;
const WEEK_DAYS = 7;

export function timePrecision(date: Pick<ApproxDate, 'earliest' | 'latest'>): AcledTimePrecision | null {
  const days = spanDays(date);
  if (!(days >= 1)) return null;
  if (days === 1) return 1;
  if (days <= WEEK_DAYS) return 2;
  return days <= MONTH_DAYS ? 3 : null;
}

const yearOf = (day: string): number => Number(day.slice(0, day.indexOf('-', 1)));

export function acledDate(date: Pick<ApproxDate, 'earliest' | 'latest'> | null): AcledDate {
  // An impossible day (a bundle made before days were checked) is no date at all.
  if (!date || !isCalendarDay(date.earliest) || !isCalendarDay(date.latest)) return { event_date: null, year: null, time_precision: null, coarse: false };
  const precision = timePrecision(date);
  const sameYear = yearOf(date.earliest) === yearOf(date.latest);
  if (precision === null) return { event_date: null, year: sameYear ? yearOf(date.earliest) : null, time_precision: null, coarse: true };
  const day = precision === 1 ? date.earliest : middleDay(date);
  return { event_date: day, year: yearOf(day), time_precision: precision, coarse: false };
}
