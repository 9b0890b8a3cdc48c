import { MAX_YEAR, MIN_YEAR, daysInMonth, pad } from '../dates/calendar';
import { MAX_TIMESTAMP, isCalendarDay } from './common';

/**
 * Stored records from before `isCalendarDay` (a bundle imported `2019-02-30` and `2019-13-45`,
 * which the shape check let through) are brought back to real calendar days when the database
 * is upgraded (renderer/db/db.ts, version 10), with the same check the forms and the bundle
 * import use. Nothing the user wrote is lost: the label and the EDTF text stay as they were;
 * only the machine bounds move to the nearest real day within the same month and year
 * (`2019-02-30` → `2019-02-28`, month 13 → December, month 00 → January). A bound that is not
 * a day at all becomes the widest one (0000-01-01 or 9999-12-31) with precision `unknown`.
 */
export interface DateRepair<T> {
  record: T;
  /** Dotted paths of the dates changed, e.g. `memberships.0.from`. */
  repaired: string[];
}

const ISO = /^(-?\d+)-(\d{1,2})-(\d{1,2})$/;

/** The nearest real day to an impossible ISO day, or null when the text is not a day at all. */
export function nearestCalendarDay(text: string): string | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const year = Math.min(MAX_YEAR, Math.max(MIN_YEAR, Number(m[1])));
  const month = Math.min(12, Math.max(1, Number(m[2])));
  const day = Math.min(daysInMonth(year, month), Math.max(1, Number(m[3])));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const isDateLike = (v: Record<string, unknown>): boolean =>
  typeof v.earliest === 'string' && typeof v.latest === 'string' && typeof v.edtf === 'string' && 'precision' in v;

export function repairCalendarDays<T>(record: T): DateRepair<T> {
  const repaired: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((v, i) => {
        const next = walk(v, path ? `${path}.${i}` : String(i));
        changed ||= next !== v;
        return next;
      });
      return changed ? out : value;
    }
    if (typeof value !== 'object' || value === null) return value;
    const obj = value as Record<string, unknown>;
    if (isDateLike(obj)) return repairDate(obj, path, repaired);
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      out[k] = walk(v, path ? `${path}.${k}` : k);
      changed ||= out[k] !== v;
    }
    return changed ? out : value;
  };
  return { record: walk(record, '') as T, repaired };
}

function repairDate(date: Record<string, unknown>, path: string, repaired: string[]): Record<string, unknown> {
  const earliest = date.earliest as string;
  const latest = date.latest as string;
  if (isCalendarDay(earliest) && isCalendarDay(latest)) return date;
  let from = isCalendarDay(earliest) ? earliest : nearestCalendarDay(earliest);
  let to = isCalendarDay(latest) ? latest : nearestCalendarDay(latest);
  let precision = date.precision;
  if (from === null || to === null) {
    from ??= '0000-01-01';
    to ??= '9999-12-31';
    precision = 'unknown';
  }
  if (from > to) to = from;
  repaired.push(path);
  return { ...date, earliest: from, latest: to, precision };
}

/**
 * A record's `createdAt`/`updatedAt` outside what a Date can hold (a bundle once let 1e20 in):
 * set to `now`, the moment the repair is made, so the record validates and can be saved again.
 */
export function repairTimestamps<T extends { createdAt: number; updatedAt: number }>(record: T, now: number): DateRepair<T> {
  const ok = (t: number) => Number.isInteger(t) && t >= 0 && t <= MAX_TIMESTAMP;
  const repaired = (['createdAt', 'updatedAt'] as const).filter((k) => !ok(record[k]));
  return repaired.length ? { record: { ...record, ...Object.fromEntries(repaired.map((k) => [k, now])) }, repaired } : { record, repaired };
}
