/**
 * Start-up: the stored segment rows decoded into live segments (typed-array views, no parse of
 * postings), apart from the indexer so the worker can begin before its database layer is open
 * (rows read by `readStartupRows`, renderer/workers/searchWorkerDb.ts).
 */
import { StaleSegmentError } from '../../shared/search';
import type { Segment, SegmentMeta } from '../../shared/search';
import type { CasefileDb, SearchSegmentRow } from '../db/db';
import type { CatalogState } from './catalog';
import { catalogFromRow, loadSegmentRow, readCatalog, storedSegmentIds } from './catalog';
import { readRowsAhead, startupReadOrder } from './startupRead';
import type { StartupRows } from './startupRead';

/** Where the stored rows come from. */
export interface StoredRowSource {
  catalog(): Promise<CatalogState | null>;
  /** Stored segment ids (not the catalog), in stored order. */
  ids(): Promise<string[]>;
  row(id: string): Promise<SearchSegmentRow | undefined>;
}

export interface StoredIndex {
  catalog: CatalogState | null;
  /** Live segments, in stored order. */
  segments: Segment[];
  /** Rows to delete: stale (another format or analyzer; their metas say what to re-index) or without a catalog. */
  drops: string[];
  staleMetas: (SegmentMeta | null)[];
  stale: number;
  /** Highest seq of any stored row (new segments must never take a stored id). */
  maxSeq: number;
}

/** Rows read through the app's database layer, three ahead. */
export function databaseSource(db: CasefileDb | Promise<CasefileDb>): StoredRowSource {
  return {
    catalog: async () => readCatalog(await db),
    ids: async () => storedSegmentIds(await db),
    row: async (id) => (await db).searchSegments.get(id),
  };
}

/** Rows requested before the database layer was open; anything they could not read is read through it. */
export function startupSource(early: Promise<StartupRows<SearchSegmentRow> | null>, db: Promise<CasefileDb>): StoredRowSource {
  const fallback = databaseSource(db);
  const rows = early.catch(() => null);
  return {
    catalog: async () => { const e = await rows; return e ? e.catalog.then(catalogFromRow, () => fallback.catalog()) : fallback.catalog(); },
    ids: async () => { const e = await rows; return e ? e.ids.catch(() => fallback.ids()) : fallback.ids(); },
    row: async (id) => { const e = await rows; return e ? e.row(id).catch(() => fallback.row(id)) : fallback.row(id); },
  };
}

/** Reads and decodes every stored row, records first, decoding each while the next are read. */
export async function decodeStored(source: StoredRowSource): Promise<StoredIndex> {
  const [catalog, storedIds] = await Promise.all([source.catalog(), source.ids()]);
  const slotOf = new Map(storedIds.map((id, slot) => [id, slot]));
  const bySlot: (Segment | null)[] = [];
  const stale: { slot: number; meta: SegmentMeta | null }[] = [];
  const drops: string[] = [];
  let maxSeq = 0;
  await readRowsAhead(startupReadOrder(storedIds), (id) => source.row(id), (row) => {
    if (!row) return;
    maxSeq = Math.max(maxSeq, row.seq);
    if (!catalog) { drops.push(row.id); return; }
    const slot = slotOf.get(row.id)!;
    try {
      bySlot[slot] = loadSegmentRow(row, catalog.tombstones[row.id] ?? []);
    } catch (error) {
      if (!(error instanceof StaleSegmentError) && !(error instanceof SyntaxError)) throw error;
      drops.push(row.id);
      stale.push({ slot, meta: row.meta as SegmentMeta | null });
    }
  });
  stale.sort((a, b) => a.slot - b.slot);
  return {
    catalog, segments: bySlot.filter((s): s is Segment => !!s), drops,
    staleMetas: stale.map((s) => s.meta), stale: stale.length, maxSeq,
  };
}
