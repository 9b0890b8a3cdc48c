/**
 * Query-wide expansion of word groups (compile.ts) into surface forms with boosts, once per
 * query over every segment, so the same form scores the same everywhere. Typos are matched
 * against surface forms only (the dictionaries hold no stems), with a Damerau distance, the
 * first letter fixed, and only for a word no segment holds in any form.
 */
import { formRelation, stemOf } from './analyze';
import { BOOST, typoDistance } from './compile';
import type { WordGroup } from './compile';
import { JoinedTerms } from './columns';
import type { TermList } from './columns';
import { letterSignature, lowerBound, termIndex } from './segment';
import type { Segment } from './segment';
import { irregularPartners } from './irregular';
import { STEM_LANGS, formsOfStem, prepareStemHeads } from './stemMap';
import type { StemLang } from './stemMap';

/** Prefix/fuzzy expansions kept per query word (nearest, then shortest first): "a*" must not score the whole vocabulary. */
export const MAX_EXPANSIONS = 64;

export interface Expanded {
  term: string;
  /** Boost per row language (index into LANGS: mixed, es, en); 0 = no match there. */
  byLang: readonly [number, number, number];
  /** Found only as a typo of the query word ("similar spelling"). */
  typo: boolean;
  /** Surface and stem forms of one word share the idf of all of them (as one stem term had). */
  blend: string | null;
}

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

/**
 * Whether the optimal-string-alignment distance of a and b is ≤ d: insertions, deletions,
 * substitutions and swaps of two adjacent letters ("guzmna" → "guzman") cost one edit.
 */
export function withinDistance(a: string, b: string, d: number): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > d) return false;
  if (lb >= 63 || la >= 63) return a === b;
  let prev2 = rowC;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A swap reads two rows back, so a row above d may still lead to ≤ d one row later.
    if (rowMin > d + 1) return false;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[lb]! <= d;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * One deduplicated vocabulary of the big segments, bucketed by first letter (a typo keeps it:
 * Elasticsearch's prefix_length 1) and ordered by length within a bucket (a fuzzy word of
 * length L scans its letter's lengths L−d…L+d only), with signatures. Built in the background
 * (`prepareVocabulary`, after start-up and merges); until it matches the live big segments,
 * fuzzy expansion scans each segment's own dictionary over the word's first letter (correct,
 * slower). Small segments are always scanned so: their first letter's terms are one
 * contiguous range of the sorted dictionary, found by two binary searches.
 */
interface Vocabulary {
  /** Terms by (first letter's bucket, length), each length range in first-seen order. */
  terms: string[];
  sigs: Uint32Array;
  /** Bucket of each first code unit (−1: none). */
  bucketOf: Int32Array;
  /** Start of (bucket, length) in `terms`: index bucket × LENGTHS + length (lengths from 64 share one slot). */
  start: Int32Array;
}
const BIG_SEGMENT_DOCS = 1_000;
/** Terms added to the vocabulary between yields (~1–2 ms of work). */
const VOCABULARY_CHUNK = 8_192;
const MAX_LENGTH = 64;
const LENGTHS = MAX_LENGTH + 1;
let shared: { segments: readonly Segment[]; vocabulary: Vocabulary } | null = null;

const bigSegments = (segments: readonly Segment[]) => segments.filter((s) => s.meta.docCount >= BIG_SEGMENT_DOCS);
const sameList = (a: readonly Segment[], b: readonly Segment[]) => a.length === b.length && a.every((s) => b.includes(s));

/** Builds the shared vocabulary for these segments unless it is current; yields between segments. */
export async function prepareVocabulary(segments: readonly Segment[], yieldNow: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  const big = bigSegments(segments);
  // Every segment's stem maps by first two letters (stem lookups: stemMap.ts; a map without
  // them is searched whole).
  await prepareStemHeads(segments, yieldNow);
  if (shared && sameList(shared.segments, big)) return;
  const all = new Set<string>();
  // Yields every few thousand terms, not only between segments: an 18,000-page segment holds
  // ~60,000 terms, and a query arriving meanwhile would wait for all of them.
  let sinceYield = 0;
  for (const s of big) {
    for (const f of s.fields) {
      for (let i = 0; i < f.terms.length; i++) {
        all.add(f.terms.at(i)!);
        if (++sinceYield === VOCABULARY_CHUNK) { sinceYield = 0; await yieldNow(); }
      }
    }
  }
  // A counting sort by (first letter's bucket, length), stable: one pass to key, one to place;
  // then each term's letter signature. Both in chunks with yields between: over ~60,000 terms
  // (100k pages) they were one 30–50 ms task, and a query arriving meanwhile waited for it.
  const bucketOf = new Int32Array(65_536).fill(-1);
  let buckets = 0;
  const list = [...all];
  all.clear();
  const keys = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const first = t.charCodeAt(0);
    let b = bucketOf[first]!;
    if (b < 0) { b = buckets++; bucketOf[first] = b; }
    keys[i] = b * LENGTHS + Math.min(t.length, MAX_LENGTH);
    if (++sinceYield === VOCABULARY_CHUNK) { sinceYield = 0; await yieldNow(); }
  }
  const start = new Int32Array(buckets * LENGTHS + 1);
  for (const k of keys) start[k + 1]!++;
  for (let k = 1; k < start.length; k++) start[k] = start[k]! + start[k - 1]!;
  const fill = start.slice();
  const terms = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) terms[fill[keys[i]!]!++] = list[i]!;
  const sigs = new Uint32Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    sigs[i] = letterSignature(terms[i]!);
    if (++sinceYield === VOCABULARY_CHUNK) { sinceYield = 0; await yieldNow(); }
  }
  // For the big segments as they were when this began: if a merge replaced one meanwhile,
  // typoForms sees the lists differ and scans per segment until the next prepare.
  shared = { segments: big, vocabulary: { terms, sigs, bucketOf, start } };
}

