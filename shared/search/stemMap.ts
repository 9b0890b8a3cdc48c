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
import { compareTerm } from './columns';
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

/** Term indexes of the forms with this stem (empty when none). */
export function formsOfStem(map: StemMap, terms: TermList, stem: string): Uint32Array {
  let lo = 0;
  let hi = map.rep.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    // In place: the stem is the first len letters of term rep (no string cut out per probe).
    const rep = map.rep[mid]!;
    const odd = rep === NO_REP ? map.odd[mid] ?? '' : null;
    const c = odd !== null ? (odd < stem ? -1 : odd > stem ? 1 : 0) : compareTerm(terms, rep, stem, map.len[mid]!);
    if (c === 0) return map.forms.subarray(map.start[mid]!, map.start[mid + 1]!);
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return new Uint32Array(0);
}
