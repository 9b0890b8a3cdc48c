import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/search/types';
import { keepPages, splitMentionsFilter } from './mentionsFilter';

describe('the mentions: search filter', () => {
  it('takes quoted and bare actor names out of the query, in English and Spanish', () => {
    expect(splitMentionsFilter('cocaína mentions:"Comandante Artemio" VRAEM')).toEqual({ names: ['Comandante Artemio'], rest: 'cocaína VRAEM' });
    expect(splitMentionsFilter('menciona:Cirilo')).toEqual({ names: ['Cirilo'], rest: '' });
    expect(splitMentionsFilter('menciona:«Quispe Palomino» captura')).toEqual({ names: ['Quispe Palomino'], rest: 'captura' });
    expect(splitMentionsFilter('no filter here')).toEqual({ names: [], rest: 'no filter here' });
  });

  it('keeps only the page hits on pages that mention the actor', () => {
    const hit = (documentId: string, page: number) => ({ kind: 'page', recordId: documentId, documentId, page, score: 1, title: '', snippet: null }) as never;
    const results = { tookMs: 1, notes: [], groups: { actor: { hits: [], count: 0 }, event: { hits: [], count: 0 }, document: { hits: [], count: 0 }, page: { hits: [hit('d', 1), hit('d', 2), hit('e', 1)], count: 3 } } } as unknown as SearchResults;
    const kept = keepPages(results, new Set(['d:2', 'e:1']));
    expect(kept.groups.page.hits.map((h) => `${h.documentId}:${h.page}`)).toEqual(['d:2', 'e:1']);
    expect(kept.groups.page.count).toBe(2);
  });
});
