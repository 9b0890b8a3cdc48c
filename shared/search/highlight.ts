// Phrase verification, highlight ranges and snippets over stored text (records' own text or
// a page text loaded lazily for the top hits only).
import { stemsOf, tokenize } from './analyze';
import type { WordToken } from './analyze';
import type { HighlightRange, Snippet } from './types';

/**
 * Same word for phrase purposes: equal folded forms or equal stems ("capturados" ~ "capturado").
 * Snowball and Porter only rewrite a word's ending, never its first letter (Snowball's regions
 * start after the second letter, Porter leaves words under three letters alone and keeps a
 * vowel in every stem; tests/unit/searchStemFirstLetter.test.ts checks it over both languages'
 * vocabularies), so a word with another first letter is ruled out before any stemming. Verdicts
 * are kept per phrase word for as long as the phrase (one query's compiled phrase) lives: the
 * pages a query reads repeat their words, and the stem cache can be cold.
 */
class PhraseWord {
  private readonly stems: readonly [string, string];
  private readonly memo = new Map<string, boolean>();
  constructor(private readonly word: string) { this.stems = stemsOf(word); }
  matches(token: string): boolean {
    if (token === this.word) return true;
    if (token.charCodeAt(0) !== this.word.charCodeAt(0)) return false;
    let same = this.memo.get(token);
    if (same === undefined) {
      const [es, en] = stemsOf(token);
      same = es === this.stems[0] || en === this.stems[1];
      this.memo.set(token, same);
    }
    return same;
  }
}
const phraseWords = new WeakMap<readonly string[], readonly PhraseWord[]>();
function wordsOf(phrase: readonly string[]): readonly PhraseWord[] {
  let words = phraseWords.get(phrase);
  if (!words) { words = phrase.map((w) => new PhraseWord(w)); phraseWords.set(phrase, words); }
  return words;
}

/** Ranges of the phrase's occurrences (adjacent words in order, punctuation ignored); `first`: stop at the first. */
export function findPhrase(tokens: readonly WordToken[], phrase: readonly string[], first = false): HighlightRange[] {
  const out: HighlightRange[] = [];
  if (phrase.length === 0) return out;
  const words = wordsOf(phrase);
  for (let i = 0; i + words.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < words.length && ok; j++) ok = words[j]!.matches(tokens[i + j]!.word);
    if (ok) {
      out.push({ start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end });
      if (first) break;
    }
  }
  return out;
}

/** Ranges of words whose folded form is among the matched terms (surface forms: no stemming here). */
export function matchRanges(tokens: readonly WordToken[], terms: ReadonlySet<string>): HighlightRange[] {
  const out: HighlightRange[] = [];
  for (const t of tokens) if (terms.has(t.word)) out.push({ start: t.start, end: t.end });
  return out;
}


/** Folded words of one raw word, cached across queries (folding costs three normalisations). */
const foldCache = new Map<string, string[]>();
function foldedWords(raw: string): string[] {
  let words = foldCache.get(raw);
  if (!words) {
    words = tokenize(raw).map((t) => t.word);
    if (foldCache.size >= 100_000) foldCache.clear();
    foldCache.set(raw, words);
  }
  return words;
}

