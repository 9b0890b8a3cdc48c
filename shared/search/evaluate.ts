/**
 * Matching and scoring over compact segments with corpus-wide statistics, so that scores from
 * different segments compare (docs/search.md, "Scoring across segments").
 * BM25 (k1 1.2, b 0.75, lunr's constants) with idf from df and N summed over every segment of
 * the family, and each segment's own average field length (as Lucene does).
 */
import { Expander } from './expand';
import type { Expanded } from './expand';
import { fieldsOf, rowLangs, termIndex } from './segment';
import type { FieldIndex, Segment } from './segment';
import type { SearchField, SegmentFamily } from './types';
import { Scratch } from './scratch';
import { ByteReader } from './varint';

export const FIELD_BOOST: Record<SearchField, number> = { name: 3, role: 1.5, place: 1.5, body: 1, date: 1, people: 1.5, text: 1 };
const K1 = 1.2;
const B = 0.75;

/** lunr's idf. */
export const idf = (df: number, n: number): number => Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
/** Query-wide state: expansions (expand.ts) plus global N and idf per family, for every segment alike. */
export class QueryContext extends Expander {
  private readonly n: Record<SegmentFamily, number> = { records: 0, pages: 0 };
  private readonly idfMemo = new Map<string, number>();
  /** Dictionary index of each term looked up in a field during this query (−1: absent). */
  private readonly termMemo = new Map<FieldIndex, Map<string, number>>();
  /** The query's dense per-row arrays, reused across queries (scratch.ts). */
  readonly scratch = new Scratch();
  constructor(segments: readonly Segment[]) {
    super(segments);
    // Tombstoned rows still count until a merge expunges them, as in Lucene.
    for (const s of segments) this.n[s.meta.family] += s.meta.docCount;
  }

  private df(family: SegmentFamily, term: string): number {
    let df = 0;
    for (const s of this.segments) if (s.meta.family === family) df += rowDf(s, term, this);
    return df;
  }

  /**
   * `termIndex(f.terms, term)`, once per field and term for the query: a word's forms are
   * looked up for its idf, the clause order and its scoring, in every segment.
   */
  termAt(f: FieldIndex, term: string): number {
    let memo = this.termMemo.get(f);
    if (!memo) { memo = new Map(); this.termMemo.set(f, memo); }
    let t = memo.get(term);
    if (t === undefined) { t = termIndex(f.terms, term); memo.set(term, t); }
    return t;
  }

  idf(family: SegmentFamily, term: string): number {
    const key = family === 'pages' ? term : `\u0000${term}`;
    let value = this.idfMemo.get(key);
    if (value === undefined) {
      value = idf(this.df(family, term), this.n[family]);
      this.idfMemo.set(key, value);
    }
    return value;
  }

  /**
   * idf of an expanded form: a word's surface and stem forms share one, from their summed df
   * (what one stem term's postings gave), so a rare derivation cannot outscore a common
   * inflection on idf alone; prefix and typo forms keep their own.
   */
  idfOf(family: SegmentFamily, e: Expanded, group: readonly Expanded[]): number {
    if (e.blend === null) return this.idf(family, e.term);
    const key = `${family}\u0001${e.blend}`;
    let value = this.idfMemo.get(key);
    if (value === undefined) {
      let df = 0;
      for (const x of group) if (x.blend === e.blend) df += this.df(family, x.term);
      value = idf(Math.min(df, this.n[family]), this.n[family]);
      this.idfMemo.set(key, value);
    }
    return value;
  }
}

/**
 * Rows of a segment holding `term` in any field (the df of idf, so df ≤ N): a record with the
 * word in its name and its description counts once. Pages have one field: its df. Cached per
 * segment (postings never change; tombstoned rows count until a merge, like N).
 */
