import { describe, expect, it } from 'vitest';
import { foldText } from '../text/fold';
import { foldedTermsOf, foldedTokens, tokenize } from './analyze';
import { findPhrase, findPhraseInText, matchRanges, matchRangesInText } from './highlight';
import { parseQuery } from './parseQuery';
import { separatorOf } from './wordChars';

const words = (text: string) => foldedTokens(text);
const marked = (text: string, terms: string[]) => matchRangesInText(text, new Set(terms)).map((r) => text.slice(r.start, r.end));

describe('thousands-separated numbers', () => {
  it('are one word, written as a researcher types them, whatever the separator', () => {
    for (const text of ['1.200', '1,200', '1 200', '1\u00a0200', '1\u202f200', '1\u2009200', '１.２００']) expect(words(text), text).toEqual(['1200']);
    expect(words('1.200 kilos')).toEqual(['1200', 'kilos']);
    expect(words('1,200,000 dollars')).toEqual(['1200000', 'dollars']);
    expect(words('12.345.678')).toEqual(['12345678']);
    expect(words('150 000 personas')).toEqual(['150000', 'personas']);
    // Letters right after the number stay in its word, as "1200kg" is one.
    expect(words('1.200kg')).toEqual(['1200kg']);
    // A decimal part after another separator is a word of its own.
    expect(words('1.200,50 soles')).toEqual(['1200', '50', 'soles']);
    expect(words('$1,200.75')).toEqual(['1200', '75']);
    expect(words('En 2019 1.200 personas')).toEqual(['en', '2019', '1200', 'personas']);
  });

  it('leave decimals, versions, dates, addresses and years as they were', () => {
    expect(words('2,5 toneladas')).toEqual(['2', '5', 'toneladas']);
    expect(words('1.5 million')).toEqual(['1', '5', 'million']);
    expect(words('0.500 kg')).toEqual(['0', '500', 'kg']);
    expect(words('3.14.2')).toEqual(['3', '14', '2']);
    expect(words('3.14.159')).toEqual(['3', '14', '159']);
    expect(words('1.200.5')).toEqual(['1', '200', '5']);
    expect(words('12.05.2019')).toEqual(['12', '05', '2019']);
    expect(words('192.168.1.1')).toEqual(['192', '168', '1', '1']);
    expect(words('2017 y 2018')).toEqual(['2017', 'y', '2018']);
    expect(words('1.2000')).toEqual(['1', '2000']);
    expect(words('1234.567')).toEqual(['1234', '567']);
    expect(words('a1.200')).toEqual(['a1', '200']);
    expect(words('5,000-10,000')).toEqual(['5000', '10000']);
    // A space after a number: only when the number before was not written with spaces itself.
    expect(words('2019 150 000')).toEqual(['2019', '150', '000']);
    expect(words('1 , 200')).toEqual(['1', '200']);
  });

  it('are joined alike in a query, spaces included', () => {
    const terms = (q: string) => parseQuery(q).include.map((c) => (c.type === 'term' ? c.word : c.words.join(' ')));
    expect(terms('1 200 kilos')).toEqual(['1200', 'kilos']);
    expect(terms('1.200 kilos')).toEqual(['1200', 'kilos']);
    expect(terms('"1 200 kilos"')).toEqual(['1200 kilos']);
    expect(terms('2,5 toneladas')).toEqual(['2', '5', 'toneladas']);
    expect(terms('2019 150')).toEqual(['2019', '150']);
    expect(parseQuery('from:1990 200').filters.from).toBe('1990-01-01');
  });

  it('are highlighted as written, separators and all', () => {
    expect(marked('Se hallaron 1.200 kilos y 200 más', ['1200'])).toEqual(['1.200']);
    expect(marked('1\u00a0200 kg, 1 200 kg', ['1200'])).toEqual(['1\u00a0200', '1 200']);
    expect(marked('1.200 kilos', ['200'])).toEqual([]);
    const text = 'decomisaron 1.200 kilos de cocaína';
    expect(findPhraseInText(text, ['1200', 'kilos']).map((r) => text.slice(r.start, r.end))).toEqual(['1.200 kilos']);
  });

  it('know every code unit that folds to a separator', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const folded = foldText(String.fromCharCode(c));
      const expected = folded === '.' || folded === ',' || folded === ' ' ? folded.charCodeAt(0) : 0;
      if (separatorOf(c) !== expected) expect(`U+${c.toString(16)} → ${separatorOf(c)}`).toBe(`U+${c.toString(16)} → ${expected}`);
    }
  });
});

