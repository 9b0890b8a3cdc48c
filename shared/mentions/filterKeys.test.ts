// The page word filter's keys must hold wherever the matcher can take a one-word name: a
// re-scan after a name edit looks only at the pages whose keys say the name could be there
// (renderer/mentions/rescanPages.ts). Checked against findMentions itself, on every labelled
// page, with every capitalised word of the page made a name of its own actor (so no other
// name of the same actor can support it: only the keys can say where it is found).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELDOUT_PAGES } from './heldout.testkit';
import { HELDOUT2_PAGES } from './heldout2.testkit';
import { parseLabelledPages } from './labelled.testkit';
import { NameTrie, compileEntry, findMentions, tokenize, type NameEntry } from './index';
import { UNCASED_KEY, contextKey, midSentenceKey, pageFilterKeys, standaloneKey } from './wordFilter';
import { capitalisedAt } from './pageFacts';
import type { MatchRule } from './types';

const pages = [
  ...parseLabelledPages(readFileSync(new URL('../../tests/fixtures/mentions/pages.txt', import.meta.url), 'utf8')),
  ...parseLabelledPages(HELDOUT_PAGES),
  ...parseLabelledPages(HELDOUT2_PAGES),
].map((p) => p.text);

/** Every distinct capitalised word of the page as a one-word name (capitalised, not an acronym) of an actor of its own. */
function namesOf(text: string, rule: MatchRule): NameEntry[] {
  const t = tokenize(text);
  const seen = new Map<string, NameEntry>();
  for (let i = 0; i < t.words.length; i++) {
    const raw = text.slice(t.starts[i]!, t.ends[i]!);
    if (!capitalisedAt(text, t.starts[i]!) || seen.has(t.words[i]!)) continue;
    const name = raw[0]! + raw.slice(1).toLowerCase();
    const compiled = compileEntry({ actorId: 'x', name, source: 'name', rule });
    // Articles and particles ("El", "De") carry no name of their own: the re-scan takes every page with them.
    if (tokenize(name).words.length !== 1 || !compiled || compiled.acronym || compiled.contentWords !== 1) continue;
    seen.set(t.words[i]!, { actorId: `actor-${t.words[i]}`, name, source: 'name', rule });
  }
  return [...seen.values()];
}

describe('page filter keys against the matcher', () => {
  it('has the labelled pages of three sets to check', () => {
    expect(pages.length).toBeGreaterThan(140);
  });

  it('holds the standalone key (or the uncased-page key) wherever a one-word name matched anywhere is found', () => {
    let found = 0;
    for (const text of pages) {
      const keys = pageFilterKeys(tokenize(text));
      for (const m of findMentions(new NameTrie(namesOf(text, 'anywhere')), text)) {
        const word = tokenize(m.text).words[0]!;
        found++;
        expect(keys.has(standaloneKey(word)) || keys.has(UNCASED_KEY), `"${m.text}" in "${text.slice(Math.max(0, m.start - 40), m.end + 40)}"`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('holds the context key (or, for a word-name, the mid-sentence key) wherever a one-word with-cue name is found', () => {
    let found = 0;
    for (const text of pages) {
      const keys = pageFilterKeys(tokenize(text));
      const entries = namesOf(text, 'with-cue');
      const wordName = new Set(entries.filter((e) => compileEntry(e)?.wordName).map((e) => tokenize(e.name).words[0]!));
      for (const m of findMentions(new NameTrie(entries), text)) {
        const word = tokenize(m.text).words.at(-1)!;
        found++;
        expect(keys.has(contextKey(word)) || (wordName.has(word) && keys.has(midSentenceKey(word))), `"${m.text}" in "${text.slice(Math.max(0, m.start - 40), m.end + 40)}"`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(20);
  });
});
