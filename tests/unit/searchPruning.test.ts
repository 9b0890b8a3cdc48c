// The query path evaluates an AND rarest first and scores later words only on the rows still in
// the running (shared/search/clauses.ts, search.ts). This checks it against an exhaustive
// evaluation — every word group and clause scored on every row, then intersected, as the engine
// did before — over a generated corpus: the same count, the same top 20 pages, bit-identical scores.
import { describe, expect, it } from 'vitest';
import { isStrong, tokenize } from '../../shared/search/analyze';
import { compileQuery } from '../../shared/search/compile';
import type { CompiledClause } from '../../shared/search/compile';
import { QueryContext, scoreGroup } from '../../shared/search/evaluate';
import { mergeSegments } from '../../shared/search/merge';
import { parseQuery } from '../../shared/search/parseQuery';
import { phraseRowsByPositions } from '../../shared/search/phrases';
import { searchSegments } from '../../shared/search/search';
import { buildSegment, rowRef } from '../../shared/search/segment';
import type { Segment } from '../../shared/search/segment';
import type { SearchDoc } from '../../shared/search/types';
import { makeRandom } from '../bench/generateRecords';
import { generatePages } from '../fixtures/search/generatePages';

/** The exhaustive reference: each clause scored on every row of the segment. */
async function exhaustiveClause(seg: Segment, clause: CompiledClause, ctx: QueryContext): Promise<{ rows: number[]; score: Float32Array } | null> {
  const n = seg.meta.docCount;
  const groups = clause.groups.map((g) => ctx.expand(g));
  if (!clause.anyGroup && groups.some((g) => g.length === 0)) return null;
  // Groups in the engine's order (rarest first), since float32 sums depend on the order.
  const cost = (g: typeof groups[number]) => g.reduce((sum, e) => sum + seg.fields.reduce((s, f) => {
    const t = [...Array(f.terms.length).keys()].find((i) => f.terms.at(i) === e.term);
    return s + (t === undefined ? 0 : f.df[t]!);
  }, 0), 0);
  groups.sort((a, b) => cost(a) - cost(b));
  const total = new Float32Array(n);
  const count = new Uint16Array(n);
  for (const expanded of groups) {
    const g = new Float32Array(n);
    scoreGroup(seg, expanded, ctx, g);
    for (let row = 0; row < n; row++) {
      if (g[row] === 0) continue;
      if (clause.anyGroup) { total[row] = total[row]! + g[row]!; count[row] = 1; continue; }
      if (count[row] !== groups.indexOf(expanded)) continue;
      count[row] = count[row]! + 1;
      total[row] = total[row]! + g[row]!;
    }
  }
  let rows: number[] = [];
  for (let row = 0; row < n; row++) if (count[row] === (clause.anyGroup ? 1 : groups.length)) rows.push(row);
  if (clause.phrase && rows.length) { const ok = await phraseRowsByPositions(seg, clause, ctx, rows); rows = rows.filter((r) => ok.has(r)); }
  return { rows, score: total };
}

async function exhaustive(segs: Segment[], query: string): Promise<{ count: number; top: string[] }> {
  const compiled = compileQuery(parseQuery(query));
  const ctx = new QueryContext(segs);
  const weak = (c: CompiledClause) => c.phrase === null && c.groups[0]!.weak;
  const required = compiled.include.filter((c) => !weak(c));
  const clauses = [...required].sort((a, b) => Number(a.phrase !== null) - Number(b.phrase !== null));
  const hits: { ref: string; score: number }[] = [];
  for (const seg of segs) {
    const n = seg.meta.docCount;
    const score = new Float32Array(n);
    const count = new Uint16Array(n);
    for (let i = 0; i < clauses.length; i++) {
      const res = await exhaustiveClause(seg, clauses[i]!, ctx);
      for (const row of res?.rows ?? []) if (count[row] === i) { count[row]++; score[row] = score[row]! + res!.score[row]!; }
    }
    for (const clause of compiled.include.filter(weak)) {
      const res = await exhaustiveClause(seg, clause, ctx);
      for (const row of res?.rows ?? []) if (count[row] === clauses.length) score[row] = score[row]! + res!.score[row]!;
    }
    for (let row = 0; row < n; row++) if (count[row] === clauses.length) hits.push({ ref: rowRef(seg, row), score: score[row]! });
  }
  hits.sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : 1));
  return { count: hits.length, top: hits.slice(0, 20).map((h) => `${h.ref} ${h.score}`) };
}

describe('AND evaluation, rarest first and restricted, against an exhaustive one', () => {
  const pages = generatePages(900, 11);
  const docs: SearchDoc[] = pages.map((p) => ({
    ref: `page:${p.documentId}:${p.page}`, kind: 'page', recordId: p.documentId, page: p.page, fields: { text: p.text },
    caseIds: [], dateFrom: null, dateTo: null, lang: p.lang,
  }));
  const segments = async (): Promise<Segment[]> => {
    const small = Array.from({ length: 30 }, (_, i) => buildSegment(`document:doc${i}`, docs.slice(i * 30, i * 30 + 30), { seq: i + 1 }));
    // One merged segment, one mid-sized, several small ones: global idf, per-segment lengths.
    return [await mergeSegments(small.slice(0, 20), 100), await mergeSegments(small.slice(20, 26), 101), ...small.slice(26)];
  };

  it('gives the same count, top 20 pages and scores for words, weak words and phrases', async () => {
    const segs = await segments();
    const r = makeRandom(5);
    const queries: string[] = ['captura policía', 'con la policía', 'the police with', 'operación ataque emboscada', '"comunidad campesina" región'];
    for (let i = 0; i < 60; i++) {
      const words = tokenize(r.pick(pages).text).map((t) => t.word);
      const at = r.int(0, words.length - 4);
      const pick = () => words[r.int(0, words.length - 1)]!;
      const strongRun = words.slice(at, at + 3).filter(isStrong);
      const kind = i % 4;
      queries.push(kind === 0 ? `${pick()} ${pick()}`
        : kind === 1 ? `${pick()} ${pick()} ${pick()}`
          : kind === 2 && strongRun.length >= 2 ? `"${strongRun.join(' ')}"`
            : `${pick()} "${words.slice(at, at + 2).join(' ')}"`);
    }
    let nonEmpty = 0;
    for (const q of queries) {
      const expected = await exhaustive(segs, q);
      const result = await searchSegments(segs, q, { kinds: ['page'] }, { limit: 20 });
      const page = result.groups.page;
      // Phrases holding stop words are checked on page text, which this reference does not read;
      // a query of weak words only needs any of them (an OR, not evaluated here).
      const compiled = compileQuery(parseQuery(q));
      if (compiled.include.some((c) => c.phrase?.some((w) => !isStrong(w)))) continue;
      if (compiled.include.every((c) => c.phrase === null && c.groups[0]!.weak)) continue;
      expect({ q, count: page.count, top: page.hits.map((h) => `${h.ref} ${h.score}`) }).toEqual({ q, ...expected });
      if (expected.count > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });
});
