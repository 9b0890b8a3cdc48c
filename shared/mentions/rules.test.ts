import { describe, expect, it } from 'vitest';
import { NameTrie, deriveFamilyNames, familySharing, findMentions, nameEntriesForActor, nameEntriesForActors, proposeFamilyRule, proposeRule, ruleKey } from './index';
import { familyTooCommon } from './rules';
import type { MentionActor } from './index';

const rule = (name: string): string => proposeRule(name).rule;

describe('proposeRule', () => {
  it('asks for a cue before a common first name, nickname word, common surname or two-letter name', () => {
    for (const n of ['José', 'Raúl', 'Gonzalo', 'Cholo', 'Alfredo', 'Mary', 'El Viejo', 'La Gringa', 'Quispe', 'SL']) {
      expect(rule(n), n).toBe('with-cue');
    }
  });
  it('matches rare single words, multi-word names and title + name anywhere', () => {
    for (const n of ['Artemio', 'Cirilo', 'Abimael Guzmán', 'Comandante Artemio', 'Presidente Gonzalo', 'Camarada José', 'MPCP']) {
      expect(rule(n), n).toBe('anywhere');
    }
  });
  it('never matches a name without letters or a single letter', () => {
    expect(proposeRule('—').rule).toBe('never');
    expect(proposeRule('J.').rule).toBe('never');
  });
  it('asks for a cue before a word the library mostly writes in lower case, names or family names alike', () => {
    const docFreq = new Map([['puerto', 120], ['through', 300], ['artemio', 90], ['palomino', 60], ['mercado', 40], ['ocopa', 8], ['cholito', 2]]);
    const lowerFreq = new Map([['puerto', 100], ['through', 290], ['artemio', 0], ['palomino', 12], ['mercado', 30], ['cholito', 2]]);
    const freq = { docFreq, docCount: 1_000, lowerFreq };
    expect(proposeRule('Puerto', freq)).toEqual({ rule: 'with-cue', reason: 'an ordinary word in the library' });
    expect(proposeRule('Through', freq).rule).toBe('with-cue');
    expect(proposeRule('Artemio', freq)).toEqual({ rule: 'anywhere', reason: 'rare in the library' });
    // Two pages say too little, and a place name with one ordinary word is still a name.
    expect(proposeRule('Cholito', freq).rule).toBe('anywhere');
    expect(proposeRule('Puerto Ocopa', freq).rule).toBe('anywhere');
    expect(proposeFamilyRule('Palomino', freq).rule).toBe('anywhere');
    expect(proposeFamilyRule('Mercado', freq)).toEqual({ rule: 'with-cue', reason: 'an ordinary word in the library' });
    // Without a library big enough to tell, nothing changes.
    expect(proposeRule('Puerto', { ...freq, docCount: 100 }).rule).toBe('anywhere');
  });
  it('treats a multi-word name of common words only as needing a cue ("José Luis")', () => {
    expect(proposeRule('José Luis')).toEqual({ rule: 'with-cue', reason: 'every word is common' });
  });
  it('uses library frequency when given: a word on a quarter of the documents needs a cue', () => {
    const freq = { docFreq: new Map([['vizcatan', 400], ['artemio', 10]]), docCount: 1_000 };
    expect(proposeRule('Vizcatán', freq).rule).toBe('with-cue');
    expect(proposeRule('Artemio', freq).rule).toBe('anywhere');
    expect(proposeRule('Vizcatán', { docFreq: freq.docFreq, docCount: 10 }).rule).toBe('anywhere');
  });
});

describe('family names', () => {
  const person = (name: string, legal?: string): MentionActor => ({
    id: 'p', kind: 'person', name, names: legal ? [{ name: legal, type: 'legal_name' }] : [],
  });

  it('takes two surnames of a Spanish name, one after a second given name, and the paternal one alone', () => {
    expect(deriveFamilyNames(person('Víctor Quispe Palomino'))).toEqual(['Quispe Palomino', 'Quispe']);
    expect(deriveFamilyNames(person('Florindo Eleuterio Flores'))).toEqual(['Flores']);
    expect(deriveFamilyNames(person('Abimael Guzmán'))).toEqual(['Guzmán']);
    expect(deriveFamilyNames(person('Juan de la Cruz Pérez'))).toEqual(['de la Cruz Pérez', 'de la Cruz']);
    expect(deriveFamilyNames(person('Quispe Palomino, Víctor'))).toEqual(['Quispe Palomino', 'Quispe']);
  });
  it('takes the last word of an English name and prefers the legal name to the primary one', () => {
    expect(deriveFamilyNames(person('John Michael Smith'))).toEqual(['Smith']);
    expect(deriveFamilyNames(person('Comandante Artemio', 'Florindo Eleuterio Flores'))).toEqual(['Flores']);
  });
  it('has none for a nom de guerre alone, a single word or a group', () => {
    expect(deriveFamilyNames(person('Comandante Artemio'))).toEqual([]);
    expect(deriveFamilyNames(person('Cirilo'))).toEqual([]);
    expect(deriveFamilyNames({ kind: 'armed_group', name: 'Sendero Luminoso', names: [] })).toEqual([]);
  });
  it('asks a cue for family names unless they are two uncommon surnames', () => {
    expect(proposeFamilyRule('Quispe Palomino').rule).toBe('with-cue');
    expect(proposeFamilyRule('Quispe').rule).toBe('with-cue');
    expect(proposeFamilyRule('Guzmán Reynoso').rule).toBe('anywhere');
  });
});

