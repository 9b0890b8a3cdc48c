// Relevance set (tests/fixtures/search/relevance.json): the queries a researcher types about
// the VRAEM sample case and the hits that must come first. Records and pages are built in
// several segments (one for records, one per document) as the app builds them.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSegment, pageDocs, pageRef, searchSegments } from '../../shared/search';
import { FIELD_SEPARATOR } from '../../shared/search/segment';
import type { HitGroup, Segment } from '../../shared/search';
import { loadRelevanceCorpus } from '../fixtures/search/loadRelevanceCorpus';
import type { GroupExpectation, RelevanceCorpus } from '../fixtures/search/loadRelevanceCorpus';

let corpus: RelevanceCorpus;
let segments: Segment[];

beforeAll(() => {
  corpus = loadRelevanceCorpus();
  let seq = 1;
  segments = [buildSegment('records', corpus.records, { seq: seq++ })];
  for (const [id, pages] of corpus.documents) {
    const lang = corpus.languages.get(id);
    const doc = { id, caseIds: [], publishedOn: null, language: lang ?? '' };
    segments.push(buildSegment(`document:${id}`, pageDocs(doc, pages), { seq: seq++ }));
  }
});

function labelOf(hit: HitGroup['hits'][number]): string {
  if (hit.kind === 'page') return hit.ref.replace(/^page:/, '');
  if (hit.kind === 'actor') return corpus.actors.find((a) => a.id === hit.recordId)!.name;
  return corpus.events.find((e) => e.id === hit.recordId)!.title;
}

function check(group: HitGroup, expected: GroupExpectation | undefined, what: string): void {
  if (!expected) return;
  const labels = group.hits.map(labelOf);
  if (expected.count !== undefined) expect(group.count, `${what} count`).toBe(expected.count);
  if (expected.top) expect(labels.slice(0, expected.top.length).sort(), `${what} top, got ${labels.join(' | ')}`).toEqual([...expected.top].sort());
  for (const label of expected.includes ?? []) expect(labels, what).toContain(label);
  for (const label of expected.excludes ?? []) expect(labels, what).not.toContain(label);
  for (const [first, second] of expected.above ?? []) {
    expect(labels, what).toContain(second);
    expect(labels.indexOf(first), `${what}: ${first} above ${second}, got ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
    expect(labels.indexOf(first), `${what}: ${first} above ${second}, got ${labels.join(' | ')}`).toBeLessThan(labels.indexOf(second));
  }
}

describe('search relevance over the VRAEM sample case', () => {
  it('has the pages and names the set relies on', () => {
    expect(corpus.documents.get('article')!.length).toBeGreaterThan(10);
    expect(pageRef('article', 2)).toBe('page:article:2');
  });

  it.each(loadRelevanceCorpus().fixture.queries.map((q) => [q.q, q] as const))('%s', async (_q, query) => {
    const getText = ({ documentId, page }: { documentId: string; page: number }) => corpus.documents.get(documentId)?.[page - 1];
    const results = await searchSegments(segments, query.q, {}, { getText, limit: 10 });
    check(results.groups.actor, query.actors, 'actors');
    check(results.groups.event, query.events, 'events');
    check(results.groups.page, query.pages, 'pages');
    for (const [name, matched] of Object.entries(query.matchedName ?? {})) {
      const hit = results.groups.actor.hits.find((h) => labelOf(h) === name);
      expect(hit?.matchedName).toBe(matched);
    }
    for (const hit of results.groups.page.hits) {
      expect(hit.snippet?.highlights.length, `${hit.ref} has highlights`).toBeGreaterThan(0);
      expect(hit.occurrences, `${hit.ref} counts its matches`).toBeGreaterThanOrEqual(hit.snippet!.highlights.length);
    }
    for (const [ref, texts] of Object.entries(query.highlighted ?? {})) {
      const hit = results.groups.page.hits.find((h) => labelOf(h) === ref);
      expect(hit, `${ref} is a hit`).toBeDefined();
      const marked = hit!.snippet!.highlights.map((r) => hit!.snippet!.text.slice(r.start, r.end));
      for (const text of texts) expect(marked, `${ref} highlights`).toContain(text);
    }
    const all = [...results.groups.actor.hits, ...results.groups.event.hits, ...results.groups.page.hits];
    if (query.similarSpelling !== undefined) {
      expect(all.length).toBeGreaterThan(0);
      for (const hit of all) expect(Boolean(hit.similar?.length), `${hit.ref} similar spelling`).toBe(query.similarSpelling);
    }
    // A record's snippet is one labelled part of one field, as written: no other field's words.
    for (const hit of [...results.groups.actor.hits, ...results.groups.event.hits]) {
      if (!hit.snippet) continue;
      expect(hit.snippet.field, hit.ref).toBeDefined();
      expect(hit.snippet.text, hit.ref).not.toContain('\n');
      expect(hit.snippet.text, hit.ref).not.toContain(FIELD_SEPARATOR);
      expect(hit.snippet.highlights.length, hit.ref).toBeGreaterThan(0);
    }
  });
});
