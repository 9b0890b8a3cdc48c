// A spliced row must be exactly the row a full match gives (splice.ts). Checked on the three
// labelled sets, each with its own actors, for every recorded name of every actor taken out and
// put back, and for every capitalised word of a page added as a new name of an actor of the
// set (beside its other names) or of an actor of its own, under both rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELDOUT_ACTORS, HELDOUT_PAGES } from '../../shared/mentions/heldout.testkit';
import { HELDOUT2_ACTORS, HELDOUT2_PAGES } from '../../shared/mentions/heldout2.testkit';
import { parseLabelledPages } from '../../shared/mentions/labelled.testkit';
import { NameTrie, capitalisedAt, nameEntriesForActors, tokenize } from '../../shared/mentions';
import type { MatchRule, MentionActor, NameEntry } from '../../shared/mentions';
import { pageRowOf } from '../db/pageMentions';
import type { PageMentionsRow } from '../db/mentionTypes';
import { pageRows } from './pageRows';
import { splicePlan, splicedRow } from './splice';

const fixture = (name: string): string => readFileSync(new URL(`../../tests/fixtures/mentions/${name}`, import.meta.url), 'utf8');
const sets: { name: string; actors: MentionActor[]; pages: string[] }[] = [
  { name: 'labelled', actors: JSON.parse(fixture('actors.json')) as MentionActor[], pages: parseLabelledPages(fixture('pages.txt')).map((p) => p.text) },
  { name: 'held-out 1', actors: HELDOUT_ACTORS, pages: parseLabelledPages(HELDOUT_PAGES).map((p) => p.text) },
  { name: 'held-out 2', actors: HELDOUT2_ACTORS, pages: parseLabelledPages(HELDOUT2_PAGES).map((p) => p.text) },
];

const full = (trie: NameTrie, page: number, text: string): PageMentionsRow | null =>
  pageRowOf('d', page, pageRows(trie, 'd', page, text, tokenize(text)));

/** Every distinct capitalised word of the page, as written. */
function capitalised(text: string): string[] {
  const t = tokenize(text);
  const out = new Map<string, string>();
  for (let i = 0; i < t.words.length; i++) {
    const raw = text.slice(t.starts[i]!, t.ends[i]!);
    if (capitalisedAt(text, t.starts[i]!) && !out.has(t.words[i]!)) out.set(t.words[i]!, raw[0]! + raw.slice(1).toLowerCase());
  }
  return [...out.values()];
}

interface Tally { spliced: number; full: number; changed: number }

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
      const tally: Tally = { spliced: 0, full: 0, changed: 0 };
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
      expect(tally.spliced, JSON.stringify(tally)).toBeGreaterThan(1000);
      expect(tally.changed, JSON.stringify(tally)).toBeGreaterThan(100);
      expect(tally.full, JSON.stringify(tally)).toBeGreaterThan(0);
    });
  }

  it('match a page in full where the new name holds a word of the actor\'s family name', () => {
    // "Rodrigo Cárdenas" names Rodrigo, and then "Cárdenas" far down the page is his surname
    // (reason 'page'), where before it was anyone's.
    const actors: MentionActor[] = [{ id: 'rodrigo', kind: 'person', name: 'Rodrigo Cárdenas Mejía', names: [] }, { id: 'otro', kind: 'person', name: 'Otro Nombre', names: [] }];
    const text = `Ayer llegó Rodrigo Cárdenas al pueblo. ${'Los vecinos hablaron mucho de la cosecha y del río durante toda la tarde. '.repeat(3)}Después Cárdenas se fue.`;
    const trie = new NameTrie(nameEntriesForActors(actors));
    const before = full(trie, 0, text);
    const tally: Tally = { spliced: 0, full: 0, changed: 0 };
    const entry: NameEntry = { actorId: 'rodrigo', name: 'Rodrigo Cárdenas', source: 'name', rule: 'anywhere' };
    check(trie, entry, nameEntriesForActors(actors).filter((e) => e.actorId === 'rodrigo'), [text], [0], [before], tally);
    trie.add(entry);
    expect(full(trie, 0, text)!.actors[0]!.count).toBe(2);
    expect(tally.full).toBe(2);
  });
});
