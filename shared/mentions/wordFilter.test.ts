import { describe, expect, it } from 'vitest';
import { WORD_FILTER_BYTES, mayHold, pageWordFilter, wordProbe } from './wordFilter';
import { tokenize } from './tokens';

describe('page word filters', () => {
  it('never misses a word of the page, hyphenation joined, and rarely claims one it lacks', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`);
    const text = `${words.join(' ')} Quispe Pa-\nlomino forces`;
    const filters = new Uint8Array(2 * WORD_FILTER_BYTES);
    pageWordFilter(text, filters, WORD_FILTER_BYTES);
    for (const w of tokenize(text).words) expect(mayHold(filters, WORD_FILTER_BYTES, wordProbe(w))).toBe(true);
    expect(mayHold(filters, WORD_FILTER_BYTES, wordProbe('palomino'))).toBe(true);
    expect(mayHold(filters, 0, wordProbe('forces'))).toBe(false);
    const absent = Array.from({ length: 2000 }, (_, i) => `absent${i}`).filter((w) => mayHold(filters, WORD_FILTER_BYTES, wordProbe(w)));
    expect(absent.length / 2000).toBeLessThan(0.02);
  });
});