describe('hyphenated compounds', () => {
  it('index their parts at their places and the parts joined at the first part’s place', () => {
    expect(foldedTermsOf('Los narco-terroristas y un ex-guerrillero')).toEqual({
      words: ['los', 'narco', 'terroristas', 'y', 'un', 'ex', 'guerrillero'],
      compounds: [{ word: 'narcoterroristas', at: 1, parts: 2 }, { word: 'exguerrillero', at: 5, parts: 2 }],
    });
    expect(foldedTermsOf('anti‑drogas, co\u2010founder, narco\u00adtráfico, state-of-the-art').compounds.map((c) => c.word))
      .toEqual(['antidrogas', 'cofounder', 'narcotrafico', 'stateoftheart']);
    // With a letter in some part: "M-19", "COVID-19"; not ranges or dates.
    expect(foldedTermsOf('el M-19 y COVID-19, de 5-10 años, el 2019-05-12').compounds.map((c) => c.word)).toEqual(['m19', 'covid19']);
    // Dashes and spaced hyphens join nothing.
    expect(foldedTermsOf('narco – terroristas, narco—terroristas, narco - terroristas, narco--terroristas').compounds).toEqual([]);
  });

  it('make each part of a query compound match the compound written as one word', () => {
    const parsed = parseQuery('narco-terroristas co-founder* sendero');
    expect(parsed.include).toEqual([
      { type: 'term', word: 'narco', prefix: false, compound: 'narcoterroristas' },
      { type: 'term', word: 'terroristas', prefix: false, compound: 'narcoterroristas' },
      { type: 'term', word: 'co', prefix: false },
      { type: 'term', word: 'founder', prefix: true },
      { type: 'term', word: 'sendero', prefix: false },
    ]);
  });

  it('are highlighted whole when matched joined, and their parts alone as before', () => {
    expect(marked('Los Narco-Terroristas y los narcoterroristas', ['narcoterroristas'])).toEqual(['Narco-Terroristas', 'narcoterroristas']);
    expect(marked('Los narco-terroristas', ['terroristas'])).toEqual(['terroristas']);
    expect(marked('anti-narco-terrorism', ['antinarcoterrorism'])).toEqual(['anti-narco-terrorism']);
    expect(marked('anti-narco-terrorism', ['narcoterrorism'])).toEqual([]);
    expect(marked('de 5-10 años', ['510'])).toEqual([]);
  });
});

