// titleCaseLine counts runs of letters without a regex split; it must say what the split did.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELDOUT_PAGES } from './heldout.testkit';
import { HELDOUT2_PAGES } from './heldout2.testkit';
import { parseLabelledPages } from './labelled.testkit';
import { titleCaseLine } from './pageFacts';
import { tokenize } from './tokens';

/** The definition: words of four letters or more, three at least, three in four capitalised. */
function bySplit(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const runs = text.slice(lineStart, lineEnd).split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
  return runs.length >= 3 && runs.filter((w) => /^\p{Lu}/u.test(w)).length >= runs.length * 0.75;
}

describe('titleCaseLine', () => {
  it('agrees with the split on every word of the labelled pages and on made-up lines', () => {
    const texts = [
      ...parseLabelledPages(readFileSync(new URL('../../tests/fixtures/mentions/pages.txt', import.meta.url), 'utf8')).map((p) => p.text),
      ...parseLabelledPages(HELDOUT_PAGES).map((p) => p.text), ...parseLabelledPages(HELDOUT2_PAGES).map((p) => p.text),
      'Las Fiestas De San Pacho En Quibdó\nel texto sigue', 'ÑANDÚ ÁGUILA Ölfabrik Über Straße', 'ab cd Efgh Ijkl mnop', '𝐀𝐁𝐂𝐃 Word Other Thing Ñoño',
      'Guzma\u0301n Reynoso Comandante Artemio', '',
    ];
    let checked = 0;
    for (const text of texts) {
      const t = tokenize(text);
      for (let i = 0; i < t.words.length; i++, checked++) expect(titleCaseLine(t, i), `${JSON.stringify(text.slice(0, 60))} word ${i}`).toBe(bySplit(text, t.starts[i]!, t.ends[i]!));
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
