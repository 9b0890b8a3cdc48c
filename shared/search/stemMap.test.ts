import { describe, expect, it } from 'vitest';
import { stemOf } from './analyze';
import { JoinedTerms } from './columns';
import type { TermList } from './columns';
import { STEM_LANGS, buildStemMap, formsOfStem, prepareStemHeads, stemAt } from './stemMap';
import type { StemMap } from './stemMap';

// A sorted dictionary with many stems sharing first letters, one-letter-headed stems, accents,
// Porter's y → i stems (kept apart as strings) and words of another script.
function dictionary(size: number): string[] {
  const heads = ['ca', 'ch', 'cá', 'qu', 'ha', 'cr', 'zz', 'ñu', 'ay', 'да', 'x'];
  const tails = ['', 'do', 'dos', 'da', 'ción', 'ciones', 'ista', 'istas', 'ería', 'y', 'ies', 'ing', 'ed', 's', 'mente'];
  const words = new Set<string>(['cry', 'happy', 'happyish', 'sky', 'skies']);
  for (let i = 0; words.size < size; i++) {
    const head = heads[i % heads.length]!;
    const mid = Math.floor(i / heads.length).toString(26).replace(/./g, (d) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(d, 26)]!);
    words.add(`${head}${mid}${tails[i % tails.length]}`);
  }
  return [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every stem's forms by a walk over the whole map: what a lookup must give, in the map's order. */
function reference(map: StemMap, terms: TermList): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < map.rep.length; i++) out.set(stemAt(map, terms, i), [...map.forms.subarray(map.start[i]!, map.start[i + 1]!)]);
  return out;
}

const joined = (list: string[]): JoinedTerms => {
  const ends = new Uint32Array(list.length + 1);
  let n = 0;
  list.forEach((t, i) => { n += t.length; ends[i + 1] = n; });
  return new JoinedTerms(list.join(''), ends);
};

describe('stem lookups by first two letters', () => {
  it('find the same forms as a search of the whole map, for every stem and for stems that are absent', async () => {
    for (const size of [300, 12_000]) {
      const list = dictionary(size);
      for (const terms of [list, joined(list)] as TermList[]) {
        for (const lang of STEM_LANGS) {
          const map = buildStemMap(list, lang);
          const stems = Array.from(map.rep, (_, i) => stemAt(map, terms, i));
          const absent = ['c', 'cz', 'zzzzz', 'happ', 'ñ', 'дб', 'a', '\uffff\uffff', ...stems.slice(0, 50).map((s) => `${s}q`)];
          const lookups = [...stems, ...absent, ...list.slice(0, 200).map((w) => stemOf(w, lang) ?? w)];
          const all = reference(map, terms);
          expect(all.size).toBe(map.rep.length);
          const whole = lookups.map((s) => all.get(s) ?? []);
          // A map is searched whole until its head table is made.
          expect(lookups.map((s) => [...formsOfStem(map, terms, s)])).toEqual(whole);
          await prepareStemHeads([{ fields: [{ terms, stems: { es: map, en: map } }] }], () => Promise.resolve());
          expect(lookups.map((s) => [...formsOfStem(map, terms, s)])).toEqual(whole);
        }
      }
    }
  });
});
