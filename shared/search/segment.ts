/**
 * A segment: one lunr index plus a compact side table of the filterable facts of each row.
 * lunr refs are row numbers in base 36 (short keys keep the JSON and the heap small); the
 * real ref, kind, ids, dates, cases and status live in the side table, never inside lunr.
 * lunr gets already-analysed terms (analyze.ts), so its pipelines stay empty and
 * `lunr.Index.load` needs no registered functions in whatever thread loads it.
 */
import { ANALYZER_VERSION, detectLanguage, foldedTokens, indexTerms } from './analyze';
import type { Lang } from './analyze';
import { lunr } from './lunrSetup';
import { pageRef } from './records';
import { HIT_KINDS, PAGE_FIELDS, RECORD_FIELDS } from './types';
import type { DocumentFilterInfo, HitKind, SearchDoc, SearchField, SegmentFamily } from './types';

export const SEGMENT_FORMAT = 'casefile-search-segment';
export const SEGMENT_FORMAT_VERSION = 1;
/**
 * Field boost given to lunr at build time and divided out at query time: lunr rounds each
 * stored weight to 3 decimals, which would erase the weight of common terms in big segments.
 */
export const WEIGHT_SCALE = 100;

export type SegmentKind = 'records' | 'records-delta' | 'merged' | `document:${string}`;

export interface SegmentMeta {
  /** Unique in the catalog: 'records:<seq>', 'records-delta:<seq>', 'document:<id>:<seq>', 'merged:<seq>'. */
  id: string;
  kind: SegmentKind;
  family: SegmentFamily;
  /** Generation number: a newer segment's refs supersede the same refs in older ones. */
  seq: number;
  /** Documents whose pages this segment holds (pages family). */
  documentIds: string[];
  docCount: number;
  builtAt: number;
  analyzerVersion: number;
}

/** Column-wise facts per row; row i is lunr ref i.toString(36). */
export interface SideTable {
  /** '' for pages: the ref is derived as page:<documentId>:<page>. */
  ref: string[];
  kind: number[];
  /** Index into `ids`. */
  record: number[];
  ids: string[];
  page: number[];
  from: string[];
  to: string[];
  /** Indexes into `cases`. */
  caseIdx: number[][];
  cases: string[];
  status: string[];
  /** Actors' names (primary first); [] for others. */
  names: string[][];
  /** Records only: the searchable text (fields joined by newlines) for phrases and snippets. */
  text: string[];
}

export interface Segment {
  meta: SegmentMeta;
  index: lunr.Index;
  rows: SideTable;
  /** Dead rows (deleted or superseded); persisted in the catalog manifest, not here. */
  tombstones: Set<number>;
  /** Lazily filled caches. */
  cache: { dfByTerm: Map<string, number>; rowByRef?: Map<string, number> };
}

export const fieldsOf = (family: SegmentFamily): readonly SearchField[] => (family === 'records' ? RECORD_FIELDS : PAGE_FIELDS);

export function familyOf(kind: SegmentKind): SegmentFamily {
  return kind === 'records' || kind === 'records-delta' ? 'records' : 'pages';
}

export interface BuildOptions {
  seq: number;
  /** Defaults to `${kind}:${seq}`. */
  id?: string;
  now?: number;
}

function emptyTable(): SideTable {
  return { ref: [], kind: [], record: [], ids: [], page: [], from: [], to: [], caseIdx: [], cases: [], status: [], names: [], text: [] };
}

function interner(list: string[]): (value: string) => number {
  const map = new Map<string, number>();
  list.forEach((v, i) => map.set(v, i));
  return (value) => {
    let i = map.get(value);
    if (i === undefined) { i = list.length; list.push(value); map.set(value, i); }
    return i;
  };
}

function addRow(rows: SideTable, doc: SearchDoc, family: SegmentFamily, id: (v: string) => number, caseId: (v: string) => number): void {
  const derived = doc.kind === 'page' && doc.page !== undefined && doc.ref === pageRef(doc.recordId, doc.page);
  rows.ref.push(derived ? '' : doc.ref);
  rows.kind.push(HIT_KINDS.indexOf(doc.kind));
  rows.record.push(id(doc.recordId));
  rows.page.push(doc.page ?? 0);
  rows.from.push(doc.dateFrom ?? '');
  rows.to.push(doc.dateTo ?? '');
  rows.caseIdx.push(doc.caseIds.map(caseId));
  rows.status.push(doc.status ?? '');
  rows.names.push(doc.names ?? []);
  rows.text.push(family === 'records' ? fieldsOf('records').map((f) => doc.fields[f] ?? '').join('\n') : '');
}

