import { describe, expect, it } from 'vitest';
import { countHits, findHits, textHasTerms } from './findHits';

const items = (...strs: string[]) => strs.map((str) => ({ str }));

describe('findHits', () => {
  it('finds terms regardless of case and accents, at their offsets in the original text', () => {
    const ranges = findHits(items('Valley of the Apurímac, Ene', ' and APURIMAC'), ['apurimac']);
    expect(ranges).toEqual([
      { item: 0, start: 14, end: 22, hit: 0 },
      { item: 1, start: 5, end: 13, hit: 1 },
    ]);
    expect(countHits(ranges)).toBe(2);
  });

  it('matches a phrase split over two items and over a line break', () => {
    const split = findHits(items('alias “Comandante ', 'Artemio,”'), ['Comandante Artemio']);
    expect(split).toEqual([{ item: 0, start: 7, end: 18, hit: 0 }, { item: 1, start: 0, end: 7, hit: 0 }]);
    const eol = findHits([{ str: 'Comandante', hasEOL: true }, { str: 'Artemio' }], ['comandante artemio']);
    expect(eol.map((r) => r.item)).toEqual([0, 1]);
    expect(countHits(eol)).toBe(1);
  });

  it('maps decomposed accents and ligatures back to whole characters', () => {
    const decomposed = 'Guzma\u0301n';
    expect(findHits(items(decomposed), ['guzman'])).toEqual([{ item: 0, start: 0, end: decomposed.length, hit: 0 }]);
    expect(findHits(items('the ﬁeld'), ['field'])).toEqual([{ item: 0, start: 4, end: 8, hit: 0 }]);
  });

  it('merges overlapping terms and ignores blank ones', () => {
    expect(findHits(items('Shining Path'), ['shining', 'path', 'ning pa', ' '])).toEqual([{ item: 0, start: 0, end: 12, hit: 0 }]);
    expect(findHits(items('anything'), [])).toEqual([]);
  });

  it('tells whether a stored page text has a term', () => {
    expect(textHasTerms('… Río Apurímac …', ['apurimac'])).toBe(true);
    expect(textHasTerms('nothing here', ['apurimac', ''])).toBe(false);
  });
});
