// Finding one folded word's occurrences in a page without tokenizing it: a native regular
// expression over the original text, with a class per letter holding every character that
// the fold table folds to that letter ("a" → [aAáÁàÀâ…]). It is exact where tokenize's words
// are plain runs of the table's word characters, each folding to one character: a page with
// no character past the table (other than general punctuation: quotes, dashes, ellipsis),
// none that folds to several or none (ß, æ, the soft hyphen) and no hyphen before a line
// break (which tokenize may join to the next word). Elsewhere `seek` says it cannot tell,
// and the caller tokenizes. wordSeek.test.ts holds it to tokenize on mixed text.
import { FOLD_SLOW, FOLD_TABLE, FOLD_TABLE_SIZE, tokenize } from './tokens';
import type { PageTokens } from './tokens';

const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

const slowChars: number[] = [];
const classes = new Map<number, number[]>();
for (let c = 0; c < FOLD_TABLE_SIZE; c++) {
  const f = FOLD_TABLE[c]!;
  if (f === 0) continue;
  if (f === FOLD_SLOW) { slowChars.push(c); continue; }
  const list = classes.get(f);
  if (list) list.push(c); else classes.set(f, [c]);
}

/** Characters on which a page's words are not plain runs of single-character folds. */
const UNSAFE = new RegExp(`[${slowChars.map(hex).join('')}]|[^\\u0000-\\u024f\\u2000-\\u206f]|[-\\u2010\\u2011][ \\t]*\\r?\\n\\s*\\p{Ll}`, 'u');

/** On a page without UNSAFE characters: whether code `c` is part of a word. */
const isWordChar = (c: number): boolean => c < FOLD_TABLE_SIZE && FOLD_TABLE[c] !== 0;

/** Where a word sits in a page: the offsets of its first and last occurrences' starts and ends. */
export interface WordWindow {
  /** tokenize's tokens of the page from `words` words before the first occurrence to `words` after the last. */
  readonly tokens: PageTokens;
  /** How many times the word occurs on the page. */
  readonly count: number;
}

export interface WordSeeker {
  /**
   * The window of the page around the word (null when the word is not on the page), or
   * undefined when the page holds characters this search cannot be exact on.
   */
  seek(text: string, words: number): WordWindow | null | undefined;
}

/** A seeker for one folded word (as tokenize folds it); null when the word holds a character past the table. */
export function wordSeeker(folded: string): WordSeeker | null {
  let source = '';
  for (let k = 0; k < folded.length; k++) {
    const chars = classes.get(folded.charCodeAt(k));
    if (!chars) return null;
    source += `[${chars.map(hex).join('')}]`;
  }
  if (!source) return null;
  const re = new RegExp(source, 'g');
  const length = folded.length;
  return {
    seek(text, words) {
      if (UNSAFE.test(text)) return undefined;
      const n = text.length;
      let first = -1;
      let lastEnd = -1;
      let count = 0;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const at = m.index;
        const end = at + length;
        // Whole words only; a match that is part of a longer word holds no start of another.
        if ((at > 0 && isWordChar(text.charCodeAt(at - 1))) || (end < n && isWordChar(text.charCodeAt(end)))) continue;
        if (first < 0) first = at;
        lastEnd = end;
        count++;
      }
      if (first < 0) return null;
      // `words` words back from the first occurrence, and on from the last.
      let from = first;
      let j = first - 1;
      for (let k = 0; k < words; k++) {
        while (j >= 0 && !isWordChar(text.charCodeAt(j))) j--;
        if (j < 0) break;
        while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
        from = j + 1;
      }
      let to = lastEnd;
      let i = lastEnd;
      for (let k = 0; k < words; k++) {
        while (i < n && !isWordChar(text.charCodeAt(i))) i++;
        if (i >= n) break;
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
        to = i;
      }
      return { tokens: tokenize(text, from, to), count };
    },
  };
}