describe('dotted abbreviations', () => {
  it('are indexed as their letters joined, at the first letter’s place, beside their parts', () => {
    expect(foldedTermsOf('La D.E.A. y los EE.UU. con la S.A.C').compounds).toEqual([
      { word: 'dea', at: 1, parts: 3 }, { word: 'eeuu', at: 6, parts: 2 }, { word: 'sac', at: 10, parts: 3 },
    ]);
    // Not words of three letters or more, digits, a sentence's end, or a part of a longer dotted run.
    expect(foldedTermsOf('el Sr.Pérez, www.inei.gob.pe, v.1 y 3.5; en la U. La policía; a.bc.def').compounds).toEqual([]);
  });

  it('are looked for joined in a query, written either way', () => {
    expect(parseQuery('EEUU').include).toEqual([{ type: 'term', word: 'eeuu', prefix: false }]);
    expect(parseQuery('EE.UU.').include).toEqual([
      { type: 'term', word: 'ee', prefix: false, compound: 'eeuu' },
      { type: 'term', word: 'uu', prefix: false, compound: 'eeuu' },
    ]);
    // No part is a word of its own (single letters, "e" and "a" stop words): the letters joined.
    const parsed = parseQuery('d.e.a.');
    expect(parsed.include).toEqual([{ type: 'term', word: 'dea', prefix: false }]);
    expect(parsed.notes).toEqual([]);
  });

  it('leave the words the raw scan finds as they were', () => {
    const pieces = ['ee', 'UU', 'a', 'D', 'Sr', 'abc', '.', '. ', ' ', '-', '1'];
    for (let seed = 1; seed <= 200; seed++) {
      let x = seed;
      const text = Array.from({ length: 80 }, () => { x = (x * 1_103_515_245 + 12_345) & 0x7fffffff; return pieces[x % pieces.length]!; }).join('');
      expect(tokenize(text).map((t) => t.word), `seed ${seed}: ${JSON.stringify(text)}`).toEqual(foldedTermsOf(text).words);
    }
  });

  it('are highlighted whole, as written, when matched joined', () => {
    expect(marked('La D.E.A. y la DEA; los EE.UU. y EEUU.', ['dea', 'eeuu'])).toEqual(['D.E.A', 'DEA', 'EE.UU', 'EEUU']);
    expect(marked('en la U. La policía', ['ul'])).toEqual([]);
    expect(marked('a.bc.def', ['abc'])).toEqual([]);
  });
});

// Page-like text of numbers, separators, hyphens and words, for the raw scan (offsets) against
// the index's folded words.
const PIECES = ['1', '12', '123', '1234', '200', '000', '05', '2019', '0', '１２', 'kg', 'narco', 'Terror', 'año', 'café', 'x', '½',
  '.', ',', ' ', '\u00a0', '\u202f', '-', '\u2011', '\u00ad', '–', '\n', '$', 'e\u0301'];
function randomText(seed: number, pieces: number): string {
  let x = seed;
  const next = () => { x = (x * 1_103_515_245 + 12_345) & 0x7fffffff; return x; };
  return Array.from({ length: pieces }, () => PIECES[next() % PIECES.length]!).join('');
}

describe('the raw scan and the index agree', () => {
  it('tokenize finds the words the index holds, on any mix of numbers, separators and hyphens', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 120);
      expect(tokenize(text).map((t) => t.word), `seed ${seed}: ${JSON.stringify(text)}`).toEqual(foldedTermsOf(text).words);
    }
  });

  it('agree where a group is followed by a character that folds to digits ("½" is "1⁄2")', () => {
    for (const text of ['kg12-12 112 ½123', '12 112 ½', '1.200.½', '7 300 ½ kilos']) {
      expect(tokenize(text).map((t) => t.word), text).toEqual(foldedTermsOf(text).words);
    }
  });

  it('the highlighter and the phrase finder match the whole tokenize on the same text', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const text = randomText(seed, 120);
      const tokens = tokenize(text);
      for (const list of [['1200'], ['12', '200'], ['2019', '05'], ['123000', 'kg'], ['1', 'x']]) {
        const terms = new Set(list);
        const expected = matchRanges(tokens, terms).filter((r, i, all) => i === 0 || r.start !== all[i - 1]!.start);
        expect(matchRangesInText(text, terms), `seed ${seed}, ${list}`).toEqual(expected);
      }
      for (let k = 0; k + 2 < tokens.length; k += 7) {
        const phrase = tokens.slice(k, k + 2).map((t) => t.word);
        expect(findPhraseInText(text, phrase), `seed ${seed}, ${phrase}`).toEqual(findPhrase(tokens, phrase));
      }
    }
  });
});
