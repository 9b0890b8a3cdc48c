// From a query's best candidates to the hits it returns: phrases holding stop words checked
// on the page text, the matched terms, the snippets (page texts read once, for the returned
// hits only).
import type { CompiledClause, CompiledQuery } from './compile';
import { termsOfRows } from './evaluate';
import { matchedName } from './highlight';
import { textHasPhrase } from './phrases';
import { rowKind, rowRecordId, rowRef } from './segment';
import type { Segment } from './segment';
import { pageSnippet, recordSnippet } from './snippets';
import type { Candidate, TopK } from './candidates';
import type { HitGroup, SearchHit } from './types';

/** Loads a page's text for snippets (the worker reads IndexedDB). */
export type TextLoader = (page: { ref: string; documentId: string; page: number }) =>
  Promise<string | null | undefined> | string | null | undefined;

/** What turning candidates into hits needs of the search's options. */
export interface HitOptions {
  getText?: TextLoader;
  /** Bulk form of getText (one read for all hits of a kind); preferred when given. */
  getTexts?: (pages: { documentId: string; page: number }[]) => Promise<(string | null | undefined)[]>;
  snippetLength?: number;
}

/**
 * Pages whose phrases hold stop words: checked on their text, best first, until `limit` hold
 * or the budget of text reads is spent. When every candidate fits the budget they are all
 * checked and the count is exact; otherwise the count is an upper bound (`exact: false`).
 * Returns the texts read (for snippets) and whether every candidate was verified.
 */
export async function verifyByText(top: TopK, limit: number, opts: HitOptions): Promise<{ exact: boolean; texts: Map<Candidate, string | null> }> {
  const texts = new Map<Candidate, string | null>();
  const items = top.items;
  const all = top.count <= items.length;
  const kept: Candidate[] = [];
  let rejected = 0;
  let unverified = false;
  let i = 0;
  while (i < items.length && (all || kept.length < limit)) {
    const chunk = items.slice(i, all ? items.length : i + Math.max(limit, 20));
    i += chunk.length;
    const toRead = chunk.filter((c) => c.pending);
    const read = await textsOf(toRead, opts);
    toRead.forEach((c, j) => texts.set(c, read[j] ?? null));
    for (const c of chunk) {
      const text = texts.get(c);
      if (!c.pending) { kept.push(c); continue; }
      // No text to check against (no loader, page row missing): kept, but the count is not exact.
      if (text == null) { unverified = true; kept.push(c); continue; }
      const { phrases, any } = c.pending;
      if (any ? phrases.some((p) => textHasPhrase(text, p)) : phrases.every((p) => textHasPhrase(text, p))) kept.push(c);
      else rejected++;
    }
  }
  if (items.slice(i).some((c) => c.pending) || !all) unverified = true;
  top.count -= rejected;
  top.items = kept.slice(0, limit);
  return { exact: !unverified, texts };
}

export async function finishGroup(top: TopK, q: CompiledQuery, queryTerms: readonly string[], typos: ReadonlySet<string>, opts: HitOptions,
  exact = true, known?: ReadonlyMap<Candidate, string | null>): Promise<HitGroup> {
  const hits = top.items;
  // The texts first: they are read (IndexedDB, in the worker) while the matched terms are found.
  const unread = known ? hits.filter((c) => !known.has(c)) : hits;
  const reading = textsOf(unread, opts);
  reading.catch(() => undefined); // its failure is thrown where it is awaited, below
  // Matched terms of the returned hits only, one walk per segment and term.
  const termsOf = new Map<Candidate, Set<string>>();
  const bySeg = new Map<Segment, Candidate[]>();
  for (const c of hits) bySeg.set(c.seg, [...(bySeg.get(c.seg) ?? []), c]);
  for (const [seg, list] of bySeg) {
    const found = termsOfRows(seg, queryTerms, list.map((c) => c.row));
    for (const c of list) termsOf.set(c, found.get(c.row) ?? new Set());
  }
  const read = await reading;
  const readOf = new Map(unread.map((c, i) => [c, read[i] ?? null]));
  const texts = hits.map((c) => (known?.has(c) ? known.get(c)! : readOf.get(c) ?? null));
  const phrases = q.include.filter((c) => c.phrase);
  // Highlight verdicts per spelling, shared by hits whose matched terms are the same set.
  const memos = new Map<string, Map<string, boolean>>();
  const memoFor = (terms: Set<string>) => {
    const key = [...terms].sort().join(' ');
    let memo = memos.get(key);
    if (!memo) { memo = new Map(); memos.set(key, memo); }
    return memo;
  };
  return {
    count: top.count,
    exact,
    hits: hits.map((c, i) => toHit(c, termsOf.get(c)!, texts[i] ?? null, phrases, typos, opts.snippetLength, memoFor(termsOf.get(c)!))),
  };
}

async function textsOf(hits: readonly Candidate[], opts: HitOptions): Promise<(string | null)[]> {
  if (hits.length === 0) return [];
  const pages = hits.filter((c) => c.seg.meta.family === 'pages');
  if (!opts.getTexts || pages.length === 0) return Promise.all(hits.map((c) => textOf(c, opts.getText)));
  const read = await opts.getTexts(pages.map((c) => ({ documentId: rowRecordId(c.seg, c.row), page: c.seg.rows.page[c.row] ?? 0 })));
  const byHit = new Map(pages.map((c, i) => [c, read[i] ?? null]));
  return hits.map((c) => (c.seg.meta.family === 'records' ? c.seg.rows.text.at(c.row) ?? null : byHit.get(c) ?? null));
}

async function textOf(c: Candidate, getText?: TextLoader): Promise<string | null> {
  if (c.seg.meta.family === 'records') return c.seg.rows.text.at(c.row) ?? null;
  if (!getText) return null;
  const documentId = rowRecordId(c.seg, c.row);
  return (await getText({ ref: rowRef(c.seg, c.row), documentId, page: c.seg.rows.page[c.row] ?? 0 })) ?? null;
}

function toHit(c: Candidate, terms: Set<string>, text: string | null, phrases: readonly CompiledClause[], typos: ReadonlySet<string>,
  snippetLength?: number, memo?: Map<string, boolean>): SearchHit {
  const kind = rowKind(c.seg, c.row);
  const hit: SearchHit = { ref: rowRef(c.seg, c.row), kind, recordId: rowRecordId(c.seg, c.row), score: c.score, terms: [...terms].sort() };
  if (kind === 'page') { hit.documentId = hit.recordId; hit.page = c.seg.rows.page[c.row] ?? 0; }
  if (kind === 'actor') hit.matchedName = matchedName(c.seg.rows.names.at(c.row) ?? [], terms);
  const similar = hit.terms.filter((t) => typos.has(t));
  if (similar.length) hit.similar = similar;
  if (text) {
    const phraseWords = phrases.map((p) => p.phrase!);
    if (kind === 'page') {
      const { snippet, occurrences } = pageSnippet(text, terms, phraseWords, snippetLength, memo);
      hit.snippet = snippet;
      hit.occurrences = occurrences;
    } else {
      const snippet = recordSnippet(text, terms, phraseWords, snippetLength);
      if (snippet) hit.snippet = snippet;
    }
  }
  return hit;
}
