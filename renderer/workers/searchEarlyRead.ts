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
import { readPagesRaw } from '../search/rawPages';
import { STARTUP_READ_AHEAD, startupReadOrder } from '../search/startupRead';
import type { SearchSegmentRow } from '../db/db';
import type { PageReader } from '../search/runQuery';
import type { StoredSource } from '../search/storedLoad';
import { idbResult } from '../db/idbResult';
import { openCurrent, readSegmentRowRaw } from './earlyOpen';
import { readRowsShared } from './rowReader';
import type { RowReaderPort } from './rowReader';

const CATALOG_ROW_ID = '~catalog';
/**
 * Rows read ahead and not yet taken, at most: the reads go on while the engine's chunk loads
 * (rowPrefetch.ts). 24 holds a 100k-page index's ~21 rows (145 MB, all kept once loaded).
 */
const EARLY_ROWS_HELD = 24;

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
 * whether or not the engine has asked for them yet (rowPrefetch.ts). `startReader`, called
 * first thing so the reader's start overlaps the open, gives a row reader on a thread of its
 * own that reads every other row (rowReader.ts); null or absent: every row is read here.
 */
export async function startEarlyRead(factory: IDBFactory = indexedDB, name = 'casefile', startReader?: () => RowReaderPort | null):
  Promise<EarlySource | null> {
  const reader = startReader?.() ?? null;
  const idb = await openCurrent(factory, name);
  if (!idb) { reader?.terminate(); return null; }
  try {
    const tx = idb.transaction(['meta', 'searchSegments'], 'readonly');
    const store = tx.objectStore('searchSegments');
    const [meta, catalogRow, keys] = await Promise.all([
      idbResult<{ value?: unknown } | undefined>(tx.objectStore('meta').get('schemaVersion'), 'reading the search index'),
      idbResult<SearchSegmentRow | undefined>(store.get(CATALOG_ROW_ID), 'reading the search index'),
      idbResult<IDBValidKey[]>(store.getAllKeys(), 'reading the search index'),
    ]);
    // Written by a newer build (its data format, whatever the native version): Dexie's guard refuses it.
    if (typeof meta?.value === 'number' && meta.value > SCHEMA_VERSION) { reader?.terminate(); idb.close(); return null; }
    const ids = (keys as string[]).filter((id) => id !== CATALOG_ROW_ID);
    const read = (id: string) => readSegmentRowRaw<SearchSegmentRow | undefined>(idb, id);
    const ahead = readRowsShared(startupReadOrder(ids), read, reader, STARTUP_READ_AHEAD / 2, EARLY_ROWS_HELD);
    return {
      catalogRow: async () => catalogRow,
      segmentIds: async () => ids,
      row: (id) => ahead.take(id),
      // One transaction for all keys, as Dexie's bulkGet (rawPages.ts).
      pages: (keys) => readPagesRaw(idb, keys),
      close: () => { ahead.close(); idb.close(); },
    };
  } catch {
    reader?.terminate();
    idb.close();
    return null;
  }
}
