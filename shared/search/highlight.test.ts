import { describe, expect, it } from 'vitest';
import { foldText } from '../text/fold';
import { tokenize } from './analyze';
import { findPhrase, findPhraseInText, matchRanges, matchRangesInText } from './highlight';

// A small generator of page-like text: ASCII and accented words, capitals, digits, marks,
// ligatures, astral letters, punctuation and line breaks.
const PIECES = ['Quispe', 'quispe', 'QUISPE', 'Huamán', 'huaman', 'HUAMÁN', 'Ñahui', 'ñahui', 'Zúñiga', 'zuniga', 'policía', 'Policia',
  'capturado', 'capturados', 'ﬁscal', 'fiscal', 'Ǆemal', '½', '3er', 'año2000', 'cafe\u0301', 'café', '𝐀bc', '𐐀xy', 'K\u212a', 'İstanbul',
  'the', 'de', 'la', 'a', 'o', 'x', 'sendero', 'luminoso', 'Sendero-Luminoso', 'well-known', '—', ',', '.', '(', ')', '\n', '  ', '\u0003'];
function randomText(seed: number, words: number): string {
  let x = seed;
  const next = () => { x = (x * 1_103_515_245 + 12_345) & 0x7fffffff; return x; };
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(PIECES[next() % PIECES.length]!, next() % 3 === 0 ? '' : ' ');
  return out.join('');
}

describe('tokenize', () => {
  it('finds the words /[\\p{L}\\p{N}\\p{M}]+/gu finds, folded as before', () => {
    const reference = (text: string) => [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].flatMap((m) => {
      const lower = m[0].toLowerCase();
      const words = /^[a-z0-9]+$/.test(lower) ? [lower] : tokenizeOne(m[0]);
      return words.map((word) => ({ word, start: m.index, end: m.index + m[0].length }));
    });
    const tokenizeOne = (raw: string) => foldText(raw).match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let seed = 1; seed <= 40; seed++) {
      const text = `${randomText(seed, 300)}\ud800 x\udc00y \u0301a`;
      expect(tokenize(text), `seed ${seed}`).toEqual(reference(text));
    }
  });
});

describe('matchRangesInText', () => {
  it('finds exactly the words a full tokenize finds, on any mix of scripts, marks and punctuation', () => {
    const termSets = [['quispe'], ['huaman', 'nahui'], ['zuniga', 'policia', 'fiscal'], ['cafe', 'abc', '1', '2'], ['3er', 'ano2000', 'dzemal'],
      ['x', 'a'], ['sendero', 'luminoso', 'well', 'known'], ['istanbul', 'kk', 'xy'], ['capturado']];
    for (let seed = 1; seed <= 60; seed++) {
      const text = randomText(seed, 400);
      const tokens = tokenize(text);
      for (const list of termSets) {
        const terms = new Set(list);
        // One range per raw run (a run folding to two words is one range).
        const expected = matchRanges(tokens, terms).filter((r, i, all) => i === 0 || r.start !== all[i - 1]!.start);
        expect(matchRangesInText(text, terms), `seed ${seed}, ${list}`).toEqual(expected);
      }
    }
  });

  it('keeps the phrase finder and the highlighter on the same words', () => {
    const text = 'Sendero Luminoso (SENDERO luminoso) y sendero de luminoso';
    expect(findPhrase(tokenize(text), ['sendero', 'luminoso']).map((r) => text.slice(r.start, r.end))).toEqual(['Sendero Luminoso', 'SENDERO luminoso']);
    expect(matchRangesInText(text, new Set(['luminoso'])).map((r) => text.slice(r.start, r.end))).toEqual(['Luminoso', 'luminoso', 'luminoso']);
  });
});

describe('findPhraseInText', () => {
  it('finds what findPhrase finds over the whole tokenized text: same ranges, same order', () => {
    let tried = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomText(seed, 300);
      const tokens = tokenize(text);
      const phrases = [['sendero', 'luminoso'], ['capturados', 'quispe'], ['fiscal', 'x'], ['1', '2'], ['kk'], ['the', 'de', 'la'], ['huaman', 'nahui']];
      for (let k = 0; k < 12; k++) {
        const at = (seed * 31 + k * 17) % Math.max(1, tokens.length - 3);
        phrases.push(tokens.slice(at, at + 1 + (k % 3)).map((t) => t.word));
      }
      for (const phrase of phrases) {
        tried++;
        expect(findPhraseInText(text, phrase), `seed ${seed}, ${phrase}`).toEqual(findPhrase(tokens, phrase));
        expect(findPhraseInText(text, phrase, true)).toEqual(findPhrase(tokens, phrase, true));
      }
    }
    expect(tried).toBeGreaterThan(500);
  });
});
