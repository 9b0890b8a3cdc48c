/**
 * A compact columnar segment (docs/search.md, "Segment format"). Text analysis is lunr's
 * (analyze.ts: lunr-languages Spanish stemmer, Porter, stop words); storage and querying are
 * our own typed arrays, because lunr's Index (an object per posting, JSON, a TokenSet) cost
 * ~120 KB of heap per page and seconds of JSON.parse per 10k pages.
 *
 * Per field (records: name/role/place/body; pages: text):
 *   terms      sorted string[] (persisted as one '\n'-joined string)
 *   df         Uint32Array   postings per term
 *   postStart  Uint32Array   byte offset of each term's postings (terms+1 entries)
 *   postings   Uint8Array    per posting: varint(row delta) varint(tf)
 *   posStart   Uint32Array   byte offset of each term's positions (pages only)
 *   lengths    Uint16Array   indexed terms per row (BM25 length norm)
 * Positions (pages only) live outside the segment's memory: per posting, tf varints (first
 * word position absolute, then deltas), read by byte range for phrase checks only
 * (`PositionSource`: a Blob in the app, bytes in tests).
 */
import { ANALYZER_VERSION, RECORDS_VERSION, detectLanguage, foldedTermsOf, foldedTokens, isIndexable, isIndexableIn } from './analyze';
import type { Lang } from './analyze';
import { buildStemMaps } from './stemMap';
import type { StemMaps } from './stemMap';
import { pageRef } from './pageText';
import { HIT_KINDS, PAGE_FIELDS, RECORD_FIELDS } from './types';
import type { DocumentFilterInfo, HitKind, SearchDoc, SearchField, SegmentFamily } from './types';
import { ByteWriter } from './varint';
import { bytesSource, compareTerm } from './columns';
import type { NameList, PositionSource, StringList, TermList } from './columns';

export const SEGMENT_FORMAT = 'casefile-search-segment';
/**
 * 1: lunr JSON; 2: compact columnar segment; 3: surface forms only, stem maps, row languages;
 * 4: the same segment stored to load without decoding (persist.ts): dictionary as one string
 * with offsets, numeric row columns as typed arrays, empty row columns left out.
 */
export const SEGMENT_FORMAT_VERSION = 4;

/** Row languages as stored (`SideTable.lang`). */
export const LANGS: readonly Lang[] = ['mixed', 'es', 'en'];
export const LANG_MIXED = 0;

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
  /** Records family: what a record was indexed by (RECORDS_VERSION); absent before version 2. */
  recordsVersion?: number;
}

/**
 * Column-wise facts per row. Built and merged segments hold plain arrays (BuildTable); a loaded
 * one holds its numeric columns as typed arrays and its string columns as views over UTF-8
 * bytes (Utf8Strings), so loading parses none of them: read them with `.at(row)`.
 */
export interface SideTable {
  /** '' for pages: the ref is derived as page:<documentId>:<page>. */
  ref: StringList;
  kind: ArrayLike<number>;
  /** Index into `ids`. */
  record: ArrayLike<number>;
  ids: StringList;
  page: ArrayLike<number>;
  from: StringList;
  to: StringList;
  /** Indexes into `cases`. */
  caseIdx: readonly (readonly number[])[];
  cases: string[];
  status: StringList;
  /** Actors' names (primary first); [] for others. */
  names: NameList;
  /**
   * Stored segments: each row's names as their indexable folded words (words joined by ' ',
   * names by NAME_SEPARATOR; '' for none), so the name bonus folds nothing at query time.
   */
  nameKeys?: StringList;
  /**
   * Records only: the searchable text for phrases and snippets, fields (name, role, place,
   * body) joined by FIELD_SEPARATOR, each field's parts by newlines.
   */
  text: StringList;
  /** Language each row was read in: an index into LANGS (0 mixed, 1 es, 2 en). */
  lang: ArrayLike<number>;
}

/** A side table being written (build, merge): plain arrays. */
export interface BuildTable extends SideTable {
  ref: string[]; kind: number[]; record: number[]; ids: string[]; page: number[]; from: string[]; to: string[];
  caseIdx: number[][]; status: string[]; names: string[][]; text: string[]; lang: number[];
}

/** A row's names as their indexable folded words (names without any are left out). */
export function nameWordsOf(names: readonly string[]): string[][] {
  return names.map((name) => foldedTokens(name).filter(isIndexable)).filter((words) => words.length > 0);
}

/** Between a record's fields in `SideTable.text` (a phrase or a snippet never spans two). */
export const FIELD_SEPARATOR = '\u001e';

