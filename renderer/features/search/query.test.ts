import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_FILTERS } from '../../state/store';
import { isNarrowed, readSearchFilters, snippetParts, viewerTerms } from './query';

describe('search UI helpers', () => {
  it('cuts a snippet at its ranges, merging overlaps and clamping', () => {
    expect(snippetParts('in Apurímac and Ayacucho', [{ start: 3, end: 11 }, { start: 16, end: 24 }])).toEqual([
      { text: 'in ', marked: false }, { text: 'Apurímac', marked: true }, { text: ' and ', marked: false }, { text: 'Ayacucho', marked: true },
    ]);
    expect(snippetParts('abcdef', [{ start: 2, end: 4 }, { start: 3, end: 5 }, { start: 9, end: 12 }])).toEqual([
      { text: 'ab', marked: false }, { text: 'cd', marked: true }, { text: 'e', marked: true }, { text: 'f', marked: false },
    ]);
    expect(snippetParts('plain', [])).toEqual([{ text: 'plain', marked: false }]);
  });

  it('gives the viewer the typed words, phrases whole, plus the words the snippet marked', () => {
    expect(viewerTerms('"Shining Path" guzmán -abc quisp* OR the -"x y" case:abc')).toEqual(['shining path', 'guzman', 'quisp']);
    expect(viewerTerms('Artmio', { snippet: { text: 'Comandante Artemio', highlights: [{ start: 11, end: 18 }], truncatedStart: false, truncatedEnd: false } }))
      .toEqual(['artmio', 'Artemio']);
    // The viewer folds accents itself: the same word twice would only clutter its find box.
    expect(viewerTerms('apurimac', { snippet: { text: 'del Apurímac', highlights: [{ start: 4, end: 12 }], truncatedStart: false, truncatedEnd: false } }))
      .toEqual(['apurimac']);
    // A thousands-separated number is one word, as the search reads it, not every "1" on the page;
    // the snippet's mark gives the number as the page writes it.
    expect(viewerTerms('1 200 kilos', { snippet: { text: 'unos 1.200 kilos', highlights: [{ start: 5, end: 10 }], truncatedStart: false, truncatedEnd: false } }))
      .toEqual(['1200', 'kilos', '1.200']);
    expect(viewerTerms('"1.200 kilos" 2,5')).toEqual(['1200 kilos', '2', '5']);
  });

  it('reads the filters: active case by default, free-text dates, bad dates flagged', () => {
    expect(readSearchFilters(DEFAULT_SEARCH_FILTERS, 'case-1', 'en')).toEqual({ filters: { caseIds: ['case-1'] }, fromInvalid: false, toInvalid: false });
    expect(readSearchFilters({ ...DEFAULT_SEARCH_FILTERS, caseId: '' }, 'case-1', 'en').filters).toEqual({});
    const read = readSearchFilters({ ...DEFAULT_SEARCH_FILTERS, kinds: ['actor'], status: 'at_large', from: '1990', to: 'soon' }, null, 'en');
    expect(read.filters).toEqual({ kinds: ['actor'], statuses: ['at_large'], from: '1990-01-01' });
    expect(read.toInvalid).toBe(true);
    expect(isNarrowed(DEFAULT_SEARCH_FILTERS)).toBe(false);
  });
});
