// The page sets the re-scan shortcuts are checked on (splice.test.ts, dropName.test.ts): the
// three labelled sets with their actors, the same pages joined six to a page, a page's full
// match, and its capitalised words (each a candidate new name).
import { HELDOUT_ACTORS, HELDOUT_PAGES } from '../../shared/mentions/heldout.testkit';
import { HELDOUT2_ACTORS, HELDOUT2_PAGES } from '../../shared/mentions/heldout2.testkit';
import { HELDOUT3_ACTORS, HELDOUT3_PAGES } from '../../shared/mentions/heldout3.testkit';
import { parseLabelledPages } from '../../shared/mentions/labelled.testkit';
import { capitalisedAt, tokenize } from '../../shared/mentions';
import type { MentionActor, NameTrie } from '../../shared/mentions';
import { pageRowOf } from '../db/pageMentions';
import type { PageMentionsRow } from '../db/mentionTypes';
import { pageRows } from './pageRows';

export interface PageSet { name: string; actors: MentionActor[]; pages: string[] }

/**
 * The three sets, the labelled one read from tests/fixtures/mentions by `fixture` (the test
 * reads files: renderer code, this kit included, has no Node), then each joined six to a page.
 */
export function pageSets(fixture: (name: string) => string): PageSet[] {
  const sets: PageSet[] = [
    { name: 'labelled', actors: JSON.parse(fixture('actors.json')) as MentionActor[], pages: parseLabelledPages(fixture('pages.txt')).map((p) => p.text) },
    { name: 'held-out 1', actors: HELDOUT_ACTORS, pages: parseLabelledPages(HELDOUT_PAGES).map((p) => p.text) },
    { name: 'held-out 2', actors: HELDOUT2_ACTORS, pages: parseLabelledPages(HELDOUT2_PAGES).map((p) => p.text) },
    { name: 'held-out 3', actors: HELDOUT3_ACTORS, pages: parseLabelledPages(HELDOUT3_PAGES).map((p) => p.text) },
  ];
  return [...sets, ...sets.map((s) => ({ ...s, name: `${s.name} (joined six to a page)`, pages: joined(s.pages) }))];
}

/** The set's pages joined six to a page, so that windows sit inside pages, not around them. */
export const joined = (pages: readonly string[]): string[] => Array.from({ length: Math.ceil(pages.length / 6) }, (_, k) => pages.slice(k * 6, k * 6 + 6).join('\n\n'));

/** The page's row from a full match with `trie` (null: no one named). */
export const fullRow = (trie: NameTrie, page: number, text: string): PageMentionsRow | null =>
  pageRowOf('d', page, pageRows(trie, 'd', page, text, tokenize(text)));

/** Every distinct capitalised word of the page, as written. */
export function capitalised(text: string): string[] {
  const t = tokenize(text);
  const out = new Map<string, string>();
  for (let i = 0; i < t.words.length; i++) {
    const raw = text.slice(t.starts[i]!, t.ends[i]!);
    if (capitalisedAt(text, t.starts[i]!) && !out.has(t.words[i]!)) out.set(t.words[i]!, raw[0]! + raw.slice(1).toLowerCase());
  }
  return [...out.values()];
}