export interface FieldIndex {
  field: SearchField;
  terms: TermList;
  df: Uint32Array;
  postStart: Uint32Array;
  postings: Uint8Array;
  /** Pages only. */
  posStart: Uint32Array | null;
  lengths: Uint16Array;
  avgLength: number;
  /** Letter signature per term (fuzzy pre-filter, see evaluate.ts). */
  sigs: Uint32Array;
  /** Per language, stem → the terms (surface forms) that have it (stemMap.ts). */
  stems: StemMaps;
}

/** One bit per char code mod 32: an edit adds at most one bit and removes at most one. */
export function letterSignature(word: string): number {
  let sig = 0;
  for (let i = 0; i < word.length; i++) sig |= 1 << (word.charCodeAt(i) & 31);
  return sig >>> 0;
}

export interface Segment {
  meta: SegmentMeta;
  fields: FieldIndex[];
  rows: SideTable;
  /** Pages segments: the term positions (phrase checks). */
  positions: PositionSource | null;
  /** Dead rows (deleted or superseded); persisted in the catalog manifest, not here. */
  tombstones: Set<number>;
  /** Lazily filled caches. */
  cache: { rowByRef?: Map<string, number>; nameForms?: (string[][] | null)[]; rowDf?: Map<string, number>; langs?: Uint8Array;
    /** Set when loaded from a row of an older format that is still read (3): the worker rewrites it. */
    storedFormat?: number };
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

export function emptyTable(): BuildTable {
  return { ref: [], kind: [], record: [], ids: [], page: [], from: [], to: [], caseIdx: [], cases: [], status: [], names: [], text: [], lang: [] };
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

/** Appends rows to a side table with interned ids and case ids. */
export function tableWriter(rows: BuildTable): { add(doc: SearchDoc, family: SegmentFamily, lang: Lang): void; copy(from: SideTable, row: number): void } {
  const id = interner(rows.ids);
  const caseId = interner(rows.cases);
  return {
    add(doc, family, lang) {
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
      rows.text.push(family === 'records' ? fieldsOf('records').map((f) => doc.fields[f] ?? '').join(FIELD_SEPARATOR) : '');
      rows.lang.push(LANGS.indexOf(lang));
    },
    copy(from, row) {
      rows.ref.push(from.ref.at(row) ?? '');
      rows.kind.push(from.kind[row] ?? 0);
      rows.record.push(id(from.ids.at(from.record[row] ?? 0) ?? ''));
      rows.page.push(from.page[row] ?? 0);
      rows.from.push(from.from.at(row) ?? '');
      rows.to.push(from.to.at(row) ?? '');
      rows.caseIdx.push((from.caseIdx[row] ?? []).map((i) => caseId(from.cases[i] ?? '')));
      rows.status.push(from.status.at(row) ?? '');
      rows.names.push([...(from.names.at(row) ?? [])]);
      rows.text.push(from.text.at(row) ?? '');
      rows.lang.push(from.lang[row] ?? LANG_MIXED);
    },
  };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const MAX_LENGTH = 65_535;

/** Postings of one term while building: rows ascending, tf, flat positions. */
interface TermAcc { rows: number[]; tfs: number[]; pos: number[] }

/** Encodes accumulated postings into a FieldIndex (+ positions bytes when `withPositions`). */
export function encodeField(field: SearchField, acc: Map<string, TermAcc>, lengths: Uint16Array, withPositions: boolean,
  positions: ByteWriter | null, liveRows: number): FieldIndex {
  const terms = [...acc.keys()].sort(compareStrings);
  const df = new Uint32Array(terms.length);
  const postStart = new Uint32Array(terms.length + 1);
  const posStart = withPositions ? new Uint32Array(terms.length + 1) : null;
  const out = new ByteWriter(terms.length * 8 + 64);
  terms.forEach((term, t) => {
    const a = acc.get(term)!;
    postStart[t] = out.length;
    if (posStart && positions) posStart[t] = positions.length;
    df[t] = a.rows.length;
    let prev = 0;
    let p = 0;
    for (let i = 0; i < a.rows.length; i++) {
      const row = a.rows[i]!;
      out.varint(row - prev);
      prev = row;
      const tf = a.tfs[i]!;
      out.varint(tf);
      if (positions) {
        let last = 0;
        for (let j = 0; j < tf; j++) { const v = a.pos[p++]!; positions.varint(v - last); last = v; }
      }
    }
  });
  postStart[terms.length] = out.length;
  if (posStart && positions) posStart[terms.length] = positions.length;
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i]!;
  return {
    field, terms, df, postStart, postings: out.finish(), posStart, lengths, avgLength: liveRows ? total / liveRows : 0,
    sigs: Uint32Array.from(terms, letterSignature), stems: buildStemMaps(terms),
  };
}

/** Row languages as a typed array (cached): scoring reads one per posting. */
export function rowLangs(s: Segment): Uint8Array {
  return (s.cache.langs ??= s.rows.lang instanceof Uint8Array ? s.rows.lang : Uint8Array.from(s.rows.lang));
}

/** Build a segment from docs (all of one family). */
export function buildSegment(kind: SegmentKind, docs: readonly SearchDoc[], options: BuildOptions): Segment {
  const family = familyOf(kind);
  const fields = fieldsOf(family);
  const withPositions = family === 'pages';
  const rows = emptyTable();
  const writer = tableWriter(rows);
  const documentIds = new Set<string>();
  const accs = fields.map(() => new Map<string, TermAcc>());
  const lengths = fields.map(() => new Uint16Array(docs.length));
  docs.forEach((doc, row) => {
    if (doc.kind === 'page') documentIds.add(doc.recordId);
    // One language per doc, every field read alike: the document's language field when set
    // (pageDocs), else guessed per page; records are short and mixed, read in both.
    const texts = fields.map((f) => foldedTermsOf(doc.fields[f] ?? ''));
    const lang: Lang = doc.lang ?? (family === 'records' ? 'mixed' : detectLanguage(texts[0]?.words ?? []));
    writer.add(doc, family, lang);
    fields.forEach((_, f) => {
      const acc = accs[f]!;
      const local = new Map<string, number[]>();
      const put = (word: string, position: number) => {
        const list = local.get(word);
        if (list) list.push(position); else local.set(word, [position]);
      };
      let count = 0;
      const { words, compounds } = texts[f]!;
      let c = 0;
      words.forEach((word, position) => {
        if (isIndexableIn(word, lang)) { count++; put(word, position); }
        // A hyphenated compound's parts joined, at its first part's place (positions stay
        // ascending per term), not counted in the length: the parts already are.
        for (; c < compounds.length && compounds[c]!.at === position; c++) {
          if (isIndexableIn(compounds[c]!.word, lang)) put(compounds[c]!.word, position);
        }
      });
      lengths[f]![row] = Math.min(count, MAX_LENGTH);
      for (const [term, list] of local) {
        let a = acc.get(term);
        if (!a) { a = { rows: [], tfs: [], pos: [] }; acc.set(term, a); }
        a.rows.push(row);
        a.tfs.push(list.length);
        if (withPositions) for (const p of list) a.pos.push(p);
      }
    });
  });
  const positions = withPositions ? new ByteWriter(1 << 16) : null;
  const fieldIndexes = fields.map((f, i) => encodeField(f, accs[i]!, lengths[i]!, withPositions, positions, docs.length));
  const meta: SegmentMeta = {
    id: options.id ?? `${kind}:${options.seq}`, kind, family, seq: options.seq,
    documentIds: [...documentIds], docCount: docs.length, builtAt: options.now ?? Date.now(), analyzerVersion: ANALYZER_VERSION,
    ...(family === 'records' ? { recordsVersion: RECORDS_VERSION } : {}),
  };
  return { meta, fields: fieldIndexes, rows, positions: positions ? bytesSource(positions.finish()) : null, tombstones: new Set(), cache: {} };
}

// ---- dictionary --------------------------------------------------------------------------

/** Index of `term` in a sorted dictionary, or -1. */
export function termIndex(terms: TermList, term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareTerm(terms, mid, term);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** First index whose term is ≥ `term`. */
export function lowerBound(terms: TermList, term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareTerm(terms, mid, term) < 0) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// ---- row accessors -------------------------------------------------------------------

export const rowKind = (s: Segment, row: number): HitKind => HIT_KINDS[s.rows.kind[row] ?? 0]!;
export const rowRecordId = (s: Segment, row: number): string => s.rows.ids.at(s.rows.record[row] ?? 0) ?? '';

export function rowRef(s: Segment, row: number): string {
  const ref = s.rows.ref.at(row);
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
    dateFrom: s.rows.from.at(row) || null,
    dateTo: s.rows.to.at(row) || null,
  };
}

/** Rows of the given documents (to tombstone a deleted or re-extracted document in a merged segment). */
export function rowsOfDocuments(s: Segment, documentIds: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let row = 0; row < s.rows.kind.length; row++) if (documentIds.has(rowRecordId(s, row))) out.push(row);
  return out;
}

export const liveDocCount = (s: Segment): number => s.meta.docCount - s.tombstones.size;
