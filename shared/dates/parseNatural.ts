// Phrases in words: one date, a range of two ("1980s to early 2000s", "entre 1990 y
// 1995", "12–15 September 1992"), or an open range ("before 1992", "después de 2002").
import type { DateLang, Failure, ParseApproxDateOptions } from './dateParseTypes';
import type { Context, PointSpec } from './naturalPoint';
import { readPoint, resolvePoint, yearFor } from './naturalPoint';
import type { Span } from './spans';
import { openAfter, openBefore, rangeSpan } from './spans';
import type { Token } from './tokenise';
import { rawText, tokenise } from './tokenise';
import {
  OPEN_PREFIXES, PAIRED_OPENERS, PAIRED_SEPARATORS, RANGE_OPENERS, RANGE_SEPARATORS, RELATIVE_WORDS,
} from './vocabulary';

interface Reader {
  input: string;
  lang: DateLang;
  contextYear: number | undefined;
}

type Outcome = Span | Failure | null;

export function parseNatural(input: string, opts: ParseApproxDateOptions = {}): Span | Failure {
  const tokens = tokenise(input);
  const contextYear = Number.isInteger(opts.contextYear) ? opts.contextYear : undefined;
  const reader: Reader = { input, lang: opts.lang ?? 'en', contextYear };

  // The first real failure is the most telling: the whole phrase's, then an open
  // range's, then the leftmost split's ("31 February" in "between 31 February and …").
  let firstFailure: Failure | null = null;
  const attempts = [
    (): Outcome => wholePoint(reader, tokens),
    (): Outcome => openRange(reader, tokens),
    ...tokens.map((t, i) => (): Outcome => (i > 0 && i < tokens.length - 1 && RANGE_SEPARATORS.has(t.norm)
      ? range(reader, tokens.slice(0, i), t.norm, tokens.slice(i + 1))
      : null)),
  ];
  for (const attempt of attempts) {
    const outcome = attempt();
    if (outcome === null) continue;
    if (!('code' in outcome)) return outcome;
    firstFailure ??= outcome;
  }
  if (firstFailure) return firstFailure;
  if (tokens.some((t) => RELATIVE_WORDS.has(t.norm))) return { code: 'relative-date', text: input };
  return { code: 'unrecognised', text: input };
}

function read(reader: Reader, tokens: readonly Token[]): PointSpec | Failure | null {
  return tokens.length ? readPoint(tokens, rawText(reader.input, tokens), reader.lang) : null;
}

function wholePoint(reader: Reader, tokens: readonly Token[]): Outcome {
  const spec = read(reader, tokens);
  return spec === null || 'code' in spec ? spec : resolvePoint(spec, {}, reader.contextYear);
}

function openRange(reader: Reader, tokens: readonly Token[]): Outcome {
  for (const [words, kind] of OPEN_PREFIXES) {
    if (!words.every((w, i) => tokens[i]?.norm === w)) continue;
    const spec = read(reader, tokens.slice(words.length));
    if (spec === null || 'code' in spec) return spec;
    const span = resolvePoint(spec, {}, reader.contextYear);
    if (span === null || 'code' in span) return span;
    if (kind === 'before' || kind === 'until') return openBefore(span, kind === 'until');
    return openAfter(span, kind === 'since');
  }
  return null;
}

function range(reader: Reader, leftTokens: readonly Token[], separator: string, rightTokens: readonly Token[]): Outcome {
  const opener = leftTokens[0]?.norm;
  const hasOpener = opener !== undefined && RANGE_OPENERS.has(opener);
  if (PAIRED_SEPARATORS.has(separator) && !(hasOpener && PAIRED_OPENERS.has(opener))) return null;
  const left = read(reader, hasOpener ? leftTokens.slice(1) : leftTokens);
  let right = read(reader, rightTokens);
  if (left === null || right === null) return null;
  if ('code' in left) return left;
  if ('code' in right) return right;
  right = shortYear(left, right);

  const { contextYear } = reader;
  const rightCtx: Context = left.kind === 'decade' ? {} : { year: left.year, month: left.kind === 'date' ? left.month : undefined };
  const to = resolvePoint(right, rightCtx, contextYear);
  if (to === null || 'code' in to) return to;
  const leftCtx: Context = {
    year: yearFor(right, rightCtx, contextYear),
    month: right.kind === 'date' ? right.month : undefined,
  };
  let from = resolvePoint(left, leftCtx, contextYear);
  if (from === null || 'code' in from) return from;

  let span = rangeSpan(from, to);
  // "late December to early January 2019": the borrowed year belongs to the end, so the
  // start falls in the year before.
  const borrowed = left.kind === 'date' && left.month !== undefined && left.year === undefined;
  if (!span && borrowed && leftCtx.year !== undefined) {
    from = resolvePoint(left, { ...leftCtx, year: leftCtx.year - 1 }, contextYear);
    if (from === null || 'code' in from) return from;
    span = rangeSpan(from, to);
  }
  return span ?? { code: 'reversed-range', text: reader.input };
}

/** "1990–93", "1998 to 02": a bare two-digit end after a year is a year of the same run. */
function shortYear(left: PointSpec, right: PointSpec): PointSpec {
  if (left.kind !== 'date' || right.kind !== 'date' || right.bare === undefined) return right;
  if (left.year === undefined || left.month !== undefined || left.day !== undefined) return right;
  let year = Math.floor(left.year / 100) * 100 + right.bare;
  if (year < left.year) year += 100;
  return { kind: 'date', year, circa: right.circa, text: right.text };
}
