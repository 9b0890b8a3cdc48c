import { foldText } from '../text/fold';

/**
 * Finding words in text the way the tokenizer's /[\p{L}\p{N}\p{M}]+/gu does (a run of letters,
 * digits and marks; a surrogate pair counts as one code point), by each character's class —
 * looked up once per code unit and kept — instead of a regex match and a string per word.
 * Used by `tokenize` (analyze.ts: phrase checks on page text) and the snippets' highlight scan.
 * Also the raw-text side of joinedWords.ts: thousands-separated numbers and hyphenated compounds.
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const codeClass = new Uint8Array(65_536); // 0 unknown, 1 word, 2 not
for (let c = 0; c < 128; c++) codeClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
const astralClass = new Map<number, boolean>();

/** Whether the code point at `i` is a word character: its length in code units (0: not one). */
export function wordCharAt(text: string, i: number): 0 | 1 | 2 {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let k = codeClass[c]!;
    if (k === 0) { k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2; codeClass[c] = k; }
    return k === 1 ? 1 : 0;
  }
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return 0; // a lone surrogate
  let word = astralClass.get(cp);
  if (word === undefined) { word = WORD_CHAR.test(String.fromCodePoint(cp)); astralClass.set(cp, word); }
  return word ? 2 : 0;
}

/**
 * ASCII, Latin-1 and Latin Extended-A/B letters, combining accents: a word of these folds to
 * exactly one word (NFKC, lower case and stripped marks never yield a non-word character).
 */
const latinCode = (c: number): boolean => c < 0x80 || (c >= 0xc0 && c <= 0x24f) || (c >= 0x300 && c <= 0x36f);

/**
 * What `wordEnd` found about the word it scanned (no object per word). `grouped`: the word is
 * a thousands-separated number ("1.200", "1 200"): its separators are not part of its folded
 * form (`groupedWord`).
 */
export const scanned = { ascii: true, latin: true, grouped: false };

// Thousands-separated numbers (docs/search.md, "Numbers and hyphenated compounds"), as the
// index reads them in folded text (joinedWords.ts): a separator is a code unit that folds to
// '.', ',' or ' ' (NBSP, thin and narrow spaces, full-width forms, spacing accents such as
// "¨"); a digit one that folds to one ASCII digit (full-width, superscript). What a code unit
// folds to is found once, and kept: the one character it folds to when it is a separator or a
// digit (low byte), and whether its folded form starts (LEADS) or ends (ENDS) with a digit
// ("½" → "1⁄2": no digit itself, but it touches the digits around it once folded).
const LEADS = 0x100;
const ENDS = 0x200;
const foldInfo = new Int16Array(65_536).fill(-1);
function foldedCode(c: number): number {
  let k = foldInfo[c]!;
  if (k < 0) {
    const folded = c >= 0xd800 && c <= 0xdfff ? '' : foldText(String.fromCharCode(c));
    k = folded.length === 1 && /[., 0-9]/.test(folded) ? folded.charCodeAt(0) : 0;
    if (/^[0-9]/.test(folded)) k |= LEADS;
    if (/[0-9]$/.test(folded)) k |= ENDS;
    foldInfo[c] = k;
  }
  return k;
}
/** What a code unit folds to as a thousands separator ('.', ',' or ' '), 0 when none. */
export function separatorOf(c: number): number {
  if (c === 0x2e || c === 0x2c || c === 0x20) return c;
  if (c < 0xa0) return 0;
  const k = foldedCode(c) & 0xff;
  return k === 0x2e || k === 0x2c || k === 0x20 ? k : 0;
}
/** The ASCII digit a code unit folds to (48–57), −1 when none. */
function digitOf(c: number): number {
  if (c < 0xa0) return c >= 48 && c <= 57 ? c : -1;
  const k = foldedCode(c) & 0xff;
  return k >= 48 && k <= 57 ? k : -1;
}
const isDigitAt = (text: string, i: number): boolean => i < text.length && digitOf(text.charCodeAt(i)) >= 0;
/** Whether the code unit at `i`, folded, starts (LEADS) or ends (ENDS) with a digit. */
const touchesDigit = (text: string, i: number, side: number): boolean => {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 0xa0 ? c >= 48 && c <= 57 : (foldedCode(c) & side) !== 0;
};

/**
 * The end of a thousands-separated number whose first group is text[start, end) (1–3 digits,
 * the first not 0), or `end` when it is none: groups of exactly 3 digits, each after the same
 * separator. Not one when another same-separator group of other length follows ("1.200.5",
 * "192.168.1.1") or when it continues a number written with that separator ("3.14.159": not
 * "14159"); a different separator ends it ("1.200,50" is 1200 then 50).
 */
