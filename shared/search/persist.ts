/**
 * The persisted form of a segment (docs/search.md, "Segment format"): a small JSON header (meta,
 * side table, terms, stem maps' odd stems, layout) and one binary buffer of typed arrays, loaded
 * as views without copying; positions separately (the worker stores them as a Blob, read by range).
 */
import { ANALYZER_VERSION } from './analyze';
import { SEGMENT_FORMAT, SEGMENT_FORMAT_VERSION } from './segment';
import type { FieldIndex, PositionSource, Segment, SegmentMeta, SideTable } from './segment';
import type { StemMap } from './stemMap';
import type { SearchField } from './types';

export interface SerializedSegment {
  header: string;
  data: Uint8Array;
  /** Pages only; null for records. */
  positions: Uint8Array | null;
}

interface ArrayRef { offset: number; length: number }
interface StemMapHeader { odd: Record<number, string>; rep: ArrayRef; len: ArrayRef; start: ArrayRef; forms: ArrayRef }
interface FieldHeader {
  field: SearchField; terms: string; avgLength: number;
  df: ArrayRef; postStart: ArrayRef; postings: ArrayRef; posStart: ArrayRef | null; lengths: ArrayRef; sigs: ArrayRef;
  stems: Record<'es' | 'en', StemMapHeader>;
}
interface Header { format: string; version: number; meta: SegmentMeta; rows: SideTable; fields: FieldHeader[]; dataLength: number }

type Typed = Uint8Array | Uint16Array | Uint32Array;

/** Serialise. Positions must be available (freshly built or merged segments hold them as bytes). */
export async function serializeSegment(segment: Segment): Promise<SerializedSegment> {
  const parts: { array: Typed; at: number }[] = [];
  let offset = 0;
  const place = (array: Typed): ArrayRef => {
    offset = Math.ceil(offset / 4) * 4;
    const ref = { offset, length: array.length };
    parts.push({ array, at: offset });
    offset += array.byteLength;
    return ref;
  };
  const placeStems = (m: StemMap): StemMapHeader => ({ odd: m.odd, rep: place(m.rep), len: place(m.len), start: place(m.start), forms: place(m.forms) });
  const fields: FieldHeader[] = segment.fields.map((f) => ({
    field: f.field, terms: f.terms.join('\n'), avgLength: f.avgLength,
    df: place(f.df), postStart: place(f.postStart), postings: place(f.postings),
    posStart: f.posStart ? place(f.posStart) : null, lengths: place(f.lengths), sigs: place(f.sigs),
    stems: { es: placeStems(f.stems.es), en: placeStems(f.stems.en) },
  }));
  const data = new Uint8Array(Math.ceil(offset / 4) * 4);
  for (const { array, at } of parts) data.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  const header: Header = { format: SEGMENT_FORMAT, version: SEGMENT_FORMAT_VERSION, meta: segment.meta, rows: segment.rows, fields, dataLength: data.length };
  const positions = segment.positions ? new Uint8Array(await segment.positions.slice(0, segment.positions.size).arrayBuffer()) : null;
  return { header: JSON.stringify(header), data, positions };
}

/** Thrown when a stored segment was written by another format or analyzer: rebuild it from its sources. */
export class StaleSegmentError extends Error {
  constructor(readonly segmentId: string | null, reason: string) {
    super(`search segment ${segmentId ?? '?'} is stale: ${reason}`);
    this.name = 'StaleSegmentError';
  }
}

/**
 * Load a serialized segment: parse the header, view the typed arrays in place (no copy).
 * Throws StaleSegmentError (rebuild) or SyntaxError (corrupt: rebuild too).
 */
export function loadSegment(stored: { header: string; data: Uint8Array; positions: PositionSource | null },
  tombstones: Iterable<number> = []): Segment {
  const header = JSON.parse(stored.header) as Partial<Header>;
  const id = header.meta?.id ?? null;
  if (header.format !== SEGMENT_FORMAT || !header.meta || !header.rows || !header.fields) throw new StaleSegmentError(id, 'not a search segment');
  if (header.version !== SEGMENT_FORMAT_VERSION) throw new StaleSegmentError(id, `format version ${String(header.version)}`);
  if (header.meta.analyzerVersion !== ANALYZER_VERSION) throw new StaleSegmentError(id, `analyzer version ${header.meta.analyzerVersion}`);
  const { data } = stored;
  if (!(data instanceof Uint8Array) || data.length !== header.dataLength) throw new StaleSegmentError(id, 'data length');
  const buffer = data.buffer;
  const base = data.byteOffset;
  // Views need aligned offsets: copy once if the stored bytes are not 4-aligned.
  const aligned = base % 4 === 0 ? { buffer, base } : { buffer: data.slice().buffer, base: 0 };
  const u8 = (r: ArrayRef) => new Uint8Array(aligned.buffer, aligned.base + r.offset, r.length);
  const u16 = (r: ArrayRef) => new Uint16Array(aligned.buffer, aligned.base + r.offset, r.length);
  const u32 = (r: ArrayRef) => new Uint32Array(aligned.buffer, aligned.base + r.offset, r.length);
  const loadStems = (m: StemMapHeader): StemMap => ({ odd: m.odd, rep: u32(m.rep), len: u8(m.len), start: u32(m.start), forms: u32(m.forms) });
  const fields: FieldIndex[] = header.fields.map((f) => ({
    field: f.field, terms: f.terms ? f.terms.split('\n') : [], avgLength: f.avgLength,
    df: u32(f.df), postStart: u32(f.postStart), postings: u8(f.postings), posStart: f.posStart ? u32(f.posStart) : null, lengths: u16(f.lengths),
    sigs: u32(f.sigs),
    stems: { es: loadStems(f.stems.es), en: loadStems(f.stems.en) },
  }));
  if (header.meta.family === 'pages' && !stored.positions) throw new StaleSegmentError(id, 'positions missing');
  return { meta: header.meta, fields, rows: header.rows, positions: stored.positions, tombstones: new Set(tombstones), cache: {} };
}
