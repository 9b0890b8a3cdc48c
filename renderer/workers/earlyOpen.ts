/**
 * The raw IndexedDB open the search worker's first chunk (searchEarlyRead.ts) and its row
 * reader (segmentRows.worker.ts) share: no version, so it never creates or upgrades anything,
 * and only a database at exactly this build's schema version is used. Imports nothing heavy:
 * both evaluate it before anything else.
 */
import { idbResult } from '../db/idbResult';
import { SCHEMA_VERSION } from '../db/schemaVersion';
import { DEXIE_VERSION_FACTOR } from '../db/versionGuard';

/** A raw connection at this build's schema version, or null (missing, older, newer, blocked). */
export async function openCurrent(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
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
 * One stored segment row, in its own read-only transaction (as Dexie's `get`). A read that
 * cannot start (the connection closed meanwhile: another window upgrading) rejects like one
 * that could not finish, never throws: every caller reads on from a promise's callbacks, where
 * a throw would lose that row and every later one.
 */
export function readSegmentRowRaw<T>(idb: IDBDatabase, id: string): Promise<T> {
  try {
    return idbResult<T>(idb.transaction('searchSegments', 'readonly').objectStore('searchSegments').get(id), 'reading the search index');
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
