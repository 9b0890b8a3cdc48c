import { startEarlyRead } from './searchEarlyRead';

/**
 * The search worker's stored index, starting to be read as this module evaluates: it is the
 * worker's first import, so the raw open and the first rows' reads run while Dexie, the schema
 * and the search engine evaluate and Dexie opens (searchEarlyRead.ts).
 */
export const earlyRead = startEarlyRead().catch(() => null);