/** Build a segment from docs (all of one family). Cost: see docs/search.md (≈ pages/s). */
export function buildSegment(kind: SegmentKind, docs: readonly SearchDoc[], options: BuildOptions): Segment {
  const family = familyOf(kind);
  const fields = fieldsOf(family);
  const builder = new lunr.Builder();
  builder.ref('r');
  for (const field of fields) builder.field(field, { boost: WEIGHT_SCALE });
  builder.metadataWhitelist = [];
  const rows = emptyTable();
  const id = interner(rows.ids);
  const caseId = interner(rows.cases);
  const documentIds = new Set<string>();
  docs.forEach((doc, i) => {
    if (doc.kind === 'page') documentIds.add(doc.recordId);
    addRow(rows, doc, family, id, caseId);
    // One language per doc so every field of a page is stemmed alike.
    const lang: Lang = doc.lang ?? (family === 'records' ? 'mixed' : detectLanguage(foldedTokens(doc.fields.text ?? '')));
    const entry: Record<string, string | string[]> = { r: i.toString(36) };
    for (const field of fields) entry[field] = indexTerms(doc.fields[field] ?? '', lang);
    builder.add(entry);
  });
  const meta: SegmentMeta = {
    id: options.id ?? `${kind}:${options.seq}`, kind, family, seq: options.seq,
    documentIds: [...documentIds], docCount: docs.length, builtAt: options.now ?? Date.now(), analyzerVersion: ANALYZER_VERSION,
  };
  return { meta, index: builder.build(), rows, tombstones: new Set(), cache: { dfByTerm: new Map() } };
}

/** The persisted form: one JSON string (storing it as a string in IndexedDB loads 2–3× faster than a cloned object). */
export function serializeSegment(segment: Segment): string {
  return JSON.stringify({
    format: SEGMENT_FORMAT, version: SEGMENT_FORMAT_VERSION, meta: segment.meta, rows: segment.rows, lunr: segment.index.toJSON(),
  });
}

/** Thrown when a stored segment was written by another format or analyzer: rebuild it from its sources. */
export class StaleSegmentError extends Error {
  constructor(readonly segmentId: string | null, reason: string) {
    super(`search segment ${segmentId ?? '?'} is stale: ${reason}`);
    this.name = 'StaleSegmentError';
  }
}

interface Stored { format?: unknown; version?: unknown; meta?: SegmentMeta; rows?: SideTable; lunr?: object }

/** Parse a serialized segment. Throws StaleSegmentError (rebuild) or SyntaxError (corrupt: rebuild too). */
export function loadSegment(json: string, tombstones: Iterable<number> = []): Segment {
  const stored = JSON.parse(json) as Stored;
  const id = stored.meta?.id ?? null;
  if (stored.format !== SEGMENT_FORMAT || !stored.meta || !stored.rows || !stored.lunr) throw new StaleSegmentError(id, 'not a search segment');
  if (stored.version !== SEGMENT_FORMAT_VERSION) throw new StaleSegmentError(id, `format version ${String(stored.version)}`);
  if (stored.meta.analyzerVersion !== ANALYZER_VERSION) throw new StaleSegmentError(id, `analyzer version ${stored.meta.analyzerVersion}`);
  return { meta: stored.meta, index: lunr.Index.load(stored.lunr), rows: stored.rows, tombstones: new Set(tombstones), cache: { dfByTerm: new Map() } };
}

// ---- row accessors -------------------------------------------------------------------

export const rowKind = (s: Segment, row: number): HitKind => HIT_KINDS[s.rows.kind[row] ?? 0]!;
export const rowRecordId = (s: Segment, row: number): string => s.rows.ids[s.rows.record[row] ?? 0] ?? '';

export function rowRef(s: Segment, row: number): string {
  const ref = s.rows.ref[row];
  return ref ? ref : pageRef(rowRecordId(s, row), s.rows.page[row] ?? 0);
}

export function rowOfRef(s: Segment, ref: string): number | undefined {
  if (!s.cache.rowByRef) {
    const map = new Map<string, number>();
    for (let row = 0; row < s.rows.kind.length; row++) map.set(rowRef(s, row), row);
    s.cache.rowByRef = map;
  }
  return s.cache.rowByRef.get(ref);
}

/** Filter facts of a row; pages take their document's current info from `docInfo` when given. */
export function rowFilterInfo(s: Segment, row: number, docInfo?: ReadonlyMap<string, DocumentFilterInfo>): DocumentFilterInfo {
  if (docInfo && s.meta.family === 'pages') {
    const info = docInfo.get(rowRecordId(s, row));
    if (info) return info;
  }
  return {
    caseIds: (s.rows.caseIdx[row] ?? []).map((i) => s.rows.cases[i] ?? ''),
    dateFrom: s.rows.from[row] || null,
    dateTo: s.rows.to[row] || null,
  };
}

/** Rows of the given documents (to tombstone a deleted or re-extracted document in a merged segment). */
export function rowsOfDocuments(s: Segment, documentIds: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let row = 0; row < s.rows.kind.length; row++) if (documentIds.has(rowRecordId(s, row))) out.push(row);
  return out;
}

export const liveDocCount = (s: Segment): number => s.meta.docCount - s.tombstones.size;
