// standaloneAt remembers each line's title-case reading (the page filter asks it for every
// capitalised word); the remembered answer must be the one the word itself would get, also for a
// word broken across a line end, whose "line" runs on into the next one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELDOUT_PAGES } from './heldout.testkit';
import { parseLabelledPages } from './labelled.testkit';
import { standaloneAt } from './matchFacts';
import { tokenize } from './tokens';

describe('standaloneAt with the per-line memory', () => {
  it('answers every word as it does with nothing remembered', () => {
    const texts = [
      ...parseLabelledPages(readFileSync(new URL('../../tests/fixtures/mentions/pages.txt', import.meta.url), 'utf8')).map((p) => p.text),
      ...parseLabelledPages(HELDOUT_PAGES).map((p) => p.text),
      // Line one is title case; the broken name's two lines together are not.
      'Informe Sobre Operativo Contra Huamán y Mendoza Pa-\nlomino en la zona del valle donde siempre estuvieron escondidos',
      // The other way: line one is prose; with the next line, title case.
      'el reporte de aquel operativo Militar Sobre Huamán y Mendoza Pa-\nlomino Quispe Huamán Mendoza Torres Salazar Vargas',
    ];
    let differed = 0;
    for (const text of texts) {
      const t = tokenize(text);
      const lines = new Map<number, boolean>();
      for (let i = 0; i < t.words.length; i++) {
        const remembered = standaloneAt(t, i, lines);
        if (remembered !== standaloneAt(t, i)) differed++;
        expect(remembered, `${JSON.stringify(text.slice(0, 50))} word ${i} ${t.words[i]}`).toBe(standaloneAt(t, i));
      }
    }
    expect(differed).toBe(0);
  });
});
