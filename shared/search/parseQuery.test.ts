import { describe, expect, it } from 'vitest';
import { dateBound, parseQuery } from './parseQuery';

describe('parseQuery', () => {
  it('reads plain words (all required), folded, stop words dropped with a note', () => {
    const q = parseQuery('Guzmán a LEADER');
    expect(q.mode).toBe('all');
    expect(q.include).toEqual([{ type: 'term', word: 'guzman', prefix: false }, { type: 'term', word: 'leader', prefix: false }]);
    expect(q.notes).toContain('stopWordsIgnored');
    // A stop word of one language only is content in the other ("sea", "the"): kept for search.ts to weigh.
    expect(parseQuery('the sea').include.map((c) => c.type === 'term' && c.word)).toEqual(['the', 'sea']);
  });

  it('reads OR as any-mode, phrases (straight and curly quotes), prefixes and exclusions', () => {
    const q = parseQuery('quisp* OR “Shining Path” -sendero -"comandante artemio"');
    expect(q.mode).toBe('any');
    expect(q.include).toEqual([{ type: 'term', word: 'quisp', prefix: true }, { type: 'phrase', words: ['shining', 'path'] }]);
    expect(q.exclude).toEqual([{ type: 'term', word: 'sendero', prefix: false }, { type: 'phrase', words: ['comandante', 'artemio'] }]);
  });

  it('reads filters typed in the query; the object form wins key by key', () => {
    const q = parseQuery('kind:actor,event case:abc status:at-large from:1990 to:2000-02 quispe', { caseIds: ['xyz'] });
    expect(q.filters).toEqual({ kinds: ['actor', 'event'], caseIds: ['xyz'], statuses: ['at_large'], from: '1990-01-01', to: '2000-02-29' });
    expect(q.include).toEqual([{ type: 'term', word: 'quispe', prefix: false }]);
  });

  it('never throws on hostile input and treats lunr syntax as separators', () => {
    for (const input of ['title:guzman~2^10', '"unclosed phrase', '-', '*', '**', '"', ':::', '~^', 'a*', '-""', '\u0000\uFFFF', 'x'.repeat(10_000), 'kind:spaceship', 'from:1990-13']) {
      expect(() => parseQuery(input)).not.toThrow();
    }
    expect(parseQuery('title:guzman~2^10').include.map((c) => c.type === 'term' && c.word)).toEqual(['title', 'guzman', '2', '10']);
    expect(parseQuery('"unclosed phrase').include).toEqual([{ type: 'phrase', words: ['unclosed', 'phrase'] }]);
    expect(parseQuery('a*').notes).toContain('prefixTooShort');
    expect(parseQuery('kind:spaceship').notes).toEqual(['badFilter:kind:spaceship']);
    expect(parseQuery(undefined as unknown as string).include).toEqual([]);
  });

  it('turns years and months into inclusive day bounds', () => {
    expect(dateBound('1992', false)).toBe('1992-01-01');
    expect(dateBound('1992', true)).toBe('1992-12-31');
    expect(dateBound('2019-08', true)).toBe('2019-08-31');
    expect(dateBound('2019-02-30', true)).toBeNull();
    expect(dateBound('soon', true)).toBeNull();
  });
});
