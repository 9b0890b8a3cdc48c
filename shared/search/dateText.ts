// A record's date as searchable text (records.ts): what the researcher wrote, and the calendar
// it stands for in both languages, so "Guzmán 1992", "agosto 2019" or "August 2019" find an
// event or a document by when it happened, not only by the words of its description.
import type { ApproxDate } from '../dates/types';
import { MONTH_NAMES } from '../dates/vocabulary';

/** Spans up to this many calendar months name each month; longer ones only their years. */
const MONTHS_NAMED = 3;
/** Spanish month names as written in Peru beside the Academy's ("setiembre"). */
const ES_VARIANTS: Readonly<Record<number, string>> = { 8: 'setiembre' };
/** One date of EDTF, its qualifiers (~ ? %) taken off: a year, a month or a day. */
const SINGLE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

interface Calendar { y0: number; m0: number; y1: number; m1: number; day: number | null }

const parts = (iso: string): number[] => iso.split('-').map(Number);

/**
 * The calendar a date stands for: an open-ended one ("before 1990": `../1989`) none, its
 * wording says it all (its computed bound, a century away, is no date anybody wrote); an
 * approximate one ("circa 1992": `1992~`) the year, month or day stated, not its widened
 * bounds; any other its bounds.
 */
function calendarOf(date: ApproxDate): Calendar | null {
  const edtf = date.edtf.trim();
  if (date.precision === 'unknown' || edtf.startsWith('..') || edtf.endsWith('..')) return null;
  const core = edtf.replace(/[~?%]/g, '');
  const single = core !== edtf ? SINGLE.exec(core) : null;
  if (single) {
    const y = Number(single[1]);
    const m = single[2] ? Number(single[2]) : null;
    return { y0: y, y1: y, m0: m ?? 1, m1: m ?? 12, day: single[3] ? Number(single[3]) : null };
  }
  const [y0, m0, d0] = parts(date.earliest);
  const [y1, m1] = parts(date.latest);
  if (![y0, m0, d0, y1, m1].every((n) => Number.isFinite(n))) return null;
  return { y0: y0!, m0: m0!, y1: y1!, m1: m1!, day: date.earliest === date.latest ? d0! : null };
}

/**
 * Lines of the date field: the wording as written, then the calendar line — each month of a
 * short span in English and Spanish ("21 August 2019 · 21 agosto 2019" for a day, "August 2019 ·
 * agosto 2019" for a month), else its year or its first and last years ("2000–2012"). Empty
 * when the record is undated.
 */
export function dateText(date: ApproxDate | null | undefined): string {
  if (!date) return '';
  const label = date.label.trim();
  const cal = calendarOf(date);
  const lines: string[] = [];
  if (cal) {
    const months = (cal.y1 - cal.y0) * 12 + (cal.m1 - cal.m0) + 1;
    if (months >= 1 && months <= MONTHS_NAMED) {
      const day = cal.day !== null && months === 1 ? `${cal.day} ` : '';
      for (let i = 0; i < months; i++) {
        const year = cal.y0 + Math.floor((cal.m0 - 1 + i) / 12);
        const month = (cal.m0 - 1 + i) % 12;
        const es = [MONTH_NAMES.es[month], ES_VARIANTS[month]].filter(Boolean).map((name) => `${day}${name} ${year}`).join(' / ');
        lines.push(`${day}${MONTH_NAMES.en[month]} ${year} · ${es}`);
      }
    } else if (months > MONTHS_NAMED) lines.push(cal.y0 === cal.y1 ? String(cal.y0) : `${cal.y0}–${cal.y1}`);
  }
  return [label, ...lines.filter((l) => l !== label)].filter(Boolean).join('\n');
}
