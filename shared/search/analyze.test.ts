import { describe, expect, it } from 'vitest';
import { detectLanguage, foldedTokens, indexTerms, isIndexable, isIndexableIn, isInflection, isStrong, stemOf, stemsOf, tokenize } from './analyze';

describe('analyze: one pipeline for index and query', () => {
  it('folds accents at word edges that lunr’s ASCII trimmer would drop', () => {
    expect(foldedTokens('Perú, Óscar y Ñuñoa; Apurímac.')).toEqual(['peru', 'oscar', 'y', 'nunoa', 'apurimac']);
    expect(indexTerms('Perú')).toContain('peru');
  });

  it('applies NFKC first so ligatures and full-width letters become plain words', () => {
    expect(foldedTokens('ﬁnanciación ＧＵＺＭＡＮ')).toEqual(['financiacion', 'guzman']);
  });

  it('tokenizes on letter/digit runs in any script and keeps numbers', () => {
    // Thousands-separated numbers are one word (joinedWords.test.ts has the rule's cases).
    expect(foldedTokens('8,000 to 10,000 troops — 1992; Москва')).toEqual(['8000', 'to', '10000', 'troops', '1992', 'москва']);
    const tokens = tokenize('Abimael Guzmán’s capture');
    expect(tokens.map((t) => t.word)).toEqual(['abimael', 'guzman', 's', 'capture']);
    expect('Abimael Guzmán’s capture'.slice(tokens[1]!.start, tokens[1]!.end)).toBe('Guzmán');
  });

  it('drops each language’s own stop words: "sea", "son", "con" are words in English, not in Spanish', () => {
    for (const word of ['sea', 'son', 'era', 'sin', 'hay', 'con']) {
      expect(isIndexableIn(word, 'en'), word).toBe(true);
      expect(isIndexableIn(word, 'es'), word).toBe(false);
      expect(isIndexableIn(word, 'mixed'), word).toBe(true);
      expect(isStrong(word), word).toBe(false);
    }
    expect(isIndexableIn('the', 'en')).toBe(false);
    expect(isIndexableIn('the', 'es')).toBe(true);
    // Stop words in both languages are never indexed nor searched.
    for (const word of ['a', 'no', 'he']) expect(isIndexable(word), word).toBe(false);
    expect(foldedTokens('Está').every((w) => !isIndexableIn(w, 'es'))).toBe(true);
    expect(isIndexable('s')).toBe(false);
    expect(isIndexable('7')).toBe(true);
    expect(isStrong('estados')).toBe(true);
    expect(indexTerms('the capture of the leader', 'en')).toEqual(['capture', 'leader']);
    expect(indexTerms('by sea to the port', 'en')).toEqual(['sea', 'port']);
  });

  it('stems AFTER folding so accentless queries meet accented text', () => {
    expect(stemsOf('capturados')[0]).toBe(stemsOf('captura')[0]);
    expect(stemsOf('capturado')[0]).toBe(stemsOf('capturo')[0]);
    // Snowball's "ación" suffix is gone once folded; the -ion rule stems it like its plural.
    expect(stemsOf('operacion')[0]).toBe(stemsOf('operaciones')[0]);
    expect(stemsOf('financiacion')[0]).toBe(stemsOf('financiaciones')[0]);
    expect(stemsOf('captured')[1]).toBe(stemsOf('capture')[1]);
    expect(stemOf('1992', 'es')).toBeNull();
  });

  it('indexes surface forms only: stems are looked up through the stem maps, never posted', () => {
    expect(indexTerms('Abimael Guzmán', 'es')).toEqual(['abimael', 'guzman']);
  });

  it('tells an inflection of the query word from a derivation sharing its stem', () => {
    const es = (word: string, form: string) => isInflection(word, form, stemOf(word, 'es')!, 'es');
    expect(es('capturado', 'capturaron')).toBe(true);
    expect(es('capturado', 'capturados')).toBe(true);
    expect(es('capturado', 'capturo')).toBe(true);
    expect(es('capturado', 'capturista')).toBe(false);
    expect(es('operacion', 'operaciones')).toBe(true);
    expect(es('operacion', 'operativo')).toBe(false);
    expect(isInflection('captured', 'capturing', 'captur', 'en')).toBe(true);
    expect(isInflection('capturado', 'captured', 'captur', 'en')).toBe(false);
  });

  it('guesses a page language from stop words and trigrams and falls back to mixed', () => {
    expect(detectLanguage(foldedTokens('La captura de los mandos en el valle fue por la policía y con los militares para el Estado'))).toBe('es');
    expect(detectLanguage(foldedTokens('The capture of the leaders was by the police and with the army for the state in which they were'))).toBe('en');
    // Short texts: too little evidence reads them in both languages, never in the wrong one.
    expect(detectLanguage(foldedTokens('Operación militar en el valle: combatientes capturados'))).not.toBe('en');
    expect(detectLanguage(foldedTokens('Troops ambushed near the river crossing, three killed'))).not.toBe('es');
    expect(detectLanguage(['guzman'])).toBe('mixed');
    expect(detectLanguage(foldedTokens('Abimael Guzmán Reinoso, Lima 1992'))).toBe('mixed');
  });
});

describe('a document’s language field', () => {
  it('wins when set: Spanish, English, or mixed for another language or several', async () => {
    const { langHint } = await import('./records');
    expect(langHint('')).toBeUndefined();
    expect(langHint('Español')).toBe('es');
    expect(langHint('es-PE')).toBe('es');
    expect(langHint('English')).toBe('en');
    expect(langHint('en-US')).toBe('en');
    expect(langHint('Quechua')).toBe('mixed');
    expect(langHint('es/en')).toBe('mixed');
  });
});
