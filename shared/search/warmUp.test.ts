import { describe, expect, it } from 'vitest';
import { loadSegment, serializeSegment } from './persist';
import { searchSegments } from './search';
import { buildSegment } from './segment';
import type { Segment } from './segment';
import type { SearchDoc, SearchResults } from './types';
import { WARM_UP_QUERIES, warmQueryPaths } from './warmUp';

const page = (documentId: string, n: number, text: string, lang: 'es' | 'en'): SearchDoc => ({
  ref: `page:${documentId}:${n}`, kind: 'page', recordId: documentId, page: n, fields: { text }, lang, caseIds: [], dateFrom: null, dateTo: null,
});
const actor = (id: string, names: string[], body: string): SearchDoc => ({
  ref: `actor:${id}`, kind: 'actor', recordId: id, names, fields: { name: names.join('\n'), body }, lang: 'mixed', caseIds: [], dateFrom: null, dateTo: null, status: null,
});

async function stored(segment: Segment): Promise<Segment> {
  const s = await serializeSegment(segment);
  return loadSegment({ header: s.header, data: s.data, positions: segment.positions });
}

describe('warming the query path on a tiny index', () => {
  it('runs queries that reach pages, actors and events, with snippets', async () => {
    const answers: [string, SearchResults][] = [];
    await warmQueryPaths(undefined, (query, results) => answers.push([query, results]));
    expect(answers.map(([q]) => q)).toEqual([...WARM_UP_QUERIES]);
    const [, one] = answers[0]!;
    expect(one.groups.page.hits.length).toBeGreaterThan(0);
    expect(one.groups.page.hits[0]!.snippet?.text).toContain('Quispe');
    expect(one.groups.actor.hits.map((h) => h.matchedName)).toEqual(['Quispe Mamani']);
    expect(one.groups.event.hits.length).toBe(1);
    const [, two] = answers[1]!;
    expect(two.groups.page.hits.length).toBeGreaterThan(0);
  });

  it('yields between its steps', async () => {
    let yields = 0;
    await warmQueryPaths(async () => { yields++; });
    // Before the pages are built, before each query and each text read.
    expect(yields).toBe(1 + WARM_UP_QUERIES.length * 2);
  });

  it('leaves the answers over real segments as they were', async () => {
    const pages = [
      page('d1', 1, 'Quispe crossed the river with the column near Ayacucho at night.', 'en'),
      page('d1', 2, 'Los detenidos declararon que Quispe Mamani mandaba la columna.', 'es'),
      page('d2', 1, 'The detainees named Mamani and Quispe; the river was high.', 'en'),
    ];
    const texts = new Map(pages.map((p) => [`${p.recordId}:${p.page}`, p.fields.text!]));
    const segments = [
      await stored(buildSegment('records', [actor('a1', ['Quispe Mamani'], 'Mando de la columna.'), actor('a2', ['Ana Quispe'], 'Detenida.')], { seq: 1, now: 0 })),
      await stored(buildSegment('document:d1', pages.slice(0, 2), { seq: 2, now: 0 })),
      await stored(buildSegment('document:d2', pages.slice(2), { seq: 3, now: 0 })),
    ];
    const getTexts = async (keys: readonly { documentId: string; page: number }[]) => keys.map((k) => texts.get(`${k.documentId}:${k.page}`));
    const queries = ['quispe', 'quispe mamani', '"the river"', 'detenid*', 'quipse', 'rio'];
    const answer = async () => Promise.all(queries.map(async (q) => {
      const { tookMs: _, ...rest } = await searchSegments(segments, q, {}, { getTexts });
      return rest;
    }));
    const before = await answer();
    await warmQueryPaths();
    expect(await answer()).toEqual(before);
  });

  it('never throws, even when a step fails', async () => {
    await expect(warmQueryPaths(() => Promise.reject(new Error('no thread')))).resolves.toBeUndefined();
  });
});
