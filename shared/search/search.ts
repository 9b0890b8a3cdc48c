/**
 * searchSegments: run a query over every live segment, merge hits with comparable scores,
 * group them by kind with counts, verify phrases on the top candidates, make snippets.
 */
import { compileQuery } from './compile';
import type { CompiledClause, CompiledQuery } from './compile';
import { GlobalStats, expandGroup, groupCost, matchGroup } from './evaluate';
import type { GroupMatch } from './evaluate';
import { allForms, foldedTokens, isIndexable, tokenize } from './analyze';
import { findPhrase, makeSnippet, matchRanges, matchedName } from './highlight';
import { parseQuery } from './parseQuery';
import type { ParsedQuery } from './parseQuery';
import { rowFilterInfo, rowKind, rowRecordId, rowRef } from './segment';
import type { Segment } from './segment';
import { HIT_KINDS } from './types';
import type { DocumentFilterInfo, HighlightRange, HitGroup, HitKind, SearchFilters, SearchHit, SearchResults } from './types';

/** Loads a page's text for verification and snippets (the worker reads IndexedDB). */
export type TextLoader = (page: { ref: string; documentId: string; page: number }) =>
  Promise<string | null | undefined> | string | null | undefined;

export interface SearchOptions {
  /** Hits returned per kind (default 20). */
  limit?: number;
  getText?: TextLoader;
  /** Current filter facts of documents; pages use these over the ones frozen in the segment. */
  documentInfo?: ReadonlyMap<string, DocumentFilterInfo>;
  /** Texts read at most per kind to verify phrases (default 100). */
  phraseBudget?: number;
  snippetLength?: number;
  fuzzy?: boolean;
  now?: () => number;
}

interface Candidate { seg: Segment; row: number; score: number; terms: Set<string> }

function passes(seg: Segment, row: number, f: SearchFilters, docInfo?: ReadonlyMap<string, DocumentFilterInfo>): boolean {
  if (seg.tombstones.has(row)) return false;
  if (f.kinds?.length && !f.kinds.includes(rowKind(seg, row))) return false;
  if (f.statuses?.length && !(f.statuses as string[]).includes(seg.rows.status[row] ?? '')) return false;
  if (!f.caseIds?.length && !f.from && !f.to) return true;
  const info = rowFilterInfo(seg, row, docInfo);
  if (f.caseIds?.length && !info.caseIds.some((c) => f.caseIds!.includes(c))) return false;
  if (f.from && (!info.dateTo || info.dateTo < f.from)) return false;
  if (f.to && (!info.dateFrom || info.dateFrom > f.to)) return false;
  return true;
}

/** Rows satisfying a clause (all its word groups), with their scores; null if no row can. */
function clauseRows(seg: Segment, clause: CompiledClause, stats: GlobalStats, keep: (row: number) => boolean,
  within?: Iterable<number>): Map<number, GroupMatch> {
  const groups = clause.groups.map((g) => expandGroup(seg, g, stats)).sort((a, b) => groupCost(seg, a) - groupCost(seg, b));
  let acc: Map<number, GroupMatch> | null = null;
  for (const expanded of groups) {
    if (expanded.length === 0) return new Map();
    const next = matchGroup(seg, expanded, acc ? acc.keys() : within);
    if (!acc) { for (const row of [...next.keys()]) if (!keep(row)) next.delete(row); acc = next; continue; }
    for (const [row, m] of next) { const a = acc.get(row)!; next.set(row, { score: a.score + m.score, terms: [...a.terms, ...m.terms] }); }
    acc = next;
    if (acc.size === 0) break;
  }
  return acc ?? new Map();
}

function segmentCandidates(seg: Segment, q: CompiledQuery, stats: GlobalStats, keep: (row: number) => boolean): Candidate[] {
  let acc: Map<number, GroupMatch> | null = null;
  if (q.mode === 'all') {
    // Cheapest clause first; later clauses only probe the surviving rows (the early cut).
    for (const clause of q.include) {
      const next = clauseRows(seg, clause, stats, keep, acc?.keys());
      if (acc) for (const [row, m] of next) { const a = acc.get(row)!; next.set(row, { score: a.score + m.score, terms: [...a.terms, ...m.terms] }); }
      acc = next;
      if (acc.size === 0) return [];
    }
  } else {
    acc = new Map();
    for (const clause of q.include) {
      for (const [row, m] of clauseRows(seg, clause, stats, keep)) {
        const a = acc.get(row);
        acc.set(row, a ? { score: a.score + m.score, terms: [...a.terms, ...m.terms] } : m);
      }
    }
  }
  if (!acc) return [];
  // Word exclusions drop rows here; phrase exclusions are checked against the text later.
  for (const clause of q.exclude) {
    if (clause.phrase || acc.size === 0) continue;
    for (const row of clauseRows(seg, clause, stats, () => true, [...acc.keys()]).keys()) acc.delete(row);
  }
  return [...acc].map(([row, m]) => {
    const terms = new Set(m.terms);
    return { seg, row, score: m.score * nameBonus(seg, row, terms), terms };
  });
}

/**
 * BM25 on the joined names field penalises actors with many aliases; a query that covers
 * one whole name (every word of "Shining Path") doubles the score. Depends only on the row
 * and the query, so scores stay comparable across segments.
 */
