/**
 * Matching and scoring over compact segments with corpus-wide statistics, so that scores from
 * different segments compare (docs/search.md, "Scoring across segments").
 * BM25 (k1 1.2, b 0.75, lunr's constants) with idf from df and N summed over every segment of
 * the family, and each segment's own average field length (as Lucene does).
 */
import { fieldsOf, letterSignature, lowerBound, segmentDf, termIndex } from './segment';
import type { FieldIndex, Segment } from './segment';
import type { Alternative, WordGroup } from './compile';
import type { SearchField, SegmentFamily } from './types';
import { ByteReader } from './varint';

export const FIELD_BOOST: Record<SearchField, number> = { name: 3, role: 1.5, place: 1.5, body: 1, text: 1 };
/** Prefix/fuzzy expansions kept per query word (shortest first): "a*" must not score the whole vocabulary. */
export const MAX_EXPANSIONS = 64;
const K1 = 1.2;
const B = 0.75;

/** lunr's idf. */
export const idf = (df: number, n: number): number => Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));

export interface Expanded { term: string; boost: number }

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);

/** Whether the edit distance of a and b is ≤ d (stops as soon as a DP row exceeds d). */
export function withinDistance(a: string, b: string, d: number): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > d) return false;
  if (lb >= 63) return a === b;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      let v = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > d) return false;
    const swap = prev; prev = cur; cur = swap;
  }
  return prev[lb]! <= d;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * One deduplicated vocabulary of the big segments, ordered by term length (a fuzzy word of
 * length L scans lengths L−d…L+d only), with signatures. Built in the background
 * (`prepareVocabulary`, after start-up and merges); until it matches the live big segments,
 * fuzzy expansion scans each segment's own dictionary and signatures (correct, slower).
 */
interface Vocabulary { terms: string[]; sigs: Uint32Array; lenStart: Int32Array }
const BIG_SEGMENT_DOCS = 1_000;
let shared: { segments: readonly Segment[]; vocabulary: Vocabulary } | null = null;

const bigSegments = (segments: readonly Segment[]) => segments.filter((s) => s.meta.docCount >= BIG_SEGMENT_DOCS);
const sameList = (a: readonly Segment[], b: readonly Segment[]) => a.length === b.length && a.every((s) => b.includes(s));

/** Builds the shared vocabulary for these segments unless it is current; yields between segments. */
export async function prepareVocabulary(segments: readonly Segment[], yieldNow: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  const big = bigSegments(segments);
  if (shared && sameList(shared.segments, big)) return;
  const all = new Set<string>();
  for (const s of big) {
    for (const f of s.fields) for (const t of f.terms) all.add(t);
    await yieldNow();
  }
  const maxLen = 64;
  const counts = new Int32Array(maxLen + 2);
  for (const t of all) counts[Math.min(t.length, maxLen) + 1]!++;
  const lenStart = new Int32Array(maxLen + 2);
  for (let i = 1; i < lenStart.length; i++) lenStart[i] = lenStart[i - 1]! + counts[i]!;
  const fill = lenStart.slice();
  const terms = new Array<string>(all.size);
  for (const t of all) terms[fill[Math.min(t.length, maxLen)]!++] = t;
  shared = { segments: big, vocabulary: { terms, sigs: Uint32Array.from(terms, letterSignature), lenStart } };
}

function scanFuzzy(terms: readonly string[], sigs: Uint32Array, from: number, to: number, word: string, d: number, found: Set<string>): void {
  const sig = letterSignature(word);
  const maxBits = 2 * d;
  for (let i = from; i < to; i++) {
    if (popcount((sigs[i]! ^ sig) >>> 0) > maxBits) continue;
    const t = terms[i]!;
    if (Math.abs(t.length - word.length) > d || found.has(t)) continue;
    if (withinDistance(word, t, d)) found.add(t);
  }
}

const shortestFirst = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Query-wide state: global N and idf per family, expansions computed once for all segments. */
export class QueryContext {
  private readonly n: Record<SegmentFamily, number> = { records: 0, pages: 0 };
  private readonly idfMemo = new Map<string, number>();
  private readonly expandMemo = new Map<WordGroup, Expanded[]>();
  /** Set when a prefix or fuzzy expansion was cut to MAX_EXPANSIONS: counts are then not exact. */
  truncated = false;
  constructor(readonly segments: readonly Segment[]) {
    // Tombstoned rows still count until a merge expunges them, as in Lucene.
    for (const s of segments) this.n[s.meta.family] += s.meta.docCount;
  }

