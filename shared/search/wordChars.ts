/**
 * Finding words in text the way the tokenizer's /[\p{L}\p{N}\p{M}]+/gu does (a run of letters,
 * digits and marks; a surrogate pair counts as one code point), by each character's class —
 * looked up once per code unit and kept — instead of a regex match and a string per word.
 * Used by `tokenize` (analyze.ts: phrase checks on page text) and the snippets' highlight scan.
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

/** What `wordEnd` found about the word it scanned (no object per word). */
export const scanned = { ascii: true, latin: true };

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

/** The end of the word starting at `start`; sets `scanned.ascii` (letters and digits only) and `scanned.latin`. */
export function wordEnd(text: string, start: number): number {
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
