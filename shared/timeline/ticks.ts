import { calendarDayOf, dayIndex } from '../dates/calendar';
import { isoDay } from '../dates/calendar';

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'year5' | 'decade' | 'decade5' | 'century';
export interface Tick { at: number; unit: TickUnit; year: number; month: number; day: number }

// Approximate length in days of each step, to pick the finest one that leaves room for a label.
const STEPS: ReadonlyArray<readonly [TickUnit, number]> = [
  ['day', 1], ['week', 7], ['month', 30.44], ['quarter', 91.3], ['year', 365.25], ['year5', 1826], ['decade', 3652], ['decade5', 18262], ['century', 36524],
];

/** The finest tick step whose labels are at least `minPx` apart. */
export function tickUnit(pxPerDay: number, minPx = 72): TickUnit {
  for (const [unit, days] of STEPS) if (days * pxPerDay >= minPx) return unit;
  return 'century';
}

const MAX_TICKS = 400;

/** Ticks on calendar boundaries (1 Jan, first of the month…) between two day indexes. */
export function ticks(from: number, to: number, unit: TickUnit): Tick[] {
  const out: Tick[] = [];
  const first = calendarDayOf(Math.max(from, 0));
  const push = (y: number, m: number, d: number) => {
    if (y < 0 || y > 9999) return false;
    const at = dayIndex(isoDay(y, m, d));
    if (at > to) return false;
    if (at >= from) out.push({ at, unit, year: y, month: m, day: d });
    return out.length < MAX_TICKS;
  };
  if (unit === 'day' || unit === 'week') {
    const step = unit === 'day' ? 1 : 7;
    // Weeks start on Mondays: day index 0 (0000-03-01) was a Wednesday.
    let n = Math.max(0, Math.floor(from));
    if (unit === 'week') n += (7 - ((n + 2) % 7)) % 7;
    for (; n <= to && out.length < MAX_TICKS; n += step) {
      const d = calendarDayOf(n);
      out.push({ at: n, unit, year: d.year, month: d.month, day: d.day });
    }
    return out;
  }
  if (unit === 'month' || unit === 'quarter') {
    const step = unit === 'month' ? 1 : 3;
    let y = first.year;
    let m = unit === 'month' ? first.month : Math.floor((first.month - 1) / 3) * 3 + 1;
    while (push(y, m, 1)) { m += step; if (m > 12) { m -= 12; y++; } }
    return out;
  }
  const years = { year: 1, year5: 5, decade: 10, decade5: 50, century: 100 }[unit];
  for (let y = Math.floor(first.year / years) * years; push(y, 1, 1); y += years);
  return out;
}
