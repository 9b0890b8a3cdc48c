// A spliced row must be exactly the row a full match gives (splice.ts). Checked on the three
// labelled sets, each with its own actors, for every recorded name of every actor taken out and
// put back, and for every capitalised word of a page added as a new name of an actor of the
// set (beside its other names) or of an actor of its own, under both rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NameTrie, nameEntriesForActors, pageWordFilter, tokenize, wordSpans } from '../../shared/mentions';
import type { MatchRule, MentionActor, NameEntry } from '../../shared/mentions';
import type { PageMentionsRow } from '../db/mentionTypes';
import { capitalised, fullRow as full, joined, pageSets } from './pageSets.testkit';

const sets = pageSets((name) => readFileSync(new URL(`../../tests/fixtures/mentions/${name}`, import.meta.url), 'utf8'));
import { SHORT_WINDOW_WORDS, WINDOW_WORDS, seekWindow, spliceWindow, splicePlan, splicedRow } from './splice';


/** Where the splice works on a window of the page (spliceWindow), its row must be the full match's too. */
function windowed(trie: NameTrie, plan: ReturnType<typeof splicePlan>, i: number, text: string, stored: PageMentionsRow | undefined,
  expected: PageMentionsRow | null, what: string, tally: Tally): void {
  const window = spliceWindow(plan, text);
  // Found by the regular expression where the page's filter allows (seekWindow): the same
  // window, or spliceWindow's own when the filter cannot prove the actor's other names absent.
  const sought = seekWindow(plan, text, { filters: pageWordFilter(text), offset: 0 });
  expect(sought === null, `${what}, sought`).toBe(window === null);
  if (sought && window) {
    // The same words, or fewer: windows around occurrences far apart are not joined by the words between.
    expect(window.tokens.starts, `${what}, sought`).toEqual(expect.arrayContaining(sought.tokens.starts));
    expect(sought.cased, `${what}, sought`).toBe(window.cased);
    if (sought.tokens.words.length) tally.sought++;
    if (sought.tokens.words.length < window.tokens.words.length) tally.apart++;
    // Narrower still where the page holds none of the actor's family names (SHORT_WINDOW_WORDS).
    const wide = plan.window?.seeker?.seek(text, WINDOW_WORDS);
    if (wide && sought.tokens.words.length < wide.tokens.words.length) tally.short++;
    const row = splicedRow(trie, plan, 'd', i, text, sought.tokens, stored, sought.cased);
    if (row !== undefined) expect(JSON.stringify(row), `${what}, from the sought windows`).toBe(JSON.stringify(expected));
  }
  if (!window) return;
  const row = splicedRow(trie, plan, 'd', i, text, window.tokens, stored, window.cased);
  if (row === undefined) return;
  tally.windowed++;
  if (window.tokens.words.length < tokenize(text).words.length) tally.narrowed++;
  expect(JSON.stringify(row), `${what}, from a window`).toBe(JSON.stringify(expected));
}

interface Tally { spliced: number; full: number; changed: number; windowed: number; narrowed: number; sought: number; apart: number; short: number }

/**
 * Adds `entry` to the trie and takes it out again, on the given pages: each way, where the
 * splice gives a row, it must be the full match's row.
 */
function check(trie: NameTrie, entry: NameEntry, actorEntries: readonly NameEntry[], pages: readonly string[], indices: readonly number[], before: (PageMentionsRow | null)[], tally: Tally): void {
  const others = actorEntries.filter((e) => !(e.name === entry.name && e.source === entry.source));
  trie.add(entry);
  const after = indices.map((i) => full(trie, i, pages[i]!));
  const add = splicePlan(trie, entry, true, [...others, entry]);
  indices.forEach((i, k) => {
    const text = pages[i]!;
    const row = splicedRow(trie, add, 'd', i, text, tokenize(text), before[i] ?? undefined);
    windowed(trie, add, i, text, before[i] ?? undefined, after[k] ?? null, `+"${entry.name}" (${entry.actorId}, ${entry.rule}) on page ${i}`, tally);
    if (row === undefined) { tally.full++; return; }
    tally.spliced++;
    if (JSON.stringify(row) !== JSON.stringify(before[i])) tally.changed++;
    expect(JSON.stringify(row), `+"${entry.name}" (${entry.actorId}, ${entry.rule}) on page ${i}`).toBe(JSON.stringify(after[k]));
  });
  trie.remove(entry);
  const remove = splicePlan(trie, entry, false, others);
  indices.forEach((i, k) => {
    const text = pages[i]!;
    const row = splicedRow(trie, remove, 'd', i, text, tokenize(text), after[k] ?? undefined);
    windowed(trie, remove, i, text, after[k] ?? undefined, before[i] ?? null, `−"${entry.name}" (${entry.actorId}, ${entry.rule}) on page ${i}`, tally);
    if (row === undefined) { tally.full++; return; }
    tally.spliced++;
    expect(JSON.stringify(row), `−"${entry.name}" (${entry.actorId}, ${entry.rule}) on page ${i}`).toBe(JSON.stringify(before[i]));
  });
}


