// Page text as folded words with their offsets in the original string, so a match on
// folded words can point back at (and highlight) exactly the characters the page shows.
// Words are folded one by one rather than folding the page once: folding can change the
// length ("ß" → "ss", "ﬁ" → "fi", decomposed accents), and per-word folding keeps the
// offset map trivial. ASCII words, most of any page, skip Unicode normalisation entirely.
import { foldText } from '../text/fold';

export interface PageTokens {
  readonly text: string;
  /** Folded words, e.g. "quispe". A word hyphenated across a line end is one word. */
  readonly words: string[];
  /** Offset of each word's first character in `text`. */
  readonly starts: number[];
  /** Offset just past each word's last character in `text`. */
  readonly ends: number[];
  /**
   * 1 where the separator before word i stops a multi-word name: punctuation such as
   * ", ; : ( ) « »", a sentence-ending full stop or a blank line. Spaces, a single line
   * break and plain hyphens do not ("Víctor Quispe\n  Palomino", "Ruiz-Tagle").
   */
  readonly hardBefore: Uint8Array;
  /**
   * `wordHash` of each word, computed while folding. The trie's first lookup of every page
   * word goes by this number: a string's own hash is computed on its first use as a key, and
   * that first use was most of the scan's time in Chromium (docs/mentions.md).
   */
  readonly hashes?: Int32Array;
}

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** Keeps a hash a small integer (V8 stores it unboxed, and a Map hashes it cheaply). */
const HASH_MASK = 0x3fffffff;

/** A folded word's number for the trie's first lookup (FNV-1a over its UTF-16 code units, 30 bits). */
export function wordHash(word: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), HASH_PRIME);
  return h & HASH_MASK;
}

// Combining marks and soft hyphens belong to the word: PDF text often carries decomposed
// accents ("Guzma\u0301n") and soft hyphens at line ends.
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_CONTINUE = /^[\p{L}\p{N}\p{M}]/u;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const SOFT_HYPHEN = /\u00AD/g;
// A hyphen (ASCII, Unicode hyphen or non-breaking hyphen) then a line break: "Pa-\nlomino".
const LINE_END_HYPHEN = /^[-\u2010\u2011\u00AD][ \t]*\r?\n\s*$/;
const HARD_CHARS = /[,;:!?()[\]{}"«»“”„‟/\\|…–—<>]|\n[ \t]*\r?\n/;
const LOWER_START = /^\p{Ll}/u;

// Tokenising is most of the cost of a page, so the Latin blocks page text is made of are
// folded from a table: 0 = not a word character, SLOW = a word character that needs
// foldText (ß → ss, ligatures, the soft hyphen), else the folded character's code.
const TABLE_SIZE = 0x250;
const SLOW = 0xffff;
const FOLD = new Uint16Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  if (!WORD_START.test(ch)) continue;
  const f = foldText(ch);
  FOLD[c] = f.length === 1 ? f.charCodeAt(0) : SLOW;
}
FOLD[0xad] = SLOW;
/** The fold table (wordSeek.ts searches page text with it): per code below FOLD_TABLE_SIZE, 0, FOLD_SLOW or the folded code. */
export { FOLD as FOLD_TABLE, SLOW as FOLD_SLOW, TABLE_SIZE as FOLD_TABLE_SIZE };

/** foldText for a word or words, from the table when every character is in it. */
export function foldWord(word: string): string {
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  let out = '';
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === 32) {
      out += ' ';
      continue;
    }
    const f = c < TABLE_SIZE ? FOLD[c]! : SLOW;
    if (f === 0 || f === SLOW) return foldText(word.replace(SOFT_HYPHEN, ''));
    out += String.fromCharCode(f);
  }
  return out;
}

function isHard(separator: string, previousWord: string | undefined): boolean {
  if (separator === ' ') return false;
  if (HARD_CHARS.test(separator)) return true;
  // A full stop ends a sentence, except after an initial ("Jorge A. Quispe").
  return separator.includes('.') && (previousWord === undefined || previousWord.length > 1);
}

function startsWord(text: string, i: number, c: number): boolean {
  if (c < TABLE_SIZE) return FOLD[c] !== 0 && c !== 0xad;
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation: quotes, dashes, ellipsis
  return WORD_START.test(String.fromCodePoint(text.codePointAt(i)!));
}

// What wordEnd found of the word it ended: whether it is ASCII, whether the table folds it
// (no SLOW character, nothing past the table), and the hash of its folded characters so far
// (wordHash's value, masked, when it is simple). Module state, so the hot loop makes no object.
let wordAscii = true;
let wordSimple = true;
let wordFoldHash = HASH_SEED;

