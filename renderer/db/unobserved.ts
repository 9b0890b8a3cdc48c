import Dexie from 'dexie';
import type { CasefileDb } from './db';

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
 */

export interface IndexRange {
  index: string;
  lower: unknown;
  upper: unknown;
}

/**
 * The primary keys of `store` over `range` of `index` (':id': the primary key), in index
 * order, at most `limit`, in one readonly transaction of their own. Falls back to Dexie
 * (observed, same answer) if IndexedDB itself cannot be reached (the database closed meanwhile).
 * A Dexie promise, so a live query awaiting it keeps its zone for the reads that follow.
 */
export function unobservedKeys(
  db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange, options: { limit?: number; lowerOpen?: boolean } = {},
): Promise<string[]> {
  const { limit, lowerOpen = false } = options;
  let request: IDBRequest<IDBValidKey[]>;
  try {
    const source = db.backendDB().transaction(store, 'readonly').objectStore(store);
    const range = db.deps.IDBKeyRange.bound(lower, upper, lowerOpen, false);
    request = (index === ':id' ? source : source.index(index)).getAllKeys(range, limit);
  } catch {
    const range = db.table(store).where(index).between(lower, upper, !lowerOpen, true);
    return Dexie.Promise.resolve((limit === undefined ? range : range.limit(limit)).primaryKeys() as Promise<string[]>);
  }
  return Dexie.Promise.resolve(new Promise<string[]>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as string[]);
    request.onerror = () => reject(request.error ?? new Error(`reading ${store}.${index} failed`));
  }));
}

/**
 * Makes the live query this runs in rerun whenever a write touches `range` of the index: a row
 * entering the range, leaving it with its old values known, or moving inside it. One read of
 * one key; its answer does not matter.
 */
export function observeIndexRange(db: CasefileDb, store: 'actors', { index, lower, upper }: IndexRange): Promise<unknown> {
  return db.table(store).where(index).between(lower, upper, true, true).limit(1).primaryKeys();
}

/**
 * Makes the live query this runs in rerun whenever a row of `store` is deleted or overwritten
 * (Dexie records such a write by primary key when it does not know the row's old values, so
 * only this sees a row leave an index range). A keys-only read by primary key observes deletes
 * over its whole range: one read of one key.
 */
export function observeDeletes(db: CasefileDb, store: 'actors'): Promise<unknown> {
  return db.table(store).orderBy(':id').limit(1).primaryKeys();
}

/** An unobserved read of `range` with the range observed: what a live query needs, besides `observeDeletes` once. */
export function liveKeys(db: CasefileDb, store: 'actors', range: IndexRange, options: { limit?: number; lowerOpen?: boolean } = {}): Promise<string[]> {
  const keys = unobservedKeys(db, store, range, options);
  return Dexie.Promise.all([keys, observeIndexRange(db, store, range)]).then(([ids]) => ids);
}
