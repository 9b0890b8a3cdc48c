/**
 * Segment lifecycle: tombstones and Lucene-like tiered merging. Compact segments merge as
 * data: live rows are renumbered, term dictionaries merged in order, postings and positions
 * copied with the new row numbers; no source text is read and nothing is re-analysed.
 */
import { ANALYZER_VERSION, RECORDS_VERSION } from './analyze';
import { bytesSource } from './columns';
import { emptyTable, letterSignature, liveDocCount, rowOfRef, rowRef, rowsOfDocuments, tableWriter } from './segment';
import type { FieldIndex, Segment, SegmentMeta } from './segment';
import { buildStemMaps } from './stemMap';
import { ByteReader, ByteWriter } from './varint';

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

/**
 * Merge `segments` (one family) into one, as data. Newer segments win for a ref (seq order),
 * tombstoned rows are dropped. The result's seq must be newer than every input (pass the
 * catalog's next seq). Positions are read whole from each input (one read per segment).
 */
export async function mergeSegments(segments: readonly Segment[], seq: number, now = Date.now()): Promise<Segment> {
  const family = segments[0]?.meta.family ?? 'pages';
  const inputs = [...segments].sort((a, b) => a.meta.seq - b.meta.seq);
  // Row maps: -1 = dropped. Newest first decides which copy of a ref lives.
  const taken = new Set<string>();
  const keepRow = new Map<Segment, Uint8Array>();
  for (const seg of [...inputs].reverse()) {
    const keep = new Uint8Array(seg.meta.docCount);
    for (let row = 0; row < seg.meta.docCount; row++) {
      if (seg.tombstones.has(row)) continue;
      const ref = rowRef(seg, row);
      if (taken.has(ref)) continue;
      taken.add(ref);
      keep[row] = 1;
    }
    keepRow.set(seg, keep);
  }
  const rows = emptyTable();
  const writer = tableWriter(rows);
  const maps = new Map<Segment, Int32Array>();
  let next = 0;
  for (const seg of inputs) {
    const keep = keepRow.get(seg)!;
    const map = new Int32Array(seg.meta.docCount).fill(-1);
    for (let row = 0; row < seg.meta.docCount; row++) if (keep[row]) { map[row] = next++; writer.copy(seg.rows, row); }
    maps.set(seg, map);
  }
  const positionBytes = new Map<Segment, Uint8Array>();
  if (family === 'pages') {
    for (const seg of inputs) {
      const src = seg.positions;
      positionBytes.set(seg, src ? src.inMemory ?? new Uint8Array(await src.slice(0, src.size).arrayBuffer()) : new Uint8Array(0));
    }
  }
  const positions = family === 'pages' ? new ByteWriter(1 << 20) : null;
  const fieldCount = inputs[0]?.fields.length ?? 0;
  const fields: FieldIndex[] = [];
  for (let fi = 0; fi < fieldCount; fi++) {
    fields.push(mergeField(inputs.map((seg) => ({
      f: seg.fields[fi]!, map: maps.get(seg)!, pos: positionBytes.get(seg) ?? null,
    })), next, positions));
  }
  const documentIds = new Set<string>();
  if (family === 'pages') for (let row = 0; row < next; row++) documentIds.add(rows.ids.at(rows.record[row] ?? 0) ?? '');
  const kind = family === 'records' ? 'records' : 'merged';
  const meta: SegmentMeta = {
    id: `${kind}:${seq}`, kind, family, seq, documentIds: [...documentIds], docCount: next, builtAt: now, analyzerVersion: ANALYZER_VERSION,
    ...(family === 'records' ? { recordsVersion: RECORDS_VERSION } : {}),
  };
  return { meta, fields, rows, positions: positions ? bytesSource(positions.finish()) : null, tombstones: new Set(), cache: {} };
}

interface MergeInput { f: FieldIndex; map: Int32Array; pos: Uint8Array | null }

/** k-way merge of sorted dictionaries; postings renumbered (inputs are in row order, so rows stay ascending). */
function mergeField(inputs: MergeInput[], docCount: number, positions: ByteWriter | null): FieldIndex {
  const field = inputs[0]!.f.field;
  const lengths = new Uint16Array(docCount);
  for (const { f, map } of inputs) for (let row = 0; row < map.length; row++) if (map[row]! >= 0) lengths[map[row]!] = f.lengths[row]!;
  const cursor = inputs.map(() => 0);
  const terms: string[] = [];
  const df: number[] = [];
  const postStart: number[] = [];
  const posStart: number[] = [];
  const out = new ByteWriter(1 << 16);
  const readers = inputs.map(({ f, pos }) => ({ post: new ByteReader(f.postings), pos: pos ? new ByteReader(pos) : null }));
  for (;;) {
    let term: string | null = null;
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i]!.f.terms.at(cursor[i]!);
      if (t !== undefined && (term === null || t < term)) term = t;
    }
    if (term === null) break;
    const start = out.length;
    const pstart = positions?.length ?? 0;
    let count = 0;
    let prev = 0;
    for (let i = 0; i < inputs.length; i++) {
      const { f, map } = inputs[i]!;
      const t = cursor[i]!;
      if (f.terms.at(t) !== term) continue;
      cursor[i] = t + 1;
      const r = readers[i]!;
      r.post.pos = f.postStart[t]!;
      if (r.pos && f.posStart) r.pos.pos = f.posStart[t]!;
      let row = 0;
      for (let k = 0; k < f.df[t]!; k++) {
        row += r.post.varint();
        const tf = r.post.varint();
        const to = map[row]!;
        if (to >= 0) { out.varint(to - prev); out.varint(tf); prev = to; count++; }
        for (let j = 0; j < tf && r.pos; j++) { const d = r.pos.varint(); if (to >= 0) positions!.varint(d); }
      }
    }
    if (count === 0) { out.length = start; if (positions) positions.length = pstart; continue; }
    terms.push(term);
    df.push(count);
    postStart.push(start);
    posStart.push(pstart);
  }
  postStart.push(out.length);
  posStart.push(positions?.length ?? 0);
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i]!;
  return {
    field, terms, df: Uint32Array.from(df), postStart: Uint32Array.from(postStart), postings: out.finish(),
    posStart: positions ? Uint32Array.from(posStart) : null, lengths, avgLength: docCount ? total / docCount : 0,
    sigs: Uint32Array.from(terms, letterSignature), stems: buildStemMaps(terms),
  };
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
