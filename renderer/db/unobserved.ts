import Dexie, { RangeSet } from 'dexie';
import type { CasefileDb } from './db';
import { idbResult } from './idbResult';
import { withPriority } from './readPriority';

/**
 * Id reads for the actor list that Dexie does not observe key by key.
 *
 * Inside a live query Dexie records every primary key an index read returns in the query's
 * observed set (a balanced tree of ranges), so that a later delete of one of them reruns the
 * query. Building it costs about 4 ms per 1,000 random ids on a 2-core machine (40 ms for one
 * status of 10,000 actors, ~200 ms for the held list of 50,000), on the main thread, on every
 * read: the raw index read does not pay it, and a filter's count waited for it. These reads go
 * to IndexedDB itself instead, and the live query observes what their answer depends on:
 * the index range read (`observeIndexRange`: a row entering it, or moving inside it) and every
 * delete or overwrite of a row of the table (`observeDeletes`: a row leaving the range shows
 * only as its primary key when Dexie does not know its old values). Coarser than Dexie's own observation: a
 * one-status list also rereads its ids when an actor outside it is saved or deleted; those are
 * single edits by the user, and the held list rereads everything then anyway.
 *
 * The observation is written into the live query's observed set directly, as Dexie's own
 * middleware does when a read is issued (its answer plays no part): no request, so nothing
 * waits for one. Where that set cannot be reached (another Dexie), one-key reads observe instead.
 *
 * A read a user is about to wait for can be started ahead (`readAhead`, from the input event
 * that asks for it, before React renders and the live query runs): the live query's own read
 * of the same range then takes it over instead of asking again.
 */

export interface IndexRange {
  index: string;
  lower: unknown;
  upper: unknown;
}

// ---------------------------------------------------------------- observation

type ObservedSet = Record<string, RangeSet>;

/**
 * The observed set of the live query this code runs in: Dexie keeps it as `subscr` on its
 * current zone (`Dexie.Promise.PSD`). Null outside a live query (nothing to observe);
 * undefined if Dexie does not expose its zone (observe by reading then).
 */
function observedSet(): ObservedSet | null | undefined {
  const psd = (Dexie.Promise as unknown as { PSD?: { subscr?: ObservedSet } }).PSD;
  if (psd === undefined) return undefined;
  return psd.subscr ?? null;
}

/** Dexie's name for a part of the observed set: the primary key is '', deletes ':dels'. */
function part(set: ObservedSet, db: CasefileDb, store: string, index: string): RangeSet {
  const name = `idb://${db.name}/${store}/${index === ':id' ? '' : index}`;
  return (set[name] ??= new RangeSet());
}

/**
 * Makes the live query this runs in rerun whenever a write touches `range` of the index: a row
 * entering the range, leaving it with its old values known, or moving inside it.
 */
export function observeIndexRange(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange): Promise<unknown> {
  const set = observedSet();
  if (set === undefined) return db.table(store).where(index).between(lower, upper, true, true).limit(1).primaryKeys();
  if (set) part(set, db, store, index).add(new RangeSet(lower as never, upper as never));
  return Dexie.Promise.resolve();
}

/**
 * Makes the live query this runs in rerun whenever a row of `store` is deleted or overwritten
 * (Dexie records such a write by primary key when it does not know the row's old values, so
 * only this sees a row leave an index range).
 */
export function observeDeletes(db: CasefileDb, store: 'actors'): Promise<unknown> {
  const set = observedSet();
  if (set === undefined) return db.table(store).orderBy(':id').limit(1).primaryKeys();
  if (set) part(set, db, store, ':dels').add(new RangeSet(Dexie.minKey as never, Dexie.maxKey as never));
  return Dexie.Promise.resolve();
}

// ---------------------------------------------------------------- reads ahead

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

const aheadKey = (what: 'keys' | 'rows', store: string, { index, lower, upper }: IndexRange, limit: number | undefined) =>
  JSON.stringify([what, store, index, lower, upper, limit ?? null]);
const byIdsKey = (store: string, ids: readonly string[]) => JSON.stringify(['ids', store, ids]);

