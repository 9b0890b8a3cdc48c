/**
 * The data format this build reads and writes. Raise it together with a new `version(n)` in
 * db.ts; the newer-version guard compares against it. Apart from db.ts (no Dexie) so the search
 * worker's first module can check an installed database's version before Dexie loads.
 */
export const SCHEMA_VERSION = 13;
