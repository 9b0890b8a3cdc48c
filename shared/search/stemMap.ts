/**
 * Per field and language, stem → the surface forms (term indexes) that have it. Stems are not
 * index terms: matching a query word's stem goes through here to the forms' own postings, so
 * a stem is only ever compared with a stem ("cauca" never meets "caca", the stem of "cacao"),
 * and each form can be scored on its own (an inflection above a derivation, a page's own
 * language above the other). Built from the sorted dictionary alone (build and merge alike).
 * A stem is kept as (a term it prefixes, its length), not as a string: stems cut endings, so
 * nearly all are a prefix of one of their forms, and a string per stem and language would add
 * ~40% to the worker's heap; the few others (Porter's y → i: "happi") are kept in `odd`.
 */
import { stemOf } from './analyze';
import { JoinedTerms, compareTerm } from './columns';
import type { TermList } from './columns';

export interface StemMap {
  /** Per stem, in sorted stem order: a term index whose first `len` letters are the stem (NO_REP: see `odd`). */
  rep: Uint32Array;
  len: Uint8Array;
  /** Stems that prefix none of their forms, by stem index. */
  odd: Record<number, string>;
  /** Offsets into `forms` per stem (stems + 1 entries). */
  start: Uint32Array;
  /** Term indexes, grouped by stem. */
  forms: Uint32Array;
}
export type StemLang = 'es' | 'en';
export const STEM_LANGS: readonly StemLang[] = ['es', 'en'];
export type StemMaps = Record<StemLang, StemMap>;
export const NO_REP = 0xffffffff;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildStemMap(terms: readonly string[], lang: StemLang): StemMap {
  const byStem = new Map<string, number[]>();
  terms.forEach((term, t) => {
    const stem = stemOf(term, lang);
    if (stem === null) return;
    const list = byStem.get(stem);
    if (list) list.push(t); else byStem.set(stem, [t]);
  });
  const stems = [...byStem.keys()].sort(compare);
  const rep = new Uint32Array(stems.length);
  const len = new Uint8Array(stems.length);
  const odd: Record<number, string> = {};
  const start = new Uint32Array(stems.length + 1);
  const forms = new Uint32Array(terms.length);
  let n = 0;
  stems.forEach((stem, i) => {
    start[i] = n;
    const list = byStem.get(stem)!;
    const prefixed = stem.length <= 255 ? list.find((t) => terms[t]!.startsWith(stem)) : undefined;
    if (prefixed === undefined) { rep[i] = NO_REP; odd[i] = stem; } else { rep[i] = prefixed; len[i] = stem.length; }
    for (const t of list) forms[n++] = t;
  });
  start[stems.length] = n;
  return { rep, len, odd, start, forms: forms.subarray(0, n) };
}

export const buildStemMaps = (terms: readonly string[]): StemMaps => ({ es: buildStemMap(terms, 'es'), en: buildStemMap(terms, 'en') });

/** The i-th stem of a map. */
export function stemAt(map: StemMap, terms: TermList, i: number): string {
  const rep = map.rep[i]!;
  return rep === NO_REP ? map.odd[i] ?? '' : terms.at(rep)!.slice(0, map.len[i]!);
}

/**
 * A map's stems by their first two letters (code units): the range of stems that start with
 * them, so a lookup binary-searches a small sorted table and then ~1/700 of the map, whose
 * entries lie together, instead of the whole map (an 18,000-page segment's map holds ~53,000
 * stems; each probe of a search over it touched three arrays and the dictionary far apart:
 * ~140 lookups a query word, over every segment, field and language, were its expansion's
 * largest cost). Stems are sorted, so their heads are too.
 */
interface StemHeads { keys: Float64Array; from: Uint32Array }
const headsOf = new WeakMap<StemMap, StemHeads>();
const EMPTY = new Uint32Array(0);

/** Order-keeping key of a string's first two code units (a shorter string first). */
const headKey = (c0: number, c1: number): number => c0 * 65_537 + c1;
const headOfString = (s: string): number => headKey(s.length ? s.charCodeAt(0) + 1 : 0, s.length > 1 ? s.charCodeAt(1) + 1 : 0);

function stemHead(map: StemMap, terms: TermList, i: number): number {
  const rep = map.rep[i]!;
  if (rep === NO_REP) return headOfString(map.odd[i] ?? '');
  const len = map.len[i]!;
  if (terms instanceof JoinedTerms) {
    const at = terms.ends[rep]!;
    return headKey(len > 0 ? terms.text.charCodeAt(at) + 1 : 0, len > 1 ? terms.text.charCodeAt(at + 1) + 1 : 0);
  }
  const term = terms.at(rep)!;
  return headKey(len > 0 ? term.charCodeAt(0) + 1 : 0, len > 1 ? term.charCodeAt(1) + 1 : 0);
}

function makeStemHeads(map: StemMap, terms: TermList): void {
  const n = map.rep.length;
  const keys: number[] = [];
  const from: number[] = [];
  let last = -1;
  for (let i = 0; i < n; i++) {
    const key = stemHead(map, terms, i);
    if (key !== last) { keys.push(key); from.push(i); last = key; }
  }
  from.push(n);
  headsOf.set(map, { keys: Float64Array.from(keys), from: Uint32Array.from(from) });
}

/**
 * The head tables of every map of these segments (1–3 ms for an 18,000-page segment's), with
 * a yield after each: the worker makes them with its start-up background work and after
 * merges; a map without one is searched whole (same answer). Never made during a query: made
 * on first use, the small segments' tables added ~10 ms to the first answer after start-up.
 */
export async function prepareStemHeads(segments: readonly { fields: readonly { terms: TermList; stems: StemMaps }[] }[], yieldNow: () => Promise<void>): Promise<void> {
  for (const s of segments) {
    for (const f of s.fields) {
      for (const lang of STEM_LANGS) {
        const map = f.stems[lang];
        if (headsOf.has(map)) continue;
        makeStemHeads(map, f.terms);
        await yieldNow();
      }
    }
  }
}

/** Term indexes of the forms with this stem (empty when none). */
export function formsOfStem(map: StemMap, terms: TermList, stem: string): Uint32Array {
  let lo = 0;
  let hi = map.rep.length - 1;
  const heads = headsOf.get(map);
  if (heads) {
    // The stems sharing this one's first two letters, then the usual search among them only.
    const key = headOfString(stem);
    const { keys, from } = heads;
    let a = 0;
    let b = keys.length - 1;
    let k = -1;
    while (a <= b) {
      const m = (a + b) >> 1;
      const v = keys[m]!;
      if (v === key) { k = m; break; }
      if (v < key) a = m + 1; else b = m - 1;
    }
    if (k < 0) return EMPTY;
    lo = from[k]!;
    hi = from[k + 1]! - 1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    // In place: the stem is the first len letters of term rep (no string cut out per probe).
    const rep = map.rep[mid]!;
    const odd = rep === NO_REP ? map.odd[mid] ?? '' : null;
    const c = odd !== null ? (odd < stem ? -1 : odd > stem ? 1 : 0) : compareTerm(terms, rep, stem, map.len[mid]!);
    if (c === 0) return map.forms.subarray(map.start[mid]!, map.start[mid + 1]!);
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return EMPTY;
}
