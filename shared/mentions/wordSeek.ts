// Finding one folded word's occurrences in a page without tokenizing it: a native regular
// expression over the original text, with a class per letter holding every character that
// the fold table folds to that letter ("a" → [aAáÁàÀâ…]). It is exact where tokenize's words
// are plain runs of the table's word characters, each folding to one character: a page with
// no character past the table (other than general punctuation: quotes, dashes, ellipsis),
// none that folds to several or none (ß, æ, the soft hyphen) and no hyphen before a line
// break (which tokenize may join to the next word). Elsewhere `seek` says it cannot tell,
// and the caller tokenizes. wordSeek.test.ts holds it to tokenize on mixed text.
import { FOLD_SLOW, FOLD_TABLE, FOLD_TABLE_SIZE, tokenizeRanges } from './tokens';
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

/** What stands between two words on a page without UNSAFE characters: anything that is not a word character. */
const NON_WORD = (() => {
  let out = '';
  for (let c = 0; c < FOLD_TABLE_SIZE; c++) if (FOLD_TABLE[c] === 0) out += hex(c);
  return `[${out}\\u2000-\\u206f]+`;
})();

/** Characters on which a page's words are not plain runs of single-character folds. */
const UNSAFE = new RegExp(`[${slowChars.map(hex).join('')}]|[^\\u0000-\\u024f\\u2000-\\u206f]|[-\\u2010\\u2011][ \\t]*\\r?\\n\\s*\\p{Ll}`, 'u');

/** On a page without UNSAFE characters: whether code `c` is part of a word. */
const isWordChar = (c: number): boolean => c < FOLD_TABLE_SIZE && FOLD_TABLE[c] !== 0;

/** Where a word sits in a page. */
export interface WordWindow {
  /**
   * tokenize's tokens of the page from `words` words before each occurrence to `words` after
   * it, windows that meet merged; the first word of each window counts as after a hard stop.
   * Between two windows lie words not given: whatever looks no further than `words` words from
   * an occurrence sees what it sees on the whole page.
   */
  readonly tokens: PageTokens;
  /** How many times the word occurs on the page. */
  readonly count: number;
}

/** The start of the word `words` words before the word starting at `at` (or of the page's first word). */
function wordsBefore(text: string, at: number, words: number): number {
  let from = at;
  let j = at - 1;
  for (let k = 0; k < words; k++) {
    while (j >= 0 && !isWordChar(text.charCodeAt(j))) j--;
    if (j < 0) break;
    while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
    from = j + 1;
  }
  return from;
}

/** The end of the word `words` words after the word ending at `end` (or of the page's last word). */
function wordsAfter(text: string, end: number, words: number): number {
  const n = text.length;
  let to = end;
  let i = end;
  for (let k = 0; k < words; k++) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    to = i;
  }
  return to;
}

/** Where the first word at or after `i` starts (the text's length when none does). */
function nextWord(text: string, i: number): number {
  while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
  return i;
}

export interface WordSeeker {
  /**
   * The window of the page around the word (null when the word is not on the page), or
   * undefined when the page holds characters this search cannot be exact on (`checked`: the
   * caller has just found the page `seekable`).
   */
  seek(text: string, words: number, checked?: boolean): WordWindow | null | undefined;
}

/** The expression's source for one folded word: a class per letter (null when a letter is past the table). */
function wordSource(folded: string): string | null {
  let source = '';
  for (let k = 0; k < folded.length; k++) {
    const chars = classes.get(folded.charCodeAt(k));
    if (!chars) return null;
    source += `[${chars.map(hex).join('')}]`;
  }
  return source || null;
}

/** Whether `wordSeeker`'s searches are exact on the page (no UNSAFE character). */
export const seekable = (text: string): boolean => !UNSAFE.test(text);

/**
 * Whether folded words are spelled one after another on a page (whatever stands between them,
 * as tokenize's words in a row), for a page that is `seekable`; null when a word holds a
 * character past the table.
 */
export function wordsSpelled(words: readonly string[]): ((text: string) => boolean) | null {
  const parts = words.map(wordSource);
  if (!parts.length || parts.some((p) => p === null)) return null;
  const re = new RegExp(parts.join(NON_WORD), 'g');
  return (text) => {
    const n = text.length;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      const end = at + m[0].length;
      if ((at > 0 && isWordChar(text.charCodeAt(at - 1))) || (end < n && isWordChar(text.charCodeAt(end)))) {
        // Not whole words here; a spelling may still start at the next word.
        re.lastIndex = at + 1;
        continue;
      }
      return true;
    }
    return false;
  };
}

/** A seeker for one folded word (as tokenize folds it); null when the word holds a character past the table. */
export function wordSeeker(folded: string): WordSeeker | null {
  const source = wordSource(folded);
  if (!source) return null;
  const re = new RegExp(source, 'g');
  const length = folded.length;
  return {
    seek(text, words, checked = false) {
      if (!checked && UNSAFE.test(text)) return undefined;
      const n = text.length;
      // Each occurrence's window, `words` words either side; windows that meet or touch are merged.
      const ranges: number[] = [];
      let count = 0;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const at = m.index;
        const end = at + length;
        // Whole words only; a match that is part of a longer word holds no start of another.
        if ((at > 0 && isWordChar(text.charCodeAt(at - 1))) || (end < n && isWordChar(text.charCodeAt(end)))) continue;
        count++;
        const last = ranges.length - 1;
        // Still inside the previous window: it reaches `words` words past this occurrence too.
        if (last > 0 && at < ranges[last]!) { ranges[last] = wordsAfter(text, end, words); continue; }
        const from = wordsBefore(text, at, words);
        if (last > 0 && nextWord(text, ranges[last]!) >= from) ranges[last] = wordsAfter(text, end, words);
        else ranges.push(from, wordsAfter(text, end, words));
      }
      if (!count) return null;
      // Several windows are tokenized in one pass, each as if on its own (tokenizeRanges).
      return { tokens: tokenizeRanges(text, ranges), count };
    },
  };
}