/** Terms within distance d of word, from..to of a list (the word's first letter only). */
function scanFuzzy(terms: TermList, sigs: Uint32Array, from: number, to: number, word: string, d: number, found: Set<string>): void {
  const sig = letterSignature(word);
  const maxBits = 2 * d;
  const first = word.charCodeAt(0);
  // A loaded segment's dictionary is one string: first letter and length are read in place,
  // and only a term that passes both is cut out of it.
  const joined = terms instanceof JoinedTerms ? terms : null;
  for (let i = from; i < to; i++) {
    if (popcount((sigs[i]! ^ sig) >>> 0) > maxBits) continue;
    if (joined) {
      const start = joined.ends[i]!;
      if (joined.text.charCodeAt(start) !== first || Math.abs(joined.ends[i + 1]! - start - word.length) > d) continue;
    }
    const t = terms.at(i)!;
    if (t.charCodeAt(0) !== first || Math.abs(t.length - word.length) > d || found.has(t)) continue;
    if (withinDistance(word, t, d)) found.add(t);
  }
}

/** The range of a sorted dictionary whose terms start with this code unit. */
function firstLetterRange(terms: TermList, first: number): [number, number] {
  const from = lowerBound(terms, String.fromCharCode(first));
  return [from, first === 0xffff ? terms.length : lowerBound(terms, String.fromCharCode(first + 1))];
}

const shortestFirst = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const SAME = (b: number): [number, number, number] => [b, b, b];

/** Query-wide expansions, memoised per group (evaluate.ts adds the statistics); `truncated` when a prefix/typo word was cut to MAX_EXPANSIONS. */
export class Expander {
  private readonly expandMemo = new Map<WordGroup, Expanded[]>();
  truncated = false;
  constructor(readonly segments: readonly Segment[]) {}

  private hasTerm(term: string): boolean {
    return this.segments.some((s) => s.fields.some((f) => termIndex(f.terms, term) >= 0));
  }

  private prefixForms(prefix: string): Set<string> {
    const found = new Set<string>();
    for (const s of this.segments) {
      for (const f of s.fields) {
        for (let i = lowerBound(f.terms, prefix); i < f.terms.length; i++) {
          const t = f.terms.at(i)!;
          if (!t.startsWith(prefix)) break;
          found.add(t);
        }
      }
    }
    return found;
  }

  private typoForms(word: string, d: number): Set<string> {
    const found = new Set<string>();
    const big = bigSegments(this.segments);
    const vocabulary = shared && sameList(shared.segments, big) ? shared.vocabulary : null;
    const first = word.charCodeAt(0);
    const bucket = vocabulary ? vocabulary.bucketOf[first]! : -1;
    if (vocabulary && bucket >= 0) {
      const { terms, sigs, start } = vocabulary;
      const at = bucket * LENGTHS;
      scanFuzzy(terms, sigs, start[at + Math.max(0, Math.min(MAX_LENGTH, word.length - d))]!, start[at + Math.min(MAX_LENGTH, word.length + d) + 1]!, word, d, found);
    }
    for (const s of this.segments) {
      if (vocabulary && s.meta.docCount >= BIG_SEGMENT_DOCS) continue;
      for (const f of s.fields) {
        const [from, to] = firstLetterRange(f.terms, first);
        scanFuzzy(f.terms, f.sigs, from, to, word, d, found);
      }
    }
    return found;
  }

  private cap(found: Set<string>, cap: number, order: (a: string, b: string) => number): string[] {
    const terms = [...found];
    if (terms.length <= cap) return terms;
    this.truncated = true;
    return terms.sort(order).slice(0, cap);
  }