/** Word characters as the tokenizer's WORD (letters, digits, marks), by UTF-16 code unit, filled as met. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const codeClass = new Uint8Array(65_536); // 0 unknown, 1 word, 2 not
for (let c = 0; c < 128; c++) codeClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
const astralClass = new Map<number, boolean>();
/** Whether the code point at `i` (a surrogate pair counts as one) is a word character; its length in code units. */
function wordCharAt(text: string, i: number): 0 | 1 | 2 {
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

/** ASCII letters and digits lower-cased (A–Z → a–z), anything else −1. */
const asciiLower = (c: number): number => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : -1;

/**
 * The terms' ASCII heads (first two letters) as a table, [first * 129 + second] (second 128: a
 * one-letter word); kept per term set (a hit's matched terms, never changed once made), since
 * a record's snippet scans each of its lines.
 */
const headTables = new WeakMap<ReadonlySet<string>, Uint8Array>();
function headTable(terms: ReadonlySet<string>): Uint8Array {
  let table = headTables.get(terms);
  if (!table) {
    table = new Uint8Array(128 * 129);
    for (const t of terms) {
      const a = asciiLower(t.charCodeAt(0));
      const b = t.length > 1 ? asciiLower(t.charCodeAt(1)) : 128;
      if (a === t.charCodeAt(0) && a >= 0 && (b === 128 || b === t.charCodeAt(1))) table[a * 129 + b] = 1;
    }
    headTables.set(terms, table);
  }
  return table;
}

/**
 * matchRanges over a text without tokenizing all of it: words are found by their characters'
 * classes (no regex match, no string per word), and most are ruled out by their first two
 * letters (lower-cased, folded only when not ASCII) before any string is cut or folded.
 */
export function matchRangesInText(text: string, terms: ReadonlySet<string>, memo = new Map<string, boolean>()): HighlightRange[] {
  const out: HighlightRange[] = [];
  if (terms.size === 0) return out;
  const asciiHeads = headTable(terms);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 < 128 ? codeClass[c0] !== 1 : wordCharAt(text, i) === 0) { i++; continue; }
    const start = i;
    let latin = true;
    // To the word's end; ASCII (most of a page) without a call.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (codeClass[c] !== 1) break;
        i++;
        continue;
      }
      const k = wordCharAt(text, i);
      if (k === 0) break;
      if (k === 2 || !latinCode(c)) latin = false;
      i += k;
    }
    // The word is text[start, i). A Latin word folds to one word starting with its first two
    // letters when they are ASCII: that head (lower-cased) rules most words out. Other words
    // go by their folded forms (memo): folding can split them ("huamanKK½" → "huamankk1", "2").
    if (latin) {
      const a = asciiLower(text.charCodeAt(start));
      const b = i - start > 1 ? asciiLower(text.charCodeAt(start + 1)) : 128;
      if (a >= 0 && b >= 0 && !asciiHeads[a * 129 + b]) continue;
    }
    const raw = text.slice(start, i);
    // Pages repeat their words: one verdict per distinct spelling (memo shared by the query's hits).
    let hit = memo.get(raw);
    if (hit === undefined) {
      hit = foldedWords(raw).some((word) => terms.has(word));
      memo.set(raw, hit);
    }
    if (hit) out.push({ start, end: i });
  }
  return out;
}

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: HighlightRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** An excerpt of about `length` characters around the densest run of highlights. */
export function makeSnippet(text: string, ranges: HighlightRange[], length = 200): Snippet {
  const all = mergeRanges(ranges);
  let anchor = 0;
  let bestCount = -1;
  for (let i = 0; i < all.length; i++) {
    let count = 0;
    for (let j = i; j < all.length && all[j]!.end - all[i]!.start <= length; j++) count++;
    if (count > bestCount) { bestCount = count; anchor = all[i]!.start; }
  }
  let start = Math.max(0, anchor - Math.floor(length / 4));
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  // Whole words: move the cuts to the nearest whitespace.
  if (start > 0) { const ws = text.slice(start, anchor).search(/\s/); if (ws >= 0) start += ws + 1; }
  if (end < text.length) { const ws = text.slice(0, end).search(/\s\S*$/); if (ws > start) end = ws; }
  const highlights = all
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start - start, end: r.end - start }));
  return { text: text.slice(start, end), highlights, truncatedStart: start > 0, truncatedEnd: end < text.length };
}

/** The actor name (primary first on ties) with most words among the matched terms, else null. */
export function matchedName(names: readonly string[], terms: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const name of names) {
    const count = tokenize(name).filter((t) => terms.has(t.word)).length;
    if (count > bestCount) { best = name; bestCount = count; }
  }
  return best;
}
