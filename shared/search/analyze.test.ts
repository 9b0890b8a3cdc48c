import { describe, expect, it } from 'vitest';
import { detectLanguage, foldedTokens, indexTerms, isIndexable, queryForms, stemsOf, tokenize } from './analyze';

describe('analyze: one pipeline for index and query', () => {
  it('folds accents at word edges that lunr’s ASCII trimmer would drop', () => {
    expect(foldedTokens('Perú, Óscar y Ñuñoa; Apurímac.')).toEqual(['peru', 'oscar', 'y', 'nunoa', 'apurimac']);
    expect(indexTerms('Perú')).toContain('peru');
  });

  it('applies NFKC first so ligatures and full-width letters become plain words', () => {
    expect(foldedTokens('ﬁnanciación ＧＵＺＭＡＮ')).toEqual(['financiacion', 'guzman']);
  });

  it('tokenizes on letter/digit runs in any script and keeps numbers', () => {
    expect(foldedTokens('8,000 to 10,000 troops — 1992; Москва')).toEqual(['8', '000', 'to', '10', '000', 'troops', '1992', 'москва']);
    const tokens = tokenize('Abimael Guzmán’s capture');
    expect(tokens.map((t) => t.word)).toEqual(['abimael', 'guzman', 's', 'capture']);
    expect('Abimael Guzmán’s capture'.slice(tokens[1]!.start, tokens[1]!.end)).toBe('Guzmán');
  });

  it('drops English and Spanish stop words (folded) and lone letters, keeps content words', () => {
    expect(isIndexable('the')).toBe(false);
    expect(foldedTokens('Está').every((w) => !isIndexable(w))).toBe(true);
    expect(isIndexable('esta')).toBe(false);
    expect(isIndexable('s')).toBe(false);
    expect(isIndexable('7')).toBe(true);
    expect(isIndexable('estados')).toBe(true);
    expect(indexTerms('the capture of the leader', 'en')).toEqual(['capture', 'captur', 'leader']);
  });

  it('stems AFTER folding so accentless queries meet accented text', () => {
    expect(stemsOf('capturados')[0]).toBe(stemsOf('captura')[0]);
    expect(stemsOf('capturado')[0]).toBe(stemsOf('capturo')[0]);
    // Snowball's "ación" suffix is gone once folded; the -ion rule stems it like its plural.
    expect(stemsOf('operacion')[0]).toBe(stemsOf('operaciones')[0]);
    expect(stemsOf('financiacion')[0]).toBe(stemsOf('financiaciones')[0]);
    expect(stemsOf('captured')[1]).toBe(stemsOf('capture')[1]);
  });

  it('keeps the raw folded form beside the stem so names survive stemming', () => {
    expect(indexTerms('Abimael Guzmán', 'es')).toEqual(['abimael', 'guzman', 'guzm']);
    expect(queryForms('quispe')).toEqual({ raw: 'quispe', stems: ['quisp'] });
  });

  it('guesses a page language from its stop words and falls back to mixed', () => {
    expect(detectLanguage(foldedTokens('La captura de los mandos en el valle fue por la policía y con los militares para el Estado'))).toBe('es');
    expect(detectLanguage(foldedTokens('The capture of the leaders was by the police and with the army for the state in which they were'))).toBe('en');
    expect(detectLanguage(['guzman'])).toBe('mixed');
  });
});
