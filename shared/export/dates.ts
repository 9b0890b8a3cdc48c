import type { ApproxDate } from '../dates/types';
import { isCalendarDay } from '../model/common';

/**
 * ISO date prefixes (YYYY, YYYY-MM, YYYY-MM-DD) from approximate dates, for formats
 * that know only a date's precision and not its uncertainty (FollowTheMoney).
 * Only the precision the bounds actually carry is written: a whole month becomes
 * YYYY-MM, never a made-up day.
 */

type Bounds = Pick<ApproxDate, 'earliest' | 'latest'>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A bound's parts; null for anything that is not a real calendar day (2019-02-30 is not written out). */
function parts(day: string): [string, string, string] | null {
  if (!isCalendarDay(day)) return null;
  const m = DAY.exec(day);
  return m ? [m[1]!, m[2]!, m[3]!] : null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function lastDayOfMonth(year: string, month: string): string {
  const y = Number(year);
  const m = Number(month);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return String(m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] ?? 31));
}

/** The prefix meaning exactly these bounds (a day, a whole month, a whole year), else null. */
export function exactPrefix(d: Bounds): string | null {
  const a = parts(d.earliest);
  const b = parts(d.latest);
  if (!a || !b) return null;
  if (d.earliest === d.latest) return d.earliest;
  const [y1, m1, d1] = a;
  const [y2, m2, d2] = b;
  if (y1 !== y2) return null;
  if (m1 === m2 && d1 === '01' && d2 === lastDayOfMonth(y2, m2)) return `${y1}-${m1}`;
  if (m1 === '01' && d1 === '01' && m2 === '12' && d2 === '31') return y1;
  return null;
}

/**
 * The narrowest prefix that contains both bounds: exact when possible, else the
 * common month ("late August 2019" → 2019-08) or year; null when the bounds span years.
 */
export function containingPrefix(d: Bounds): string | null {
  const exact = exactPrefix(d);
  if (exact) return exact;
  const a = parts(d.earliest);
  const b = parts(d.latest);
  if (!a || !b || a[0] !== b[0]) return null;
  return a[1] === b[1] ? `${a[0]}-${a[1]}` : a[0];
}

/** A start bound at the precision it has: 2000-01-01 → 2000, 2019-08-01 → 2019-08. */
export function startPrefix(day: string): string | null {
  const p = parts(day);
  if (!p) return null;
  if (p[1] === '01' && p[2] === '01') return p[0];
  return p[2] === '01' ? `${p[0]}-${p[1]}` : day;
}

/** An end bound at the precision it has: 2012-12-31 → 2012, 2019-08-31 → 2019-08. */
export function endPrefix(day: string): string | null {
  const p = parts(day);
  if (!p) return null;
  if (p[1] === '12' && p[2] === '31') return p[0];
  return p[2] === lastDayOfMonth(p[0], p[1]) ? `${p[0]}-${p[1]}` : day;
}

/** Whole days from earliest to latest, inclusive. */
export function spanDays(d: Bounds): number {
  return Math.round((Date.parse(`${d.latest}T00:00:00Z`) - Date.parse(`${d.earliest}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The middle day of the bounds (the earlier of two middles), YYYY-MM-DD. */
export function middleDay(d: Bounds): string {
  const a = Date.parse(`${d.earliest}T00:00:00Z`);
  const b = Date.parse(`${d.latest}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return d.earliest;
  const mid = a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000;
  return new Date(mid).toISOString().slice(0, 10);
}
