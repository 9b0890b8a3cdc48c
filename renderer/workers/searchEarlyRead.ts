/**
 * The search worker's first module: before Dexie, the schema and the search engine load, it
 * opens the database with raw IndexedDB (no version: it never creates or upgrades anything)
 * and starts reading the stored index, so the reads run while the rest of the worker's code
 * evaluates and Dexie opens (renderer/search/storedLoad.ts decodes them). It gives up (null)
 * whenever the database is missing or not exactly this build's schema version, so a database
 * to create, upgrade or refuse (newer) is left to Dexie and its guard, and the index is read
 * through Dexie as before. Imports nothing heavy: it must evaluate first.
 */
import { SCHEMA_VERSION } from '../db/schemaVersion';
import { DEXIE_VERSION_FACTOR } from '../db/versionGuard';
import { readPagesRaw } from '../search/rawPages';
import { prefetchRows } from '../search/rowPrefetch';
import { STARTUP_READ_AHEAD, startupReadOrder } from '../search/startupRead';
import type { SearchSegmentRow } from '../db/db';
import type { PageReader } from '../search/runQuery';
import type { StoredSource } from '../search/storedLoad';

const CATALOG_ROW_ID = '~catalog';
/**
 * Rows read ahead and not yet taken, at most: the reads go on while the engine's chunk loads
 * (rowPrefetch.ts). 24 holds a 100k-page index's ~21 rows (145 MB, all kept once loaded).
 */
const EARLY_ROWS_HELD = 24;

function result<T>(request: IDBRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('reading the search index failed'));
  });
}

/** A raw connection at this build's schema version, or null (missing, older, newer, blocked). */
async function openCurrent(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  if (typeof factory.databases === 'function' && !(await factory.databases()).some((info) => info.name === name)) return null;
  const idb = await new Promise<IDBDatabase | null>((resolve) => {
    const request = factory.open(name);
    // Only fires when the database does not exist: abort its creation.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => { event.preventDefault(); resolve(null); };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => resolve(request.result);
  });
  if (!idb) return null;
  if (Math.floor(idb.version / DEXIE_VERSION_FACTOR) !== SCHEMA_VERSION || !idb.objectStoreNames.contains('searchSegments')) {
    idb.close();
    return null;
  }
  // Another context upgrading the database: step aside at once (reads then fail, and the
  // indexer reads through Dexie instead).
  idb.onversionchange = () => idb.close();
  return idb;
}

/**
 * The stored index being read on the raw connection, which also reads page rows (the texts of
 * the first answers' snippets and phrase checks, before Dexie is loaded) until it is closed.
 */
export interface EarlySource extends StoredSource {
  pages: PageReader;
  close(): void;
}

/**
 * Opens `name` raw and reads the catalog row, the stored segment ids and then the rows in the
 * worker's start-up order with the worker's read-ahead, each arrival starting the next read,
 * whether or not the engine has asked for them yet (rowPrefetch.ts).
 */
export async function startEarlyRead(factory: IDBFactory = indexedDB, name = 'casefile'): Promise<EarlySource | null> {
  const idb = await openCurrent(factory, name);
  if (!idb) return null;
  try {
    const tx = idb.transaction(['meta', 'searchSegments'], 'readonly');
    const store = tx.objectStore('searchSegments');
    const [meta, catalogRow, keys] = await Promise.all([
      result<{ value?: unknown } | undefined>(tx.objectStore('meta').get('schemaVersion')),
      result<SearchSegmentRow | undefined>(store.get(CATALOG_ROW_ID)),
      result<IDBValidKey[]>(store.getAllKeys()),
    ]);
    // Written by a newer build (its data format, whatever the native version): Dexie's guard refuses it.
    if (typeof meta?.value === 'number' && meta.value > SCHEMA_VERSION) { idb.close(); return null; }
    const ids = (keys as string[]).filter((id) => id !== CATALOG_ROW_ID);
    const read = (id: string) => result<SearchSegmentRow | undefined>(idb.transaction('searchSegments', 'readonly').objectStore('searchSegments').get(id));
    const ahead = prefetchRows(startupReadOrder(ids), read, STARTUP_READ_AHEAD, EARLY_ROWS_HELD);
    return {
      catalogRow: async () => catalogRow,
      segmentIds: async () => ids,
      row: (id) => ahead.take(id),
      // One transaction for all keys, as Dexie's bulkGet (rawPages.ts).
      pages: (keys) => readPagesRaw(idb, keys),
      close: () => idb.close(),
    };
  } catch {
    idb.close();
    return null;
  }
}
