// Precision and recall of the default rules over hand-labelled pages, and the mentions in a
// real article (InSight Crime on the VRAEM, kept in ../shared/fixtures, never copied here).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NameTrie, findMentions, nameEntriesForActors, type MentionActor } from './index';
import { parseLabelledPages } from './labelled.testkit';
import { VRAEM_ACTORS } from './testActors.testkit';

const fixture = (name: string): string => readFileSync(new URL(`../../tests/fixtures/mentions/${name}`, import.meta.url), 'utf8');
const actors = JSON.parse(fixture('actors.json')) as MentionActor[];
const pages = parseLabelledPages(fixture('pages.txt'));

describe('labelled pages under the default rules', () => {
  const trie = new NameTrie(nameEntriesForActors(actors));
  const key = (page: string, start: number, end: number, actor: string): string => `${page}:${start}-${end}:${actor}`;
  const expected = new Set<string>();
  const found = new Set<string>();
  const show = new Map<string, string>();
  for (const page of pages) {
    for (const m of page.expected) for (const a of m.actorIds) expected.add(key(page.id, m.start, m.end, a));
    for (const m of findMentions(trie, page.text)) {
      for (const a of m.actorIds) {
        const k = key(page.id, m.start, m.end, a);
        found.add(k);
        show.set(k, JSON.stringify(m.text));
      }
    }
    for (const m of page.expected) for (const a of m.actorIds) show.set(key(page.id, m.start, m.end, a), JSON.stringify(m.text));
  }
  const truePositives = [...found].filter((k) => expected.has(k)).length;
  const falsePositives = [...found].filter((k) => !expected.has(k)).map((k) => `${k} ${show.get(k)}`);
  const missed = [...expected].filter((k) => !found.has(k)).map((k) => `${k} ${show.get(k)}`);

  it('has enough pages, both languages, decoys and every actor', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pages.map((p) => p.lang))).toEqual(new Set(['es', 'en']));
    expect(pages.filter((p) => p.expected.length === 0).length).toBeGreaterThanOrEqual(4);
    const labelled = new Set(pages.flatMap((p) => p.expected.flatMap((m) => m.actorIds)));
    expect(actors.filter((a) => !labelled.has(a.id)).map((a) => a.id)).toEqual([]);
    expect(expected.size).toBeGreaterThanOrEqual(80);
  });

  it('finds them with precision and recall of at least 0.97', () => {
    const precision = truePositives / found.size;
    const recall = truePositives / expected.size;
    console.info(`mentions quality: ${pages.length} pages, ${expected.size} labelled (page, span, actor), ` +
      `${found.size} found, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    if (falsePositives.length + missed.length > 0) console.info({ falsePositives, missed });
    expect(precision, `false positives:\n${falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(recall, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the InSight Crime article on the VRAEM', () => {
  const text = readFileSync(new URL('../../../shared/fixtures/vraem-article.txt', import.meta.url), 'utf8');
  const trie = new NameTrie(nameEntriesForActors(VRAEM_ACTORS));
  const mentions = findMentions(trie, text);

  it('names the leaders, Cirilo, the brothers as one family mention, and the party by all its names', () => {
    const people = mentions.filter((m) => !m.actorIds.includes('sl')).map((m) => [m.text, m.actorIds.join('+'), m.candidates[0]!.reason]);
    expect(people).toEqual([
      ['Cirilo', 'cirilo', 'anywhere'],
      ['Pedro Yaranga', 'yaranga', 'anywhere'],
      ['Alberto Fujimori', 'fujimori', 'anywhere'],
      ['Abimael Guzmán', 'guzman', 'anywhere'],
      ['Florindo Eleuterio Flores', 'artemio', 'anywhere'],
      ['Comandante Artemio', 'artemio', 'anywhere'],
      ['Quispe Palomino', 'victor+jorge', 'brothers'],
    ]);
    const party = mentions.filter((m) => m.actorIds.includes('sl')).map((m) => m.text);
    expect(party).toEqual([
      ...Array<string>(7).fill('Shining Path'), 'Militarized Communist Party of Peru', 'Militarizado Partido Comunista del Perú', 'MPCP', 'Shining Path',
    ]);
  });

  it('points every mention at the exact characters of the article', () => {
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const cirilo = mentions.find((m) => m.actorIds[0] === 'cirilo')!;
    expect(text.slice(cirilo.start - 7, cirilo.end + 2)).toBe('alias “Cirilo,"');
  });
});
