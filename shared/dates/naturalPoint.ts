// One date in words: "late August 2018", "12 de septiembre de 1992", "circa 1992",
// "los años 90", "summer 1992". Reading is split from resolving so that the two ends of
// a range can lend each other a missing month or year ("12–15 September 1992").
import type { DateLang, Failure } from './dateParseTypes';
import { isRealDay, MAX_YEAR, MIN_YEAR } from './calendar';
import type { Qualifier, Span } from './spans';
import { circa, daySpan, decadeSpan, monthSpan, partOfDecade, partOfMonth, partOfYear, seasonSpan, yearSpan } from './spans';
import type { Token } from './tokenise';
import { CIRCA_WORDS, DECADE_MARKERS, DECADE_WORDS, FILLERS, MONTHS, QUALIFIERS, SEASONS } from './vocabulary';

interface SpecBase {
  circa: boolean;
  /** The words as typed, for error messages. */
  text: string;
}

export type PointSpec = SpecBase & (
  /** `bare`: the point was one plain two-digit number, a day or a short year ("1990–93"). */
  | { kind: 'date'; year?: number; month?: number; day?: number; qualifier?: Qualifier; bare?: number }
  | { kind: 'season'; season: number; year?: number }
  | { kind: 'decade'; decade: number; qualifier?: Qualifier }
);

export interface Context {
  year?: number;
  month?: number;
}

