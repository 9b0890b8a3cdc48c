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
  /**
   * Bulk form of getText (one read for all hits of a kind); preferred when given. It may pass
   * each text to `onText` (its index in `pages`) as it arrives: that hit is made then, while
   * the other texts are still being read.
   */
  getTexts?: (pages: { documentId: string; page: number }[], onText?: (index: number, text: string | null | undefined) => void) =>
    Promise<(string | null | undefined)[]>;
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
  const phrases = q.include.filter((c) => c.phrase);
  // Highlight verdicts per spelling, shared by hits whose matched terms are the same set.
  const memos = new Map<string, Map<string, boolean>>();
  const memoFor = (terms: Set<string>) => {
    const key = [...terms].sort().join(' ');
    let memo = memos.get(key);
    if (!memo) { memo = new Map(); memos.set(key, memo); }
    return memo;
  };
  // Each hit is made once its text and its matched terms are known: a page text that arrives
  // while the others are still being read is snippeted then (the hit is the same whenever it
  // is made: its text, its terms and the query's phrases decide it).
  const out: SearchHit[] = new Array(hits.length);
  let termsOf: Map<Candidate, Set<string>> | null = null;
  const early: [number, string | null][] = [];
  const make = (i: number, text: string | null) => {
    if (out[i]) return;
    if (!termsOf) { early.push([i, text]); return; }
    const c = hits[i]!;
    const terms = termsOf.get(c)!;
    out[i] = toHit(c, terms, text, phrases, typos, opts.snippetLength, memoFor(terms));
  };
  // The texts first: they are read (IndexedDB, in the worker) while the matched terms are found.
  const unread: number[] = [];
  hits.forEach((c, i) => { if (!known?.has(c)) unread.push(i); });
  const reading = textsOf(unread.map((i) => hits[i]!), opts, (j, text) => make(unread[j]!, text));
  reading.catch(() => undefined); // its failure is thrown where it is awaited, below
  // Matched terms of the returned hits only, one walk per segment and term.
  const found = new Map<Candidate, Set<string>>();
  const bySeg = new Map<Segment, Candidate[]>();
  for (const c of hits) bySeg.set(c.seg, [...(bySeg.get(c.seg) ?? []), c]);
  for (const [seg, list] of bySeg) {
    const rows = termsOfRows(seg, queryTerms, list.map((c) => c.row));
    for (const c of list) found.set(c, rows.get(c.row) ?? new Set());
  }
  termsOf = found;
  for (const [i, text] of early.splice(0)) make(i, text);
  if (known) hits.forEach((c, i) => { if (known.has(c)) make(i, known.get(c)!); });
  const read = await reading;
  unread.forEach((i, j) => make(i, read[j] ?? null));
  return { count: top.count, exact, hits: out };
}

/**
 * The hits' texts: records' from the segment, pages' in one read (getTexts). `onText` is told a
 * page text as it arrives, by its index in `hits`, when the reader passes them on.
 */
async function textsOf(hits: readonly Candidate[], opts: HitOptions, onText?: (index: number, text: string | null) => void): Promise<(string | null)[]> {
  if (hits.length === 0) return [];
  const pages: Candidate[] = [];
  const at: number[] = [];
  hits.forEach((c, i) => { if (c.seg.meta.family === 'pages') { pages.push(c); at.push(i); } });
  if (!opts.getTexts || pages.length === 0) return Promise.all(hits.map((c) => textOf(c, opts.getText)));
  const read = await opts.getTexts(pages.map((c) => ({ documentId: rowRecordId(c.seg, c.row), page: c.seg.rows.page[c.row] ?? 0 })),
    onText && ((j, text) => onText(at[j]!, text ?? null)));
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
