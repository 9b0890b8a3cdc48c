import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cueBefore, cueContexts, pluralCue, quoted } from './cues';
import { capitalisedAt } from './pageFacts';
import { parseLabelledPages } from './labelled.testkit';
import { WORD_FILTER_BYTES, contextKey, mayHold, pageWordFilter, wordProbe } from './wordFilter';
import { tokenize } from './tokens';

describe('page word filters', () => {
  it('never misses a word of the page, hyphenation joined, and rarely claims one it lacks', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`);
    const text = `${words.join(' ')} Quispe Pa-\nlomino forces`;
    const filters = new Uint8Array(2 * WORD_FILTER_BYTES);
    pageWordFilter(text, filters, WORD_FILTER_BYTES);
    for (const w of tokenize(text).words) expect(mayHold(filters, WORD_FILTER_BYTES, wordProbe(w))).toBe(true);
    expect(mayHold(filters, WORD_FILTER_BYTES, wordProbe('palomino'))).toBe(true);
    expect(mayHold(filters, 0, wordProbe('forces'))).toBe(false);
    const absent = Array.from({ length: 2000 }, (_, i) => `absent${i}`).filter((w) => mayHold(filters, WORD_FILTER_BYTES, wordProbe(w)));
    expect(absent.length / 2000).toBeLessThan(0.02);
  });

  it('holds a context key for exactly the words standing where a cue could make them a name', () => {
    const pages = parseLabelledPages(readFileSync(new URL('../../tests/fixtures/mentions/pages.txt', import.meta.url), 'utf8'));
    let cued = 0;
    for (const page of pages) {
      const t = tokenize(page.text);
      const filter = pageWordFilter(page.text);
      const contexts = cueContexts(t);
      for (let i = 0; i < t.words.length; i++) {
        // What findMentions asks before it looks at a with-cue name of one word (anyCue), for a
        // name recorded with a capital (a cued name must be capitalised as recorded).
        const capital = /^\p{Lu}/u.test(page.text.slice(t.starts[i]!));
        expect(capitalisedAt(page.text, t.starts[i]!)).toBe(capital);
        const cue = capital && (cueBefore(t, i) || quoted(t, i, i + 1) || pluralCue(t, i, i + 1) !== undefined);
        expect(contexts[i] === 1, `${page.id} word ${i} "${t.words[i]}"`).toBe(cue);
        if (cue) {
          cued++;
          expect(mayHold(filter, 0, wordProbe(contextKey(t.words[i]!)))).toBe(true);
        }
      }
    }
    expect(cued).toBeGreaterThan(50);
    const t = pageWordFilter('alias Puerto llegó al puerto de «Cholo», con los hermanos Víctor y Jorge Quispe. El gobierno y «la paz».');
    for (const w of ['puerto', 'cholo', 'victor', 'jorge', 'quispe']) expect(mayHold(t, 0, wordProbe(contextKey(w))), w).toBe(true);
    // Words in lower case, even cued or quoted ("el gobierno", «la paz»), cannot be a capitalised name there.
    for (const w of ['llego', 'al', 'de', 'con', 'gobierno', 'la', 'paz']) expect(mayHold(t, 0, wordProbe(contextKey(w))), w).toBe(false);
  });
});
