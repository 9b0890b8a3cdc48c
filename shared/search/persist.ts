/**
 * The persisted form of a segment (docs/search.md, "Segment format"): a JSON header (meta, layout,
 * the side table's string columns, each field's dictionary as one string) and one binary buffer
 * of typed arrays, loaded as views without copying; positions separately (the worker stores
 * them as a Blob, read by range).
 *
 * Format 4 loads without decoding anything but the header: the dictionary stays one string
 * (`JoinedTerms`, term i between two offsets kept in the buffer; format 3 joined it with '\n',
 * escaped in JSON, and split it at load: 60,000 strings per big segment), the numeric row
 * columns (kind, record, page, lang) are typed arrays in the buffer, and a string column that
 * is empty on every row (a pages segment's refs, dates, cases, names, texts) is not stored.
 * Format 3 rows still load (the worker rewrites them in format 4 in the background).
 */
import { ANALYZER_VERSION, RECORDS_VERSION } from './analyze';
import { JoinedTerms, NAME_SEPARATOR, StoredNames, Utf8Strings, encodeStrings } from './columns';
import type { PositionSource, StringList } from './columns';
import { SEGMENT_FORMAT, SEGMENT_FORMAT_VERSION, nameWordsOf } from './segment';
import type { FieldIndex, Segment, SegmentMeta, SideTable } from './segment';
import type { StemMap } from './stemMap';
import type { SearchField } from './types';

export interface SerializedSegment {
  header: string;
  data: Uint8Array;
  /** Pages only; null for records. */
  positions: Uint8Array | null;
}

/** Stored formats `loadSegment` reads: the current one, and 3 (same content, decoded at load). */
export const READABLE_SEGMENT_FORMATS: readonly number[] = [3, SEGMENT_FORMAT_VERSION];

interface ArrayRef { offset: number; length: number }
interface StemMapHeader { odd: Record<number, string>; rep: ArrayRef; len: ArrayRef; start: ArrayRef; forms: ArrayRef }
interface FieldHeader {
  field: SearchField;
  /** Format 3: terms joined by '\n'. Format 4: back to back, cut by `termEnds`. */
  terms: string;
  termEnds?: ArrayRef;
  avgLength: number;
  df: ArrayRef; postStart: ArrayRef; postings: ArrayRef; posStart: ArrayRef | null; lengths: ArrayRef; sigs: ArrayRef;
  stems: Record<'es' | 'en', StemMapHeader>;
}
type StringColumn = 'ref' | 'ids' | 'from' | 'to' | 'status' | 'text' | 'names' | 'nameKeys';
/** A string column in the buffer: UTF-8 bytes and offsets (Utf8Strings); null when every row is ''. */
interface StoredStrings { bytes: ArrayRef; ends: ArrayRef }
/** Format 4's side table: numeric and string columns in the buffer (names joined per row by NAME_SEPARATOR). */
interface StoredRows {
  kind: ArrayRef; record: ArrayRef; page: ArrayRef; lang: ArrayRef;
  cases: string[];
  ref: StoredStrings | null; ids: StoredStrings | null; from: StoredStrings | null; to: StoredStrings | null;
  status: StoredStrings | null; text: StoredStrings | null; names: StoredStrings | null;
  /** Each row's names as folded words (SideTable.nameKeys). */
  nameKeys: StoredStrings | null;
  caseIdx: number[][] | null;
}
interface Header {
  format: string; version: number; meta: SegmentMeta; fields: FieldHeader[]; dataLength: number;
  /** Format 3: the side table as is; format 4: StoredRows. */
  rows: SideTable | StoredRows;
}

