// Builders for the computed part of an ApproxDate. Both the EDTF reader and the
// natural-language reader end here, so "late August 2018" typed in words and
// `2018-08-21/2018-08-31` typed as EDTF get the same bounds by construction.
import type { DatePrecision } from './types';
import { addDays, addMonths, daysInMonth, isoDay, lastDayOfMonth, MAX_YEAR, MIN_YEAR, pad, yearOf } from './calendar';

/** The unit a date was stated in; decides how far "circa" and "before/after" reach. */
export type Grain = 'day' | 'month' | 'year';
export type Qualifier = 'early' | 'mid' | 'late';

export interface Span {
  edtf: string;
  /** EDTF for this span as the start / end of an interval (`2018-08-21`, `199X`, `1992~`). */
  start: string;
  end: string;
  earliest: string;
  latest: string;
  precision: DatePrecision;
  grain: Grain;
}

const year4 = (y: number): string => pad(y, 4);
// Plain year, month or day, which EDTF lets us mark `~` directly (seasons it does not).
const SIMPLE_EDTF = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/;

function simple(edtf: string, earliest: string, latest: string, precision: DatePrecision, grain: Grain): Span {
  return { edtf, start: edtf, end: edtf, earliest, latest, precision, grain };
}

function interval(start: string, end: string, earliest: string, latest: string, grain: Grain): Span {
  return { edtf: `${start}/${end}`, start, end, earliest, latest, precision: 'range', grain };
}

export function yearSpan(y: number): Span {
  return simple(year4(y), isoDay(y, 1, 1), isoDay(y, 12, 31), 'year', 'year');
}

export function monthSpan(y: number, m: number): Span {
  return simple(`${year4(y)}-${pad(m, 2)}`, isoDay(y, m, 1), lastDayOfMonth(y, m), 'month', 'month');
}

/** The caller has checked that the day exists. */
export function daySpan(y: number, m: number, d: number): Span {
  const day = isoDay(y, m, d);
  return simple(day, day, day, 'day', 'day');
}

/** `decade` is the first year, e.g. 1990 for the 1990s. */
export function decadeSpan(decade: number): Span {
  const edtf = `${year4(decade).slice(0, 3)}X`;
  return simple(edtf, isoDay(decade, 1, 1), isoDay(decade + 9, 12, 31), 'decade', 'year');
}

/**
 * EDTF season codes 21–41 as [first month, length in months]. 21–24 (plain "spring" …
 * "winter") are read as northern-hemisphere meteorological seasons, like 25–28, since
 * the sources we expect mostly are; winter is December of the year through February of
 * the next, the winter that begins in the named year.
 */
const SEASONS: Record<number, readonly [number, number]> = {
  21: [3, 3], 22: [6, 3], 23: [9, 3], 24: [12, 3],
  25: [3, 3], 26: [6, 3], 27: [9, 3], 28: [12, 3],
  29: [9, 3], 30: [12, 3], 31: [3, 3], 32: [6, 3],
  33: [1, 3], 34: [4, 3], 35: [7, 3], 36: [10, 3],
  37: [1, 4], 38: [5, 4], 39: [9, 4],
  40: [1, 6], 41: [7, 6],
};

export function seasonSpan(y: number, code: number): Span | null {
  const season = SEASONS[code];
  if (!season) return null;
  const [first, length] = season;
  const end = addMonths(isoDay(y, first, 1), length - 1, true);
  return simple(`${year4(y)}-${code}`, isoDay(y, first, 1), end, 'season', 'month');
}

const PART_OF_MONTH: Record<Qualifier, readonly [number, number | null]> = {
  early: [1, 10], mid: [11, 20], late: [21, null],
};
const PART_OF_YEAR: Record<Qualifier, readonly [number, number]> = {
  early: [1, 4], mid: [5, 8], late: [9, 12],
};
const PART_OF_DECADE: Record<Qualifier, readonly [number, number]> = {
  early: [0, 3], mid: [4, 6], late: [7, 9],
};

/** "early / mid / late August": days 1–10, 11–20, 21–end. */
export function partOfMonth(y: number, m: number, q: Qualifier): Span {
  const [from, to] = PART_OF_MONTH[q];
  const first = isoDay(y, m, from);
  const last = isoDay(y, m, to ?? daysInMonth(y, m));
  return interval(first, last, first, last, 'day');
}

