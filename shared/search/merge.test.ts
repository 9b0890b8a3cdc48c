import { describe, expect, it } from 'vitest';
import { DEFAULT_MERGE_POLICY, planMerges } from './merge';
import type { SegmentMeta } from './segment';

const meta = (id: string, docCount: number, kind: SegmentMeta['kind'] = `document:${id}`, extra: Partial<SegmentMeta & { deleted: number }> = {}) => ({
  id, kind, family: kind.startsWith('records') ? 'records' as const : 'pages' as const, seq: Number(id.replace(/\D/g, '')) || 0,
  documentIds: [id], docCount, builtAt: 0, analyzerVersion: 1, ...extra,
});

describe('planMerges (Lucene-like tiers)', () => {
  it('waits for mergeFactor segments of similar size, then merges the smallest of the tier', () => {
    const nine = Array.from({ length: 9 }, (_, i) => meta(`d${i}`, 30));
    expect(planMerges(nine)).toEqual([]);
    const ten = [...nine, meta('d9', 40), meta('big1', 5_000)];
    expect(planMerges(ten)).toEqual([{ segmentIds: [...nine.map((m) => m.id), 'd9'], family: 'pages', reason: 'tier' }]);
  });

  it('never mixes records with pages; folds record deltas back into the records segment', () => {
    const metas = [meta('r1', 10_000, 'records'), ...Array.from({ length: 8 }, (_, i) => meta(`x${i + 2}`, 3, 'records-delta'))];
    expect(planMerges(metas)).toEqual([{ segmentIds: metas.map((m) => m.id), family: 'records', reason: 'records-deltas' }]);
    expect(planMerges(metas.slice(0, 3))).toEqual([]);
  });

  it('rebuilds a segment with many deleted rows and caps merged size', () => {
    expect(planMerges([meta('m1', 1_000, 'merged', { deleted: 400 })])).toEqual([{ segmentIds: ['m1'], family: 'pages', reason: 'deletes' }]);
    const huge = Array.from({ length: 10 }, (_, i) => meta(`h${i}`, 9_000));
    expect(planMerges(huge, DEFAULT_MERGE_POLICY).every((p) => p.segmentIds.length <= 2)).toBe(true);
  });
});
