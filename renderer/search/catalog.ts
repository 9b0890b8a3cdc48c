/**
 * Persistence of the search index in the `searchSegments` table: one row per segment (a small
 * JSON header, one binary buffer of typed arrays, and its word positions as a Blob that
 * queries read by byte range) plus one catalog row holding what the segments were built from
 * (watermarks, documents' extraction times) and their tombstones. Every write of segments
 * goes with the catalog in ONE transaction, so the two never disagree after a crash.
 */
// The engine's modules, not its barrel (which holds the record model and zod): the search
// worker loads this before its first answer, without the schema (renderer/workers/searchHost.ts).
import { ANALYZER_VERSION } from '../../shared/search/analyze';
import { READABLE_SEGMENT_FORMATS, StaleSegmentError, loadSegment, serializeSegment } from '../../shared/search/persist';
import { SEGMENT_FORMAT_VERSION } from '../../shared/search/segment';
import type { Segment } from '../../shared/search/segment';
import type { CasefileDb, SearchSegmentRow } from '../db/db';
import { idbResult } from '../db/idbResult';

export { STARTUP_READ_AHEAD, readRowsAhead, startupReadOrder } from './startupRead';

export const CATALOG_ROW_ID = '~catalog';
export const CATALOG_KIND = 'catalog';
/** Raise when CatalogState changes shape: an unknown catalog means "rebuild everything". */
export const CATALOG_VERSION = 1;

export type RecordTable = 'actors' | 'events' | 'documents';
export const RECORD_TABLES: readonly RecordTable[] = ['actors', 'events', 'documents'];

/** The highest `updatedAt` indexed in a table, and the ids indexed at exactly that time (same-millisecond writes). */
export interface Watermark { at: number; ids: string[] }

export interface CatalogState {
  nextSeq: number;
  marks: Record<RecordTable, Watermark>;
  /** Documents whose pages are indexed: id → the `extraction.extractedAt` they were indexed from. */
  documents: Record<string, number>;
  /** Dead rows per segment id (superseded or deleted records, dropped documents in merged segments). */
  tombstones: Record<string, number[]>;
  /**
   * Documents with text, by the order the index first saw them here (higher = later): the page
   * budget keeps the latest. `createdAt` cannot say it: a bundle import keeps the original dates.
   * Optional: catalogs written before it start in createdAt order.
   */
  seen?: Record<string, number>;
}

export function emptyCatalog(): CatalogState {
  const mark = (): Watermark => ({ at: 0, ids: [] });
  return { nextSeq: 1, marks: { actors: mark(), events: mark(), documents: mark() }, documents: {}, tombstones: {} };
}

/** The stored catalog, or null when there is none or it was written by another format or analyzer. */
export async function readCatalog(db: CasefileDb): Promise<CatalogState | null> {
  return parseCatalog(await db.searchSegments.get(CATALOG_ROW_ID));
}

/** A catalog row's state, or null when there is none or it was written by another format or analyzer. */
export function parseCatalog(row: SearchSegmentRow | undefined): CatalogState | null {
  if (!row || row.formatVersion !== CATALOG_VERSION || row.analyzerVersion !== ANALYZER_VERSION) return null;
  try {
    const state = JSON.parse(row.json ?? '') as CatalogState;
    return typeof state.nextSeq === 'number' && state.marks && state.documents && state.tombstones ? state : null;
  } catch {
    return null;
  }
}

/**
 * Ids of the stored segments (not the catalog), without reading their rows: the table's
 * primary keys in one request (a `kind` index range, `notEqual`, took two and ~20 ms at start).
 */
export async function storedSegmentIds(db: CasefileDb): Promise<string[]> {
  return (await db.searchSegments.toCollection().primaryKeys()).filter((id) => id !== CATALOG_ROW_ID);
}

/**
 * One stored segment row, read at start-up on the open connection's own IndexedDB handle (the
 * same connection Dexie uses: no second one), one transaction per row as Dexie's `get` would
 * make, without Dexie's promise and transaction layers around each of the ~30 large reads.
 */
export function readSegmentRow(db: CasefileDb, id: string): Promise<SearchSegmentRow | undefined> {
  const idb = db.isOpen() ? db.backendDB() : null;
  if (!idb) return db.searchSegments.get(id);
  return idbResult(idb.transaction('searchSegments', 'readonly').objectStore('searchSegments').get(id), `reading search segment ${id}`);
}

export async function segmentRow(segment: Segment, now: number): Promise<SearchSegmentRow> {
  const { meta } = segment;
  const stored = await serializeSegment(segment);
  return {
    id: meta.id, kind: meta.kind, seq: meta.seq, formatVersion: SEGMENT_FORMAT_VERSION, analyzerVersion: meta.analyzerVersion,
    header: stored.header, data: stored.data, positions: stored.positions ? new Blob([stored.positions as Uint8Array<ArrayBuffer>]) : null,
    meta, updatedAt: now,
  };
}

/**
 * A stored segment row → a live segment (positions stay in the Blob, read by range). A row of
 * an older format that is still readable loads with `cache.storedFormat` set (rewritten later).
 */
export function loadSegmentRow(row: SearchSegmentRow, tombstones: readonly number[]): Segment {
  if (!READABLE_SEGMENT_FORMATS.includes(row.formatVersion) || typeof row.header !== 'string' || !(row.data instanceof Uint8Array)) {
    throw new StaleSegmentError(row.id, `format version ${row.formatVersion}`);
  }
  return loadSegment({ header: row.header, data: row.data, positions: row.positions ?? null }, tombstones);
}

/** The catalog with the tombstones of the given (live) segments. */
export function catalogRow(state: CatalogState, segments: readonly Segment[], now: number): SearchSegmentRow {
  const tombstones: Record<string, number[]> = {};
  for (const seg of segments) if (seg.tombstones.size) tombstones[seg.meta.id] = [...seg.tombstones].sort((a, b) => a - b);
  state.tombstones = tombstones;
  return {
    id: CATALOG_ROW_ID, kind: CATALOG_KIND, seq: 0, formatVersion: CATALOG_VERSION, analyzerVersion: ANALYZER_VERSION,
    json: JSON.stringify(state), meta: null, updatedAt: now,
  };
}

export interface PersistChange {
  put?: readonly Segment[];
  drop?: Iterable<string>;
}

/**
 * Writes new segments, deletes dropped ones and rewrites the catalog, in one transaction.
 * Serialising happens before the transaction opens (no non-Dexie work inside it).
 */
export async function persist(db: CasefileDb, state: CatalogState, live: readonly Segment[], change: PersistChange, now = Date.now()): Promise<void> {
  const put = change.put ?? [];
  const rows = await Promise.all(put.map((seg) => segmentRow(seg, now)));
  const drop = [...(change.drop ?? [])];
  const catalog = catalogRow(state, live, now);
  await db.transaction('rw', db.searchSegments, async () => {
    if (drop.length) await db.searchSegments.bulkDelete(drop);
    if (rows.length) await db.searchSegments.bulkPut(rows);
    await db.searchSegments.put(catalog);
  });
}
