// Phrase verification, highlight ranges and snippets over stored text (records' own text or
// a page text loaded lazily for the top hits only).
import { foldText } from '../text/fold';
import { stemsOf, tokenize } from './analyze';
import type { WordToken } from './analyze';
import type { HighlightRange, Snippet } from './types';
import { HYPHENS, compoundEnd, continuesCompound, isHyphen, scanned, wordCharAt, wordEnd, wordStart } from './wordChars';

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

/**
 * `findPhrase(tokenize(text), phrase, first)` without tokenizing the whole text: words are
 * found by character class, and only a word whose folded form can start the phrase (an ASCII
 * word is its own lower case: its first letter says; any other is folded, cached) and the
 * words after it are cut out and folded. Same ranges in the same order.
 */
export function findPhraseInText(text: string, phrase: readonly string[], first = false): HighlightRange[] {
  const out: HighlightRange[] = [];
  if (phrase.length === 0) return out;
  const words = wordsOf(phrase);
  const head = phrase[0]!.charCodeAt(0);
  const n = text.length;
  // The folded words of a run (tokenize's tokens of it): an ASCII run is one token, its lower
  // case (a grouped number, "1.200", goes through tokenize: its separators are dropped).
  const partsOf = (start: number, end: number, ascii: boolean): readonly string[] =>
    (ascii ? [text.slice(start, end).toLowerCase()] : foldedWords(text.slice(start, end)));
  // One pass over the runs, no list of them: only a run that can start the phrase is cut out,
  // and the runs after it are scanned again from there as far as the phrase needs.
  for (let i = wordStart(text, 0); i < n;) {
    const start = i;
    const end = wordEnd(text, i);
    const ascii = scanned.ascii && !scanned.grouped;
    const latin = scanned.latin;
    i = wordStart(text, end);
    // An ASCII run is one token, its lower case; a Latin run one token too, whose first letter
    // is its first letter folded: a first letter other than the phrase's rules it out.
    if (ascii && asciiLower(text.charCodeAt(start)) !== head) continue;
    if (!ascii && latin) { const f = foldedFirst(text.charCodeAt(start)); if (f >= 0 && f !== head) continue; }
    const own = partsOf(start, end, ascii);
    for (let p = 0; p < own.length; p++) {
      let parts = own;
      let part = p;
      let runEnd = end;
      let next = i;
      let last = end;
      let ok = true;
      for (let j = 0; j < words.length && ok; j++) {
        while (part >= parts.length) {
          if (next >= n) { ok = false; break; }
          const from = next;
          runEnd = wordEnd(text, next);
          const runAscii = scanned.ascii && !scanned.grouped;
          next = wordStart(text, runEnd);
          parts = partsOf(from, runEnd, runAscii);
          part = 0;
        }
        if (!ok) break;
        ok = words[j]!.matches(parts[part]!);
        last = runEnd;
        part++;
      }
      if (ok) {
        out.push({ start, end: last });
        if (first) return out;
      }
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

/** ASCII letters and digits lower-cased (A–Z → a–z), anything else −1. */
const asciiLower = (c: number): number => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : -1;

/**
 * The first code unit of the folded word a Latin word starting with `c` folds to ("Á" → "a",
 * "Ǆ" → "d", "ß" → "s"), −1 when it cannot be told from `c` alone (a combining mark, which
 * belongs to the next letter). Kept per code unit.
 */
const foldedFirsts = new Int32Array(0x250).fill(-2);
function foldedFirst(c: number): number {
  if (c >= 0x250) return -1;
  let f = foldedFirsts[c]!;
  if (f === -2) {
    const folded = foldText(String.fromCharCode(c));
    f = folded.length ? folded.charCodeAt(0) : -1;
    foldedFirsts[c] = f;
  }
  return f;
}

/**
 * The terms' ASCII heads (first two letters) as a table, [first * 129 + second] (second 128: a
 * one-letter word). One table, refilled when the term set changes (each page hit has its own
 * set of matched terms; a record's snippet scans its lines with one): only its set entries
 * are cleared. A term set is never changed once made.
 */
const heads = new Uint8Array(128 * 129);
const headsSet: number[] = [];
/** The terms' first code units (a word whose folded form starts otherwise matches none). */
const firsts = new Set<number>();
let headsFor: ReadonlySet<string> | null = null;
function headTable(terms: ReadonlySet<string>): Uint8Array {
  if (headsFor === terms) return heads;
  for (const k of headsSet) heads[k] = 0;
  headsSet.length = 0;
  firsts.clear();
  for (const t of terms) {
    firsts.add(t.charCodeAt(0));
    const a = asciiLower(t.charCodeAt(0));
    const b = t.length > 1 ? asciiLower(t.charCodeAt(1)) : 128;
    if (a === t.charCodeAt(0) && a >= 0 && (b === 128 || b === t.charCodeAt(1))) { heads[a * 129 + b] = 1; headsSet.push(a * 129 + b); }
  }
  headsFor = terms;
  return heads;
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
  while ((i = wordStart(text, i)) < n) {
    const start = i;
    i = wordEnd(text, i);
    // A hyphenated compound ("narco-terroristas") matched as one word ("narcoterroristas"):
    // the whole compound is marked, as written.
    // Most words end at a space or punctuation below U+00AD: one comparison rules them out.
    const after = text.charCodeAt(i);
    if ((after === 0x2d || (after >= 0xad && isHyphen(after))) && wordCharAt(text, i + 1) !== 0 && !continuesCompound(text, start)) {
      const end = compoundEnd(text, i);
      const raw = text.slice(start, end);
      let hit = memo.get(raw);
      if (hit === undefined) {
        // Only compounds with a letter are indexed joined ("M-19", not "5-10").
        const joined = foldedWords(raw.replace(HYPHENS, '')).join('');
        hit = LETTER.test(joined) && terms.has(joined);
        memo.set(raw, hit);
      }
      if (hit) { out.push({ start, end }); i = end; continue; }
    }
    // The word is text[start, i). A Latin word folds to one word starting with its first two
    // letters when they are ASCII: that head (lower-cased) rules most words out. Other words
    // go by their folded forms (memo): folding can split them ("huamanKK½" → "huamankk1", "2").
    if (scanned.latin) {
      const c0 = text.charCodeAt(start);
      const a = asciiLower(c0);
      const b = i - start > 1 ? asciiLower(text.charCodeAt(start + 1)) : 128;
      if (a >= 0 && b >= 0) {
        if (!asciiHeads[a * 129 + b]) continue;
      } else {
        // An accent in its first two letters ("cárdenas", "Ñahui"): its folded first letter still says.
        const f = a >= 0 ? a : foldedFirst(c0);
        if (f >= 0 && !firsts.has(f)) continue;
      }
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

const LETTER = /\p{L}/u;

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

/**
 * The actor name with most words among the matched terms, else null. Between names matching
 * as many words, the one with fewest words left unmatched: "artemio" matched the alias
 * "Artemio", not "Comandante Artemio". The primary name (first) wins a full tie.
 */
export function matchedName(names: readonly string[], terms: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let bestRest = 0;
  for (const name of names) {
    const words = tokenize(name);
    const count = words.filter((t) => terms.has(t.word)).length;
    const rest = words.length - count;
    if (count > bestCount || (count > 0 && count === bestCount && rest < bestRest)) {
      best = name; bestCount = count; bestRest = rest;
    }
  }
  return best;
}
