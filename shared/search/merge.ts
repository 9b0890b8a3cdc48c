/**
 * Segment lifecycle: tombstones and Lucene-like tiered merging. lunr indexes cannot be merged
 * as data structures, so a merge REBUILDS one segment from the source docs of the merged ones
 * (the worker's loader reads them from IndexedDB), dropping tombstoned rows on the way.
 */
import { buildSegment, liveDocCount, rowOfRef, rowRef, rowsOfDocuments } from './segment';
import type { Segment, SegmentMeta } from './segment';
import type { SearchDoc } from './types';

export interface MergePolicy {
  /** Segments of one size tier merged together once there are this many (Lucene's mergeFactor). */
  mergeFactor: number;
  /** Pages below this count all sit in tier 0. */
  floorDocs: number;
  /** Never build a merged pages segment above this (load and rebuild stay bounded). */
  maxMergedDocs: number;
  /** Rebuild a segment whose dead rows reach this share (expunge deletes). */
  maxDeletedShare: number;
  /** Fold the records deltas into a new records segment once there are this many… */
  maxRecordDeltas: number;
  /** …or once they hold this share of the records segment's docs. */
  maxRecordDeltaShare: number;
}

export const DEFAULT_MERGE_POLICY: MergePolicy = {
  mergeFactor: 10, floorDocs: 100, maxMergedDocs: 20_000, maxDeletedShare: 0.3, maxRecordDeltas: 8, maxRecordDeltaShare: 0.05,
};

export interface MergePlan {
  /** Ids of the segments to replace by one rebuilt segment. */
  segmentIds: string[];
  family: 'records' | 'pages';
  reason: 'tier' | 'deletes' | 'records-deltas';
}

type MetaWithDeletes = SegmentMeta & { deleted?: number };

/**
 * Which segments to merge now. Pages: size tiers of ×mergeFactor (floorDocs, ×10, ×100…);
 * a tier holding ≥ mergeFactor segments merges its smallest mergeFactor (capped at
 * maxMergedDocs). Records are never merged with pages: they change often and have other
 * fields; their deltas fold back into one records segment. Pure: no I/O, call it when idle.
 */
export function planMerges(metas: readonly MetaWithDeletes[], policy: MergePolicy = DEFAULT_MERGE_POLICY): MergePlan[] {
  const plans: MergePlan[] = [];
  const taken = new Set<string>();
  for (const m of metas) {
    if (m.docCount > 0 && (m.deleted ?? 0) / m.docCount >= policy.maxDeletedShare) {
      plans.push({ segmentIds: [m.id], family: m.family, reason: 'deletes' });
      taken.add(m.id);
    }
  }
  const records = metas.filter((m) => m.family === 'records' && !taken.has(m.id));
  const deltas = records.filter((m) => m.kind === 'records-delta');
  const base = records.filter((m) => m.kind === 'records');
  const baseDocs = base.reduce((n, m) => n + m.docCount, 0);
  const deltaDocs = deltas.reduce((n, m) => n + m.docCount, 0);
  if (deltas.length >= policy.maxRecordDeltas || (deltas.length > 0 && deltaDocs > Math.max(50, baseDocs * policy.maxRecordDeltaShare))) {
    plans.push({ segmentIds: records.map((m) => m.id), family: 'records', reason: 'records-deltas' });
  }
  const tiers = new Map<number, MetaWithDeletes[]>();
  for (const m of metas) {
    if (m.family !== 'pages' || taken.has(m.id)) continue;
    const tier = Math.max(0, Math.floor(Math.log(Math.max(m.docCount, 1) / policy.floorDocs) / Math.log(policy.mergeFactor)) + 1);
    tiers.set(tier, [...(tiers.get(tier) ?? []), m]);
  }
  for (const [, list] of [...tiers].sort((a, b) => a[0] - b[0])) {
    const sorted = [...list].sort((a, b) => a.docCount - b.docCount || a.seq - b.seq);
    while (sorted.length >= policy.mergeFactor) {
      const batch: MetaWithDeletes[] = [];
      let docs = 0;
      while (sorted.length && batch.length < policy.mergeFactor && docs + sorted[0]!.docCount <= policy.maxMergedDocs) {
        docs += sorted[0]!.docCount;
        batch.push(sorted.shift()!);
      }
      if (batch.length < 2) break;
      plans.push({ segmentIds: batch.map((m) => m.id), family: 'pages', reason: 'tier' });
    }
  }
  return plans;
}

/** Loads the docs a segment was built from (records: current records; pages: its documents' pages). */
export type DocsLoader = (meta: SegmentMeta) => Promise<readonly SearchDoc[]> | readonly SearchDoc[];

/**
 * Rebuild `segments` into one. Newer segments win for a ref (seq order), tombstoned refs are
 * dropped. The result's seq must be newer than every input (pass the catalog's next seq).
 */
export async function mergeSegments(segments: readonly Segment[], loadDocs: DocsLoader, seq: number): Promise<Segment> {
  const family = segments[0]?.meta.family ?? 'pages';
  const seen = new Set<string>();
  const docs: SearchDoc[] = [];
  for (const seg of [...segments].sort((a, b) => b.meta.seq - a.meta.seq)) {
    for (const doc of await loadDocs(seg.meta)) {
      if (seen.has(doc.ref)) continue;
      const row = rowOfRef(seg, doc.ref);
      if (row !== undefined && seg.tombstones.has(row)) continue;
      if (row === undefined && family === 'pages') continue; // only what the segment held
      seen.add(doc.ref);
      docs.push(doc);
    }
  }
  return buildSegment(family === 'records' ? 'records' : 'merged', docs, { seq });
}

/** Tombstone, in older segments, every ref that `fresh` now holds (an edited record, a re-extracted page). */
export function supersede(segments: readonly Segment[], fresh: Segment): void {
  const refs: string[] = [];
  for (let row = 0; row < fresh.meta.docCount; row++) refs.push(rowRef(fresh, row));
  for (const seg of segments) {
    if (seg === fresh || seg.meta.family !== fresh.meta.family || seg.meta.seq >= fresh.meta.seq) continue;
    for (const ref of refs) { const row = rowOfRef(seg, ref); if (row !== undefined) seg.tombstones.add(row); }
  }
}

/** Tombstone records by ref (deleted actors/events/documents) wherever they are. */
export function deleteRefs(segments: readonly Segment[], refs: Iterable<string>): void {
  const list = [...refs];
  for (const seg of segments) for (const ref of list) { const row = rowOfRef(seg, ref); if (row !== undefined) seg.tombstones.add(row); }
}

/**
 * A document was deleted or re-extracted: returns the segments to keep, without the
 * document's own segments, and tombstones its pages inside merged segments.
 */
export function dropDocument(segments: readonly Segment[], documentId: string): Segment[] {
  const ids = new Set([documentId]);
  return segments.filter((seg) => {
    if (seg.meta.family !== 'pages') return true;
    if (seg.meta.documentIds.length === 1 && seg.meta.documentIds[0] === documentId) return false;
    for (const row of rowsOfDocuments(seg, ids)) seg.tombstones.add(row);
    return true;
  });
}

/** Metas with their dead-row counts, for planMerges. */
export const metasOf = (segments: readonly Segment[]): MetaWithDeletes[] =>
  segments.map((s) => ({ ...s.meta, deleted: s.meta.docCount - liveDocCount(s) }));
