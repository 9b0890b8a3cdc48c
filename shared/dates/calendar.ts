// Pure proleptic-Gregorian arithmetic on ISO calendar days. Nothing here reads the local
// time zone: a `Date` built from local fields can shift a day across a DST or offset
// boundary, and these days are calendar facts, not instants.

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** ISO `YYYY-MM-DD` can only carry four-digit years, so that is our representable range. */
export const MIN_YEAR = 0;
export const MAX_YEAR = 9999;
export const MIN_DAY = '0000-01-01';
export const MAX_DAY = '9999-12-31';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= MIN_YEAR && year <= MAX_YEAR &&
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month)
  );
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoDay(year, month, daysInMonth(year, month));
}

/** Parses a strict `YYYY-MM-DD` that names a real day; anything else is null. */
export function parseIsoDay(text: string): CalendarDay | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

/** Callers only pass days they produced themselves, so a malformed one is a bug. */
function mustParse(text: string): CalendarDay {
  const d = parseIsoDay(text);
  if (!d) throw new RangeError(`Not an ISO calendar day: ${text}`);
  return d;
}

// Days since 0000-03-01 (H. Hinnant's days_from_civil): exact for every year we accept.
function toDayNumber({ year, month, day }: CalendarDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

function fromDayNumber(n: number): CalendarDay {
  const era = Math.floor(n / 146097);
  const doe = n - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Widening a bound past year 0 or 9999 clamps rather than fails: a "circa 0001" or an
 * open range near the edge is still a usable filter, just a slightly narrower one.
 */
function clamped(d: CalendarDay): string {
  if (d.year < MIN_YEAR) return MIN_DAY;
  if (d.year > MAX_YEAR) return MAX_DAY;
  return isoDay(d.year, d.month, d.day);
}

export function addDays(day: string, n: number): string {
  return clamped(fromDayNumber(toDayNumber(mustParse(day)) + n));
}

/** Shifts by whole months; `toEnd` lands on the month's last day (for inclusive ends). */
export function addMonths(day: string, n: number, toEnd = false): string {
  const d = mustParse(day);
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < MIN_YEAR || year > MAX_YEAR) return year < MIN_YEAR ? MIN_DAY : MAX_DAY;
  const last = daysInMonth(year, month);
  return isoDay(year, month, toEnd ? last : Math.min(d.day, last));
}

/**
 * A day as a whole number (days since 0000-03-01) for drawing and arithmetic on a time axis;
 * consecutive days differ by one. The inverse is `isoFromDayIndex`.
 */
export function dayIndex(day: string): number {
  // The stored bounds are always YYYY-MM-DD: read the digits directly (this runs for every bar
  // of a 10,000-event timeline), and fall back to the checking parser for anything else.
  if (day.length === 10 && day.charCodeAt(4) === 45 && day.charCodeAt(7) === 45) {
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7));
    const d = Number(day.slice(8, 10));
    if (month >= 1 && month <= 12 && d >= 1 && d <= 31 && Number.isInteger(year)) return toDayNumber({ year, month, day: d });
  }
  return toDayNumber(mustParse(day));
}

export function isoFromDayIndex(n: number): string {
  return clamped(fromDayNumber(Math.round(n)));
}

/** Year, month and day of a day index, for axis labels. */
export function calendarDayOf(n: number): CalendarDay {
  return fromDayNumber(Math.floor(n));
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/**
 * UTC getters, not local ones: edtf.js reports bounds as UTC epoch milliseconds, and a
 * local getter would move 00:00Z into the previous day west of Greenwich.
 * Returns null outside the four-digit-year range.
 */
export function isoDayFromUtcMs(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return isoDay(year, date.getUTCMonth() + 1, date.getUTCDate());
}
