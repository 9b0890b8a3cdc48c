/**
 * One query clause (a word, or a phrase's words) over one segment: the rows holding every word
 * group (any, for a phrase of weak words), with the clause's score per row, and the phrase
 * verified. An AND is evaluated rarest first: the first word group (or clause, search.ts) is
 * scored in full, every later one only on the rows still in the running — its postings are
 * decoded but a row outside the mask is not scored, touched or kept (docs/search.md, "Query
 * evaluation"). Scores are summed in the same order as an exhaustive evaluation, so every
 * score is bit-identical to it (tested in clauses.test.ts against a plain reference).
 */
import type { CompiledClause } from './compile';
import { groupCost, scoreGroup } from './evaluate';
import type { Expanded, QueryContext, RowMask } from './evaluate';
import { phraseRowsByPositions, phraseRowsByText } from './phrases';
import type { Segment } from './segment';

/** Postings a clause's cheapest evaluation starts from: its rarest group (any group: all of them). */
export function clauseCost(seg: Segment, clause: CompiledClause, ctx: QueryContext): number {
  const costs = clause.groups.map((g) => groupCost(seg, ctx.expand(g), ctx));
  return clause.anyGroup ? costs.reduce((a, b) => a + b, 0) : Math.min(...costs);
}

/**
 * Rows of a segment satisfying a clause (every word group; the phrase verified), with the
 * clause's score per row (an array of the query's scratch: valid until it is released). `within` restricts the rows (already cut by earlier clauses); `only`,
 * when given, is the same restriction as a mask, applied before scoring.
 */
export async function clauseRows(seg: Segment, clause: CompiledClause, ctx: QueryContext, within: ((row: number) => boolean) | null,
  only: RowMask | null = null): Promise<{ rows: number[]; score: Float32Array } | null> {
  const n = seg.meta.docCount;
  const groups: Expanded[][] = clause.groups.map((g) => ctx.expand(g)).sort((a, b) => groupCost(seg, a, ctx) - groupCost(seg, b, ctx));
  if (!clause.anyGroup && groups.some((g) => g.length === 0)) return null;
  const total = ctx.scratch.f32(n);
  let rows: number[];
  if (clause.anyGroup) {
    const seen = ctx.scratch.u8(n);
    rows = [];
    for (const expanded of groups) {
      const g = ctx.scratch.f32(n);
      for (const row of scoreGroup(seg, expanded, ctx, g, only)) {
        total[row] = total[row]! + g[row]!;
        if (!seen[row]) { seen[row] = 1; rows.push(row); }
      }
    }
  } else if (groups.length === 1) {
    rows = scoreGroup(seg, groups[0]!, ctx, total, only);
  } else {
    // Rarest group first (sorted by cost); each later group scores only the rows every earlier
    // one holds (count === its index), so the rows left are the last group's touched ones.
    const count = ctx.scratch.u16(n);
    let touched: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const g = ctx.scratch.f32(n);
      touched = scoreGroup(seg, groups[i]!, ctx, g, i === 0 ? only : { mask: count, want: i });
      for (const row of touched) {
        count[row] = i + 1;
        total[row] = total[row]! + g[row]!;
      }
      if (touched.length === 0) break;
    }
    rows = touched.filter((row) => count[row] === groups.length);
  }
  if (within) rows = rows.filter(within);
  if (clause.phrase && rows.length) {
    const ok = seg.meta.family === 'pages' ? await phraseRowsByPositions(seg, clause, ctx, rows) : phraseRowsByText(seg, clause.phrase, rows);
    rows = rows.filter((r) => ok.has(r));
  }
  return { rows, score: total };
}
