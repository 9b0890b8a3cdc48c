import { openDatabase } from '../db/db';

/**
 * The search worker's database, opened as this module evaluates. The worker's main chunk
 * (searchWorkerMain.ts) imports it before the search engine, so the open (tens of ms in a newly
 * started browser) runs while the engine's modules (lunr, its stemmers, the search core)
 * evaluate; the stored index is already being read on a raw connection by then
 * (searchWorkerEarly.ts).
 */
export const workerDatabase = openDatabase();
// The host awaits it and reports a failure as "search unavailable"; until then it is handled here.
workerDatabase.catch(() => undefined);
