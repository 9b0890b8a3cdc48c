import { describe, expect, it } from 'vitest';
import { NameTrie, findMentions, nameEntriesForActors, type NameEntry } from './index';
import { VRAEM_ACTORS } from './testActors.testkit';

const trie = new NameTrie(nameEntriesForActors(VRAEM_ACTORS));
const found = (text: string): [string, string][] =>
  findMentions(trie, text).map((m) => [m.text, m.actorIds.join('+')]);

describe('findMentions: whole words, case and accents', () => {
  it('finds a name whatever its case and accents, with offsets into the original text', () => {
    const text = 'Fuentes: ABIMAEL GUZMAN fue capturado; abimael guzmán, dijeron.';
    const ms = findMentions(trie, text);
    expect(ms.map((m) => [m.start, m.end, m.text])).toEqual([[9, 23, 'ABIMAEL GUZMAN'], [39, 53, 'abimael guzmán']]);
    expect(ms[0]!.candidates[0]).toMatchObject({ actorId: 'guzman', name: 'Abimael Guzmán', reason: 'anywhere' });
  });

  it('matches whole words only: Artemisa is not Artemio, Perugia not Perú', () => {
    const t = new NameTrie([{ actorId: 'peru', name: 'Perú', source: 'name', rule: 'anywhere' }, ...nameEntriesForActors(VRAEM_ACTORS)]);
    expect(findMentions(t, 'Artemisa viajó a Perugia; ARTEMIOS no existe.').length).toBe(0);
    expect(findMentions(t, 'Artemio volvió al Perú.').map((m) => m.text)).toEqual(['Artemio', 'Perú']);
  });

  it('takes names out of punctuation, quotes and possessives', () => {
    for (const s of ['«Artemio»', '"Artemio"', "Artemio's men", '(Artemio)', '“Artemio,”', 'Artemio’s', '—Artemio—']) {
      expect(found(s), s).toEqual([['Artemio', 'artemio']]);
    }
  });

  it('matches multi-word names across line breaks, extra spaces and line-end hyphens', () => {
    expect(found('el mando de Víctor Quispe Pa-\nlomino y')).toEqual([['Víctor Quispe Pa-\nlomino', 'victor']]);
    expect(found('Florindo   Eleuterio\n   Flores')).toEqual([['Florindo   Eleuterio\n   Flores', 'artemio']]);
    expect(found('Abima\u00ADel Guzma\u0301n')).toEqual([['Abima\u00ADel Guzma\u0301n', 'guzman']]);
  });

  it('does not join words across sentence ends, commas or blank lines', () => {
    expect(found('Lo vio Víctor. Quispe Palomino no.')).toEqual([]);
    // Only the (distinctive) family name alone, not the full name across the comma.
    expect(found('Abimael, Guzmán')).toEqual([['Guzmán', 'guzman']]);
    expect(found('Abimael\n\nGuzmán')).toEqual([['Guzmán', 'guzman']]);
  });

  it('prefers the longest name: "Comandante Artemio" once, not "Artemio" inside it', () => {
    const ms = findMentions(trie, 'alias “Comandante Artemio,” fue capturado');
    expect(ms.map((m) => [m.text, m.candidates[0]!.name])).toEqual([['Comandante Artemio', 'Comandante Artemio']]);
  });
});

