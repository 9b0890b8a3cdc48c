import Dexie, { RangeSet } from 'dexie';
import type { CasefileDb } from './db';
import type { IndexRange } from './rawReads';
import { rawGet, rawGets, rawKeys, rawRows } from './rawReads';
import { aheadKey, byIdsKey, getKey, takeAhead } from './readsAhead';

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
 * A read a user is about to wait for can be started ahead (./readsAhead.ts, from the input event
 * that asks for it, before React renders and the live query runs): the live query's own read
 * of the same range then takes it over instead of asking again.
 */

export type { IndexRange } from './rawReads';

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

// ---------------------------------------------------------------- live reads

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
  return Dexie.Promise.resolve(rawGets<T>(db, store, ids));
}

/**
 * One row of `store` by primary key, read as `liveKeys` reads keys: straight from IndexedDB in
 * a readonly transaction of its own, or taken over from a read started ahead (the actor counts
 * row, read with a one-status filter's first screen: ./readsAhead.ts); in a live query its key
 * is observed, as Dexie's own `get` observes it.
 */
export function liveGet<T>(db: CasefileDb, store: 'meta', key: string): Promise<T | undefined> {
  const set = observedSet();
  if (set === undefined) return Dexie.Promise.resolve(db.table(store).get(key) as Promise<T | undefined>);
  if (set) part(set, db, store, '').addKey(key);
  return Dexie.Promise.resolve(takeAhead<T | undefined>(db, getKey(store, key)) ?? rawGet<T>(db, store, key));
}
