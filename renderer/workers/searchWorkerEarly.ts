import { startEarlyRead } from './searchEarlyRead';
import type { RowReaderPort } from './rowReader';

/** The second thread that reads stored rows at start-up (segmentRows.worker.ts), where workers can start workers. */
function startRowReader(): RowReaderPort | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./segmentRows.worker.ts', import.meta.url), { type: 'module', name: 'casefile-search-rows' }) as RowReaderPort;
  } catch {
    return null;
  }
}

/**
 * The search worker's stored index, starting to be read as this module evaluates: it is the
 * worker's first import, so the raw open and the first rows' reads run while Dexie, the schema
 * and the search engine evaluate and Dexie opens (searchEarlyRead.ts), half the rows received
 * by a row reader of its own (rowReader.ts).
 */
export const earlyRead = startEarlyRead(indexedDB, 'casefile', startRowReader).catch(() => null);