describe('findMentions: with-cue names', () => {
  it('ignores an uncued common first name and accepts it after a cue or in quotes', () => {
    expect(found('José Pérez, agricultor, declaró.')).toEqual([]);
    expect(found('el cabecilla José dirige la columna')).toEqual([['José', 'victor']]);
    expect(found('el camarada José dirige la columna')).toEqual([['camarada José', 'victor']]);
    expect(found('alias José')).toEqual([['José', 'victor']]);
    expect(found('(a) Raúl')).toEqual([['Raúl', 'jorge']]);
    expect(found('a. Raúl')).toEqual([['Raúl', 'jorge']]);
    expect(found('entregó el dinero a Raúl')).toEqual([]);
    expect(found('conocido como «Raúl»')).toEqual([['Raúl', 'jorge']]);
    expect(found('le decían "Raúl".')).toEqual([['Raúl', 'jorge']]);
  });

  it('requires a cued name to be capitalised as recorded: "el Cholo" is a name, "el cholo" a noun', () => {
    const t = new NameTrie([{ actorId: 'cholo', name: 'Cholo', source: 'name', rule: 'with-cue' }]);
    expect(findMentions(t, 'el cholo del mercado').length).toBe(0);
    expect(findMentions(t, 'el Cholo del mercado').map((m) => m.actorIds)).toEqual([['cholo']]);
  });

  it('accepts an uncued name near another name of the same actor, and further on the page unless a role or a surname says someone else', () => {
    expect(found('Jorge Quispe Palomino, a quien sus hombres llaman Raúl, huyó.')).toEqual([
      ['Jorge Quispe Palomino', 'jorge'], ['Raúl', 'jorge'],
    ]);
    const between = 'Las patrullas recorrieron la zona durante varios días sin hallar rastro alguno. '.repeat(2);
    expect(found(`Jorge Quispe Palomino huyó. ${between}Raúl Pérez, un vecino, habló.`)).toEqual([['Jorge Quispe Palomino', 'jorge']]);
    expect(found(`Jorge Quispe Palomino huyó. ${between}El padre Raúl ofició la misa.`)).toEqual([['Jorge Quispe Palomino', 'jorge']]);
    expect(found(`Jorge Quispe Palomino huyó. ${between}Dicen que Raúl cruzó el río.`)).toEqual([['Jorge Quispe Palomino', 'jorge'], ['Raúl', 'jorge']]);
    expect(found(`${between}Dicen que Raúl cruzó el río.`)).toEqual([]);
    const reasons = (text: string, nearWords: number): string[] =>
      findMentions(trie, text, { nearWords }).map((m) => m.candidates[0]!.reason);
    expect(reasons('Jorge Quispe Palomino y Raúl', 12)).toEqual(['anywhere', 'nearby']);
    expect(reasons('Jorge Quispe Palomino y Raúl', 0)).toEqual(['anywhere', 'page']);
  });

  it('treats never-rules as absent and takes user rules as given', () => {
    const entries: NameEntry[] = [
      { actorId: 'a', name: 'Artemio', source: 'name', rule: 'never' },
      { actorId: 'b', name: 'José', source: 'name', rule: 'anywhere' },
    ];
    const t = new NameTrie(entries);
    expect(findMentions(t, 'Artemio y José').map((m) => m.actorIds[0])).toEqual(['b']);
  });
});

