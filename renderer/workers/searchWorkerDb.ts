import { SCHEMA_VERSION, openDatabase } from '../db/db';
import { DEXIE_VERSION_FACTOR } from '../db/versionGuard';
import type { SearchSegmentRow } from '../db/db';
import { readStartupRows } from '../search/startupRead';

/**
 * The search worker's database, opened as this module evaluates. search.worker.ts imports it
 * before the search engine, so the open (tens of ms in a newly started browser) runs while
 * the engine's modules (lunr, its stemmers, the search core) evaluate, instead of after them.
 */
export const workerDatabase = openDatabase();
// The host awaits it and reports a failure as "search unavailable"; until then it is handled here.
workerDatabase.catch(() => undefined);

/**
 * The stored index rows, requested at once on a raw connection of their own, while Dexie's
 * open (after its newer-version guard) and the engine's modules are still on their way; the
 * indexer's `load` decodes them as they arrive. A database newer than this build is left to
 * the guard (nothing is read). Table and catalog id as in renderer/search/catalog.ts.
 */
export const workerStartupRows = readStartupRows<SearchSegmentRow>(indexedDB, 'casefile', 'searchSegments', '~catalog',
  SCHEMA_VERSION * DEXIE_VERSION_FACTOR + DEXIE_VERSION_FACTOR - 1);
