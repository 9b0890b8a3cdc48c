import type { ApproxDateResult } from './dateParseTypes';
import type { ApproxDate, DatePrecision } from './types';
import { daysInMonth, parseIsoDay } from './calendar';
import type { Span } from './spans';
import { daySpan, decadeSpan, monthSpan, yearSpan } from './spans';

const PRECISIONS: ReadonlySet<string> = new Set<DatePrecision>(['day', 'month', 'season', 'year', 'decade', 'range', 'unknown']);

// Cheap on purpose: record schemas run this on every row of an imported bundle, and a
// full EDTF parse costs ~0.1 ms (edtf.js is a nearley grammar). The EDTF is checked for
// its alphabet only; parseApproxDate is where EDTF is read in full.
const EDTF_ALPHABET = /^[0-9XYSE~?%.,/\-+:[\]{}TZ^]+$/;

/** What is wrong with `d` as a stored ApproxDate; empty when nothing is. */
export function approxDateProblems(d: unknown): string[] {
  if (typeof d !== 'object' || d === null) return ['not an object'];
  const r = d as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['label', 'edtf', 'earliest', 'latest', 'precision'] as const) {
    if (typeof r[key] !== 'string') problems.push(`${key} is not a string`);
  }
  if (problems.length) return problems;
  const { edtf, earliest, latest, precision } = r as unknown as ApproxDate;
  if (!EDTF_ALPHABET.test(edtf)) problems.push(`edtf is not EDTF: ${edtf}`);
  if (!PRECISIONS.has(precision)) problems.push(`unknown precision: ${precision}`);
  if (!parseIsoDay(earliest)) problems.push(`earliest is not a YYYY-MM-DD calendar day: ${earliest}`);
  if (!parseIsoDay(latest)) problems.push(`latest is not a YYYY-MM-DD calendar day: ${latest}`);
  if (!problems.length && earliest > latest) problems.push(`earliest ${earliest} is after latest ${latest}`);
  return problems;
}

export function isValidApproxDate(d: unknown): d is ApproxDate {
  return approxDateProblems(d).length === 0;
}

/**
 * Builds a date from two inclusive ISO days, e.g. from a date-range picker. The EDTF is
 * the simplest form that names exactly those bounds (`1992`, `1992-09`, `199X`), else a
 * day interval. The label stays empty unless given, so display falls back to the EDTF.
 */
export function approxDateFromBounds(earliest: string, latest: string, label = ''): ApproxDateResult {
  const input = `${earliest}/${latest}`;
  for (const day of [earliest, latest]) {
    if (!parseIsoDay(day)) {
      const shaped = /^\d{4}-\d{2}-\d{2}$/.test(day);
      const code = shaped && Number(day.slice(5, 7)) >= 1 && Number(day.slice(5, 7)) <= 12 ? 'invalid-day' : shaped ? 'invalid-month' : 'unrecognised';
      return { ok: false, error: { code, text: day, input } };
    }
  }
  if (earliest > latest) return { ok: false, error: { code: 'reversed-range', text: input, input } };
  const { edtf, precision } = simplest(earliest, latest);
  return { ok: true, value: { label: label.trim(), edtf, earliest, latest, precision } };
}

function simplest(earliest: string, latest: string): Pick<Span, 'edtf' | 'precision'> {
  const [y1, m1, d1] = earliest.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = latest.split('-').map(Number) as [number, number, number];
  const wholeMonths = d1 === 1 && d2 === daysInMonth(y2, m2);
  const wholeYears = wholeMonths && m1 === 1 && m2 === 12;
  const candidates: Span[] = [];
  if (earliest === latest) candidates.push(daySpan(y1, m1, d1));
  if (wholeMonths && y1 === y2 && m1 === m2) candidates.push(monthSpan(y1, m1));
  if (wholeYears && y1 === y2) candidates.push(yearSpan(y1));
  if (wholeYears && y1 % 10 === 0 && y2 === y1 + 9) candidates.push(decadeSpan(y1));
  const exact = candidates[0];
  if (exact) return exact;
  if (wholeYears) return { edtf: `${earliest.slice(0, 4)}/${latest.slice(0, 4)}`, precision: 'range' };
  if (wholeMonths) return { edtf: `${earliest.slice(0, 7)}/${latest.slice(0, 7)}`, precision: 'range' };
  return { edtf: `${earliest}/${latest}`, precision: 'range' };
}