describe('findMentions: family names and shared names', () => {
  it('gives "brothers Víctor and Jorge Quispe Palomino" one mention shared by both brothers', () => {
    const ms = findMentions(trie, 'under the leadership of brothers Víctor and Jorge Quispe Palomino, the group');
    expect(ms.map((m) => [m.text, m.actorIds, m.ambiguous])).toEqual([['Quispe Palomino', ['victor', 'jorge'], true]]);
    expect(ms[0]!.candidates.every((c) => c.source === 'family' && c.reason === 'brothers')).toBe(true);
    expect(found('los hermanos Quispe Palomino')).toEqual([['Quispe Palomino', 'victor+jorge']]);
    expect(found('the Quispe Palomino brothers')).toEqual([['Quispe Palomino', 'victor+jorge']]);
  });

  it('narrows "los hermanos Víctor y Jorge Quispe Palomino" to the brothers listed when a third shares the name', () => {
    const martin = { id: 'martin', kind: 'person', name: 'Martín Quispe Palomino', names: [] };
    const t = new NameTrie(nameEntriesForActors([...VRAEM_ACTORS, martin]));
    const ids = (text: string): string[][] => findMentions(t, text).map((m) => [...m.actorIds]);
    expect(ids('los hermanos Víctor y Jorge Quispe Palomino')).toEqual([['victor', 'jorge']]);
    expect(ids('los hermanos Quispe Palomino')).toEqual([['victor', 'jorge', 'martin']]);
    expect(ids('los hermanos Juan y Pedro Quispe Palomino')).toEqual([['victor', 'jorge', 'martin']]);
  });

  it('does not match a family name alone without a cue, and does with one', () => {
    expect(found('Quispe Palomino no respondió')).toEqual([]);
    expect(found('Quispe vende papas')).toEqual([]);
    expect(found('el Sr. Quispe Palomino')).toEqual([['Quispe Palomino', 'victor+jorge']]);
  });

  it('lists every actor that shares a name', () => {
    const t = new NameTrie([
      { actorId: 'a', name: 'Comandante Raúl', source: 'name', rule: 'anywhere' },
      { actorId: 'b', name: 'Comandante Raúl', source: 'name', rule: 'anywhere' },
    ]);
    const [m] = findMentions(t, 'el Comandante Raúl');
    expect([m!.actorIds, m!.ambiguous]).toEqual([['a', 'b'], true]);
  });
});

describe('findMentions: someone else of the same name', () => {
  it('drops a one-word name that runs on into another capitalised word, unless it is the same actor’s or a headline', () => {
    expect(found('La familia de Cirilo Mendoza, un profesor, declaró.')).toEqual([]);
    expect(found('Cirilo, el mando abatido.')).toEqual([['Cirilo', 'cirilo']]);
    expect(found('ARTEMIO SENTENCED TO LIFE')).toEqual([['ARTEMIO', 'artemio']]);
    expect(found('Artemio Flores fue trasladado.')).toEqual([['Artemio', 'artemio'], ['Flores', 'artemio']]);
  });

  it('drops a cued weak name that runs on into a surname ("el general Raúl Castro")', () => {
    expect(found('El general Raúl Castro visitó Lima.')).toEqual([]);
    expect(found('El general Raúl visitó Lima.')).toEqual([['Raúl', 'jorge']]);
  });

  it('takes a title before a lone common surname as anyone of that name; two surnames or the plural still say who', () => {
    expect(found('La señora Quispe declaró.')).toEqual([]);
    expect(found('el Sr. Quispe Palomino')).toEqual([['Quispe Palomino', 'victor+jorge']]);
    expect(found('Víctor Quispe Palomino llegó. El señor Quispe no habló.')).toEqual([['Víctor Quispe Palomino', 'victor'], ['Quispe', 'victor']]);
  });

  it('reads a group known by its leader as a cue: "la columna de Raúl", "men loyal to Raúl"', () => {
    expect(found('En la columna de Raúl combatían menores.')).toEqual([['Raúl', 'jorge']]);
    expect(found('Men loyal to Raúl fled.')).toEqual([['Raúl', 'jorge']]);
    expect(found('La casa de Raúl quedó vacía.')).toEqual([]);
  });
});

describe('findMentions: names that run on into another', () => {
  it('takes a one-word name running on into another name of the same actor, whatever else starts there', () => {
    const entries: NameEntry[] = [
      { actorId: 'b', name: 'Artemio', source: 'name', rule: 'anywhere' },
      { actorId: 'b', name: 'Flores Ruiz', source: 'name', rule: 'anywhere' },
      // Someone else's shorter name at the same place must not hide b's.
      { actorId: 'a', name: 'Flores', source: 'name', rule: 'with-cue' },
    ];
    const found = findMentions(new NameTrie(entries), 'Llegó Artemio Flores Ruiz al valle.');
    expect(found.map((m) => [m.text, m.actorIds])).toEqual([['Artemio', ['b']], ['Flores Ruiz', ['b']]]);
  });
});
