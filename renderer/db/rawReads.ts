import type { CasefileDb } from './db';
import { idbResult } from './idbResult';

/**
 * Reads straight from IndexedDB on the connection Dexie holds (`db.backendDB()`), each in a
 * readonly transaction of its own, past Dexie's layers: what the actor list's live reads
 * (./unobserved.ts) and its reads started ahead (./readsAhead.ts) are made of. Each falls back
 * to Dexie's own read (same answer) where IndexedDB itself cannot be reached.
 */

export interface IndexRange {
  index: string;
  lower: unknown;
  upper: unknown;
}

/** One request in a readonly transaction of its own, straight to IndexedDB; throws at once if it cannot be made. */
export function request<T>(db: CasefileDb, store: string, index: string, make: (source: IDBObjectStore | IDBIndex) => IDBRequest): Promise<T> {
  const source = db.backendDB().transaction(store, 'readonly').objectStore(store);
  return idbResult<T>(make(index === ':id' ? source : source.index(index)), `reading ${store}.${index}`);
}

export function rawKeys(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, { limit, lowerOpen = false }: { limit?: number; lowerOpen?: boolean }): Promise<string[]> {
  try {
    const range = db.deps.IDBKeyRange.bound(lower, upper, lowerOpen, false);
    return request<string[]>(db, store, index, (source) => source.getAllKeys(range, limit));
  } catch {
    const range = db.table(store).where(index).between(lower, upper, !lowerOpen, true);
    return Promise.resolve((limit === undefined ? range : range.limit(limit)).primaryKeys() as Promise<string[]>);
  }
}

export function rawRows<T>(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, limit: number): Promise<T[]> {
  try {
    const range = db.deps.IDBKeyRange.bound(lower, upper, false, false);
    return request<T[]>(db, store, index, (source) => source.getAll(range, limit));
  } catch {
    return Promise.resolve(db.table(store).where(index).between(lower, upper, true, true).limit(limit).toArray() as Promise<T[]>);
  }
}

/**
 * The first `limit` rows of `range` and one row of another store by key (the actor counts:
 * ./actorCounts.ts): two requests in one readonly transaction, each answered as soon as it is
 * read (the rows first).
 */
export function rawRowsAndGet<T>(
  db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, limit: number, get: { store: 'meta'; key: string },
): { rows: Promise<T[]>; got: Promise<unknown> } {
  let range: IDBKeyRange;
  let source: IDBObjectStore | IDBIndex;
  let other: IDBObjectStore;
  try {
    range = db.deps.IDBKeyRange.bound(lower, upper, false, false);
    const tx = db.backendDB().transaction([store, get.store], 'readonly');
    const os = tx.objectStore(store);
    source = index === ':id' ? os : os.index(index);
    other = tx.objectStore(get.store);
  } catch {
    return {
      rows: Promise.resolve(db.table(store).where(index).between(lower, upper, true, true).limit(limit).toArray() as Promise<T[]>),
      got: Promise.resolve(db.table(get.store).get(get.key)),
    };
  }
  return { rows: idbResult<T[]>(source.getAll(range, limit), `reading ${store}.${index}`), got: idbResult<unknown>(other.get(get.key), `reading ${get.store}`) };
}

/** One row by primary key, in a readonly transaction of its own. */
export function rawGet<T>(db: CasefileDb, store: 'meta', key: string): Promise<T | undefined> {
  try {
    return request<T | undefined>(db, store, ':id', (source) => source.get(key));
  } catch {
    return Promise.resolve(db.table(store).get(key) as Promise<T | undefined>);
  }
}

/** The rows of `ids` by primary key, in that order (undefined where there is none), in one readonly transaction. */
export function rawGets<T>(db: CasefileDb, store: 'actors', ids: readonly string[]): Promise<Array<T | undefined>> {
  try {
    const os = db.backendDB().transaction(store, 'readonly').objectStore(store);
    return Promise.all(ids.map((id) => idbResult<T | undefined>(os.get(id), `reading ${store}`)));
  } catch {
    return Promise.resolve(db.table(store).bulkGet([...ids]) as Promise<Array<T | undefined>>);
  }
}
