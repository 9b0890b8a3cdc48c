import { openDatabase } from '../db/db';

/**
 * The search worker's database, opened as this module evaluates. search.worker.ts imports it
 * before the search engine, so the open (tens of ms in a newly started browser) runs while
 * the engine's modules (lunr, its stemmers, the search core) evaluate, instead of after them.
 */
export const workerDatabase = openDatabase();
// The host awaits it and reports a failure as "search unavailable"; until then it is handled here.
workerDatabase.catch(() => undefined);
