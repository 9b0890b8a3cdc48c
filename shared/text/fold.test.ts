import { describe, expect, it } from 'vitest';
import { foldText, foldedWords, sortKey, wordSet } from './fold';

describe('foldText', () => {
  it('folds case and accents so an accentless query matches', () => {
    expect(foldText('Abimael Guzmán')).toBe('abimael guzman');
    expect(foldText('OPERACIÓN Perú Ñuñoa')).toBe('operacion peru nunoa');
  });
  it('expands ligatures and full-width letters (NFKC) before folding', () => {
    expect(foldText('ﬁnanciación')).toBe('financiacion');
    expect(foldText('ＶＲＡＥＭ')).toBe('vraem');
  });
  it('keeps accented letters at word edges (lunr drops them)', () => {
    expect(foldedWords('Perú, Óscar y Ñuñoa')).toEqual(['peru', 'oscar', 'y', 'nunoa']);
  });
});

describe('wordSet and sortKey', () => {
  it('collects distinct words of every name', () => {
    expect(wordSet(['Florindo Eleuterio Flores', 'Comandante Artemio', 'Artemio']).sort()).toEqual(
      ['artemio', 'comandante', 'eleuterio', 'flores', 'florindo'],
    );
  });
  it('sorts names ignoring accents, case and leading quotes', () => {
    const names = ['"Cirilo"', 'Ábalos', 'abel', 'Zapata'];
    expect([...names].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(['Ábalos', 'abel', '"Cirilo"', 'Zapata']);
  });
});
