// Precision and recall of the default rules over the held-out set (heldout.testkit.ts): a
// case of its own, written without looking at the matcher, to check that the quality
// measured on tests/fixtures/mentions is not tuned to those pages.
import { describe, expect, it } from 'vitest';
import { NameTrie, findMentions, nameEntriesForActors } from './index';
import { HELDOUT_ACTORS, HELDOUT_PAGES } from './heldout.testkit';
import { HELDOUT2_ACTORS, HELDOUT2_PAGES } from './heldout2.testkit';
import { HELDOUT3_ACTORS, HELDOUT3_PAGES } from './heldout3.testkit';
import { parseLabelledPages, scoreLabelled } from './labelled.testkit';

const pages = parseLabelledPages(HELDOUT_PAGES);

describe('held-out labelled pages under the default rules', () => {
  const trie = new NameTrie(nameEntriesForActors(HELDOUT_ACTORS));
  const score = scoreLabelled(pages, (text) => findMentions(trie, text));

  it('has pages in both languages, decoy-only pages and every actor', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40);
    const es = pages.filter((p) => p.lang === 'es').length;
    expect(Math.abs(es - (pages.length - es))).toBeLessThanOrEqual(2);
    expect(pages.filter((p) => p.expected.length === 0).length).toBeGreaterThanOrEqual(4);
    const labelled = new Set(pages.flatMap((p) => p.expected.flatMap((m) => m.actorIds)));
    expect(HELDOUT_ACTORS.filter((a) => !labelled.has(a.id)).map((a) => a.id)).toEqual([]);
    expect(score.labelled).toBeGreaterThanOrEqual(150);
    for (const page of pages) for (const m of page.expected) expect(page.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds them with precision and recall of at least 0.97', () => {
    console.info(`held-out mentions quality: ${pages.length} pages, ${score.labelled} labelled (page, span, actor), ` +
      `${score.found} found, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);
    if (score.falsePositives.length + score.missed.length > 0) console.info({ falsePositives: score.falsePositives, missed: score.missed });
    expect(score.precision, `false positives:\n${score.falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(score.recall, `missed:\n${score.missed.join('\n')}`).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the second held-out set under the default rules', () => {
  const pages2 = parseLabelledPages(HELDOUT2_PAGES);
  const trie = new NameTrie(nameEntriesForActors(HELDOUT2_ACTORS));
  const score = scoreLabelled(pages2, (text) => findMentions(trie, text));

  it('has pages in both languages and every actor', () => {
    expect(pages2.length).toBeGreaterThanOrEqual(20);
    expect(new Set(pages2.map((p) => p.lang))).toEqual(new Set(['es', 'en']));
    const labelled = new Set(pages2.flatMap((p) => p.expected.flatMap((m) => m.actorIds)));
    expect(HELDOUT2_ACTORS.filter((a) => !labelled.has(a.id)).map((a) => a.id)).toEqual([]);
    for (const page of pages2) for (const m of page.expected) expect(page.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds them with precision and recall of at least 0.97', () => {
    console.info(`second held-out set: ${pages2.length} pages, ${score.labelled} labelled (page, span, actor), ` +
      `${score.found} found, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);
    if (score.falsePositives.length + score.missed.length > 0) console.info({ falsePositives: score.falsePositives, missed: score.missed });
    expect(score.precision, `false positives:\n${score.falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(score.recall, `missed:\n${score.missed.join('\n')}`).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the third held-out set under the default rules', () => {
  const pages3 = parseLabelledPages(HELDOUT3_PAGES);
  const trie = new NameTrie(nameEntriesForActors(HELDOUT3_ACTORS));
  const score = scoreLabelled(pages3, (text) => findMentions(trie, text));

  it('has pages in both languages, decoy-only pages and every actor', () => {
    expect(pages3.length).toBeGreaterThanOrEqual(20);
    expect(new Set(pages3.map((p) => p.lang))).toEqual(new Set(['es', 'en']));
    expect(pages3.filter((p) => p.expected.length === 0).length).toBeGreaterThanOrEqual(3);
    const labelled = new Set(pages3.flatMap((p) => p.expected.flatMap((m) => m.actorIds)));
    expect(HELDOUT3_ACTORS.filter((a) => !labelled.has(a.id)).map((a) => a.id)).toEqual([]);
    for (const page of pages3) for (const m of page.expected) expect(page.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds them with precision and recall of at least 0.97', () => {
    console.info(`third held-out set: ${pages3.length} pages, ${score.labelled} labelled (page, span, actor), ` +
      `${score.found} found, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);
    if (score.falsePositives.length + score.missed.length > 0) console.info({ falsePositives: score.falsePositives, missed: score.missed });
    expect(score.precision, `false positives:\n${score.falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(score.recall, `missed:\n${score.missed.join('\n')}`).toBeGreaterThanOrEqual(0.97);
  });
});
