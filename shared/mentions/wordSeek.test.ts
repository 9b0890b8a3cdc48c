// wordSeek finds a folded word's occurrences with a regular expression over the original text;
// where it answers, its window must be tokenize's words from WINDOW words before the first
// occurrence to WINDOW after the last, and where it cannot be exact it must say so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seekable, tokenize, wordSeeker, wordsSpelled } from './index';

const fixture = readFileSync(new URL('../../tests/fixtures/mentions/pages.txt', import.meta.url), 'utf8');
const pages = fixture.split(/^=== .* ===$/m).slice(1).map((p) => p.replace(/^#.*$/gm, '').replace(/\[\[([^|\]]*)\|[^\]]*\]\]/g, '$1'));

/** What tokenize says: the words within `around` words of an occurrence of `word` (null: not on the page). */
function expected(text: string, word: string, around: number): { starts: number[]; words: string[]; hard: number[] } | null {
  const t = tokenize(text);
  const at = t.words.flatMap((w, i) => (w === word ? [i] : []));
  if (!at.length) return null;
  const kept = t.words.map((_, i) => at.some((k) => Math.abs(k - i) <= around));
  const idx = t.words.flatMap((_, i) => (kept[i] ? [i] : []));
  // Each window's first word counts as after a hard stop.
  return { starts: idx.map((i) => t.starts[i]!), words: idx.map((i) => t.words[i]!), hard: idx.map((i) => (i === 0 || !kept[i - 1] ? 1 : t.hardBefore[i]!)) };
}

function check(text: string, word: string, around: number): 'sought' | 'given up' {
  const seeker = wordSeeker(word);
  if (!seeker) return 'given up';
  const found = seeker.seek(text, around);
  if (found === undefined) return 'given up';
  const want = expected(text, word, around);
  if (!want) {
    expect(found, `"${word}" in ${JSON.stringify(text.slice(0, 60))}`).toBeNull();
    return 'sought';
  }
  expect(found, `"${word}"`).not.toBeNull();
  expect(found!.tokens.starts, `"${word}"`).toEqual(want.starts);
  expect(found!.tokens.words, `"${word}"`).toEqual(want.words);
  expect([...found!.tokens.hardBefore], `"${word}"`).toEqual(want.hard);
  expect(found!.count).toBe(tokenize(text).words.filter((w) => w === word).length);
  return 'sought';
}

describe('wordSeeker', () => {
  it('finds what tokenize finds on the labelled pages, for every word of each and for words not on it', () => {
    let sought = 0;
    for (const text of pages) {
      const words = new Set(tokenize(text).words);
      for (const word of [...words, 'artemio', 'zzyzx', 'quispe']) if (check(text, word, 24) === 'sought') sought++;
      for (const word of [...words].slice(0, 5)) for (const around of [0, 1, 3]) check(text, word, around);
      // A page six times over: windows apart, and merged where they meet.
      const long = Array(6).fill(text).join('\n\n');
      for (const word of [...words].slice(0, 5)) for (const around of [2, 24]) check(long, word, around);
    }
    expect(sought).toBeGreaterThan(1000);
  });

  it('matches any case and accent the fold table folds, whole words only', () => {
    const text = 'Dijo MAZAMARÍ, luego «mazamari» y Mazamari\'s; no Mazamarino ni Xmazamari ni mazamari2.';
    expect(check(text, 'mazamari', 24)).toBe('sought');
    expect(wordSeeker('mazamari')!.seek(text, 24)!.count).toBe(3);
    expect(wordSeeker('peru')!.seek('Perugia y el Perú, PERU.', 0)!.count).toBe(2);
  });

  it('gives the page up where tokenize does more than cut runs of table letters', () => {
    for (const text of ['Quispe Pa-\nlomino habló', 'Guzma\u0301n habló', 'la Straße de Guzmán', 'ＶＲＡＥＭ Guzmán', 'Guzmán 😀', 'Guz\u00admán', 'Ærø Guzmán', 'Гусман Guzmán']) {
      expect(wordSeeker('guzman')!.seek(text, 24), text).toBeUndefined();
      expect(check(text, 'guzman', 24)).toBe('given up');
    }
    // Quotes, dashes and the ellipsis are general punctuation: not words, and no reason to give up.
    expect(check('“Guzmán” — dijo… ‘Guzmán’', 'guzman', 24)).toBe('sought');
    expect(wordSeeker('guzman')!.seek('“Guzmán” — dijo… ‘Guzmán’', 24)!.count).toBe(2);
    // A word with a character past the table cannot be sought.
    expect(wordSeeker('гусман')).toBeNull();
  });

  it('finds names spelled word after word where tokenize has their words in a row', () => {
    const inRow = (text: string, words: string[]) => {
      const t = tokenize(text).words;
      return t.some((_, i) => words.every((w, k) => t[i + k] === w));
    };
    let checked = 0;
    const texts = [...pages, 'Comandante\n  Artemio llegó', 'COMANDANTE, ARTEMIO', 'comandanteartemio', 'Xcomandante Artemio y comandante Artemiox', 'el comandante «Artemio»'];
    for (const text of texts) {
      if (!seekable(text)) continue;
      const words = tokenize(text).words;
      const names = [['comandante', 'artemio'], ['quispe', 'palomino'], ['victor', 'quispe', 'palomino'], ...words.slice(0, 20).map((w, i) => [w, words[i + 1] ?? 'x'])];
      for (const name of names) {
        expect(wordsSpelled(name)!(text), `${name.join(' ')} in ${JSON.stringify(text.slice(0, 50))}`).toBe(inRow(text, name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(wordsSpelled(['гусман'])).toBeNull();
  });

  it('agrees with tokenize on random text of table letters, punctuation and spaces', () => {
    let seed = 7;
    const r = { int: (lo: number, hi: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return lo + (seed % (hi - lo + 1)); } };
    const alphabet = ['a', 'A', 'á', 'Á', 'e', 'é', 'n', 'ñ', 'Ñ', 'o', 'ö', 'u', 'ü', 'l', 'ł', '1', ' ', ' ', ' ', '.', ',', '\n', '«', '»', '“', '—', "'", '-', '\t'];
    let sought = 0;
    for (let k = 0; k < 300; k++) {
      let text = '';
      const n = r.int(1, 120);
      for (let i = 0; i < n; i++) text += alphabet[r.int(0, alphabet.length - 1)];
      const words = tokenize(text).words;
      for (const word of [...new Set(words)].slice(0, 6)) if (check(text, word, r.int(0, 5)) === 'sought') sought++;
    }
    expect(sought).toBeGreaterThan(500);
  });
});