/** Takes over a read started ahead of this one, if there is one for exactly this. */
function takeAhead<T>(db: CasefileDb, key: string): Promise<T> | undefined {
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
 * Starts reading the first `limit` rows and every key of `range` now, in one transaction (as
 * the list of one status shows them: its first screen, then its count), for a live query about
 * to ask for the rows with `liveRows` and one about to ask for the keys with `liveKeys`.
 */
export function readRowsAndKeysAhead(db: CasefileDb, store: 'actors', range: IndexRange, limit: number): void {
  const rowsKey = aheadKey('rows', store, range, limit);
  const keysKey = aheadKey('keys', store, range, undefined);
  if (ahead.has(rowsKey) || ahead.has(keysKey)) return;
  const { rows, keys } = rawRowsAndKeys(db, store, range, limit);
  putAhead(db, rowsKey, () => rows);
  putAhead(db, keysKey, () => keys);
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

// ---------------------------------------------------------------- reads

/** One request in a readonly transaction of its own, straight to IndexedDB; throws at once if it cannot be made. */
function request<T>(db: CasefileDb, store: string, index: string, make: (source: IDBObjectStore | IDBIndex) => IDBRequest): Promise<T> {
  const source = db.backendDB().transaction(store, 'readonly').objectStore(store);
  return idbResult<T>(make(index === ':id' ? source : source.index(index)), `reading ${store}.${index}`);
}

function rawKeys(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, { limit, lowerOpen = false }: { limit?: number; lowerOpen?: boolean }): Promise<string[]> {
  try {
    const range = db.deps.IDBKeyRange.bound(lower, upper, lowerOpen, false);
    return request<string[]>(db, store, index, (source) => source.getAllKeys(range, limit));
  } catch {
    const range = db.table(store).where(index).between(lower, upper, !lowerOpen, true);
    return Promise.resolve((limit === undefined ? range : range.limit(limit)).primaryKeys() as Promise<string[]>);
  }
}

function rawRows<T>(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, limit: number): Promise<T[]> {
  try {
    const range = db.deps.IDBKeyRange.bound(lower, upper, false, false);
    return request<T[]>(db, store, index, (source) => source.getAll(range, limit));
  } catch {
    return Promise.resolve(db.table(store).where(index).between(lower, upper, true, true).limit(limit).toArray() as Promise<T[]>);
  }
}

/**
 * The first `limit` rows and every primary key of `range`: two requests in one readonly
 * transaction, each answered as soon as it is read (the rows first).
 */
function rawRowsAndKeys<T>(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, limit: number): { rows: Promise<T[]>; keys: Promise<string[]> } {
  let range: IDBKeyRange;
  let source: IDBObjectStore | IDBIndex;
  try {
    range = db.deps.IDBKeyRange.bound(lower, upper, false, false);
    const os = db.backendDB().transaction(store, 'readonly').objectStore(store);
    source = index === ':id' ? os : os.index(index);
  } catch {
    const collection = () => db.table(store).where(index).between(lower, upper, true, true);
    return { rows: Promise.resolve(collection().limit(limit).toArray() as Promise<T[]>), keys: Promise.resolve(collection().primaryKeys() as Promise<string[]>) };
  }
  const what = `reading ${store}.${index}`;
  return { rows: idbResult<T[]>(source.getAll(range, limit), what), keys: idbResult<string[]>(source.getAllKeys(range), what) };
}

/**
 * The primary keys of `store` over `range` of `index` (':id': the primary key), in index
 * order, at most `limit`, in one readonly transaction of their own. Falls back to Dexie
 * (observed, same answer) if IndexedDB itself cannot be reached (the database closed meanwhile).
 * A Dexie promise, so a live query awaiting it keeps its zone for the reads that follow.
 */
export function unobservedKeys(
  db: CasefileDb, store: 'actors', range: IndexRange, options: { limit?: number; lowerOpen?: boolean } = {},
): Promise<string[]> {
  const taken = options.limit === undefined && !options.lowerOpen ? takeAhead<string[]>(db, aheadKey('keys', store, range, undefined)) : undefined;
  return Dexie.Promise.resolve(taken ?? rawKeys(db, store, range, options));
}

/** An unobserved read of `range` with the range observed: what a live query needs, besides `observeDeletes` once. */
export function liveKeys(db: CasefileDb, store: 'actors', range: IndexRange, options: { limit?: number; lowerOpen?: boolean } = {}): Promise<string[]> {
  const observed = observeIndexRange(db, store, range);
  const keys = unobservedKeys(db, store, range, options);
  return Dexie.Promise.all([keys, observed]).then(([ids]) => ids);
}

/**
 * The first `limit` rows of `range` in index order, whole, read as `liveKeys` reads keys: in a
 * live query, the range and the rows read are observed (a row entering or moving in the range,
 * and any write to a row shown), as Dexie's own read would; deletes are for `observeDeletes`.
 */
export function liveRows<T extends { id: string }>(db: CasefileDb, store: 'actors', range: IndexRange, limit: number): Promise<T[]> {
  const set = observedSet();
  const { index, lower, upper } = range;
  // Without Dexie's zone at hand, Dexie's own read (observed by Dexie).
  if (set === undefined) return db.table(store).where(index).between(lower, upper, true, true).limit(limit).toArray() as Promise<T[]>;
  if (set) part(set, db, store, index).add(new RangeSet(lower as never, upper as never));
  const rows = takeAhead<T[]>(db, aheadKey('rows', store, range, limit)) ?? rawRows<T>(db, store, range, limit);
  return Dexie.Promise.resolve(rows).then((found) => {
    if (set) part(set, db, store, '').addKeys(found.map((r) => r.id));
    return found;
  });
}


/**
 * The rows of `ids` by primary key, in that order (undefined where there is none), read as
 * `liveKeys` reads keys: straight from IndexedDB in a readonly transaction of their own, or
 * taken over from `readKeysThenRowsAhead`; in a live query each key read is observed, as
 * Dexie's own `bulkGet` observes it (deletes are for `observeDeletes`).
 */
export function liveRowsByIds<T>(db: CasefileDb, store: 'actors', ids: readonly string[]): Promise<Array<T | undefined>> {
  const set = observedSet();
  if (set === undefined || ids.length === 0) return db.table(store).bulkGet([...ids]) as Promise<Array<T | undefined>>;
  if (set) part(set, db, store, '').addKeys([...ids]);
  const taken = takeAhead<Array<T | undefined>>(db, byIdsKey(store, ids));
  if (taken) return Dexie.Promise.resolve(taken);
  let read: Promise<Array<T | undefined>>;
  try {
    const os = db.backendDB().transaction(store, 'readonly').objectStore(store);
    read = Promise.all(ids.map((id) => idbResult<T | undefined>(os.get(id), `reading ${store}`)));
  } catch {
    return db.table(store).bulkGet([...ids]) as Promise<Array<T | undefined>>;
  }
  return Dexie.Promise.resolve(read);
}