function groupEnd(text: string, start: number, end: number): number {
  if (end - start > 3 || digitOf(text.charCodeAt(start)) === 48 || !isDigitAt(text, end + 1)) return end;
  const sep = separatorOf(text.charCodeAt(end));
  if (sep === 0) return end;
  if (separatorOf(text.charCodeAt(start - 1)) === sep && touchesDigit(text, start - 2, ENDS)) return end;
  let i = end;
  while (separatorOf(text.charCodeAt(i)) === sep && isDigitAt(text, i + 1)) {
    if (!isDigitAt(text, i + 2) || !isDigitAt(text, i + 3) || touchesDigit(text, i + 4, LEADS)) return end;
    i += 4;
  }
  // A same-separator group of another length follows, once folded ("12 112 ½": "½" is "1⁄2").
  if (separatorOf(text.charCodeAt(i)) === sep && touchesDigit(text, i + 1, LEADS)) return end;
  return i;
}

/** A grouped number's word without its separators ("1.200" → "1200", "1 200kg" → "1200kg"), not yet folded. */
export function groupedWord(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) if (separatorOf(raw.charCodeAt(i)) === 0) out += raw[i];
  return out;
}

/** The start of the first word at or after `i` (text.length when none). */
export function wordStart(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? codeClass[c] === 1 : wordCharAt(text, i) !== 0) return i;
    i++;
  }
  return n;
}

/** The end of the word starting at `start`; sets `scanned` (ascii: letters and digits only, latin, grouped). */
export function wordEnd(text: string, start: number): number {
  const i = runEnd(text, start);
  scanned.grouped = false;
  // A thousands-separated number starts with a run of 1–3 digits (checked only for such runs).
  if (i - start <= 3 && i + 1 < text.length && isDigitRun(text, start, i)) {
    const g = groupEnd(text, start, i);
    if (g > i) {
      // Letters written right after the number stay in its word ("1.200kg" → "1200kg").
      const { ascii, latin } = scanned;
      const end = runEnd(text, g);
      scanned.ascii &&= ascii;
      scanned.latin &&= latin;
      scanned.grouped = true;
      return end;
    }
  }
  return i;
}

function isDigitRun(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (digitOf(text.charCodeAt(k)) < 0) return false;
  return true;
}

/** The end of the run of word characters from `start`; sets `scanned.ascii` and `scanned.latin`. */
function runEnd(text: string, start: number): number {
  const n = text.length;
  let ascii = true;
  let latin = true;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (codeClass[c] !== 1) break;
      i++;
      continue;
    }
    const k = wordCharAt(text, i);
    if (k === 0) break;
    ascii = false;
    if (k === 2 || !latinCode(c)) latin = false;
    i += k;
  }
  scanned.ascii = ascii;
  scanned.latin = latin;
  return i;
}

// Hyphens as the index reads them (joinedWords.ts), before folding: '-', U+2010, U+2011 (folds
// to U+2010), the soft hyphen, the small and full-width hyphen-minus (fold to '-').
export const isHyphen = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0xad || c === 0xfe63 || c === 0xff0d;
export const HYPHENS = /[-\u2010\u2011\u00ad\ufe63\uff0d]/g;

/** Whether the word at `start` is a later part of a compound (a hyphen and a word before it). */
export const continuesCompound = (text: string, start: number): boolean => start >= 2 && isHyphen(text.charCodeAt(start - 1)) && wordCharAt(text, start - 2) !== 0;

/** The end of a hyphenated compound whose first word ends at `i` (a hyphen there, a word after it). */
export function compoundEnd(text: string, i: number): number {
  let end = i;
  while (isHyphen(text.charCodeAt(end)) && wordCharAt(text, end + 1) !== 0) end = wordEnd(text, end + 1);
  return end;
}

/**
 * The end of a dotted abbreviation ("EE.UU.", "D.E.A.") whose first part is text[start, i),
 * as joinedWords.ts reads them in folded text: parts of one or two letters each after a full
 * stop, not after a word and a full stop, not followed by another word after a full stop
 * ("a.bc.def" is none). The end is past the last part (its full stop is not marked). -1: none.
 */
export function dottedEnd(text: string, start: number, i: number): number {
  if (!shortLetters(text, start, i) || text.charCodeAt(i) !== 0x2e) return -1;
  if (start >= 2 && text.charCodeAt(start - 1) === 0x2e && wordCharAt(text, start - 2) !== 0) return -1;
  let end = i;
  let parts = 1;
  while (text.charCodeAt(end) === 0x2e && wordCharAt(text, end + 1) !== 0) {
    const next = wordEnd(text, end + 1);
    if (!shortLetters(text, end + 1, next)) return -1;
    end = next;
    parts++;
  }
  return parts >= 2 ? end : -1;
}

const LETTERS = /^\p{L}{1,2}$/u;
/** One or two letters (as they fold: "É" is one). */
const shortLetters = (text: string, start: number, end: number): boolean => end - start <= 4 && LETTERS.test(text.slice(start, end).normalize('NFC'));
