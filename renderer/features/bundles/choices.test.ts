import { describe, expect, it } from 'vitest';
import type { PreviewRecord } from '../../bundle/types';
import { allowedChoices, choiceFor, choiceReducer, choiceTally, conflicts, inTrash, keysOffering, toImportChoices } from './choices';

const record = (kind: PreviewRecord['kind'], id: string, status: PreviewRecord['status']): PreviewRecord => ({
  key: `${kind}:${id}`, kind, id, label: id, status, diffs: status === 'conflict' ? [{ path: 'name', mine: ['a'], theirs: ['b'] }] : [],
});

const records = [
  record('actor', 'a1', 'conflict'),
  record('actor', 'a2', 'conflict'),
  record('actor', 'a3', 'new'),
  record('event', 'e1', 'conflict'),
  record('document', 'd1', 'new'),
];

describe('import choices', () => {
  it('keeps mine for every conflict until the user chooses otherwise', () => {
    expect(choiceFor({}, 'actor:a1')).toBe('mine');
    expect(toImportChoices(records, {})).toEqual({ 'actor:a1': 'mine', 'actor:a2': 'mine', 'event:e1': 'mine' });
    expect(choiceTally(records, {})).toEqual({ mine: 3, theirs: 0, both: 0 });
  });

  it('sets one record without touching the others', () => {
    const state = choiceReducer({}, { type: 'set', key: 'actor:a2', choice: 'theirs' });
    expect(toImportChoices(records, state)).toEqual({ 'actor:a1': 'mine', 'actor:a2': 'theirs', 'event:e1': 'mine' });
  });

  it('applies an "all" shortcut to the keys given, and a later single choice overrides it', () => {
    let state = choiceReducer({}, { type: 'all', choice: 'both', keys: conflicts(records).map((r) => r.key) });
    expect(choiceTally(records, state)).toEqual({ mine: 0, theirs: 0, both: 3 });
    state = choiceReducer(state, { type: 'set', key: 'event:e1', choice: 'mine' });
    expect(toImportChoices(records, state)).toEqual({ 'actor:a1': 'both', 'actor:a2': 'both', 'event:e1': 'mine' });
    state = choiceReducer(state, { type: 'all', choice: 'theirs', keys: conflicts(records, 'actor').map((r) => r.key) });
    expect(toImportChoices(records, state)).toEqual({ 'actor:a1': 'theirs', 'actor:a2': 'theirs', 'event:e1': 'mine' });
  });

  it('sends choices only for conflicts: new records are always added', () => {
    const state = choiceReducer({}, { type: 'set', key: 'actor:a3', choice: 'theirs' });
    expect(Object.keys(toImportChoices(records, state))).not.toContain('actor:a3');
  });

  it('offers documents no "keep both", and the "all" shortcut skips records that do not offer a choice', () => {
    const doc: PreviewRecord = { ...record('document', 'd2', 'conflict'), choices: ['mine', 'theirs'] };
    const withDoc = [...records, doc];
    expect(allowedChoices(doc)).toEqual(['mine', 'theirs']);
    expect(allowedChoices(records[0]!)).toEqual(['mine', 'theirs', 'both']);
    const state = choiceReducer({}, { type: 'all', choice: 'both', keys: keysOffering(withDoc, 'both') });
    expect(toImportChoices(withDoc, state)).toEqual({ 'actor:a1': 'both', 'actor:a2': 'both', 'event:e1': 'both', 'document:d2': 'mine' });
    expect(keysOffering(withDoc, 'theirs')).toContain('document:d2');
  });

  it('does not change the state it was given', () => {
    const before = { 'actor:a1': 'theirs' as const };
    choiceReducer(before, { type: 'set', key: 'actor:a1', choice: 'both' });
    expect(before).toEqual({ 'actor:a1': 'theirs' });
  });

  it('spells out a choice for every record in the Trash too (kept there unless restored), apart from the conflicts\' tally and shortcuts', () => {
    const withTrash = [...records, { ...record('actor', 't1', 'trashed'), choices: ['mine', 'theirs'] as PreviewRecord['choices'] }];
    expect(inTrash(withTrash).map((r) => r.key)).toEqual(['actor:t1']);
    expect(toImportChoices(withTrash, {})).toMatchObject({ 'actor:t1': 'mine' });
    expect(toImportChoices(withTrash, { 'actor:t1': 'theirs' })['actor:t1']).toBe('theirs');
    expect(keysOffering(withTrash, 'theirs')).not.toContain('actor:t1');
    expect(choiceTally(withTrash, { 'actor:t1': 'theirs' })).toEqual({ mine: 3, theirs: 0, both: 0 });
  });
});
