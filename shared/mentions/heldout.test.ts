// Precision and recall of the default rules over the held-out sets (heldout*.testkit.ts):
// cases of their own, written without looking at the matcher (set 2 after set 1's fixes, set
// 3 in session 11), to check that the quality measured on tests/fixtures/mentions is not tuned
// to those pages. docs/mentions.md gives each set's first-run figure.
import { describe, expect, it } from 'vitest';
import { NameTrie, findMentions, nameEntriesForActors } from './index';
import type { MentionActor } from './nameEntries';
import { HELDOUT_ACTORS, HELDOUT_PAGES } from './heldout.testkit';
import { HELDOUT2_ACTORS, HELDOUT2_PAGES } from './heldout2.testkit';
import { HELDOUT3_ACTORS, HELDOUT3_PAGES } from './heldout3.testkit';
import { parseLabelledPages, scoreLabelled } from './labelled.testkit';

interface HeldOutSet {
  readonly name: string;
  readonly actors: MentionActor[];
  readonly source: string;
  readonly minPages: number;
  /** Pages with no mention at all, only decoys. */
  readonly minEmpty: number;
  readonly minLabels: number;
  /** As many Spanish as English pages, within two. */
  readonly balanced: boolean;
}

const SETS: HeldOutSet[] = [
  { name: 'held-out set 1 (Colombia)', actors: HELDOUT_ACTORS, source: HELDOUT_PAGES, minPages: 40, minEmpty: 4, minLabels: 150, balanced: true },
  { name: 'held-out set 2 (Honduras)', actors: HELDOUT2_ACTORS, source: HELDOUT2_PAGES, minPages: 20, minEmpty: 3, minLabels: 60, balanced: false },
  { name: 'held-out set 3 (Mexico)', actors: HELDOUT3_ACTORS, source: HELDOUT3_PAGES, minPages: 20, minEmpty: 3, minLabels: 60, balanced: true },
];

describe.each(SETS)('$name under the default rules', (set) => {
  const pages = parseLabelledPages(set.source);
  const trie = new NameTrie(nameEntriesForActors(set.actors));
  const score = scoreLabelled(pages, (text) => findMentions(trie, text));

  it('has pages in both languages, decoy-only pages and every actor, each label on its text', () => {
    expect(pages.length).toBeGreaterThanOrEqual(set.minPages);
    expect(new Set(pages.map((p) => p.lang))).toEqual(new Set(['es', 'en']));
    const es = pages.filter((p) => p.lang === 'es').length;
    if (set.balanced) expect(Math.abs(es - (pages.length - es))).toBeLessThanOrEqual(2);
    expect(pages.filter((p) => p.expected.length === 0).length).toBeGreaterThanOrEqual(set.minEmpty);
    const labelled = new Set(pages.flatMap((p) => p.expected.flatMap((m) => m.actorIds)));
    expect(set.actors.filter((a) => !labelled.has(a.id)).map((a) => a.id)).toEqual([]);
    expect(score.labelled).toBeGreaterThanOrEqual(set.minLabels);
    for (const page of pages) for (const m of page.expected) expect(page.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds them with precision and recall of at least 0.97', () => {
    console.info(`${set.name}: ${pages.length} pages, ${score.labelled} labelled (page, span, actor), ` +
      `${score.found} found, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);
    if (score.falsePositives.length + score.missed.length > 0) console.info({ falsePositives: score.falsePositives, missed: score.missed });
    expect(score.precision, `false positives:\n${score.falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(score.recall, `missed:\n${score.missed.join('\n')}`).toBeGreaterThanOrEqual(0.97);
  });
});
