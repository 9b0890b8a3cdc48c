import { openDatabase } from '../db/db';

/**
 * The search worker's Dexie database, opened as this module evaluates. The host
 * (searchHost.ts) imports it after answering the queries that waited for start-up over the
 * stored index read on the raw connection (searchEarlyRead.ts) — or at once when that index
 * must be read through Dexie — so Dexie and the record schema never compile before the first
 * answer.
 */
export const workerDatabase = openDatabase();
// The host awaits it and reports a failure as "search unavailable"; until then it is handled here.
workerDatabase.catch(() => undefined);
