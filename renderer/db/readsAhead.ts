import Dexie from 'dexie';
import { ACTOR_COUNTS_KEY } from './actorCounts';
import type { CasefileDb } from './db';
import { idbResult } from './idbResult';
import type { IndexRange } from './rawReads';
import { rawGet, rawKeys, rawRows, rawRowsAndGet } from './rawReads';
import { withPriority } from './readPriority';

/**
 * Reads a user is about to wait for, started ahead (from the input event that asks for them,
 * before React renders and the live query runs): the live query's own read of the same range,
 * or of the same rows, then takes it over instead of asking again (./unobserved.ts).
 */

/** A read started ahead, for the live query about to ask for it. */
interface Ahead {
  db: CasefileDb;
  read: Promise<unknown>;
  at: number;
}
const ahead = new Map<string, Ahead>();
/** A read not taken over by then is dropped: the live query it was for did not come. */
const AHEAD_MS = 2_000;
let watching = false;

/**
 * Any write to the store drops the reads started ahead on it: the live query then reads for
 * itself, after the write. (A write committed after a read ahead was taken over reruns the
 * live query, which observes the range from the moment it takes it over, as for its own reads.)
 */
function watchWrites(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    const touched = Object.keys(parts);
    for (const [key, entry] of ahead) {
      if (touched.some((p) => p.startsWith(`idb://${entry.db.name}/`))) ahead.delete(key);
    }
  });
}

export const aheadKey = (what: 'keys' | 'rows', store: string, { index, lower, upper }: IndexRange, limit: number | undefined) =>
  JSON.stringify([what, store, index, lower, upper, limit ?? null]);
export const byIdsKey = (store: string, ids: readonly string[]) => JSON.stringify(['ids', store, ids]);
export const getKey = (store: string, key: string) => JSON.stringify(['get', store, key]);

/** Takes over a read started ahead of this one, if there is one for exactly this. */
export function takeAhead<T>(db: CasefileDb, key: string): Promise<T> | undefined {
  const entry = ahead.get(key);
  if (!entry) return undefined;
  ahead.delete(key);
  if (entry.db !== db || performance.now() - entry.at > AHEAD_MS) return undefined;
  return entry.read as Promise<T>;
}

function putAhead(db: CasefileDb, key: string, read: () => Promise<unknown>): void {
  const now = performance.now();
  for (const [k, entry] of ahead) if (now - entry.at > AHEAD_MS) ahead.delete(k);
  if (ahead.has(key)) return;
  watchWrites();
  // A priority read: the held list's chunks wait for it as for the live query's own reads.
  const started = withPriority(read);
  started.catch(() => {}); // the live query that takes it over reports a failure
  ahead.set(key, { db, read: started, at: now });
}

/**
 * Starts reading the primary keys of `range` now, for a live query about to ask for exactly
 * them with `unobservedKeys`/`liveKeys` (no limit): it takes this read over.
 */
export function readKeysAhead(db: CasefileDb, store: 'actors', range: IndexRange): void {
  putAhead(db, aheadKey('keys', store, range, undefined), () => rawKeys(db, store, range, {}));
}

/** Starts reading the first `limit` rows of `range` now, for a live query about to ask for them with `liveRows`. */
export function readRowsAhead(db: CasefileDb, store: 'actors', range: IndexRange, limit: number): void {
  putAhead(db, aheadKey('rows', store, range, limit), () => rawRows(db, store, range, limit));
}

/**
 * Starts reading the first `limit` rows of `range` and the actor counts row now, in one
 * transaction and answered in that order (as the list of one status or kind shows them: its
 * first screen and its count; its ids follow in chunks, for scrolling), for a live query about
 * to ask for the rows with `liveRows` and the counts with `liveGet`.
 */
export function readRowsAndCountsAhead(db: CasefileDb, store: 'actors', range: IndexRange, limit: number): void {
  const rowsKey = aheadKey('rows', store, range, limit);
  const countsKey = getKey('meta', ACTOR_COUNTS_KEY);
  if (ahead.has(rowsKey) || ahead.has(countsKey)) return;
  const { rows, got } = rawRowsAndGet(db, store, range, limit, { store: 'meta', key: ACTOR_COUNTS_KEY });
  putAhead(db, rowsKey, () => rows);
  putAhead(db, countsKey, () => got);
}

/** Starts reading the actor counts row now, for a live query about to ask for it with `liveGet`. */
export function readCountsAhead(db: CasefileDb): void {
  putAhead(db, getKey('meta', ACTOR_COUNTS_KEY), () => rawGet(db, 'meta', ACTOR_COUNTS_KEY));
}

/**
 * Starts reading every key of each of `ranges` now, all in one readonly transaction, for a
 * live query about to ask for them with `liveKeys`; and as soon as the last of them is in,
 * inside that same transaction (still active while its answer is handled: no second
 * transaction to open, no hop through Dexie's or React's schedulers), the rows of the ids
 * `pick` chooses from them, in that order, for a live query about to ask for exactly those
 * with `liveRowsByIds`. A combined filter's first rows are known only once its keys are: this
 * is how its first screen comes one request's wait after them. `pick` gets the ranges'
 * keys in the order of `ranges` and may choose none (then nothing more is read).
 */
export function readKeysThenRowsAhead(db: CasefileDb, store: 'actors', ranges: readonly IndexRange[], pick: (keys: string[][]) => readonly string[]): void {
  const keyKeys = ranges.map((range) => aheadKey('keys', store, range, undefined));
  if (ranges.length === 0 || keyKeys.some((k) => ahead.has(k))) return;
  let os: IDBObjectStore;
  let bounds: IDBKeyRange[];
  try {
    bounds = ranges.map(({ lower, upper }) => db.deps.IDBKeyRange.bound(lower, upper, false, false));
    os = db.backendDB().transaction(store, 'readonly').objectStore(store);
  } catch {
    // IndexedDB itself cannot be reached (closed meanwhile): the live query reads for itself.
    return;
  }
  const found: string[][] = [];
  let left = ranges.length;
  const what = `reading ${store}`;
  ranges.forEach((range, i) => {
    const request = os.index(range.index).getAllKeys(bounds[i]);
    const keys = new Promise<string[]>((resolve, reject) => {
      request.onerror = () => reject(request.error ?? new Error(`${what}.${range.index} failed`));
      request.onsuccess = () => {
        found[i] = request.result as string[];
        resolve(found[i]!);
        if (--left === 0) rowsWhileActive(db, store, os, found, pick);
      };
    });
    putAhead(db, keyKeys[i]!, () => keys);
  });
}

/** The rows of the ids `pick` chooses, read in the transaction of `os` while it is active (in a success handler). */
function rowsWhileActive(db: CasefileDb, store: 'actors', os: IDBObjectStore, found: string[][], pick: (keys: string[][]) => readonly string[]): void {
  let ids: readonly string[];
  try {
    ids = pick(found);
  } catch {
    return;
  }
  if (ids.length === 0) return;
  let rows: Promise<unknown[]>;
  try {
    rows = Promise.all(ids.map((id) => idbResult<unknown>(os.get(id), `reading ${store}`)));
  } catch {
    return; // the transaction finished already: the live query reads the rows itself
  }
  putAhead(db, byIdsKey(store, ids), () => rows);
}
