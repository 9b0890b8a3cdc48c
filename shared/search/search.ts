/**
 * searchSegments: run a query over every live segment with dense typed-array accumulators,
 * keep the top hits per kind in a bounded list (candidates.ts, counts are exact), verify phrases
 * by word positions (pages) or on the record's text; hits.ts makes the returned hits (phrases
 * with stop words checked on page text, snippets for the returned hits only).
 */
import { compileQuery } from './compile';
import { clauseCost, clauseRows } from './clauses';
import type { CompiledClause, CompiledQuery } from './compile';
import { QueryContext, rowsWithAny } from './evaluate';
import { isStrong } from './analyze';
import { TopK } from './candidates';
import type { PendingPhrases } from './candidates';
import { finishGroup, verifyByText } from './hits';
import type { HitOptions } from './hits';
import { parseQuery } from './parseQuery';
import type { ParsedQuery } from './parseQuery';
import { NAME_SEPARATOR } from './columns';
import { nameWordsOf, rowFilterInfo, rowKind } from './segment';
import type { Segment } from './segment';
import { HIT_KINDS } from './types';
import type { DocumentFilterInfo, HitGroup, HitKind, SearchFilters, SearchResults } from './types';

export type { TextLoader } from './hits';

export interface SearchOptions extends HitOptions {
  /** Hits returned per kind (default 20). */
  limit?: number;
  /** Current filter facts of documents; pages use these over the ones frozen in the segment. */
  documentInfo?: ReadonlyMap<string, DocumentFilterInfo>;
  /**
   * Page texts read at most per query to verify phrases holding stop words (positions check
   * the indexed words only). Past it, counts are upper bounds (`exact: false`). Default 200.
   */
  phraseBudget?: number;
  fuzzy?: boolean;
  now?: () => number;
}

/**
 * Whether a phrase clause needs the page text: stop words of either language (and one-letter
 * words) are not indexed everywhere, so positions check only the strong words' adjacency.
 */
const textPhrase = (clause: CompiledClause): boolean => clause.phrase !== null && clause.phrase.some((w) => !isStrong(w));
const needsText = (seg: Segment, clause: CompiledClause): boolean => seg.meta.family === 'pages' && textPhrase(clause);
const hasTextPhrase = (q: CompiledQuery): boolean => q.include.some(textPhrase);
const DEFAULT_PHRASE_BUDGET = 200;

const filtering = (f: SearchFilters): boolean => !!(f.kinds?.length || f.statuses?.length || f.caseIds?.length || f.from || f.to);

function passes(seg: Segment, row: number, f: SearchFilters, docInfo?: ReadonlyMap<string, DocumentFilterInfo>): boolean {
  if (seg.tombstones.has(row)) return false;
  if (f.kinds?.length && !f.kinds.includes(rowKind(seg, row))) return false;
  if (f.statuses?.length && !(f.statuses as string[]).includes(seg.rows.status.at(row) ?? '')) return false;
  if (!f.caseIds?.length && !f.from && !f.to) return true;
  const info = rowFilterInfo(seg, row, docInfo);
  if (f.caseIds?.length && !info.caseIds.some((c) => f.caseIds!.includes(c))) return false;
  if (f.from && (!info.dateTo || info.dateTo < f.from)) return false;
  if (f.to && (!info.dateFrom || info.dateFrom > f.to)) return false;
  return true;
}


/**
 * Actors' names as their indexable folded words, per row (cached per segment): a query
 * covering one whole name doubles the actor's score (BM25 on the joined names field penalises
 * actors with many aliases). Depends only on the row and the query: comparable across segments.
 */
function nameWords(seg: Segment, row: number): string[][] | null {
  const cache = (seg.cache.nameForms ??= []);
  let words = cache[row];
  if (words === undefined) {
    // Stored segments carry them (format 4: nothing to fold at query time).
    const stored = seg.rows.nameKeys?.at(row);
    if (stored !== undefined) words = stored ? stored.split(NAME_SEPARATOR).map((name) => name.split(' ')) : null;
    else {
      const names = seg.rows.names.at(row);
      words = names?.length ? nameWordsOf(names) : null;
    }
    cache[row] = words;
  }
  return words;
}
const NAME_BONUS = 2;