const YEAR = /^\d{4}$/;
const DAY = /^(\d{1,2})\.?(st|nd|rd|th|o|a|er|ro|°)?$/;
const ISO_LIKE = /^(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?$/;
const DMY_LIKE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Two-digit decades: 00 and 10 are this century's; 20–90 the last one's. Sources that say
 * "the 20s" about the 2020s are still rare next to those about the 1920s.
 */
export function expandTwoDigitDecade(n: number): number {
  return n < 20 ? 2000 + n : 1900 + n;
}

function decadeOf(word: string, marked: boolean): number | null {
  const fromWord = DECADE_WORDS.get(word);
  if (fromWord !== undefined) return fromWord;
  const m = /^(\d{2}|\d{4})(s?)$/.exec(word);
  if (!m?.[1] || (!m[2] && !marked)) return null;
  const n = Number(m[1]);
  if (n % 10 !== 0) return null;
  return m[1].length === 2 ? expandTwoDigitDecade(n) : n;
}

function dayOf(word: string): number | null {
  if (word === 'primero') return 1;
  const m = DAY.exec(word);
  const n = Number(m?.[1]);
  return m && n >= 1 && n <= 31 ? n : null;
}

/** `12/09/1992`: day first in Spanish; in English only when it cannot be a month. */
type DateSpec = Extract<PointSpec, { kind: 'date' }>;

function numericDate(word: string, lang: DateLang, text: string): DateSpec | Failure | null {
  const iso = ISO_LIKE.exec(word);
  if (iso) {
    const month = Number(iso[2]);
    if (month < 1 || month > 12) return { code: 'invalid-month', text };
    const day = iso[3] === undefined ? undefined : Number(iso[3]);
    return { kind: 'date', year: Number(iso[1]), month, day, circa: false, text };
  }
  const dmy = DMY_LIKE.exec(word);
  if (!dmy) return null;
  const [a, b, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  if (a > 12 && b > 12) return { code: 'invalid-month', text };
  let dayFirst = lang === 'es';
  if (a > 12) dayFirst = true;
  else if (b > 12) dayFirst = false;
  else if (a !== b && lang !== 'es') return { code: 'ambiguous-numeric-date', text };
  const [day, month] = dayFirst ? [a, b] : [b, a];
  return { kind: 'date', year, month, day, circa: false, text };
}

type Word = { kind: 'Y' | 'M' | 'D'; value: number };

function classify(word: string): Word | null {
  if (YEAR.test(word)) return { kind: 'Y', value: Number(word) };
  const month = MONTHS.get(word);
  if (month !== undefined) return { kind: 'M', value: month };
  const day = dayOf(word);
  return day === null ? null : { kind: 'D', value: day };
}

/** Orders a source may write a day, month and year in. */
// `DY` only stands as the end of a range that lends it a month: "September 12–15, 1992".
const PATTERNS = new Set(['Y', 'M', 'D', 'MY', 'YM', 'DM', 'MD', 'DY', 'DMY', 'MDY', 'YMD']);

export function readPoint(tokens: readonly Token[], text: string, lang: DateLang): PointSpec | Failure | null {
  const words = tokens.map((t) => t.norm).filter((w) => !FILLERS.has(w));
  let isCirca = false;
  while (words[0] !== undefined && CIRCA_WORDS.has(words[0])) {
    isCirca = true;
    words.shift();
  }
  const qualifier = words[0] === undefined ? undefined : QUALIFIERS.get(words[0]);
  if (qualifier) words.shift();
  const base = { circa: isCirca, text };

  let marked = false;
  while (words[0] !== undefined && DECADE_MARKERS.has(words[0])) {
    marked = true;
    words.shift();
  }
  const [first, ...rest] = words;
  if (first === undefined) return null;
  if (rest.length === 0) {
    const decade = decadeOf(first, marked);
    if (decade !== null) return { ...base, kind: 'decade', decade, qualifier };
  }
  if (marked) return null;

  const season = SEASONS.get(first);
  if (season !== undefined) {
    if (qualifier || rest.length > 1 || (rest[0] !== undefined && !YEAR.test(rest[0]))) return null;
    return { ...base, kind: 'season', season, year: rest[0] === undefined ? undefined : Number(rest[0]) };
  }

  if (rest.length === 0 && /\d[/.-]\d/.test(first)) {
    const numeric = numericDate(first, lang, text);
    if (numeric === null || 'code' in numeric) return numeric;
    if (qualifier && numeric.day !== undefined) return null;
    return { ...numeric, ...base, qualifier };
  }

  if (rest.length === 0 && /^\d{2}$/.test(first) && !qualifier) {
    const n = Number(first);
    return { ...base, kind: 'date', day: n >= 1 && n <= 31 ? n : undefined, bare: n };
  }

  const parts = words.map(classify);
  if (parts.some((p) => p === null)) return null;
  const kinds = parts.map((p) => p?.kind).join('');
  if (!PATTERNS.has(kinds)) return null;
  const pick = (k: Word['kind']): Word | undefined => parts.find((p) => p?.kind === k) ?? undefined;
  const [y, m, d] = [pick('Y'), pick('M'), pick('D')];
  if (qualifier && d) return null;
  return { ...base, kind: 'date', year: y?.value, month: m?.value, day: d?.value, qualifier };
}

function inRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The year a spec will use once context is applied, if any. */
export function yearFor(spec: PointSpec, ctx: Context, contextYear?: number): number | undefined {
  if (spec.kind === 'decade') return undefined;
  return spec.year ?? ctx.year ?? contextYear;
}

/** Null when the spec cannot stand alone here (a bare day with no month to lean on). */
export function resolvePoint(spec: PointSpec, ctx: Context, contextYear?: number): Span | Failure | null {
  const span = baseSpan(spec, ctx, contextYear);
  if (span === null || 'code' in span) return span;
  return spec.circa ? circa(span) : span;
}

function baseSpan(spec: PointSpec, ctx: Context, contextYear?: number): Span | Failure | null {
  if (spec.kind === 'decade') {
    return spec.qualifier ? partOfDecade(spec.decade, spec.qualifier) : decadeSpan(spec.decade);
  }
  if (spec.kind === 'date' && spec.year === undefined && spec.month === undefined && spec.day === undefined) return null;
  const month = spec.kind === 'date' ? spec.month ?? (spec.day !== undefined ? ctx.month : undefined) : undefined;
  if (spec.kind === 'date' && spec.day !== undefined && month === undefined) return null;
  const year = yearFor(spec, ctx, contextYear);
  if (year === undefined) return { code: 'needs-year', text: spec.text };
  if (!inRange(year)) return { code: 'out-of-range', text: spec.text };
  if (spec.kind === 'season') return seasonSpan(year, spec.season);
  if (spec.day !== undefined && month !== undefined) {
    return isRealDay(year, month, spec.day) ? daySpan(year, month, spec.day) : { code: 'invalid-day', text: spec.text };
  }
  if (month !== undefined) return spec.qualifier ? partOfMonth(year, month, spec.qualifier) : monthSpan(year, month);
  return spec.qualifier ? partOfYear(year, spec.qualifier) : yearSpan(year);
}
