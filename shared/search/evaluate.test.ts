import { describe, expect, it } from 'vitest';
import { QueryContext, idf, rowDf, withinDistance } from './evaluate';
import { buildSegment, letterSignature } from './segment';
import type { SearchDoc } from './types';

/** Plain optimal string alignment (Levenshtein plus adjacent swaps), the reference for the bounded one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const bits = (x: number) => x.toString(2).replace(/0/g, '').length;

describe('fuzzy expansion', () => {
  const words = ['artemio', 'artmio', 'artmeio', 'quipse', 'guzmna', 'guzman', 'ab', 'ba', 'artemia', 'quispe', 'quvspe', 'qispe', 'palomino', 'palomono', 'plaomino', 'huanuco', 'huancayo', 'a', 'ab', 'abimael', 'abvmael', 'x1x2x3'];
  it('bounded distance agrees with plain optimal string alignment for d = 1 and 2 (a swap is one edit)', () => {
    expect(withinDistance('guzmna', 'guzman', 1)).toBe(true);
    expect(withinDistance('artmeio', 'artemio', 1)).toBe(true);
    for (const a of words) for (const b of words) for (const d of [1, 2]) expect(withinDistance(a, b, d)).toBe(distance(a, b) <= d);
  });
  it('the letter-signature filter never rules out a word within the distance', () => {
    for (const a of words) {
      for (const b of words) {
        const dist = distance(a, b);
        if (dist <= 2) expect(bits((letterSignature(a) ^ letterSignature(b)) >>> 0)).toBeLessThanOrEqual(2 * dist);
      }
    }
  });
});

describe('shared fuzzy vocabulary of big segments', () => {
  it('gives the same expansions as scanning each segment', async () => {
    const { buildSegment } = await import('./segment');
    const { QueryContext, prepareVocabulary } = await import('./evaluate');
    const { compileQuery } = await import('./compile');
    const { parseQuery } = await import('./parseQuery');
    const names = ['quispe', 'palomino', 'artemio', 'huamán', 'zúñiga', 'cárdenas', 'morote', 'huillca'];
    const docs = Array.from({ length: 1_200 }, (_, i) => ({
      ref: `page:d${i % 40}:${i}`, kind: 'page' as const, recordId: `d${i % 40}`, page: i, caseIds: [], dateFrom: null, dateTo: null,
      fields: { text: `${names[i % names.length]} ${names[(i * 3) % names.length]}${i % 7} informe ${i}` },
    }));
    const big = buildSegment('merged', docs, { seq: 1 });
    const small = buildSegment('document:x', docs.slice(0, 3).map((d) => ({ ...d, ref: `page:x:${d.page}`, recordId: 'x' })), { seq: 2 });
    const groups = compileQuery(parseQuery('quispa palomimo artmio huaman3 cardenaz')).include.flatMap((c) => c.groups);
    const expand = (segments: typeof big[]) => { const ctx = new QueryContext(segments); return groups.map((g) => ctx.expand(g).map((e) => e.term).sort()); };
    const before = expand([big, small]);
    await prepareVocabulary([big, small]);
    expect(expand([big, small])).toEqual(before);
    expect(before.flat()).toEqual(expect.arrayContaining(['quispe', 'palomino', 'artemio', 'cardenas']));
  });
});

describe('record idf', () => {
  it('counts a record once however many of its fields hold the word (df never exceeds N)', () => {
    const rec = (id: string, name: string, body: string): SearchDoc => ({
      ref: `actor:${id}`, kind: 'actor', recordId: id, names: [name], fields: { name, body }, caseIds: [], dateFrom: null, dateTo: null,
    });
    const seg = buildSegment('records', [
      rec('a', 'Huamani Quispe', 'Huamani was seen'), rec('b', 'Huamani Rojas', 'Huamani again'),
      rec('c', 'Rojas Vela', 'nothing'), rec('d', 'Vela Soto', 'Huamani mentioned'),
    ], { seq: 1 });
    expect(rowDf(seg, 'huamani')).toBe(3);
    expect(rowDf(seg, 'quispe')).toBe(1);
    expect(rowDf(seg, 'absent')).toBe(0);
    const ctx = new QueryContext([seg]);
    expect(ctx.idf('records', 'huamani')).toBeCloseTo(idf(3, 4));
    // The more records hold a word, the less it weighs.
    expect(ctx.idf('records', 'huamani')).toBeLessThan(ctx.idf('records', 'rojas'));
  });
});
