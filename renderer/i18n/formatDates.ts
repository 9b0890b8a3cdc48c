import type { ApproxDate } from '../../shared/dates/types';
import type { Language } from './index';

function utcDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const day = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  day.setUTCFullYear(Number(m[1])); // Date.UTC maps years 0–99 onto 1900–1999
  return day;
}

/**
 * The days an approximate date can fall on, "21–31 Aug 2019", so the user sees what
 * "late August 2019" or "early 1990s" will sort and filter as.
 */
export function formatDayRange(date: ApproxDate, lang: Language): string {
  const [from, to] = [utcDay(date.earliest), utcDay(date.latest)];
  if (!from || !to) return `${date.earliest} – ${date.latest}`;
  const format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return date.earliest === date.latest ? format.format(from) : format.formatRange(from, to);
}