export function rowDf(s: Segment, term: string, ctx?: QueryContext): number {
  const at = (f: FieldIndex) => (ctx ? ctx.termAt(f, term) : termIndex(f.terms, term));
  let hits = 0;
  let only = -1;
  for (let i = 0; i < s.fields.length; i++) if (at(s.fields[i]!) >= 0) { hits++; only = i; }
  if (hits === 0) return 0;
  if (hits === 1) { const f = s.fields[only]!; return f.df[at(f)]!; }
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
export function groupCost(s: Segment, expanded: readonly Expanded[], ctx: QueryContext): number {
  let cost = 0;
  for (const e of expanded) for (const f of s.fields) { const t = ctx.termAt(f, e.term); if (t >= 0) cost += f.df[t]!; }
  return cost;
}

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

/** Rows whose `mask` slot equals `want` (the rows an AND still keeps). */
export interface RowMask { mask: Uint16Array; want: number }

/**
 * Scores one word group in a segment into `out` (dense, one slot per row, zero = no match):
 * per field the best form (surface, stem forms, prefix, typos do not add up), each weighed by
 * its boost for the row's language, fields summed with their boosts. Returns the rows touched, in no particular order.
 * `only`: rows outside the mask are skipped before scoring (they are neither scored nor touched).
 */
export function scoreGroup(s: Segment, expanded: readonly Expanded[], ctx: QueryContext, out: Float32Array, only: RowMask | null = null): number[] {
  const mask = only?.mask ?? null;
  const want = only?.want ?? 0;
  const touched: number[] = [];
  const single = s.fields.length === 1;
  const best = single ? out : ctx.scratch.f32(out.length);
  const langs = rowLangs(s);
  for (const f of s.fields) {
    const fieldTouched: number[] = single ? touched : [];
    const avg = f.avgLength || 1;
    const lengths = f.lengths;
    const bytes = f.postings;
    for (const e of expanded) {
      const t = ctx.termAt(f, e.term);
      if (t < 0) continue;
      const w0 = ctx.idfOf(s.meta.family, e, expanded);
      const [bMixed, bEs, bEn] = e.byLang;
      let pos = f.postStart[t]!;
      const count = f.df[t]!;
      let row = 0;
      // The hottest loop of a query (a broad word walks tens of thousands of postings): the
      // varints (ByteReader's) decoded inline, as the first query runs it before it is optimised.
      for (let i = 0; i < count; i++) {
        let byte = bytes[pos++]!;
        let delta = byte;
        if (byte >= 0x80) {
          delta = byte & 0x7f;
          let shift = 7;
          do { byte = bytes[pos++]!; delta |= (byte & 0x7f) << shift; shift += 7; } while (byte >= 0x80);
          delta >>>= 0;
        }
        row += delta;
        byte = bytes[pos++]!;
        let tf = byte;
        if (byte >= 0x80) {
          tf = byte & 0x7f;
          let shift = 7;
          do { byte = bytes[pos++]!; tf |= (byte & 0x7f) << shift; shift += 7; } while (byte >= 0x80);
          tf >>>= 0;
        }
        // Restricted to the rows still in the running (an AND's later words): decoded, not scored.
        if (mask !== null && mask[row] !== want) continue;
        const lang = langs[row];
        const boost = lang === 1 ? bEs : lang === 2 ? bEn : bMixed;
        if (boost === 0) continue;
        const norm = K1 * (1 - B + B * (lengths[row]! / avg));
        const w = (boost * w0 * tf * (K1 + 1)) / (norm + tf);
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
 * Word positions of the wanted rows for one term (pages: the field `text`), read from the
 * positions source by the term's byte range only: `slot[row]` is the row's index in `into`
 * (−1: not wanted), whose list gets the positions (appended: a word's forms share the list).
 * One pass over the term's postings and positions, varints decoded inline; the positions of
 * rows not wanted are skipped, not decoded.
 */
export async function positionsOf(s: Segment, term: string, slot: Int32Array, into: (number[] | undefined)[]): Promise<void> {
  const f = s.fields[0];
  if (!f?.posStart || !s.positions) return;
  const t = termIndex(f.terms, term);
  if (t < 0) return;
  // In memory once warmed (the worker reads each segment's positions after start-up); until
  // then, only this term's byte range is read from the Blob.
  let pos: Uint8Array;
  let at: number;
  if (s.positions.inMemory) { pos = s.positions.inMemory; at = f.posStart[t]!; }
  else { pos = new Uint8Array(await s.positions.slice(f.posStart[t]!, f.posStart[t + 1]!).arrayBuffer()); at = 0; }
  const bytes = f.postings;
  let p = f.postStart[t]!;
  const count = f.df[t]!;
  let row = 0;
  for (let i = 0; i < count; i++) {
    let byte = bytes[p++]!;
    let delta = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) { byte = bytes[p++]!; delta |= (byte & 0x7f) << shift; }
    row += delta >>> 0;
    byte = bytes[p++]!;
    let tf = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) { byte = bytes[p++]!; tf |= (byte & 0x7f) << shift; }
    tf >>>= 0;
    const k = row < slot.length ? slot[row]! : -1;
    if (k < 0) {
      // Skip this row's tf position varints.
      for (let j = 0; j < tf; j++) while (pos[at++]! >= 0x80);
      continue;
    }
    const list = (into[k] ??= []);
    let word = 0;
    for (let j = 0; j < tf; j++) {
      byte = pos[at++]!;
      let d = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) { byte = pos[at++]!; d |= (byte & 0x7f) << shift; }
      word += d >>> 0;
      list.push(word);
    }
  }
}

export { fieldsOf };
export { MAX_EXPANSIONS, prepareVocabulary, withinDistance } from './expand';
export type { Expanded } from './expand';
