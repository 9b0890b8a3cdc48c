import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NameTrie, coMentions, findMentions, nameEntriesForActors, suggestNames } from './index';
import { VRAEM_ACTORS } from './testActors.testkit';

const trie = new NameTrie(nameEntriesForActors(VRAEM_ACTORS));

describe('suggestNames', () => {
  it('suggests names a cue introduces, once is enough, with the most common spelling', () => {
    const s = suggestNames(['Cayó alias “Dalmiro”, mano derecha de Artemio.', 'Según la policía, (a) Dalmiro huyó; alias DALMIRO.'], trie);
    expect(s).toEqual([{ name: 'Dalmiro', key: 'dalmiro', count: 2, cued: 2 }]);
  });
  it('suggests repeated capitalised runs with de/del/la inside, with counts', () => {
    const texts = [
      'Pedro Yaranga habló con Juan de la Cruz. Luego Pedro Yaranga se fue.',
      'Según Juan de la Cruz, el ataque fue en Ayacucho. El Comercio lo publicó.',
    ];
    const t = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id !== 'yaranga')));
    expect(suggestNames(texts, t).map((x) => [x.name, x.count])).toEqual([['Juan de la Cruz', 2], ['Pedro Yaranga', 2]]);
  });
  it('leaves out known names, single repeats, places, months and sentence-initial words', () => {
    const texts = [
      'El Comandante Artemio y Abimael Guzmán. Víctor Quispe Palomino. Ayer Pedro Huamán llegó.',
      'En Ayacucho Junín. En Ayacucho Junín. Durante Agosto Pasado. Durante Agosto Pasado. Víctor Quispe Palomino.',
      'Ana Quispe. Ana Quispe.',
    ];
    expect(suggestNames(texts, trie).map((x) => x.name)).toEqual(['Ana Quispe']);
  });
  it('suggests, from the InSight Crime article, the outlet it quotes and the alias it introduces', () => {
    const text = readFileSync(new URL('../../../shared/fixtures/vraem-article.txt', import.meta.url), 'utf8');
    const withoutCirilo = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id !== 'cirilo')));
    expect(suggestNames([text], withoutCirilo)).toEqual([
      // The third "InSight Crime" is the heading "InSight Crime Analysis", another phrase.
      { name: 'InSight Crime', key: 'insight crime', count: 2, cued: 0 },
      { name: 'Cirilo', key: 'cirilo', count: 1, cued: 1 },
    ]);
  });

  it('skips all-capital headings', () => {
    expect(suggestNames(['SEE ALSO: PERU NEWS', 'SEE ALSO: PERU NEWS'], trie)).toEqual([]);
  });
});

describe('coMentions', () => {
  it('pairs actors named on the same page, counts pages once, skips ambiguous mentions unless asked', () => {
    const pages = [
      { pageKey: 'd1:1', text: 'Abimael Guzmán y el Comandante Artemio. Artemio otra vez.' },
      { pageKey: 'd1:2', text: 'Artemio y Abimael Guzmán; los hermanos Quispe Palomino.' },
      { pageKey: 'd2:1', text: 'Jorge Quispe Palomino y Artemio.' },
    ].map((p) => ({ pageKey: p.pageKey, mentions: findMentions(trie, p.text) }));
    expect(coMentions(pages)).toEqual([
      { a: 'artemio', b: 'guzman', pages: ['d1:1', 'd1:2'] },
      { a: 'artemio', b: 'jorge', pages: ['d2:1'] },
    ]);
    const all = coMentions(pages, { includeAmbiguous: true });
    expect(all.find((p) => p.a === 'jorge' && p.b === 'victor')?.pages).toEqual(['d1:2']);
  });
});
