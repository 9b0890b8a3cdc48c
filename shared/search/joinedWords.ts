/**
 * Words that a plain split on letters and digits would cut in two (docs/search.md, "Numbers and
 * hyphenated compounds"), read in FOLDED text (analyze.ts folds first):
 *   - a thousands-separated number is one word, its separators dropped: "1.200", "1,200",
 *     "1 200" (NBSP and thin spaces fold to ' ') → "1200", as a researcher types it;
 *   - a hyphenated compound keeps its parts as words, at their places, and adds the parts
 *     joined as one more term at the first part's place: "narco-terroristas" → "narco",
 *     "terroristas" + "narcoterroristas", so either spelling finds the other;
 *   - a dotted abbreviation is read as a compound is: "ee.uu." → "ee", "uu" + "eeuu".
 * The raw-text side (offsets for snippets and phrase checks) is wordChars.ts `wordEnd`; the two
 * must agree (analyze.test.ts compares them).
 */

/** Runs of letters and digits in folded text: the words. */
export const FOLDED_WORD = /[\p{L}\p{N}]+/gu;

// 1–3 digits (the first not 0: "0.500" is a decimal), then groups of exactly 3 digits, each
// after the same separator; not when a same-separator group of another length follows
// ("1.200.5", "192.168.1.1"), nor when it continues an earlier number written with that
// separator ("3.14.159"), nor inside a word (nor after the fraction slash NFKC writes in "½":
// "1⁄2"). One alternative per separator: a lookbehind cannot refer to a group it has not
// matched yet.
const group = (sep: string): string => `(?<![\\p{L}\\p{N}\\u2044])(?<!\\d${sep})[1-9]\\d{0,2}(?:${sep}\\d{3})+(?!\\d|${sep}\\d|\\u2044)`;
const THOUSANDS = new RegExp([group('\\.'), group(','), group(' ')].join('|'), 'gu');
const MAYBE_GROUPED = /\d[., ]\d\d\d/;
const SEPARATORS = /[., ]/g;

/** Folded text with its thousands-separated numbers written without separators ("1.200" → "1200"). */
export function joinNumbers(folded: string): string {
  return MAYBE_GROUPED.test(folded) ? folded.replace(THOUSANDS, (m) => m.replace(SEPARATORS, '')) : folded;
}

// A number typed with spaces between its thousands ("1 200 kilos") is one word in a query, as
// in the index, not two chunks: the same rule, on the spaces a query can hold, never after a
// filter's colon ("case:12 345").
const SPACE = '[ \\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]';
const SPACED_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}\\u2044:.,])(?<!\\d${SPACE})[1-9]\\d{0,2}(?:${SPACE}\\d{3})+(?!\\d|${SPACE}\\d)`, 'gu');

/** Query input with its space-separated thousands written without spaces ("1 200 kilos" → "1200 kilos"). */
export function joinSpacedNumbers(input: string): string {
  return input.replace(SPACED_NUMBER, (n) => n.replace(/\D/g, ''));
}

/** A hyphenated compound: its parts joined, and where its first part is among the text's words. */
export interface Compound { word: string; at: number; parts: number }
export interface FoldedTerms { words: string[]; compounds: readonly Compound[] }

// Hyphens in folded text: '-' (and the full-width and small hyphen-minus, which fold to it),
// U+2010 (the non-breaking hyphen folds to it) and the soft hyphen. Dashes (–, —) are not.
const HYPHENATED = /[\p{L}\p{N}][-\u2010\u00ad][\p{L}\p{N}]/u;
/** A hyphen anywhere: most pages have none, and a look for three characters is cheaper than the pattern. */
const mayBeHyphenated = (text: string): boolean => text.includes('-') || text.includes('\u2010') || text.includes('\u00ad');
const isHyphen = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0xad;
const LETTER = /\p{L}/u;
const NONE: readonly Compound[] = [];

// Dotted abbreviations, joined as compounds are: letters in runs of one or two, each after a
// full stop ("ee.uu.", "d.e.a.", "s.a.c", "p.ej."), so "EEUU" finds "EE.UU." and the reverse.
// Not a word of three letters or more ("Sr.Pérez", "www.inei.gob.pe"), nor digits ("v.1", "3.5").
const DOTTED = /(?<![\p{L}\p{N}.])\p{L}{1,2}(?:\.\p{L}{1,2})+(?![\p{L}\p{N}]|\.[\p{L}\p{N}])/u;
const DOTTED_ALL = new RegExp(DOTTED.source, 'gu');

/**
 * Whether a full stop stands between two letters anywhere (folded text): what a dotted
 * abbreviation needs. Most full stops end a sentence, before a space: one look each, where
 * the whole pattern tried at every place cost more than the rest of the words' reading.
 */
function mayBeDotted(text: string): boolean {
  for (let k = text.indexOf('.', 1); k >= 0; k = text.indexOf('.', k + 1)) {
    if (isLetterCode(text.charCodeAt(k + 1)) && isLetterCode(text.charCodeAt(k - 1))) return true;
  }
  return false;
}
const isLetterCode = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && LETTER.test(String.fromCharCode(c)));

/** The offsets of the full stops inside the text's dotted abbreviations. */
function dottedJoins(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(DOTTED_ALL)) {
    for (let k = m[0].indexOf('.'); k >= 0; k = m[0].indexOf('.', k + 1)) out.add(m.index + k);
  }
  return out;
}

/**
 * The words of a folded text (numbers joined) and its compounds: runs of words each after
 * exactly one hyphen, or each after a full stop of a dotted abbreviation (dottedJoins), at
 * least one part holding a letter ("narco-terroristas", "M-19", "COVID-19", "ee.uu"; not
 * "5-10", "2019-05-12").
 */
export function foldedTerms(folded: string): FoldedTerms {
  const text = joinNumbers(folded);
  const dotted = mayBeDotted(text) && DOTTED.test(text) ? dottedJoins(text) : undefined;
  if (!dotted && !(mayBeHyphenated(text) && HYPHENATED.test(text))) return { words: text.match(FOLDED_WORD) ?? [], compounds: NONE };
  const words: string[] = [];
  const compounds: Compound[] = [];
  let first = 0;
  let prevEnd = -2;
  const close = () => {
    const parts = words.length - first;
    if (parts < 2) return;
    const list = words.slice(first);
    if (list.some((w) => LETTER.test(w))) compounds.push({ word: list.join(''), at: first, parts });
  };
  for (const m of text.matchAll(FOLDED_WORD)) {
    if (m.index !== prevEnd + 1 || !(isHyphen(text.charCodeAt(prevEnd)) || dotted?.has(prevEnd))) { close(); first = words.length; }
    words.push(m[0]);
    prevEnd = m.index + m[0].length;
  }
  close();
  return { words, compounds };
}

/** The compound (if any) that holds word `i`. */
export function compoundAt(compounds: readonly Compound[], i: number): Compound | undefined {
  return compounds.find((c) => i >= c.at && i < c.at + c.parts);
}
