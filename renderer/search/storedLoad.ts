/**
 * Start-up: the stored index read and decoded, apart from the indexer so the search worker can
 * begin it on a raw connection before Dexie has opened (renderer/workers/searchEarlyRead.ts).
 * Rows are read ahead (the next ones are read while one is decoded), records first; segments
 * keep the stored order.
 */
import { StaleSegmentError } from '../../shared/search/persist';
import type { Segment, SegmentMeta } from '../../shared/search/segment';
import type { CasefileDb, SearchSegmentRow } from '../db/db';
import type { CatalogState } from './catalog';
import { CATALOG_ROW_ID, loadSegmentRow, parseCatalog, readRowsAhead, readSegmentRow, startupReadOrder, storedSegmentIds } from './catalog';

/** Where start-up reads the stored index from: the catalog row, the stored segment ids, each row. */
export interface StoredSource {
  catalogRow(): Promise<SearchSegmentRow | undefined>;
  segmentIds(): Promise<string[]>;
  row(id: string): Promise<SearchSegmentRow | undefined>;
}

export interface StoredIndex {
  /** null: no catalog, or one of another format or analyzer (every stored row is dropped). */
  catalog: CatalogState | null;
  /** Live segments in stored order. */
  segments: Segment[];
  /** Rows to delete before anything new is written (stale, corrupt, or without a catalog). */
  drops: string[];
  /** Metas of stale rows, in stored order (their documents are indexed again). */
  staleMetas: (SegmentMeta | null)[];
  /** Above every stored row's seq (new segments never take a stored id). */
  nextSeq: number;
}

/** Reads through the open Dexie database (its own IndexedDB handle for the big rows). */
export function dexieSource(db: CasefileDb): StoredSource {
  return {
    catalogRow: () => db.searchSegments.get(CATALOG_ROW_ID),
    segmentIds: () => storedSegmentIds(db),
    row: (id) => readSegmentRow(db, id),
  };
}

export async function readStored(source: StoredSource): Promise<StoredIndex> {
  const [catalogRow, storedIds] = await Promise.all([source.catalogRow(), source.segmentIds()]);
  const catalog = parseCatalog(catalogRow);
  let nextSeq = catalog?.nextSeq ?? 1;
  const slotOf = new Map(storedIds.map((id, slot) => [id, slot]));
  const bySlot: (Segment | null)[] = [];
  const stale: { slot: number; meta: SegmentMeta | null }[] = [];
  const drops: string[] = [];
  await readRowsAhead(startupReadOrder(storedIds), (id) => source.row(id), (row) => {
    if (!row) return;
    const slot = slotOf.get(row.id)!;
    if (row.seq >= nextSeq) nextSeq = row.seq + 1;
    if (!catalog) { drops.push(row.id); return; }
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
    catalog, segments: bySlot.filter((s): s is Segment => !!s), drops, staleMetas: stale.map((s) => s.meta), nextSeq,
  };
}
