// A path reference, not tsconfig `include`: the tests' tsconfig reaches this file only
// through imports, and the ambient `declare module 'edtf'` must be in every program.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./edtf.d.ts" />
import edtf, { parse } from 'edtf';
import type { EdtfNode } from 'edtf';
import type { Failure } from './dateParseTypes';
import type { DatePrecision } from './types';
import { daysInMonth, isoDayFromUtcMs, MAX_YEAR, MIN_YEAR } from './calendar';
import type { Grain, Span } from './spans';
import { daySpan, monthSpan, openAfter, openBefore, seasonSpan, widen, yearSpan } from './spans';

// edtf.js syntax-checks and builds the tree (all of levels 0–2, including sets, lists,
// exponential years and component qualifiers); the bounds we compute ourselves, because
// its seasons 21–24 are calendar quarters rather than seasons, it silently rolls
// 1993-02-29 over to 1 March, and it knows nothing of our circa widening.

type Bounds = Omit<Span, 'edtf' | 'start' | 'end'>;

const EDTF_CHARS = /^[\dXx~?%./\-\s]+$/;
const FULL_DAY = /(\d{4})-(\d{2})-(\d{2})/g;
const YEAR_MONTH = /(?:^|\/|\.\.)(\d{4})-(\d{2})(?=$|[/~?%])/g;

/** Lets users type `199x` or `1990 / 1993`; EDTF proper wants `199X` and no spaces. */
function candidateOf(input: string): string {
  return EDTF_CHARS.test(input) ? input.toUpperCase().replace(/\s*\/\s*/g, '/') : input;
}

/**
 * edtf.js rejects 31 April and 30 February as bare syntax errors but accepts 29 February
 * in any year; name the real problem instead so the UI can say which day is wrong.
 */
function calendarProblem(candidate: string): Failure | null {
  for (const m of candidate.matchAll(FULL_DAY)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12) return { code: 'invalid-month', text: m[0] };
    if (day < 1 || day > daysInMonth(year, month)) return { code: 'invalid-day', text: m[0] };
  }
  for (const m of candidate.matchAll(YEAR_MONTH)) {
    const month = Number(m[2]);
    const isSeason = month >= 21 && month <= 41;
    if (month < 1 || (month > 12 && !isSeason)) return { code: 'invalid-month', text: `${m[1]}-${m[2]}` };
  }
  return null;
}

/**
 * Reads EDTF. Returns null when the input is not EDTF at all (the caller then tries
 * words), a Failure when it is EDTF-shaped but wrong.
 */
export function parseEdtf(input: string): Span | Failure | null {
  const candidate = candidateOf(input);
  const problem = calendarProblem(candidate);
  let node: EdtfNode;
  try {
    node = parse(candidate);
  } catch {
    return problem;
  }
  if (problem) return problem;
  const bounds = boundsOf(node, candidate);
  if ('code' in bounds) return bounds;
  const isTime = (node.type ?? 'Date') === 'Date' && node.values.length > 3;
  // A timestamp keeps only its calendar day as the source wrote it; we never shift zones.
  const text = isTime ? bounds.earliest : candidate;
  return { ...bounds, edtf: text, start: text, end: text };
}

function num(v: EdtfNode['values'][number]): number {
  return typeof v === 'number' ? v : NaN;
}

function outOfRange(text: string): Failure {
  return { code: 'out-of-range', text };
}

function boundsOf(node: EdtfNode, text: string): Bounds | Failure {
  switch (node.type ?? 'Date') {
    case 'Date':
      return dateBounds(node, text);
    case 'Year': {
      const y = num(node.values[0]);
      return y >= MIN_YEAR && y <= MAX_YEAR ? qualified(yearSpan(y), node) : outOfRange(text);
    }
    case 'Decade':
    case 'Century':
      // EDTF reads `92` as the 9200s and `199` as the 1990s; a researcher typing those
      // almost surely meant a year, so we refuse them and accept `199X` / `19XX` instead.
      return { code: 'unrecognised', text };
    case 'Season': {
      const y = num(node.values[0]);
      if (y < MIN_YEAR || y >= MAX_YEAR) return outOfRange(text);
      return seasonSpan(y, num(node.values[1])) ?? { code: 'unrecognised', text };
    }
    case 'Interval':
      return intervalBounds(node, text);
    default:
      // Sets and lists ("one of", "all of"): the span from the first to the last member.
      return libBounds(node, text, 'range', 'day');
  }
}

function dateBounds(node: EdtfNode, text: string): Bounds | Failure {
  const [y, m, d] = [num(node.values[0]), num(node.values[1]) + 1, num(node.values[2])];
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return outOfRange(text);
  if (node.unspecified) return unspecifiedBounds(node, text);
  const span = node.values.length === 1 ? yearSpan(y) : node.values.length === 2 ? monthSpan(y, m) : daySpan(y, m, d);
  return qualified(span, node);
}

/** Bits of edtf.js's unspecified-digit mask: YYYY are bits 0–3, MM 4–5, DD 6–7. */
function unspecifiedBounds(node: EdtfNode, text: string): Bounds | Failure {
  const mask = node.unspecified ?? 0;
  const yearDigits = mask & 15;
  let precision: DatePrecision = 'month';
  if (yearDigits === 8) precision = 'decade';
  else if (yearDigits === 12) precision = 'range';
  else if (yearDigits !== 0) precision = 'unknown';
  else if (mask & 48) precision = 'year';
  const grain: Grain = yearDigits || mask & 48 ? 'year' : 'month';
  const bounds = libBounds(node, text, precision, grain);
  return 'code' in bounds ? bounds : qualified(bounds, node);
}

function libBounds(node: EdtfNode, text: string, precision: DatePrecision, grain: Grain): Bounds | Failure {
  const obj = edtf(node);
  const min = obj.min === null ? null : isoDayFromUtcMs(obj.min);
  const max = obj.max === null ? null : isoDayFromUtcMs(obj.max);
  if (min === null || max === null) return outOfRange(text);
  return { earliest: min, latest: max, precision, grain };
}

/** `~` and `%` widen (see `widen`); `?` alone only doubts the value, so bounds stay put. */
function qualified<T extends Bounds>(bounds: T, node: EdtfNode): T {
  if (!node.approximate) return bounds;
  const [earliest, latest] = widen(bounds.earliest, bounds.latest, bounds.grain);
  return { ...bounds, earliest, latest };
}

function intervalBounds(node: EdtfNode, text: string): Bounds | Failure {
  const [from, to] = node.values.map((v) => (v && typeof v === 'object' ? boundsOf(v, text) : null));
  if (from && 'code' in from) return from;
  if (to && 'code' in to) return to;
  if (from && to) {
    if (from.earliest > to.latest) return { code: 'reversed-range', text };
    const grain = from.grain === 'day' || to.grain === 'day' ? 'day' : from.grain === 'month' || to.grain === 'month' ? 'month' : 'year';
    return { earliest: from.earliest, latest: to.latest, precision: 'range', grain };
  }
  const asSpan = (b: Bounds): Span => ({ ...b, edtf: '', start: '', end: '' });
  if (to) return strip(openBefore(asSpan(to), true));
  if (from) return strip(openAfter(asSpan(from), true));
  return { code: 'unrecognised', text };
}

function strip(span: Span): Bounds {
  const { earliest, latest, precision, grain } = span;
  return { earliest, latest, precision, grain };
}
