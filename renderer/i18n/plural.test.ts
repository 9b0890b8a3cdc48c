import { describe, expect, it } from 'vitest';
import { translate } from './index';
import { plural, pluralForm, translatePlural } from './plural';

describe('plural', () => {
  it('picks one and other by each language’s rules', () => {
    expect([0, 1, 2, 1.5].map((n) => pluralForm('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2, 1_000_000].map((n) => pluralForm('es', n))).toEqual(['other', 'one', 'other', 'other']);
  });
  it('fills the count in English', () => {
    expect(translatePlural('en', 'actors.count', 1)).toBe('1 actor');
    expect(translatePlural('en', 'actors.count', 0)).toBe('0 actors');
    expect(plural({ lang: 'en' }, 'search.resultCount', 12)).toBe('12 results');
    expect(plural({ lang: 'en' }, 'validation.summary', 1)).toBe('Please correct 1 problem before saving.');
  });
  it('fills the count in Spanish, agreeing words too', () => {
    expect(translatePlural('es', 'actors.count', 1)).toBe('1 actor');
    expect(translatePlural('es', 'actors.count', 7)).toBe('7 actores');
    expect(translatePlural('es', 'events.detail.fatalitiesTotal', 1)).toBe('1 muerto en total');
    expect(translatePlural('es', 'documents.import.summary.added', 2)).toBe('2 añadidos');
    expect(plural({ lang: 'es' }, 'search.resultCount', 1)).toBe('1 resultado');
  });
  it('passes other parameters through', () => {
    expect(translatePlural('en', 'search.status.overBudget', 3, { limit: '10,000' })).toMatch(/^the text of 3 sources .* at most 10,000 pages/);
  });
  it('builds the sample-case toast from plural pieces', () => {
    expect(translate('en', 'sample.loaded', { actors: translatePlural('en', 'actors.count', 1), events: translatePlural('en', 'events.count', 4) }))
      .toBe('Sample case loaded: 1 actor, 4 events.');
  });
});