type Typed = Uint8Array | Uint16Array | Uint32Array;
/** Shared by every row of a column left out (never mutated: writers copy). */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** Serialise (format 4). Positions must be available (freshly built or merged segments hold them as bytes). */
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
  const fields: FieldHeader[] = segment.fields.map((f) => {
    const n = f.terms.length;
    const ends = new Uint32Array(n + 1);
    const list: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) { list[i] = f.terms.at(i)!; ends[i + 1] = ends[i]! + list[i]!.length; }
    return {
      field: f.field, terms: list.join(''), termEnds: place(ends), avgLength: f.avgLength,
      df: place(f.df), postStart: place(f.postStart), postings: place(f.postings),
      posStart: f.posStart ? place(f.posStart) : null, lengths: place(f.lengths), sigs: place(f.sigs),
      stems: { es: placeStems(f.stems.es), en: placeStems(f.stems.en) },
    };
  });
  const r = segment.rows;
  const strings = (list: StringList): StoredStrings | null => {
    const { bytes, ends } = encodeStrings(list);
    return bytes.length ? { bytes: place(bytes), ends: place(ends) } : null;
  };
  const names = { length: r.names.length, at: (i: number) => r.names.at(i)?.join(NAME_SEPARATOR) };
  const nameKeys = r.nameKeys ?? { length: r.names.length, at: (i: number) => nameWordsOf(r.names.at(i) ?? []).map((words) => words.join(' ')).join(NAME_SEPARATOR) };
  const rows: StoredRows = {
    kind: place(Uint8Array.from(r.kind)), record: place(Uint32Array.from(r.record)), page: place(Uint32Array.from(r.page)), lang: place(Uint8Array.from(r.lang)),
    cases: r.cases,
    ref: strings(r.ref), ids: strings(r.ids), from: strings(r.from), to: strings(r.to), status: strings(r.status), text: strings(r.text), names: strings(names),
    nameKeys: strings(nameKeys),
    caseIdx: r.caseIdx.some((v) => v.length > 0) ? r.caseIdx as number[][] : null,
  };
  const data = new Uint8Array(Math.ceil(offset / 4) * 4);
  for (const { array, at } of parts) data.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  const header: Header = { format: SEGMENT_FORMAT, version: SEGMENT_FORMAT_VERSION, meta: segment.meta, rows, fields, dataLength: data.length };
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
  const version = header.version;
  if (typeof version !== 'number' || !READABLE_SEGMENT_FORMATS.includes(version)) throw new StaleSegmentError(id, `format version ${String(version)}`);
  if (header.meta.analyzerVersion !== ANALYZER_VERSION) throw new StaleSegmentError(id, `analyzer version ${header.meta.analyzerVersion}`);
  // Records indexed by other fields: that segment alone is rebuilt (from the records, no page read).
  if (header.meta.family === 'records' && header.meta.recordsVersion !== RECORDS_VERSION) throw new StaleSegmentError(id, `records version ${String(header.meta.recordsVersion)}`);
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
    field: f.field,
    terms: f.termEnds ? new JoinedTerms(f.terms, u32(f.termEnds)) : f.terms ? f.terms.split('\n') : [],
    avgLength: f.avgLength,
    df: u32(f.df), postStart: u32(f.postStart), postings: u8(f.postings), posStart: f.posStart ? u32(f.posStart) : null, lengths: u16(f.lengths),
    sigs: u32(f.sigs),
    stems: { es: loadStems(f.stems.es), en: loadStems(f.stems.en) },
  }));
  if (header.meta.family === 'pages' && !stored.positions) throw new StaleSegmentError(id, 'positions missing');
  let rows: SideTable;
  if (version === 3) rows = header.rows as SideTable;
  else {
    const s = header.rows as StoredRows;
    const n = header.meta.docCount;
    const strings = (col: StringColumn) => {
      const c = s[col];
      return c ? new Utf8Strings(u8(c.bytes), u32(c.ends)) : new Utf8Strings(new Uint8Array(0), new Uint32Array(n + 1));
    };
    rows = {
      kind: u8(s.kind), record: u32(s.record), page: u32(s.page), lang: u8(s.lang), cases: s.cases,
      ref: strings('ref'), ids: strings('ids'), from: strings('from'), to: strings('to'), status: strings('status'), text: strings('text'),
      names: new StoredNames(strings('names')), nameKeys: strings('nameKeys'),
      caseIdx: s.caseIdx ?? new Array<readonly number[]>(n).fill(NO_ITEMS),
    };
  }
  const cache: Segment['cache'] = version === SEGMENT_FORMAT_VERSION ? {} : { storedFormat: version };
  return { meta: header.meta, fields, rows, positions: stored.positions, tombstones: new Set(tombstones), cache };
}