describe('spliced re-scan rows', () => {
  for (const set of sets) {
    it(`equal a full match on the ${set.name} pages, names taken out and put back, and new names added`, () => {
      const entries = nameEntriesForActors(set.actors);
      const trie = new NameTrie(entries);
      const all = set.pages.map((_, i) => i);
      const tally: Tally = { spliced: 0, full: 0, changed: 0, windowed: 0, narrowed: 0, sought: 0, apart: 0, short: 0 };
      // Each recorded name of the set: out (the stored rows are those with it), then back in.
      for (const entry of entries.filter((e) => e.source === 'name')) {
        trie.remove(entry);
        const without = set.pages.map((text, i) => full(trie, i, text));
        trie.add(entry);
        check(trie, entry, entries.filter((e) => e.actorId === entry.actorId), set.pages, all, without, tally);
        trie.add(entry);
      }
      // Every capitalised word of a page as a new name: of the set's first actors (beside their
      // other names) and of an actor of its own, matched anywhere or with a cue.
      const base = set.pages.map((text, i) => full(trie, i, text));
      set.pages.forEach((text, i) => {
        for (const name of capitalised(text)) {
          for (const actorId of [set.actors[0]!.id, set.actors[1]!.id, `new-${name}`]) {
            for (const rule of ['anywhere', 'with-cue'] as MatchRule[]) {
              if (entries.some((e) => e.actorId === actorId && e.name === name && e.source === 'name')) continue;
              check(trie, { actorId, name, source: 'name', rule }, entries.filter((e) => e.actorId === actorId), set.pages, [i], base, tally);
            }
          }
        }
      });
      // The splice did real work, both ways, and left the hard cases to the full match.
      const joinedSet = set.name.includes('joined');
      expect(tally.spliced, JSON.stringify(tally)).toBeGreaterThan(joinedSet ? 300 : 1000);
      expect(tally.changed, JSON.stringify(tally)).toBeGreaterThan(joinedSet ? 50 : 100);
      expect(tally.full, JSON.stringify(tally)).toBeGreaterThan(0);
      // Windows did real work too, and on joined pages most were narrower than the page.
      expect(tally.windowed, JSON.stringify(tally)).toBeGreaterThan(300);
      if (joinedSet) expect(tally.narrowed, JSON.stringify(tally)).toBeGreaterThan(tally.windowed / 2);
      expect(tally.sought, JSON.stringify(tally)).toBeGreaterThan(300);
      if (joinedSet) expect(tally.apart, JSON.stringify(tally)).toBeGreaterThan(0);
      if (joinedSet) expect(tally.short, JSON.stringify(tally)).toBeGreaterThan(tally.sought / 4);
    });
  }

  it('match a page in full where the new name holds a word of the actor\'s family name', () => {
    // "Rodrigo Cárdenas" names Rodrigo, and then "Cárdenas" far down the page is his surname
    // (reason 'page'), where before it was anyone's.
    const actors: MentionActor[] = [{ id: 'rodrigo', kind: 'person', name: 'Rodrigo Cárdenas Mejía', names: [] }, { id: 'otro', kind: 'person', name: 'Otro Nombre', names: [] }];
    const text = `Ayer llegó Rodrigo Cárdenas al pueblo. ${'Los vecinos hablaron mucho de la cosecha y del río durante toda la tarde. '.repeat(3)}Después Cárdenas se fue.`;
    const trie = new NameTrie(nameEntriesForActors(actors));
    const before = full(trie, 0, text);
    const tally: Tally = { spliced: 0, full: 0, changed: 0, windowed: 0, narrowed: 0, sought: 0, apart: 0, short: 0 };
    const entry: NameEntry = { actorId: 'rodrigo', name: 'Rodrigo Cárdenas', source: 'name', rule: 'anywhere' };
    check(trie, entry, nameEntriesForActors(actors).filter((e) => e.actorId === 'rodrigo'), [text], [0], [before], tally);
    trie.add(entry);
    expect(full(trie, 0, text)!.actors[0]!.count).toBe(2);
    expect(tally.full).toBe(2);
  });

  describe('from a window of a long page', () => {
    const filler = 'los vecinos hablaron mucho de la cosecha y del río durante toda la tarde sin novedad. '.repeat(8);
    const florindo: MentionActor = { id: 'florindo', kind: 'person', name: 'Florindo Eleuterio Flores', names: [{ name: 'Artemio', type: 'alias' }] };
    const tally = (): Tally => ({ spliced: 0, full: 0, changed: 0, windowed: 0, narrowed: 0, sought: 0, apart: 0, short: 0 });
    // The filler puts what the window must not see beyond its reach.
    it('fills more than a window', () => expect(filler.trim().split(/\s+/).length).toBeGreaterThan(2 * WINDOW_WORDS));

    it('tokenizes the page whole where another name of the actor is anywhere on it', () => {
      // "Camarón" without a cue is his only because the page names him strongly, 150 words before.
      const text = `Florindo Eleuterio Flores habló ayer. ${filler}Luego Camarón llegó al pueblo.`;
      const entries = nameEntriesForActors([florindo]);
      const trie = new NameTrie(entries);
      const entry: NameEntry = { actorId: 'florindo', name: 'Camarón', source: 'name', rule: 'with-cue' };
      trie.add(entry);
      expect(spliceWindow(splicePlan(trie, entry, true, [...entries, entry]), text)).toBeNull();
      expect(full(trie, 0, text)!.actors[0]!.hits.map((h) => h.text)).toContain('Camarón');
      trie.remove(entry);
      const t = tally();
      check(trie, entry, entries, [text], [0], [full(trie, 0, text)], t);
      expect(t.windowed).toBe(0);
    });

    it('keeps the wide window where a family name of the actor is on the page, beyond the short one', () => {
      // "Flores" 11 words before the new "Camarón": Camarón names Florindo, and so makes the
      // surname his ('nearby'); a window of SHORT_WINDOW_WORDS would not reach it.
      const text = `${filler}El vecino Flores no dijo nada sobre la cosecha de este año en el pueblo; Camarón llegó tarde. ${filler}`;
      const entries = nameEntriesForActors([florindo]);
      const trie = new NameTrie(entries);
      const before = full(trie, 0, text);
      const entry: NameEntry = { actorId: 'florindo', name: 'Camarón', source: 'name', rule: 'anywhere' };
      trie.add(entry);
      const after = full(trie, 0, text);
      expect(after!.actors[0]!.hits.map((h) => h.text)).toEqual(['Flores', 'Camarón']);
      const plan = splicePlan(trie, entry, true, [...entries, entry]);
      const sought = seekWindow(plan, text, { filters: pageWordFilter(text), offset: 0 })!;
      expect(sought.tokens.words).toContain('flores');
      expect(splicedRow(trie, plan, 'd', 0, text, sought.tokens, before ?? undefined, sought.cased)).toBeUndefined();
      // Without the surname on the page, the short window is enough, and gives the full match's row.
      const alone = text.replace('Flores', 'Rojas');
      const shortly = seekWindow(plan, alone, { filters: pageWordFilter(alone), offset: 0 })!;
      expect(shortly.tokens.words.length).toBeLessThanOrEqual(2 * SHORT_WINDOW_WORDS + 1);
      trie.remove(entry);
      const stored = full(trie, 0, alone);
      trie.add(entry);
      expect(JSON.stringify(splicedRow(trie, plan, 'd', 0, alone, shortly.tokens, stored ?? undefined, shortly.cased))).toBe(JSON.stringify(full(trie, 0, alone)));
    });

    it('says whether the page capitalises names from the whole page, not the window', () => {
      // The only capital inside a sentence is far from "tigre": the page is cased, so the
      // lower-case "tigre" is no name; on the same page in lower case it is.
      const entry: NameEntry = { actorId: 'tigre', name: 'Tigre', source: 'name', rule: 'anywhere' };
      for (const [text, named] of [[`Ayer visitó Lima el ministro. ${filler}vieron al tigre cerca del río.`, false], [`ayer visitó lima el ministro. ${filler}vieron al tigre cerca del río.`, true]] as const) {
        const trie = new NameTrie(nameEntriesForActors([florindo]));
        const before = full(trie, 0, text);
        trie.add(entry);
        const plan = splicePlan(trie, entry, true, [entry]);
        const window = spliceWindow(plan, text)!;
        expect(window.tokens.words.length).toBeLessThan(tokenize(text).words.length);
        expect(window.tokens.words).not.toContain('lima');
        const row = splicedRow(trie, plan, 'd', 0, text, window.tokens, before ?? undefined, window.cased);
        expect(JSON.stringify(row)).toBe(JSON.stringify(full(trie, 0, text)));
        expect(row !== null && row!.actorIds.includes('tigre')).toBe(named);
        trie.remove(entry);
      }
    });

    it('finds the words tokenize finds, with the same hashes, or gives the page up', () => {
      const texts = [...sets.filter((set) => !set.name.includes('joined')).flatMap((set) => joined(set.pages)), 'Pa-\nlomino y Quispe', 'Guzma\u0301n Straße ＶＲＡＥＭ «Artemio» 😀 fin.'];
      for (const text of texts) {
        const spans = wordSpans(text);
        const t = tokenize(text);
        if (!spans) { expect(text).toMatch(/[-\u2010\u2011\u00AD][ \t]*\r?\n/); continue; }
        expect(spans.count).toBe(t.words.length);
        expect([...spans.starts.subarray(0, spans.count)]).toEqual(t.starts);
        expect([...spans.ends.subarray(0, spans.count)]).toEqual(t.ends);
        expect([...spans.hashes.subarray(0, spans.count)]).toEqual([...t.hashes!]);
      }
      expect(wordSpans('Pa-\nlomino')).toBeNull();
    });
  });
});
