import { describe, expect, it } from 'vitest';
import { foldedWords } from '../text/fold';
import { NameTrie, tokenize } from './index';
import { tokenizeRanges, wordHash } from './tokens';

describe('tokenize', () => {
  it('gives the same words as folding the whole text, in any script, with offsets into the original', () => {
    const samples = [
      'Abimael Guzmán, «Presidente Gonzalo» — ÑUÑOA; Perú.',
      'Guzma\u0301n ﬁnanciación ＶＲＡＥＭ Straße Øresund Łódź œuvre',
      'Москва Αθήνα 北京 😀 Artemio’s (Raúl) “José” 2017…',
      'tab\tand\r\nCRLF lines, 50,000 coca crops',
    ];
    for (const s of samples) {
      const t = tokenize(s);
      expect(t.words, s).toEqual(foldedWords(s));
      t.words.forEach((w, i) => expect(foldedWords(s.slice(t.starts[i], t.ends[i])).join(''), s).toBe(w));
    }
  });

  it('agrees with folding on random text from a mixed alphabet', () => {
    const alphabet = 'aAzZñÑáÉüß ﬁ\u0301\u00ADЖж北😀 ,.;-\n«»“”\'’()0123456789';
    const chars = [...alphabet];
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const s = Array.from({ length: 40 }, () => chars[Math.floor(next() * chars.length)]).join('');
      // Line-end hyphenation is the one intended difference; soft hyphens join words.
      if (/-[ \t]*\r?\n|\u00AD/.test(s)) continue;
      expect(tokenize(s).words, JSON.stringify(s)).toEqual(foldedWords(s));
    }
  });

  it('hashes each folded word as wordHash does, hyphenated line ends and slow folds included', () => {
    const alphabet = 'aAzZñÑáÉüß ﬁ\u0301\u00ADЖж北😀 ,.;-\n«»“”\'’()0123456789';
    const chars = [...alphabet];
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const samples = ['Quispe Pa-\nlomino', 'Guzma\u0301n Straße ＶＲＡＥＭ', ...Array.from({ length: 300 }, () => Array.from({ length: 40 }, () => chars[Math.floor(next() * chars.length)]).join(''))];
    for (const s of samples) {
      const t = tokenize(s);
      expect([...t.hashes!], JSON.stringify(s)).toEqual(t.words.map(wordHash));
    }
  });

  it('finds names by hash, through words that share one, and forgets removed first words', () => {
    const trie = new NameTrie([{ actorId: 'a', name: 'Straße Ñuñoa', source: 'name', rule: 'anywhere' }, { actorId: 'b', name: 'Artemio', source: 'name', rule: 'anywhere' }]);
    expect(trie.scan(tokenize('la STRASSE ñuñoa y Artemio')).map((m) => [m.from, m.to])).toEqual([[1, 3], [4, 5]]);
    trie.remove({ actorId: 'b', name: 'Artemio', source: 'name' });
    expect(trie.scan(tokenize('Artemio')).length).toBe(0);
    // Tokens without hashes (made elsewhere) are looked up by their words.
    const { hashes: _h, ...plain } = tokenize('la STRASSE ñuñoa');
    expect(trie.scan(plain).length).toBe(1);
  });

  it('joins a line-end hyphenated word but keeps a capitalised compound apart', () => {
    expect(tokenize('Quispe Pa-\n  lomino y Jean-\nPierre').words).toEqual(['quispe', 'palomino', 'y', 'jean', 'pierre']);
    const t = tokenize('Pa-\nlomino');
    expect([t.starts[0], t.ends[0]]).toEqual([0, 10]);
  });

  it('marks separators a multi-word name may not cross', () => {
    const t = tokenize('Víctor Quispe\nPalomino, Jorge. A. B. (Raúl)\n\nJosé');
    // víctor quispe palomino | jorge | a | b (after an initial) | raúl | josé
    expect([...t.hardBefore]).toEqual([1, 0, 0, 1, 1, 0, 1, 1]);
  });

  it("tokenizes several ranges as each on its own, one after another (a word's windows on a page)", () => {
    const text = 'Víctor Quispe Pa-\nlomino, alias Raúl. Jorge Quispe, el hermano; Pa-\nlomino otra vez y Raúl.';
    const at = (w: string, from = 0) => text.indexOf(w, from);
    // Three ranges: one ending right before a hyphenated line end, one starting on its second line.
    const ranges = [at('Quispe'), at('Pa-') + 2, at('lomino'), at('Raúl') + 4, at('hermano'), text.length - 1];
    const apart = [0, 2, 4].map((r) => tokenize(text, ranges[r], ranges[r + 1]));
    const joined = tokenizeRanges(text, ranges);
    const cat = <K extends 'words' | 'starts' | 'ends'>(k: K) => apart.flatMap((t) => [...t[k]]);
    expect(joined.words).toEqual(cat('words'));
    expect(joined.starts).toEqual(cat('starts'));
    expect(joined.ends).toEqual(cat('ends'));
    expect([...joined.hardBefore]).toEqual(apart.flatMap((t) => [...t.hardBefore]));
    expect([...joined.hashes!]).toEqual(apart.flatMap((t) => [...t.hashes!]));
    // Each range's first word counts as after a hard stop; no word is joined across two ranges.
    expect(joined.words.slice(0, 3)).toEqual(['quispe', 'pa', 'lomino']);
    expect(joined.hardBefore[2]).toBe(1);
    expect(tokenizeRanges(text, [0, text.length])).toEqual(tokenize(text));
  });
});

describe('foldWord', () => {
  it('folds like foldText, through the table or not', async () => {
    const { foldText } = await import('../text/fold');
    const { foldWord } = await import('./index');
    for (const w of ['Quispe', 'Guzmán Reynoso', 'ÑUÑOA', 'Straße', 'ﬁnanciación', 'Guzma\u0301n', 'A.', 'Москва', 'Perú-Bolivia']) {
      expect(foldWord(w), w).toBe(foldText(w));
    }
  });
});
