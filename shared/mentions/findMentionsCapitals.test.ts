// The failure classes the held-out set (heldout.testkit.ts) showed, each on sentences of its
// own: what capitals, articles and a person's full name earlier on the page say.
import { describe, expect, it } from 'vitest';
import { NameTrie, findMentions, nameEntriesForActors, type MentionActor } from './index';

const person = (id: string, name: string, ...others: string[]): MentionActor => ({
  id, kind: 'person', name, names: others.map((n) => ({ name: n, type: 'alias' })),
});
const ACTORS: MentionActor[] = [
  person('lobo', 'Hernán Rincón Patiño', 'Lobo', 'Comandante Lobo'),
  person('rincon2', 'Fabio Rincón Patiño'),
  person('gorda', 'Luz Dary Cuéllar', 'La Gorda'),
  person('medico', 'Arturo Sepúlveda', 'El Médico'),
  person('pena', 'Óscar Peña'),
  person('torres', 'Jairo Torres Ramírez'),
  person('hill', 'Robert Marsh', 'Marsh'),
  { id: 'ecp', kind: 'armed_group', name: 'Ejército Campesino Popular', names: [{ name: 'ECP', type: 'alias' }] },
  { id: 'est', kind: 'armed_group', name: 'Estructura Sur', names: [{ name: 'EST', type: 'alias' }] },
  { id: 'pinos', kind: 'criminal_organisation', name: 'Los Pinos', names: [] },
  person('flaco', 'Edwin Salas', 'Flaco', 'El Flaco'),
];
const trie = new NameTrie(nameEntriesForActors(ACTORS));
const found = (text: string): [string, string, string][] =>
  findMentions(trie, text).map((m) => [m.text, m.actorIds.join('+'), m.candidates[0]!.reason]);

describe('findMentions: capitals say which words are names', () => {
  it('takes a one-word name found in lower case, on a page that capitalises names, as the ordinary word', () => {
    expect(found('Le impusieron a Juan Gómez la pena máxima.')).toEqual([]);
    expect(found('The marsh near Bogotá was drained in 1990.')).toEqual([]);
    expect(found('El médico del pueblo atendió a los heridos de Tumaco.')).toEqual([]);
    expect(found('Peña fue condenado en Pasto. Marsh testified.')).toEqual([['Peña', 'pena', 'anywhere'], ['Marsh', 'hill', 'anywhere']]);
    // A page that capitalises nothing, or only sentence starts, says nothing with capitals.
    expect(found('dicen que marsh ya salió del país')).toEqual([['marsh', 'hill', 'anywhere']]);
    expect(found('Dicen que marsh salió.\nNadie lo vio.')).toEqual([['marsh', 'hill', 'anywhere']]);
  });

  it('reads a name made of an ordinary word, capitalised inside a sentence, as the name', () => {
    expect(found('Witnesses said that Lobo ordered the killings.')).toEqual([['Lobo', 'lobo', 'capitals']]);
    expect(found('Su jefe, Lobo, no apareció.')).toEqual([['Lobo', 'lobo', 'capitals']]);
    expect(found('Un lobo fue visto en el páramo.')).toEqual([]);
    // At a sentence start the capital says nothing, unless the page names the actor.
    expect(found('Lobo es un apellido frecuente en la región.')).toEqual([]);
    expect(found('Witnesses blamed Lobo. Lobo denied it.')).toEqual([['Lobo', 'lobo', 'capitals'], ['Lobo', 'lobo', 'nearby']]);
    const far = 'Witnesses blamed Lobo for the attack on the river convoy, which left four dead and eleven wounded. Lobo denied it.';
    expect(found(far)).toEqual([['Lobo', 'lobo', 'capitals'], ['Lobo', 'lobo', 'page']]);
    // Beside another capitalised word it is part of another name.
    expect(found('They stayed at the Lobo Lodge near the border.')).toEqual([]);
  });

  it('reads a capitalised article inside a sentence as the start of another proper name', () => {
    expect(found('La masacre de El Lobo ocurrió en 1999.')).toEqual([]);
    expect(found('Los campesinos de la vereda El Lobo huyeron.')).toEqual([]);
    expect(found('Nadie vio al Lobo, pero todos temían al Lobo.').map((m) => m[0])).toEqual(['Lobo', 'Lobo']);
    expect(found('Lo apodaban alias El Lobo.')).toEqual([['Lobo', 'lobo', 'cue']]);
  });

  it('drops a one-word name that ends another capitalised name, but not after a title', () => {
    expect(found('Las fiestas de San Marsh terminaron.')).toEqual([]);
    expect(found('They met Colonel Marsh in Bogotá.')).toEqual([['Marsh', 'hill', 'anywhere']]);
    expect(found('Army Questions Marsh on Killings')).toEqual([['Marsh', 'hill', 'anywhere']]);
  });

  it('cues a recorded "La Gorda" by its own small article, and not at a sentence start', () => {
    expect(found('Cuando llegó la Gorda, todos callaron.')).toEqual([['la Gorda', 'gorda', 'cue']]);
    expect(found('La Gorda, una cantina del puerto, cerró.')).toEqual([]);
    expect(found('alias el Médico')).toEqual([['el Médico', 'medico', 'anywhere']]);
  });

  it('trusts quotes that close after a name in a headline in capitals', () => {
    expect(found("REBELS LOYAL TO 'LOBO' SURRENDER")).toEqual([['LOBO', 'lobo', 'cue']]);
  });

  it('takes a name right after a place noun as the place', () => {
    expect(found('Los vecinos de la colonia Los Pinos cerraron la calle.')).toEqual([]);
    expect(found('Los Pinos controlan la colonia.')).toEqual([['Los Pinos', 'pinos', 'anywhere']]);
  });

  it('reads "ALIAS: EL FLACO" in a form as cued, and the next label as no surname', () => {
    expect(found('NOMBRE: EDWIN SALAS\nALIAS: EL FLACO\nGRUPO: LOS PINOS').map((m) => m[0])).toEqual(['EDWIN SALAS', 'EL FLACO', 'LOS PINOS']);
    expect(found('Alias: Flaco')).toEqual([['Flaco', 'flaco', 'cue']]);
  });

  it('leaves a small article outside the mark when the bare alias is recorded too', () => {
    expect(found('Todos temían al Flaco; alias el Flaco mandaba.').map((m) => m[0])).toEqual(['Flaco', 'Flaco']);
    expect(found('«El Flaco» mandaba.').map((m) => m[0])).toEqual(['El Flaco']);
  });

  it('takes an acronym after a clock time as a time zone', () => {
    expect(found('The hearing opened at 9:30 a.m. EST in Miami.')).toEqual([]);
    expect(found('A las 05:40 horas EST, el ECP atacó.').map((m) => m[0])).toEqual(['ECP']);
    expect(found('The EST and the ECP signed.').map((m) => m[0])).toEqual(['EST', 'ECP']);
  });
});

