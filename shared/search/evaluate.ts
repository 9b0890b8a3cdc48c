/**
 * Matching and scoring inside one segment, with corpus-wide statistics so that scores from
 * different segments compare (docs/search.md, "Scoring across segments").
 * lunr is used for its inverted index, its token set (prefix and fuzzy expansion) and its
 * BM25 field vectors; lunr's own query/scoring is not used because its scores depend on the
 * segment (local idf, query-vector normalisation) and it has no required-OR-of-alternatives.
 */
import { lunr } from './lunrSetup';
import { fieldsOf } from './segment';
import type { Segment } from './segment';
import type { Alternative, WordGroup } from './compile';
import type { SearchField, SegmentFamily } from './types';
import { WEIGHT_SCALE } from './segment';

export const FIELD_BOOST: Record<SearchField, number> = { name: 3, role: 1.5, place: 1.5, body: 1, text: 1 };
/** Prefix expansions kept per segment (shortest first): "a*" must not score the whole vocabulary. */
export const MAX_EXPANSIONS = 64;

type Posting = Record<string, Record<string, object>> & { _index: number };
interface LunrView {
  invertedIndex: Record<string, Posting | undefined>;
  fieldVectors: Record<string, { elements: number[] } | undefined>;
  tokenSet: { intersect(other: unknown): { toArray(): string[] } };
}
interface TokenSetStatics { fromString(s: string): unknown; fromFuzzyString(s: string, d: number): unknown }
const view = (s: Segment): LunrView => s.index as unknown as LunrView;
const TokenSet = lunr.TokenSet as unknown as TokenSetStatics;

/** lunr's idf: documents-with-term counted per field, as lunr counts them when building. */
export const idf = (df: number, n: number): number => Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));

export function segmentDf(s: Segment, term: string): number {
  let df = s.cache.dfByTerm.get(term);
  if (df !== undefined) return df;
  df = 0;
  const posting = view(s).invertedIndex[term];
  if (posting) for (const field of fieldsOf(s.meta.family)) { const p = posting[field]; if (p) df += Object.keys(p).length; }
  s.cache.dfByTerm.set(term, df);
  return df;
}

/** Corpus statistics per family, summed over segments lazily, memoised for one query. */
export class GlobalStats {
  private readonly n: Record<SegmentFamily, number> = { records: 0, pages: 0 };
  private readonly memo = new Map<string, number>();
  constructor(private readonly segments: readonly Segment[]) {
    // Tombstoned rows still count until a merge expunges them, as in Lucene.
    for (const s of segments) this.n[s.meta.family] += s.meta.docCount;
  }
  idf(family: SegmentFamily, term: string): number {
    const key = `${family}\u0000${term}`;
    let value = this.memo.get(key);
    if (value === undefined) {
      let df = 0;
      for (const s of this.segments) if (s.meta.family === family) df += segmentDf(s, term);
      value = idf(df, this.n[family]);
      this.memo.set(key, value);
    }
    return value;
  }
}

/** The segment's index terms an alternative stands for. */
export function expand(s: Segment, alt: Alternative): string[] {
  const v = view(s);
  if (alt.mode === 'exact') return v.invertedIndex[alt.term] ? [alt.term] : [];
  const pattern = alt.mode === 'prefix' ? TokenSet.fromString(`${alt.term}*`) : TokenSet.fromFuzzyString(alt.term, alt.distance);
  const terms = v.tokenSet.intersect(pattern).toArray();
  if (terms.length <= MAX_EXPANSIONS) return terms;
  return terms.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS);
}

function weightOf(elements: number[], termIndex: number): number {
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const idx = elements[mid * 2]!;
    if (idx === termIndex) return elements[mid * 2 + 1]!;
    if (idx < termIndex) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

export interface GroupMatch { score: number; terms: string[] }
interface Expanded { term: string; boost: number; posting: Posting; idfRatio: number }

/** Expand a word group in a segment: terms, their boost, and the global/local idf ratio. */
export function expandGroup(s: Segment, group: WordGroup, stats: GlobalStats): Expanded[] {
  const best = new Map<string, number>();
  for (const alt of group.alts) for (const term of expand(s, alt)) best.set(term, Math.max(best.get(term) ?? 0, alt.boost));
  const out: Expanded[] = [];
  const family = s.meta.family;
  for (const [term, boost] of best) {
    const posting = view(s).invertedIndex[term]!;
    const local = idf(segmentDf(s, term), s.meta.docCount);
    out.push({ term, boost, posting, idfRatio: stats.idf(family, term) / (local * WEIGHT_SCALE) });
  }
  return out;
}

/** Rough cost of a group: postings to walk. */
export const groupCost = (s: Segment, expanded: Expanded[]): number => expanded.reduce((sum, e) => sum + segmentDf(s, e.term), 0);

/**
 * Score of a group in one row: per field the best alternative (raw, stem, prefix, fuzzy do
 * not add up), fields summed with their boosts. Null when the row lacks the group.
 */
function scoreRow(s: Segment, key: string, expanded: Expanded[]): GroupMatch | null {
  let score = 0;
  const terms: string[] = [];
  const fv = view(s).fieldVectors;
  for (const field of fieldsOf(s.meta.family)) {
    let best = 0;
    for (const e of expanded) {
      if (!e.posting[field]?.[key]) continue;
      const vector = fv[`${field}/${key}`];
      const w = vector ? weightOf(vector.elements, e.posting._index) : 0;
      best = Math.max(best, e.boost * w * e.idfRatio);
      if (!terms.includes(e.term)) terms.push(e.term);
    }
    score += best * FIELD_BOOST[field];
  }
  return terms.length ? { score, terms } : null;
}

/** All rows holding the group (optionally only among `within`), keyed by row number. */
export function matchGroup(s: Segment, expanded: Expanded[], within?: Iterable<number>): Map<number, GroupMatch> {
  const out = new Map<number, GroupMatch>();
  if (within) {
    for (const row of within) {
      const m = scoreRow(s, row.toString(36), expanded);
      if (m) out.set(row, m);
    }
    return out;
  }
  const seen = new Set<string>();
  for (const e of expanded) {
    for (const field of fieldsOf(s.meta.family)) {
      const p = e.posting[field];
      if (!p) continue;
      for (const key in p) {
        if (seen.has(key)) continue;
        seen.add(key);
        const m = scoreRow(s, key, expanded);
        if (m) out.set(parseInt(key, 36), m);
      }
    }
  }
  return out;
}