describe('nameEntriesForActor', () => {
  const victor: MentionActor = { id: 'v', kind: 'person', name: 'Víctor Quispe Palomino', names: [{ name: 'José', type: 'nom_de_guerre' }] };

  it('lists every name and derived family name with its proposed rule', () => {
    expect(nameEntriesForActor(victor).map((e) => [e.name, e.source, e.rule])).toEqual([
      ['Víctor Quispe Palomino', 'name', 'anywhere'], ['José', 'name', 'with-cue'],
      ['Quispe Palomino', 'family', 'with-cue'], ['Quispe', 'family', 'with-cue'],
    ]);
  });
  it('takes the user’s rules and corrected family names over the proposals', () => {
    const entries = nameEntriesForActor(victor, {
      rules: new Map([[ruleKey('v', 'José', 'name'), 'never'], [ruleKey('v', 'Palomino', 'family'), 'anywhere']]),
      familyNames: new Map([['v', ['Palomino']]]),
    });
    expect(entries.map((e) => [e.name, e.rule])).toEqual([['Víctor Quispe Palomino', 'anywhere'], ['José', 'never'], ['Palomino', 'anywhere']]);
  });
});

describe('family names shared in the case', () => {
  it('asks a cue for a distinctive family name once more than three actors bear it', () => {
    const people = Array.from({ length: 5 }, (_, i): MentionActor => ({ id: `p${i}`, kind: 'person', name: `${['Ana', 'Juan', 'Rosa', 'Luis', 'Eva'][i]} Yupanqui`, names: [] }));
    const rules = (n: number): string[] => nameEntriesForActors(people.slice(0, n)).filter((e) => e.source === 'family').map((e) => e.rule);
    expect(rules(3)).toEqual(['anywhere', 'anywhere', 'anywhere']);
    expect(rules(4)).toEqual(Array(4).fill('with-cue'));
    expect(familySharing(people).get('yupanqui')).toBe(5);
    expect(proposeFamilyRule('Yupanqui', undefined, 4)).toEqual({ rule: 'with-cue', reason: 'shared by 4 actors' });
  });
});

describe('familyTooCommon', () => {
  it('says a title cannot tell who bears a family name of common surnames only, or one many actors share', () => {
    expect(familyTooCommon('Quispe')).toBe(true);
    expect(familyTooCommon('García Pérez')).toBe(true);
    expect(familyTooCommon('Quispe Palomino')).toBe(false);
    expect(familyTooCommon('Yupanqui')).toBe(false);
    expect(familyTooCommon('Yupanqui', undefined, 4)).toBe(true);
    expect(familyTooCommon('Yupanqui', { docFreq: new Map([['yupanqui', 30]]), docCount: 250 })).toBe(true);
    expect(familyTooCommon('Yupanqui', { docFreq: new Map([['yupanqui', 10]]), docCount: 250 })).toBe(false);
  });
  it('marks such family entries, and the matcher takes a title before them as anyone of that name', () => {
    const people = Array.from({ length: 4 }, (_, i): MentionActor => ({ id: `p${i}`, kind: 'person', name: `${['Ana', 'Juan', 'Rosa', 'Luis'][i]} Yupanqui`, names: [] }));
    const entries = nameEntriesForActors(people);
    expect(entries.filter((e) => e.source === 'family').every((e) => e.common === true)).toBe(true);
    const trie = new NameTrie(entries);
    expect(findMentions(trie, 'El señor Yupanqui no declaró.')).toEqual([]);
    expect(findMentions(trie, 'Ana Yupanqui llegó; la señora Yupanqui habló después.').map((m) => [m.text, m.actorIds.join('+')])).toEqual([
      ['Ana Yupanqui', 'p0'], ['Yupanqui', 'p0'],
    ]);
  });
});