  idf(family: SegmentFamily, term: string): number {
    const key = family === 'pages' ? term : `\u0000${term}`;
    let value = this.idfMemo.get(key);
    if (value === undefined) {
      let df = 0;
      for (const s of this.segments) if (s.meta.family === family) df += rowDf(s, term);
      value = idf(df, this.n[family]);
      this.idfMemo.set(key, value);
    }
    return value;
  }

  private expandAlt(alt: Alternative, cap: number): string[] {
    if (alt.mode === 'exact') return [alt.term];
    const found = new Set<string>();
    if (alt.mode === 'prefix') {
      for (const s of this.segments) {
        for (const f of s.fields) {
          for (let i = lowerBound(f.terms, alt.term); i < f.terms.length && f.terms[i]!.startsWith(alt.term); i++) found.add(f.terms[i]!);
        }
      }
    } else {
      const big = bigSegments(this.segments);
      const vocabulary = shared && sameList(shared.segments, big) ? shared.vocabulary : null;
      if (vocabulary) {
        const { terms, sigs, lenStart } = vocabulary;
        const last = lenStart.length - 2;
        const from = lenStart[Math.max(0, Math.min(last, alt.term.length - alt.distance))]!;
        const to = lenStart[Math.min(last, alt.term.length + alt.distance) + 1]!;
        scanFuzzy(terms, sigs, from, to, alt.term, alt.distance, found);
      }
      for (const s of this.segments) {
        if (vocabulary && s.meta.docCount >= BIG_SEGMENT_DOCS) continue;
        for (const f of s.fields) scanFuzzy(f.terms, f.sigs, 0, f.terms.length, alt.term, alt.distance, found);
      }
    }
    const terms = [...found];
    if (terms.length <= cap) return terms;
    this.truncated = true;
    return terms.sort(shortestFirst).slice(0, cap);
  }

  /**
   * Terms of a word group with their boost (the best alternative that yields each term).
   * `cap`: prefix/fuzzy forms kept; exclusions pass Infinity (marking rows is cheap, and
   * "-quisp*" must drop every page holding any quisp… form).
   */
  expand(group: WordGroup, cap = MAX_EXPANSIONS): Expanded[] {
    let out = this.expandMemo.get(group);
    if (out) return out;
    const best = new Map<string, number>();
    for (const alt of group.alts) for (const term of this.expandAlt(alt, cap)) best.set(term, Math.max(best.get(term) ?? 0, alt.boost));
    out = [...best].map(([term, boost]) => ({ term, boost }));
    this.expandMemo.set(group, out);
    return out;
  }
}

/**
 * Rows of a segment holding `term` in any field (the df of idf, so df ≤ N): a record with the
 * word in its name and its description counts once. Pages have one field: its df. Cached per
 * segment (postings never change; tombstoned rows count until a merge, like N).
 */
export function rowDf(s: Segment, term: string): number {
  let hits = 0;
  let only = -1;
  for (let i = 0; i < s.fields.length; i++) if (termIndex(s.fields[i]!.terms, term) >= 0) { hits++; only = i; }
  if (hits === 0) return 0;
  if (hits === 1) { const f = s.fields[only]!; return f.df[termIndex(f.terms, term)]!; }
  const cache = (s.cache.rowDf ??= new Map());
  let df = cache.get(term);
  if (df === undefined) {
    const seen = new Uint8Array(s.meta.docCount);
    df = 0;
    for (const f of s.fields) {
      const t = termIndex(f.terms, term);
      if (t >= 0) walkPostings(f, t, (row) => { if (!seen[row]) { seen[row] = 1; df!++; } });
    }
    cache.set(term, df);
  }
  return df;
}

/** Rough cost of a group in a segment: postings to walk. */
export const groupCost = (s: Segment, expanded: readonly Expanded[]): number => expanded.reduce((sum, e) => sum + segmentDf(s, e.term), 0);

/**
 * Walks one term's postings: calls `visit(row, tf)` per posting, in row order. Stops early
 * when `visit` returns false.
 */
