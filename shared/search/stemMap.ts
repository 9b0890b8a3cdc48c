/**
 * Per field and language, stem → the surface forms (term indexes) that have it. Stems are not
 * index terms: matching a query word's stem goes through here to the forms' own postings, so
 * a stem is only ever compared with a stem ("cauca" never meets "caca", the stem of "cacao"),
 * and each form can be scored on its own (an inflection above a derivation, a page's own
 * language above the other). Built from the sorted dictionary alone (build and merge alike).
 */
import { stemOf } from './analyze';

export interface StemMap {
  /** Sorted, distinct stems. */
  stems: string[];
  /** Offsets into `forms` per stem (stems + 1 entries). */
  start: Uint32Array;
  /** Term indexes, grouped by stem. */
  forms: Uint32Array;
}
export type StemLang = 'es' | 'en';
export const STEM_LANGS: readonly StemLang[] = ['es', 'en'];
export type StemMaps = Record<StemLang, StemMap>;

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
  const start = new Uint32Array(stems.length + 1);
  const forms = new Uint32Array(terms.length);
  let n = 0;
  stems.forEach((stem, i) => {
    start[i] = n;
    for (const t of byStem.get(stem)!) forms[n++] = t;
  });
  start[stems.length] = n;
  return { stems, start, forms: forms.subarray(0, n) };
}

export const buildStemMaps = (terms: readonly string[]): StemMaps => ({ es: buildStemMap(terms, 'es'), en: buildStemMap(terms, 'en') });

/** Term indexes of the forms with this stem (empty when none). */
export function formsOfStem(map: StemMap, stem: string): Uint32Array {
  let lo = 0;
  let hi = map.stems.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = map.stems[mid]!;
    if (s === stem) return map.forms.subarray(map.start[mid]!, map.start[mid + 1]!);
    if (s < stem) lo = mid + 1; else hi = mid - 1;
  }
  return new Uint32Array(0);
}