function nameBonus(seg: Segment, row: number, queryTerms: ReadonlySet<string>): number {
  const names = nameWords(seg, row);
  if (!names) return 1;
  for (const words of names) if (words.every((w) => queryTerms.has(w))) return NAME_BONUS;
  return 1;
}

async function segmentCandidates(seg: Segment, q: CompiledQuery, ctx: QueryContext, keep: ((row: number) => boolean) | null,
  queryTerms: ReadonlySet<string>, top: Record<HitKind, TopK>): Promise<void> {
  // The segment's dense arrays are the query's scratch (scratch.ts), given back once its rows are offered.
  try {
    await offerSegment(seg, q, ctx, keep, queryTerms, top);
  } finally {
    ctx.scratch.release();
  }
}

async function offerSegment(seg: Segment, q: CompiledQuery, ctx: QueryContext, keep: ((row: number) => boolean) | null,
  queryTerms: ReadonlySet<string>, top: Record<HitKind, TopK>): Promise<void> {
  const n = seg.meta.docCount;
  let score: Float32Array = new Float32Array(0);
  let rows: number[] = [];
  // Pages: phrases with stop words each row must still show in its text (checked for the top hits).
  let pendingAll: PendingPhrases | null = null;
  const pendingAny = new Map<number, string[][]>();
  // Weak words (a stop word in one language: "sea", "con", "the") are optional next to strong
  // ones: they score where a text holds them as content but are never required, since a page
  // in the language that drops them cannot hold them. A query of weak words only needs one.
  const weak = (c: CompiledClause) => c.phrase === null && c.groups[0]!.weak;
  const required = q.include.filter((c) => !weak(c));
  const mode = q.mode === 'all' && required.length === 0 ? 'any' : q.mode;
  if (mode === 'all' && required.length === 1 && q.include.length === 1) {
    // One clause (a word or a phrase): its rows and scores as they are, no per-row merging.
    const clause = required[0]!;
    const res = await clauseRows(seg, clause, ctx, keep);
    if (!res || res.rows.length === 0) return;
    rows = res.rows;
    score = res.score;
    if (needsText(seg, clause)) pendingAll = { phrases: [clause.phrase!], any: false };
  } else if (mode === 'all') {
    // Plain clauses first, phrases last: positions are read only for rows that survive. Within
    // each, the rarest first: every later clause scores only the rows all earlier ones hold.
    const clauses = [...required].sort((a, b) => Number(a.phrase !== null) - Number(b.phrase !== null));
    const cost = clauses.map((c) => clauseCost(seg, c, ctx));
    const order = clauses.map((_, i) => i).sort((a, b) => Number(clauses[a]!.phrase !== null) - Number(clauses[b]!.phrase !== null) || cost[a]! - cost[b]!);
    const count = ctx.scratch.u16(n);
    const scores: Float32Array[] = new Array(clauses.length);
    for (let i = 0; i < order.length; i++) {
      const c = order[i]!;
      const res = await clauseRows(seg, clauses[c]!, ctx, i === 0 ? keep : (row: number) => count[row] === i, i === 0 ? null : { mask: count, want: i });
      if (!res || res.rows.length === 0) return;
      for (const row of res.rows) count[row] = i + 1;
      scores[c] = res.score;
      rows = res.rows;
    }
    // Summed in clause order, as one clause after another would: the same float32 sums.
    score = ctx.scratch.f32(n);
    for (const row of rows) {
      let sum = 0;
      for (const s of scores) sum = Math.fround(sum + s[row]!);
      score[row] = sum;
    }
    for (const clause of q.include.filter(weak)) {
      const res = await clauseRows(seg, clause, ctx, (row) => count[row] === clauses.length, { mask: count, want: clauses.length });
      for (const row of res?.rows ?? []) score[row] = score[row]! + res!.score[row]!;
    }
    const textPhrases = clauses.filter((c) => needsText(seg, c)).map((c) => c.phrase!);
    if (textPhrases.length) pendingAll = { phrases: textPhrases, any: false };
  } else {
    score = ctx.scratch.f32(n);
    // 1: matched a clause that needs no text check; 2: only clauses that do (pendingAny).
    const seen = ctx.scratch.u8(n);
    for (const clause of q.include) {
      const res = await clauseRows(seg, clause, ctx, keep);
      if (!res) continue;
      const text = needsText(seg, clause);
      for (const row of res.rows) {
        score[row] = score[row]! + res.score[row]!;
        if (!text) { seen[row] = 1; pendingAny.delete(row); continue; }
        if (seen[row] === 1) continue;
        seen[row] = 2;
        const list = pendingAny.get(row);
        if (list) list.push(clause.phrase!); else pendingAny.set(row, [clause.phrase!]);
      }
    }
    for (let row = 0; row < n; row++) if (seen[row]) rows.push(row);
  }
  for (const clause of q.exclude) {
    if (rows.length === 0) break;
    const live = new Set(rows);
    if (clause.phrase) {
      const res = await clauseRows(seg, clause, ctx, (row) => live.has(row));
      if (res) { const drop = new Set(res.rows); rows = rows.filter((r) => !drop.has(r)); }
    } else {
      // An excluded word drops rows that hold any of its forms.
      const mark = ctx.scratch.u8(n);
      for (const g of clause.groups) rowsWithAny(seg, ctx.expand(g, Infinity), mark);
      rows = rows.filter((r) => !mark[r]);
    }
  }
  if (seg.meta.family === 'records') {
    for (const row of rows) {
      const anyOf = pendingAny.size ? pendingAny.get(row) : undefined;
      top[rowKind(seg, row)].offer(seg, row, score[row]! * nameBonus(seg, row, queryTerms), pendingAll ?? (anyOf ? { phrases: anyOf, any: true } : undefined));
    }
  } else if (pendingAll === null && pendingAny.size === 0) {
    // Every row of a pages segment is a page.
    top.page.offerRows(seg, rows, score);
  } else {
    for (const row of rows) {
      const anyOf = pendingAny.get(row);
      top[rowKind(seg, row)].offer(seg, row, score[row]!, pendingAll ?? (anyOf ? { phrases: anyOf, any: true } : undefined));
    }
  }
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
  const limit = options.limit ?? 20;
  const top = {} as Record<HitKind, TopK>;
  // Pages to check on their text (phrases with stop words): keep up to the budget, best first.
  const textCheck = hasTextPhrase(compiled);
  for (const kind of HIT_KINDS) top[kind] = new TopK(kind === 'page' && textCheck ? Math.max(limit, options.phraseBudget ?? DEFAULT_PHRASE_BUDGET) : limit);
  const terms = new Set<string>();
  const typos = new Set<string>();
  let truncated = false;
  const ctx = compiled.include.length ? new QueryContext(segments) : null;
  if (ctx) {
    for (const clause of compiled.include) for (const g of clause.groups) for (const e of ctx.expand(g)) { terms.add(e.term); if (e.typo) typos.add(e.term); }
    // A prefix or typo word with more forms than MAX_EXPANSIONS matched only the nearest/shortest
    // (final here: scoring expands no other word with a cap).
    truncated = ctx.truncated;
  }
  const candidates = async (family: Segment['meta']['family']): Promise<void> => {
    if (!ctx) return;
    for (const seg of segments) {
      if (seg.meta.family !== family) continue;
      if (parsed.filters.kinds?.length && !parsed.filters.kinds.some((k) => (k === 'page') === (family === 'pages'))) continue;
      // No filter and no dead row: every row passes (no per-row check).
      const keep = !filtering(parsed.filters) && seg.tombstones.size === 0 ? null : (row: number) => passes(seg, row, parsed.filters, options.documentInfo);
      await segmentCandidates(seg, compiled, ctx, keep, terms, top);
    }
  };
  const termList = [...terms];
  const finish = async (kind: HitKind): Promise<HitGroup> => {
    const verified = kind === 'page' && textCheck ? await verifyByText(top[kind], limit, options) : null;
    return finishGroup(top[kind], compiled, termList, typos, options, !truncated && (verified?.exact ?? true), verified?.texts);
  };
  // Pages segments first: the page group is then final and its texts are read (IndexedDB, in
  // the worker) while the records segments are scored and their hits made. The groups share
  // nothing but read-only query state; each kind's top-k is the same in any segment order
  // (ties go by ref).
  await candidates('pages');
  const pages = finish('page');
  pages.catch(() => undefined); // its failure is thrown where it is awaited, below
  await candidates('records');
  const groups = {} as Record<HitKind, HitGroup>;
  for (const kind of HIT_KINDS) groups[kind] = kind === 'page' ? await pages : await finish(kind);
  return { groups, tookMs: now() - started, notes: parsed.notes };
}
