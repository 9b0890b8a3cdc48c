import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NameTrie, coMentions, findMentions, nameEntriesForActors, suggestNames } from './index';
import { VRAEM_ACTORS } from './testActors.testkit';

const trie = new NameTrie(nameEntriesForActors(VRAEM_ACTORS));

describe('suggestNames', () => {
  it('suggests names a cue introduces, once is enough, with the most common spelling', () => {
    const s = suggestNames(['Cayó alias “Dalmiro”, mano derecha de Artemio.', 'Según la policía, (a) Dalmiro huyó; alias DALMIRO.'], trie);
    expect(s).toEqual([{ name: 'Dalmiro', key: 'dalmiro', count: 2, cued: 2, aliases: [] }]);
  });
  it('suggests repeated capitalised runs with de/del/la inside, with counts', () => {
    const texts = [
      'Pedro Yaranga habló con Juan de la Cruz. Luego Pedro Yaranga se fue.',
      'Según Juan de la Cruz, el ataque fue en Ayacucho. El Comercio lo publicó.',
    ];
    const t = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id !== 'yaranga')));
    expect(suggestNames(texts, t).map((x) => [x.name, x.count])).toEqual([['Juan de la Cruz', 2], ['Pedro Yaranga', 2]]);
  });
  it('leaves out known names, capitalised runs said once, places, months and sentence-initial words', () => {
    const texts = [
      'El Comandante Artemio y Abimael Guzmán. Víctor Quispe Palomino. Ayer Huamán Rojas llegó. La Dirección Regional.',
      'En Ayacucho Junín. En Ayacucho Junín. Durante Agosto Pasado. Durante Agosto Pasado. Víctor Quispe Palomino.',
      'Ana Quispe. Ana Quispe.',
    ];
    expect(suggestNames(texts, trie).map((x) => x.name)).toEqual(['Ana Quispe']);
  });

  it('suggests a person said once by a given name and surnames, titles dropped', () => {
    const texts = [
      'Ayer Pedro Huamán llegó, dijo el fiscal Carlos Ramos Vega. In 1992, then-President Alberto\nFujimori spoke.',
      'InSight Crime Analysis\nAn overwhelming presence. Her friend Ana\nsaid so.',
      'El Segundo Informe Anual. La Rosa Náutica. Víctor Hugo Avenue.',
    ];
    const t = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id !== 'fujimori')));
    expect(suggestNames(texts, t).map((x) => [x.name, x.count])).toEqual([
      ['Alberto Fujimori', 1], ['Carlos Ramos Vega', 1], ['Pedro Huamán', 1],
    ]);
  });

  it('keeps a name and the alias a cue gives it together, or names whose alias it is', () => {
    const withoutArtemio = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id !== 'artemio')));
    const text = 'Su lugarteniente, Florindo Eleuterio Flores, alias “Comandante Artemio”, cayó. Artemio huyó.';
    // Both new: one suggestion, the name with its alias; "Artemio" is not listed again.
    expect(suggestNames([text], withoutArtemio)).toEqual([
      { name: 'Florindo Eleuterio Flores', key: 'florindo eleuterio flores', count: 1, cued: 0, aliases: ['Artemio'] },
    ]);
    // The name known, the alias new: the alias is offered as a name of that actor.
    expect(suggestNames(['Florindo Eleuterio Flores (alias Dalmiro) huyó.'], trie)).toEqual([
      { name: 'Dalmiro', key: 'dalmiro', count: 1, cued: 1, aliases: [], aliasOf: { name: 'Florindo Eleuterio Flores', actorIds: ['artemio'] } },
    ]);
    // The alias known, the name new: the name is offered as a name of the alias's actor.
    expect(suggestNames(['Detuvieron a Juan Carlos Mamani, alias Cirilo, en Pichari.'], trie)).toEqual([
      { name: 'Juan Carlos Mamani', key: 'juan carlos mamani', count: 1, cued: 0, aliases: [], aliasOf: { name: 'Cirilo', actorIds: ['cirilo'] } },
    ]);
    // A two-word cue: what stands before its first word.
    expect(suggestNames(['Capturaron a Juan Carlos Mamani, conocido como “Rolo”, en Pichari.'], trie).map((x) => [x.name, x.aliases]))
      .toEqual([['Juan Carlos Mamani', ['Rolo']]]);
    // A lower-case phrase or an institution before the cue names nobody: "el cabecilla, alias
    // Dalmiro", "según la Policía Nacional, alias Dalmiro".
    expect(suggestNames(['El cabecilla senderista, alias Dalmiro, huyó.'], trie).map((x) => [x.name, x.aliases])).toEqual([['Dalmiro', []]]);
    expect(suggestNames(['Según la Policía Nacional, alias Dalmiro murió. According to InSight Crime, alias Dalmiro fled.'], trie)
      .map((x) => [x.name, x.aliases])).toEqual([['Dalmiro', []]]);
  });
  it('suggests, from the InSight Crime article, the outlet it quotes, the alias it introduces and the agencies it defines', () => {
    const text = readFileSync(new URL('../../../shared/fixtures/vraem-article.txt', import.meta.url), 'utf8');
    const withoutCirilo = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id !== 'cirilo')));
    expect(suggestNames([text], withoutCirilo)).toEqual([
      // The third "InSight Crime" is the heading "InSight Crime Analysis", another phrase.
      { name: 'InSight Crime', key: 'insight crime', count: 2, cued: 0, aliases: [] },
      { name: 'Cirilo', key: 'cirilo', count: 1, cued: 1, aliases: [] },
      // "Peru's Counter-Terrorism Directorate (Dirección Contra el Terrorismo - DIRCOTE)"
      { name: 'Dirección Contra el Terrorismo', key: 'direccion contra el terrorismo', count: 1, cued: 0, aliases: ['DIRCOTE', 'Counter-Terrorism Directorate'], group: true },
      { name: 'United Nations Office on Drugs and Crime', key: 'united nations office on drugs and crime', count: 1, cued: 0, aliases: ['UNODC'], group: true },
    ]);
  });

  it('suggests, from the article with a case of Guzmán alone, every person it names and the alias it gives', () => {
    const text = readFileSync(new URL('../../../shared/fixtures/vraem-article.txt', import.meta.url), 'utf8');
    const guzmanOnly = new NameTrie(nameEntriesForActors(VRAEM_ACTORS.filter((a) => a.id === 'guzman')));
    const s = suggestNames([text], guzmanOnly);
    const byName = new Map(s.map((x) => [x.name, x]));
    expect(s.map((x) => x.name).sort()).toEqual([
      'Alberto Fujimori', 'Cirilo', 'Dirección Contra el Terrorismo', 'Florindo Eleuterio Flores', 'InSight Crime', 'Jorge Quispe Palomino',
      'Militarizado Partido Comunista del Perú', 'Pedro Yaranga', 'Shining Path', 'United Nations Office on Drugs and Crime',
    ]);
    expect(byName.get('Florindo Eleuterio Flores')?.aliases).toEqual(['Artemio']);
    expect(byName.has('Artemio')).toBe(false);
  });

  it('offers an acronym as a name of the actor whose name it spells', () => {
    const texts = ['Lo dijo el Ejército de Liberación Nacional (ELN). Sendero Luminoso (SL) negó todo; The Shining Path (SP) too.'];
    expect(suggestNames(texts, trie).map((x) => [x.name, x.aliases, x.aliasOf?.name])).toEqual([
      ['SL', [], 'Sendero Luminoso'],
      ['SP', [], 'Shining Path'],
      ['Ejército de Liberación Nacional', ['ELN'], undefined],
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