function nameBonus(seg: Segment, row: number, terms: ReadonlySet<string>): number {
  const names = seg.rows.names[row];
  if (!names?.length) return 1;
  for (const name of names) {
    const words = foldedTokens(name).filter(isIndexable);
    if (words.length && words.every((w) => allForms(w).some((f) => terms.has(f)))) return NAME_BONUS;
  }
  return 1;
}
const NAME_BONUS = 2;

const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || (rowRef(a.seg, a.row) < rowRef(b.seg, b.row) ? -1 : 1);

/** The best `k` by score without sorting everything (partial selection for big groups). */
export function topK(items: Candidate[], k: number): Candidate[] {
  if (items.length <= k * 4 || items.length < 256) return items.sort(byScore).slice(0, k);
  const scores = Float64Array.from(items, (c) => c.score).sort();
  const sample = scores[scores.length - k] ?? -Infinity;
  return items.filter((c) => c.score >= sample).sort(byScore).slice(0, k);
}

// Prefix/fuzzy alternatives expand to other terms; any matched term counts for them.
const hasAlt = (c: Candidate, term: string): boolean => c.terms.has(term) || [...c.terms].some((t) => t.startsWith(term));

async function textOf(c: Candidate, getText?: TextLoader): Promise<string | null> {
  if (c.seg.meta.family === 'records') return c.seg.rows.text[c.row] ?? null;
  if (!getText) return null;
  const documentId = rowRecordId(c.seg, c.row);
  return (await getText({ ref: rowRef(c.seg, c.row), documentId, page: c.seg.rows.page[c.row] ?? 0 })) ?? null;
}

async function finishGroup(list: Candidate[], q: CompiledQuery, opts: SearchOptions): Promise<HitGroup> {
  const limit = opts.limit ?? 20;
  const phrases = q.include.filter((c) => c.phrase);
  const excludedPhrases = q.exclude.filter((c) => c.phrase);
  const needsVerify = phrases.length > 0 || excludedPhrases.length > 0;
  const budget = needsVerify ? Math.max(limit, opts.phraseBudget ?? 100) : limit;
  const ranked = topK(list, budget);
  const hits: SearchHit[] = [];
  let rejected = 0;
  let checked = 0;
  for (const c of ranked) {
    if (hits.length >= limit) break;
    const text = await textOf(c, opts.getText);
    checked++;
    const tokens = text ? tokenize(text) : [];
    const phraseRanges: HighlightRange[] = [];
    if (needsVerify && text) {
      const found = phrases.map((p) => findPhrase(tokens, p.phrase!));
      const byWords = q.include.some((cl) => !cl.phrase && cl.groups.every((g) => g.alts.some((a) => hasAlt(c, a.term))));
      const ok = q.mode === 'all' ? found.every((r) => r.length > 0) : byWords || found.some((r) => r.length > 0);
      const excluded = excludedPhrases.some((p) => findPhrase(tokens, p.phrase!).length > 0);
      if (!ok || excluded) { rejected++; continue; }
      for (const r of found) phraseRanges.push(...r);
    }
    hits.push(toHit(c, text, tokens, phraseRanges, opts.snippetLength));
  }
  const exact = !needsVerify || checked >= list.length;
  return { count: list.length - rejected, exact, hits };
}

function toHit(c: Candidate, text: string | null, tokens: ReturnType<typeof tokenize>, extra: HighlightRange[], snippetLength?: number): SearchHit {
  const kind = rowKind(c.seg, c.row);
  const hit: SearchHit = { ref: rowRef(c.seg, c.row), kind, recordId: rowRecordId(c.seg, c.row), score: c.score, terms: [...c.terms].sort() };
  if (kind === 'page') { hit.documentId = hit.recordId; hit.page = c.seg.rows.page[c.row] ?? 0; }
  if (kind === 'actor') hit.matchedName = matchedName(c.seg.rows.names[c.row] ?? [], c.terms);
  if (text) hit.snippet = makeSnippet(text, [...matchRanges(tokens, c.terms), ...extra], snippetLength);
  return hit;
}

/**
 * Search segments. `query` is the user's text (parsed here, never throws) or a ParsedQuery;
 * `filters` (the UI's object form) win over filters typed in the query.
 */
export async function searchSegments(segments: readonly Segment[], query: string | ParsedQuery, filters: SearchFilters = {},
  options: SearchOptions = {}): Promise<SearchResults> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const parsed = typeof query === 'string' ? parseQuery(query, filters) : { ...query, filters: { ...query.filters, ...filters } };
  const compiled = compileQuery(parsed, { fuzzy: options.fuzzy });
  const byKind: Record<HitKind, Candidate[]> = { actor: [], event: [], document: [], page: [] };
  if (compiled.include.length) {
    const stats = new GlobalStats(segments);
    for (const seg of segments) {
      if (parsed.filters.kinds?.length && !parsed.filters.kinds.some((k) => (k === 'page') === (seg.meta.family === 'pages'))) continue;
      const keep = (row: number) => passes(seg, row, parsed.filters, options.documentInfo);
      for (const c of segmentCandidates(seg, compiled, stats, keep)) byKind[rowKind(seg, c.row)].push(c);
    }
  }
  const groups = {} as Record<HitKind, HitGroup>;
  for (const kind of HIT_KINDS) groups[kind] = await finishGroup(byKind[kind], compiled, options);
  return { groups, tookMs: now() - started, notes: parsed.notes };
}