describe('findMentions: a family name after the full name on the same page', () => {
  it('takes a shared surname as the one bearer named in full before it, however far', () => {
    const text = 'Hernán Rincón Patiño nació en Balboa. Durante diez años vivió en la costa, donde trabajó en ' +
      'la pesca y en el comercio de gasolina, según su familia. En 2019 Rincón Patiño volvió a las armas.';
    expect(found(text).slice(1)).toEqual([['Rincón Patiño', 'lobo', 'page']]);
  });

  it('takes a common surname too, which a title alone would not', () => {
    const text = 'Jairo Torres Ramírez fue capturado en Tumaco con dos fusiles y un millón de pesos en efectivo, ' +
      'según el parte policial. Torres Ramírez no habló, y su vecino Luis Torres tampoco.';
    expect(found(text)).toEqual([['Jairo Torres Ramírez', 'torres', 'anywhere'], ['Torres Ramírez', 'torres', 'page']]);
    expect(found('Torres Ramírez no habló.')).toEqual([]);
  });

  it('takes the bearer named by a given name and the surname before it', () => {
    const text = 'The trial of Fabio Rincón Patiño opened on Monday. Prosecutors said Rincón Patiño ran the accounts.';
    expect(found(text).at(-1)).toEqual(['Rincón Patiño', 'rincon2', 'page']);
    const short = 'The trial of Fabio Rincón opened on Monday. Prosecutors said Rincón Patiño ran the accounts.';
    expect(found(short).at(-1)).toEqual(['Rincón Patiño', 'rincon2', 'page']);
  });

  it('lists every bearer named before it, and every bearer when none was named', () => {
    const both = 'Fabio Rincón Patiño and Hernán Rincón Patiño were indicted in May, along with nine others ' +
      'accused of laundering the proceeds of extortion in the port. Rincón Patiño pleaded not guilty.';
    expect(found(both).at(-1)).toEqual(['Rincón Patiño', 'lobo+rincon2', 'anywhere']);
    expect(found('Rincón Patiño pleaded not guilty.')).toEqual([['Rincón Patiño', 'lobo+rincon2', 'anywhere']]);
  });

  it('does not take another person of that surname, nor narrow a surname before the full name', () => {
    const text = 'Rincón Patiño, dijo el fiscal, es un apellido común. Hernán Rincón Patiño fue capturado; ' +
      'su primo Jairo Rincón Patiño no.';
    expect(found(text)).toEqual([['Rincón Patiño', 'lobo+rincon2', 'anywhere'], ['Hernán Rincón Patiño', 'lobo', 'anywhere']]);
  });
});
