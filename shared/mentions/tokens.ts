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
}

// Combining marks and soft hyphens belong to the word: PDF text often carries decomposed
// accents ("Guzma\u0301n") and soft hyphens at line ends.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD]*/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const SOFT_HYPHEN = /\u00AD/g;
// A hyphen (ASCII, Unicode hyphen or non-breaking hyphen) then a line break: "Pa-\nlomino".
const LINE_END_HYPHEN = /^[-\u2010\u2011\u00AD][ \t]*\r?\n\s*$/;
const HARD_CHARS = /[,;:!?()[\]{}"«»“”„‟/\\|…–—<>]|\n[ \t]*\r?\n/;
const LOWER_START = /^\p{Ll}/u;

export function foldWord(word: string): string {
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return foldText(word.replace(SOFT_HYPHEN, ''));
}

function isHard(separator: string, previousWord: string | undefined): boolean {
  if (separator === ' ') return false;
  if (HARD_CHARS.test(separator)) return true;
  // A full stop ends a sentence, except after an initial ("Jorge A. Quispe").
  return separator.includes('.') && (previousWord === undefined || previousWord.length > 1);
}

export function tokenize(text: string): PageTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const hard: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const n = words.length;
    if (n > 0) {
      const separator = text.slice(ends[n - 1]!, start);
      // Join a word broken by line-end hyphenation, but not "Jean-\nPierre": a capital
      // after the break means the hyphen is part of a compound, so keep two words.
      if (LINE_END_HYPHEN.test(separator) && LOWER_START.test(raw)) {
        words[n - 1] += foldWord(raw);
        ends[n - 1] = start + raw.length;
        continue;
      }
      hard.push(isHard(separator, words[n - 1]) ? 1 : 0);
    } else {
      hard.push(1);
    }
    words.push(foldWord(raw));
    starts.push(start);
    ends.push(start + raw.length);
  }
  return { text, words, starts, ends, hardBefore: Uint8Array.from(hard) };
}

/**
 * The distinct folded words of a page, as the matcher sees them (hyphenated line ends
 * joined). A store that keeps a word → pages index with these can re-scan only the pages
 * that hold a changed name's rarest word.
 */
export function pageWordSet(text: string): Set<string> {
  return new Set(tokenize(text).words);
}