/** "early / mid / late 1992": January–April, May–August, September–December. */
export function partOfYear(y: number, q: Qualifier): Span {
  const [from, to] = PART_OF_YEAR[q];
  const start = `${year4(y)}-${pad(from, 2)}`;
  const end = `${year4(y)}-${pad(to, 2)}`;
  return interval(start, end, isoDay(y, from, 1), lastDayOfMonth(y, to), 'month');
}

/** "early / mid / late 1990s": 1990–1993, 1994–1996, 1997–1999. */
export function partOfDecade(decade: number, q: Qualifier): Span {
  const [from, to] = PART_OF_DECADE[q];
  return interval(year4(decade + from), year4(decade + to), isoDay(decade + from, 1, 1), isoDay(decade + to, 12, 31), 'year');
}

/** The EDTF endpoint naming `day` at `grain`. */
function endpointAt(day: string, grain: Grain): string {
  return grain === 'year' ? day.slice(0, 4) : grain === 'month' ? day.slice(0, 7) : day;
}

/**
 * Widens bounds for EDTF `~` ("circa", "about", "hacia"): ±2 years for a year-grain date,
 * ±1 month for a month or season, ±7 days for a day. A source's "circa 1992" routinely
 * means a year or two either side, and a filter for 1990 should still find it.
 */
export function widen(earliest: string, latest: string, grain: Grain): [string, string] {
  if (grain === 'year') return [addMonths(earliest, -24), addMonths(latest, 24, true)];
  if (grain === 'month') return [addMonths(earliest, -1), addMonths(latest, 1, true)];
  return [addDays(earliest, -7), addDays(latest, 7)];
}

export function circa(span: Span): Span {
  const [earliest, latest] = widen(span.earliest, span.latest, span.grain);
  if (SIMPLE_EDTF.test(span.edtf)) {
    const edtf = `${span.edtf}~`;
    return { ...span, edtf, start: edtf, end: edtf, earliest, latest };
  }
  // EDTF cannot qualify `199X` or a season or an interval as a whole, so mark each end.
  const start = `${endpointAt(span.earliest, span.grain)}~`;
  const end = `${endpointAt(span.latest, span.grain)}~`;
  return { ...span, edtf: `${start}/${end}`, start, end, earliest, latest };
}

const FINER: Record<Grain, number> = { day: 0, month: 1, year: 2 };

/** Null when `to` ends before `from` begins. */
export function rangeSpan(from: Span, to: Span): Span | null {
  if (from.earliest > to.latest) return null;
  const grain = FINER[from.grain] <= FINER[to.grain] ? from.grain : to.grain;
  return interval(from.start, to.end, from.earliest, to.latest, grain);
}

/**
 * Open ranges ("before 1992", `../1992`, "after 2002") still need both bounds to sort
 * and filter. We close them 100 years out: far enough for any living witness's
 * account, near enough that a "before 1992" event does not sort ahead of the Middle Ages.
 */
export const OPEN_RANGE_YEARS = 100;

export function openBefore(span: Span, inclusive: boolean): Span {
  const latest = inclusive ? span.latest : addDays(span.earliest, -1);
  const endEdtf = inclusive ? span.end : endpointAt(latest, startsOnGrain(span) ? span.grain : 'day');
  const earliest = isoDay(Math.max(MIN_YEAR, yearOf(latest) - OPEN_RANGE_YEARS), 1, 1);
  return { edtf: `../${endEdtf}`, start: '..', end: endEdtf, earliest, latest, precision: 'range', grain: span.grain };
}

export function openAfter(span: Span, inclusive: boolean): Span {
  const earliest = inclusive ? span.earliest : addDays(span.latest, 1);
  const startEdtf = inclusive ? span.start : endpointAt(earliest, endsOnGrain(span) ? span.grain : 'day');
  const latest = isoDay(Math.min(MAX_YEAR, yearOf(earliest) + OPEN_RANGE_YEARS), 12, 31);
  return { edtf: `${startEdtf}/..`, start: startEdtf, end: '..', earliest, latest, precision: 'range', grain: span.grain };
}

/** Whether the day before `span` is still expressible at its grain (before 1992 → 1991). */
function startsOnGrain(span: Span): boolean {
  if (span.grain === 'year') return span.earliest.endsWith('-01-01');
  if (span.grain === 'month') return span.earliest.endsWith('-01');
  return true;
}

function endsOnGrain(span: Span): boolean {
  if (span.grain === 'year') return span.latest.endsWith('-12-31');
  if (span.grain === 'month') return span.latest === lastDayOfMonth(yearOf(span.latest), Number(span.latest.slice(5, 7)));
  return true;
}
