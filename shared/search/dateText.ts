// A record's date as searchable text (records.ts): what the researcher wrote, and the calendar
// it stands for in both languages, so "Guzmán 1992", "agosto 2019" or "August 2019" find an
// event or a document by when it happened, not only by the words of its description.
import type { ApproxDate } from '../dates/types';
import { MONTH_NAMES } from '../dates/vocabulary';

/** Spans up to this many calendar months name each month; longer ones only their years. */
const MONTHS_NAMED = 3;

const parts = (iso: string): [year: number, month: number, day: number] => {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
};

/**
 * Lines of the date field: the wording as written, then the calendar line — each month of a
 * short span in English and Spanish ("21 August 2019 · 21 agosto 2019" for a day, "August 2019 ·
 * agosto 2019" for a month), else its year or its first and last years ("2000–2012"). Empty
 * when the record is undated.
 */
export function dateText(date: ApproxDate | null | undefined): string {
  if (!date || date.precision === 'unknown' || !date.earliest || !date.latest) return date?.label.trim() ?? '';
  const [y0, m0, d0] = parts(date.earliest);
  const [y1, m1, d1] = parts(date.latest);
  if (![y0, m0, d0, y1, m1, d1].every(Number.isFinite)) return date.label.trim();
  const months = (y1 - y0) * 12 + (m1 - m0) + 1;
  const lines: string[] = [];
  if (months <= MONTHS_NAMED) {
    for (let i = 0; i < months; i++) {
      const year = y0 + Math.floor((m0 - 1 + i) / 12);
      const month = (m0 - 1 + i) % 12;
      const day = date.earliest === date.latest ? `${d0} ` : '';
      lines.push(`${day}${MONTH_NAMES.en[month]} ${year} · ${day}${MONTH_NAMES.es[month]} ${year}`);
    }
  } else lines.push(y0 === y1 ? String(y0) : `${y0}–${y1}`);
  const label = date.label.trim();
  return [label, ...lines.filter((l) => l !== label)].filter(Boolean).join('\n');
}