/** The end of the word starting at `i` (before `n`), folding and hashing it as it goes (wordAscii, wordSimple, wordFoldHash). */
function wordEnd(text: string, i: number, n: number): number {
  let ascii = true;
  let simple = true;
  let h = HASH_SEED;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const f = FOLD[c]!;
      if (f === 0) break;
      h = Math.imul(h ^ f, HASH_PRIME);
      i++;
    } else if (c < TABLE_SIZE) {
      const f = FOLD[c]!;
      if (f === 0) break;
      ascii = false;
      if (f === SLOW) simple = false;
      h = Math.imul(h ^ f, HASH_PRIME);
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      if ((c >= 0x2000 && c <= 0x206f) || !WORD_CONTINUE.test(String.fromCodePoint(cp))) break;
      ascii = simple = false;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  wordAscii = ascii;
  wordSimple = simple;
  wordFoldHash = h;
  return i;
}

/**
 * The page's words, or only those of text[from, to) (offsets stay the page's): a window must
 * start at a word's start and end at a word's end, and its first word counts as after a hard
 * stop (the splice's windows keep their edges far from what they look at: renderer/mentions/
 * splice.ts spliceWindow).
 */
export function tokenize(text: string, from = 0, to = text.length): PageTokens {
  return tokenizeRanges(text, [from, to]);
}

/**
 * tokenize over several ranges of the page, `[from, to, from, to, …]` in order and apart, as
 * if each were tokenized on its own and the tokens put one after another: each range's first
 * word counts as after a hard stop, and no word is joined across two ranges (wordSeek.ts's
 * windows around a word's occurrences).
 */
export function tokenizeRanges(text: string, ranges: readonly number[]): PageTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const hard: number[] = [];
  const hashes: number[] = [];
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = words.length;
    const n = ranges[r + 1]!;
    let i = ranges[r]!;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!startsWord(text, i, c)) {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        continue;
      }
      const start = i;
      i = wordEnd(text, i, n);
      const ascii = wordAscii;
      const simple = wordSimple;
      const h = wordFoldHash;
      let word: string;
      if (ascii) word = text.slice(start, i).toLowerCase();
      else if (simple) {
        word = '';
        for (let k = start; k < i; k++) word += String.fromCharCode(FOLD[text.charCodeAt(k)]!);
      } else word = foldWord(text.slice(start, i));
      const hash = simple ? h & HASH_MASK : wordHash(word);
      const count = words.length;
      if (count > first) {
        const prevEnd = ends[count - 1]!;
        const single = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32;
        const separator = single ? ' ' : text.slice(prevEnd, start);
        // Join a word broken by line-end hyphenation, but not "Jean-\nPierre": a capital
        // after the break means the hyphen is part of a compound, so keep two words.
        if (!single && LINE_END_HYPHEN.test(separator) && LOWER_START.test(text.slice(start, start + 2))) {
          words[count - 1] += word;
          hashes[count - 1] = wordHash(words[count - 1]!);
          ends[count - 1] = i;
          continue;
        }
        hard.push(isHard(separator, words[count - 1]) ? 1 : 0);
      } else {
        hard.push(1);
      }
      words.push(word);
      hashes.push(hash);
      starts.push(start);
      ends.push(i);
    }
  }
  return { text, words, starts, ends, hardBefore: Uint8Array.from(hard), hashes: Int32Array.from(hashes) };
}

/** Where a page's words are and their hashes, without the words (wordSpans). */
export interface WordSpans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;
  readonly count: number;
}

let spanScratch = { starts: new Int32Array(4096), ends: new Int32Array(4096), hashes: new Int32Array(4096) };

/**
 * The page's words as tokenize finds them, without cutting a string for any (the folded ones
 * in plain Latin letters are only hashed): where each starts and ends, and its wordHash. Null
 * when a word is broken across a line end by a hyphen, which tokenize joins. The arrays are
 * reused by the next call. renderer/mentions/splice.test.ts holds it to tokenize.
 */
export function wordSpans(text: string): WordSpans | null {
  const n = text.length;
  if (spanScratch.starts.length < (n >> 1) + 2) {
    const size = (n >> 1) + 1024;
    spanScratch = { starts: new Int32Array(size), ends: new Int32Array(size), hashes: new Int32Array(size) };
  }
  const { starts, ends, hashes } = spanScratch;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!startsWord(text, i, c)) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    const start = i;
    i = wordEnd(text, i, n);
    if (count > 0) {
      const prevEnd = ends[count - 1]!;
      // A hyphen, then a line break before this word: tokenize may join the two.
      if (start - prevEnd > 1 && LINE_END_HYPHEN.test(text.slice(prevEnd, start)) && LOWER_START.test(text.slice(start, start + 2))) return null;
    }
    starts[count] = start;
    ends[count] = i;
    hashes[count] = wordSimple ? wordFoldHash & HASH_MASK : wordHash(foldWord(text.slice(start, i)));
    count++;
  }
  return { starts, ends, hashes, count };
}

/**
 * The distinct folded words of a page, as the matcher sees them (hyphenated line ends
 * joined). A store that keeps a word → pages index with these can re-scan only the pages
 * that hold a changed name's rarest word.
 */
export function pageWordSet(text: string): Set<string> {
  return new Set(tokenize(text).words);
}
