import { it } from 'vitest';
import { buildSegment, pageDocs, searchSegments } from '../../shared/search';
import { loadRelevanceCorpus } from '../fixtures/search/loadRelevanceCorpus';
it('debug', async () => {
  const corpus = loadRelevanceCorpus();
  let seq = 1;
  const segments = [buildSegment('records', corpus.records, { seq: seq++ })];
  for (const [id, pages] of corpus.documents) segments.push(buildSegment(`document:${id}`, pageDocs({ id, caseIds: [], publishedOn: null, language: corpus.languages.get(id) ?? '' }, pages), { seq: seq++ }));
  for (const q of (process.env.Q ?? 'captured').split('|')) {
    const r = await searchSegments(segments, q, {}, { limit: 8, getText: ({ documentId, page }) => corpus.documents.get(documentId)?.[page - 1] });
    console.log('##', q, JSON.stringify(r.groups.page.hits.map((h) => [h.ref, +h.score.toFixed(3), h.terms.join(','), h.occurrences])));
    for (const k of ['actor', 'event'] as const) console.log('  ', k, r.groups[k].count, JSON.stringify(r.groups[k].hits.slice(0, 3).map((h) => [h.recordId, +h.score.toFixed(2), h.similar, h.snippet?.field, h.snippet?.text])));
  }
  console.log(segments.slice(1).map((s) => s.meta.id + ':' + s.rows.lang.join('')).join(' '));
});
