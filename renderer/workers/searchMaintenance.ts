/**
 * The search worker's Dexie side: the indexer (sync, merges, persistence) and the watch on the
 * database's writes. Loaded by the host (searchHost.ts) after it has answered the queries that
 * waited for start-up, so neither Dexie nor the record schema (zod) compiles before the first
 * answer.
 */
import type { CasefileDb } from '../db/db';
import { watchTables } from '../db/watchTables';

export { pacedYield } from './pacedYield';
export { MAX_INDEXED_PAGES, SearchIndexer } from '../search/indexer';

/**
 * Calls `onChange` after every committed write to actors, events or documents, made here or
 * in another context of the origin (the window): Dexie re-fires its `storagemutated` event
 * for writes it receives over its BroadcastChannel. (A liveQuery over a fingerprint would do
 * the same with a query per change; this needs none, and also runs under fake-indexeddb.)
 */
export function watchRecords(db: CasefileDb, onChange: () => void): () => void {
  return watchTables(db, ['actors', 'events', 'documents'], () => onChange());
}