export function walkPostings(f: FieldIndex, t: number, visit: (row: number, tf: number) => boolean | void): void {
  const reader = new ByteReader(f.postings, f.postStart[t]!);
  const count = f.df[t]!;
  let row = 0;
  for (let i = 0; i < count; i++) {
    row += reader.varint();
    const tf = reader.varint();
    if (visit(row, tf) === false) return;
  }
}

/**
 * Scores one word group in a segment into `out` (dense, one slot per row, zero = no match):
 * per field the best alternative (raw, stem, prefix, fuzzy do not add up), fields summed with
 * their boosts. Returns the rows touched, in no particular order.
 */
export function scoreGroup(s: Segment, expanded: readonly Expanded[], ctx: QueryContext, out: Float32Array): number[] {
  const touched: number[] = [];
  const single = s.fields.length === 1;
  const best = single ? out : new Float32Array(out.length);
  for (const f of s.fields) {
    const fieldTouched: number[] = single ? touched : [];
    const avg = f.avgLength || 1;
    const lengths = f.lengths;
    const reader = new ByteReader(f.postings);
    for (const e of expanded) {
      const t = termIndex(f.terms, e.term);
      if (t < 0) continue;
      const w0 = e.boost * ctx.idf(s.meta.family, e.term);
      reader.pos = f.postStart[t]!;
      const count = f.df[t]!;
      let row = 0;
      for (let i = 0; i < count; i++) {
        row += reader.varint();
        const tf = reader.varint();
        const norm = K1 * (1 - B + B * (lengths[row]! / avg));
        const w = (w0 * tf * (K1 + 1)) / (norm + tf);
        const old = best[row]!;
        if (old === 0) { fieldTouched.push(row); best[row] = w; } else if (w > old) best[row] = w;
      }
    }
    if (!single) {
      const boost = FIELD_BOOST[f.field];
      for (const row of fieldTouched) {
        if (out[row] === 0) touched.push(row);
        out[row] = out[row]! + best[row]! * boost;
        best[row] = 0;
      }
    } else {
      for (const row of fieldTouched) out[row] = out[row]! * FIELD_BOOST[f.field];
    }
  }
  return touched;
}

/** Rows holding any of the terms (no scoring), for exclusions. */
export function rowsWithAny(s: Segment, expanded: readonly Expanded[], mark: Uint8Array): void {
  for (const f of s.fields) {
    for (const e of expanded) {
      const t = termIndex(f.terms, e.term);
      if (t >= 0) walkPostings(f, t, (row) => { mark[row] = 1; });
    }
  }
}

/** Which of `terms` each of `rows` holds (any field): matched terms of the top hits only. */
export function termsOfRows(s: Segment, terms: readonly string[], rows: readonly number[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>(rows.map((r) => [r, new Set<string>()]));
  if (rows.length === 0) return out;
  const max = Math.max(...rows);
  for (const f of s.fields) {
    for (const term of terms) {
      const t = termIndex(f.terms, term);
      if (t < 0) continue;
      walkPostings(f, t, (row) => {
        if (row > max) return false;
        out.get(row)?.add(term);
        return true;
      });
    }
  }
  return out;
}

/**
 * Word positions of the given rows for one term (pages: the field `text`), read from the
 * positions source by the term's byte range only.
 */
export async function positionsOf(s: Segment, term: string, rows: ReadonlySet<number>, into: Map<number, Set<number>>): Promise<void> {
  const f = s.fields[0];
  if (!f?.posStart || !s.positions) return;
  const t = termIndex(f.terms, term);
  if (t < 0) return;
  // In memory once warmed (the worker reads each segment's positions after start-up); until
  // then, only this term's byte range is read from the Blob.
  const pos = s.positions.inMemory
    ? new ByteReader(s.positions.inMemory, f.posStart[t]!)
    : new ByteReader(new Uint8Array(await s.positions.slice(f.posStart[t]!, f.posStart[t + 1]!).arrayBuffer()));
  walkPostings(f, t, (row, tf) => {
    const wanted = rows.has(row);
    let set = wanted ? into.get(row) : undefined;
    if (wanted && !set) { set = new Set(); into.set(row, set); }
    let p = 0;
    for (let j = 0; j < tf; j++) { p += pos.varint(); set?.add(p); }
  });
}

export { fieldsOf };