  /**
   * Surface forms of a word group with their boost per row language (the best way each form
   * is reached). `cap`: prefix/typo forms kept; exclusions pass Infinity (marking rows is
   * cheap, and "-quisp*" must drop every page holding any quisp… form).
   */
  expand(group: WordGroup, cap = MAX_EXPANSIONS): Expanded[] {
    let out = this.expandMemo.get(group);
    if (out) return out;
    const word = group.word;
    const best = new Map<string, { byLang: [number, number, number]; typo: boolean; blend: string | null }>();
    const add = (term: string, byLang: readonly number[], typo = false, blend: string | null = null) => {
      const e = best.get(term);
      if (!e) { best.set(term, { byLang: [byLang[0]!, byLang[1]!, byLang[2]!], typo, blend }); return; }
      for (let i = 0; i < 3; i++) e.byLang[i] = Math.max(e.byLang[i]!, byLang[i]!);
      e.typo &&= typo;
      e.blend ??= blend;
    };
    if (group.prefix) {
      for (const term of this.cap(this.prefixForms(word), cap, shortestFirst)) add(term, SAME(BOOST.prefix));
    } else {
      if (this.hasTerm(word)) add(word, SAME(BOOST.raw), false, word);
      this.addStemForms(group, add);
      // A part of a hyphenated compound: the compound written as one word, and its forms,
      // count as the part's own ("narco" and "terroristas" of `narco-terroristas` both match
      // "narcoterroristas"), so either spelling finds the other.
      if (group.compound) {
        for (const e of this.expand({ word: group.compound, prefix: false, fuzzy: false, weak: false }, cap)) add(e.term, e.byLang, e.typo, e.blend);
      }
      if (best.size === 0 && group.fuzzy) {
        const d = typoDistance(word.length);
        if (d > 0) {
          const found = this.typoForms(word, d);
          // Nearest first: one edit before two, then shorter forms.
          const near = (t: string) => (withinDistance(word, t, 1) ? 1 : 2);
          const order = (a: string, b: string) => near(a) - near(b) || shortestFirst(a, b);
          for (const term of this.cap(found, cap, order)) add(term, SAME(near(term) === 1 ? BOOST.typo1 : BOOST.typo2), true);
        }
      }
    }
    out = [...best].map(([term, e]) => ({ term, byLang: e.byLang, typo: e.typo, blend: e.blend }));
    this.expandMemo.set(group, out);
    return out;
  }

  /**
   * Forms sharing a stem with the word, through each field's stem maps. In rows read in
   * language L (and mixed rows), a form reached by L's stemmer with the word's own L stem is an
   * inflection, a derivation or another language's word (formRelation); anything else — rows
   * of the other language, or the word's other-language stem looked up in L's map — counts as
   * another language's word: "capturado" finds English "captured" (Porter "captur"), lowest.
   */
  private addStemForms(group: WordGroup, add: (term: string, byLang: readonly number[], typo?: boolean, blend?: string | null) => void): void {
    const word = group.word;
    const stems = new Set([stemOf(word, 'es'), stemOf(word, 'en')].filter((s): s is string => s !== null));
    const boostOf = { inflection: BOOST.inflection, derivation: BOOST.derivation, other: BOOST.otherLanguage } as const;
    for (const lang of STEM_LANGS) {
      const slot = lang === 'es' ? 1 : 2;
      const own = stemOf(word, lang);
      const byLangOf = (b: number) => { const byLang = [b, BOOST.otherLanguage, BOOST.otherLanguage]; byLang[slot] = b; return byLang; };
      for (const stem of stems) {
        this.eachFormOfStem(lang, stem, word, (form) => {
          add(form, byLangOf(stem === own ? boostOf[formRelation(word, form, stem, lang)] : BOOST.otherLanguage), false, word);
        });
      }
      // Irregular forms of the word's own language (irregular.ts): an inflection of another
      // member of its family ("fled" for "fleeing", "detuvieron" for "detenidos") counts as
      // one of the word's own; other forms of that member's stem count for nothing.
      for (const member of irregularPartners(own ?? word, lang)) {
        this.eachFormOfStem(lang, member.stem, word, (form) => {
          if (formRelation(member.word, form, member.stem, lang) === 'inflection') add(form, byLangOf(BOOST.inflection), false, word);
        });
      }
    }
  }

  /**
   * Each surface form reached through `stem` in `lang`'s stem maps of every segment and field,
   * once (a form met again in another segment or field adds nothing: same boosts), but `word`.
   */
  private eachFormOfStem(lang: StemLang, stem: string, word: string, visit: (form: string) => void): void {
    const met = new Set<string>();
    for (const s of this.segments) {
      for (const f of s.fields) {
        const forms = formsOfStem(f.stems[lang], f.terms, stem);
        for (let k = 0; k < forms.length; k++) {
          const form = f.terms.at(forms[k]!)!;
          if (form === word || met.has(form)) continue;
          met.add(form);
          visit(form);
        }
      }
    }
  }
}
