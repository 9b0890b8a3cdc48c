// The actor list's queries: a filter's ids in display order (one index where one answers it,
// else index ranges intersected: ./actorFilter.ts), its first screen in one read, its count,
// and the held sorted list read in chunks. Reads started ahead of the render: ./actorsAhead.ts.
// Records themselves: ./actors.ts.
import Dexie from 'dexie';
import type { Actor } from '../../shared/model';
import type { HeldStatuses } from './heldStatuses';
import type { ActorFilter, ActorSort } from './actorFilter';
import { combinedGroups, fastPath, firstScreenRange, statusOrKind, statusesHeld } from './actorFilter';
import type { CasefileDb } from './db';
import type { ActorRow } from './derive';
import { cmp, compareActorRows, toActor } from './derive';
import { SMALL_SET, firstInOrder, intersect, pickInOrder, union } from './idSets';
import { getActorsByIds } from './actors';
import { countFromRow, liveActorCounts } from './actorCountsRead';
import type { IndexRange } from './rawReads';
import { liveKeys, liveRows, liveRowsByIds, observeDeletes, observeIndexRange, unobservedKeys } from './unobserved';

export type { ActorFilter, ActorSort } from './actorFilter';
export { isSingleIndexFilter } from './actorFilter';

export interface ActorQueryOptions {
  /**
   * Only the first `limit` ids. Where one index answers the filter this reads just
   * those keys, so a list can paint its first screen without reading 50,000 ids.
   */
  limit?: number;
  /**
   * Every actor id in `sort` order, if the caller holds it already (the list keeps it
   * in memory): filters that combine several indexes then order their matches by it
   * instead of reading the whole index again.
   */
  sortedAll?: readonly string[] | undefined;
  /**
   * Called from a live query: reads ids with IndexedDB itself, each read its own transaction,
   * and observes their index ranges and the table's deletes instead of every id read
   * (./unobserved.ts). Without it, one Dexie transaction, observed key by key.
   */
  live?: boolean;
}

/** Reads the primary keys of one index range. */
type KeyReader = (range: IndexRange) => Promise<string[]>;

/** Ids of the matching actors in display order; the list then reads only the visible rows. */
export async function queryActorIds(
  db: CasefileDb, filter: ActorFilter = {}, sort: ActorSort = 'name', options: ActorQueryOptions = {},
): Promise<string[]> {
  return (await queryActorIdsAhead(db, filter, sort, options)).ids;
}

export interface ActorIdsAhead {
  /** Matching ids in display order: all of them, or (with `sortedPrefix`) the ones within the prefix. */
  ids: string[];
  /** How many actors match in all (more than `ids` when the order is known only as far as the prefix). */
  total: number;
  /**
   * With `firstRows`, for a filter that combines indexes: the first rows, whole, in display
   * order, read as soon as their ids are known (before the rest of the order is worked out).
   */
  first?: Promise<Actor[]>;
}

/**
 * Like `queryActorIds`, and with `sortedPrefix` (the first part of every actor id in 'name'
 * order, the held list while it is still being read) a filter that combines indexes is
 * answered without reading the whole order: its matches come from the index reads, so their
 * number is known, and their order as far as the prefix goes. If the prefix holds at least
 * `need` of them (or all) those are the answer, else the whole order is read as without it.
 */
export async function queryActorIdsAhead(
  db: CasefileDb, filter: ActorFilter = {}, sort: ActorSort = 'name',
  options: ActorQueryOptions & {
    sortedPrefix?: readonly string[] | undefined; need?: number; firstRows?: number;
    /** Each status's ids held in memory (./heldStatuses.ts): a filter's statuses are then not read. */
    heldStatuses?: HeldStatuses | undefined;
  } = {},
): Promise<ActorIdsAhead> {
  const { limit, sortedAll, sortedPrefix, need = 0, firstRows = 0, live = false, heldStatuses } = options;
  const fast = fastPath(filter);
  const read: KeyReader = live
    ? (range) => liveKeys(db, 'actors', range)
    : ({ index, lower, upper }) => db.actors.where(index).between(lower, upper, true, true).primaryKeys();
  const whole = (ids: string[]): ActorIdsAhead => ({ ids: limit !== undefined ? ids.slice(0, limit) : ids, total: ids.length });
  // In a live query the first rows come straight from IndexedDB, or from the read started
  // ahead in the filter's input event (`readActorsAhead`), their keys observed as Dexie would.
  const rowsOf = (ids: string[]): Promise<Actor[]> => (live
    ? liveRowsByIds<ActorRow>(db, 'actors', ids).then((rows) => rows.filter((r): r is ActorRow => r !== undefined).map(toActor))
    : getActorsByIds(db, ids));

  const answer = async (): Promise<ActorIdsAhead> => {
    // Fast paths: the compound indexes return one status's or one kind's ids already sorted.
    if (fast?.kind === 'all') return whole(limit !== undefined ? await firstIds(db, sort, limit) : await sortedIds(db, sort, read));
    if (fast?.kind === 'range') {
      return whole(limit !== undefined ? await rangeIds(db, fast.field, fast.value, sort, limit) : await inOrder(read(statusOrKind(fast.field, fast.value, sort)), sort));
    }
    const matches = await combinedMatches(filter, sort, read, statusesHeld(filter, heldStatuses));
    if (matches.size === 0) return { ids: [], total: 0, ...(firstRows ? { first: Dexie.Promise.resolve([]) } : {}) };
    // The first rows are asked for before the whole order is worked out, so the two overlap.
    // A prefix of the order (`partial`) gives the matches within it; the count is then all of them.
    const inOrderOf = (sorted: readonly string[], partial = false) => {
      const first = firstRows ? rowsOf(firstInOrder(sorted, matches, firstRows)) : undefined;
      const all = pickInOrder(sorted, matches);
      return { ids: limit !== undefined ? all.slice(0, limit) : all, total: partial ? matches.size : all.length, ...(first ? { first } : {}) };
    };
    if (sortedAll) return inOrderOf(sortedAll);
    if (matches.size <= SMALL_SET) {
      const rows = (await db.actors.bulkGet([...matches])).filter((r): r is ActorRow => r !== undefined);
      rows.sort(sort === 'name' ? compareActorRows : compareUpdatedDesc);
      const found = whole(rows.map((r) => r.id));
      return firstRows ? { ...found, first: Dexie.Promise.resolve(rows.slice(0, firstRows).map(toActor)) } : found;
    }
    if (sortedPrefix && sort === 'name') {
      const enough = firstInOrder(sortedPrefix, matches, Math.max(need, 1));
      if (enough.length >= Math.min(need, matches.size) && enough.length > 0) return inOrderOf(sortedPrefix, true);
    }
    const sorted = await sortedIds(db, sort, read);
    return inOrderOf(sorted);
  };
  if (!live) return db.transaction('r', db.actors, answer);
  const [found] = await Dexie.Promise.all([answer(), observeDeletes(db, 'actors')]);
  return found;
}

/**
 * The ids matching a filter no single index answers: one read per index range it names, intersected,
 * and with `inMemory` (its statuses' ids, held) no read for its statuses.
 */
async function combinedMatches(filter: ActorFilter, sort: ActorSort, read: KeyReader, inMemory?: Set<string>): Promise<Set<string>> {
  const sets = await Promise.all(combinedGroups(filter, sort, !!inMemory).map((ranges) => Promise.all(ranges.map(read)).then(union)));
  if (inMemory) sets.push(inMemory);
  return sets.length === 1 ? sets[0]! : intersect(sets);
}

/**
 * The first `limit` matching actors, whole, in one index read, where one index answers
 * the filter: the list's first screen without a second round trip for the rows.
 * Null where the filter needs several indexes; the caller then goes by ids.
 */
export async function firstActors(db: CasefileDb, filter: ActorFilter, sort: ActorSort, limit: number): Promise<Actor[] | null> {
  const range = firstScreenRange(filter, sort);
  if (range === undefined) return null;
  let rows: ActorRow[];
  if (range) {
    // By name: one getAll of the index range, straight to IndexedDB (observed as a range in a live query).
    rows = await liveRows<ActorRow>(db, 'actors', range, limit);
  } else {
    // Newest first: a reverse read, which only a cursor gives.
    const fast = fastPath(filter)!;
    const collection = fast.kind === 'all'
      ? db.actors.orderBy('updatedAt')
      : db.actors.where(`[${fast.field}+updatedAt]`).between([fast.value, Dexie.minKey], [fast.value, Dexie.maxKey]);
    rows = await collection.reverse().limit(limit).toArray();
  }
  return rows.map(toActor);
}

/**
 * How many actors match: from the counts row where one index answers the filter (./actorCounts.ts),
 * by a native count of its range where that row cannot be trusted, else by its ids.
 */
export async function countActors(db: CasefileDb, filter: ActorFilter = {}, options: Pick<ActorQueryOptions, 'sortedAll'> = {}): Promise<number> {
  const fast = fastPath(filter);
  if (fast) {
    const counted = countFromRow(await liveActorCounts(db), filter);
    if (counted !== undefined) return counted;
  }
  if (fast?.kind === 'all') return db.actors.count();
  if (fast?.kind === 'range') {
    return db.actors.where(`[${fast.field}+sortName]`).between([fast.value, Dexie.minKey], [fast.value, Dexie.maxKey]).count();
  }
  return (await queryActorIds(db, filter, 'name', options)).length;
}

/** Ids per chunk of the held sorted list: a priority read waits for one chunk at most. */
export const SORTED_CHUNK = 2500;

/**
 * Every actor id in `sort` order, like `queryActorIds(db, {}, sort)`, read `size` ids at a
 * time by the sort's index, each chunk in its own short transaction, awaiting `pause()`
 * between chunks (the list waits there for its filters' reads: renderer/db/readPriority.ts).
 * A chunk resumes at the last key read (the ids sharing it come in primary-key order, so the
 * ones already read are skipped by id). If that actor is gone meanwhile, or more than a chunk
 * of actors share one key, the rest is read in one go; either way the answer is exact at the
 * time of its last read, and a live query reruns on any change it observed. `progress` is
 * handed the ids read so far after each chunk (the same array, growing; 'name' order: for
 * 'updated' it is the reverse of the display order until the end).
 */
export async function sortedIdsInChunks(
  db: CasefileDb, sort: ActorSort, pause: () => Promise<void> = () => Dexie.Promise.resolve(), size = SORTED_CHUNK,
  progress: (soFar: readonly string[]) => void = () => {},
): Promise<string[]> {
  const index = sort === 'name' ? 'sortName' : 'updatedAt';
  const from = (lower: unknown): IndexRange => ({ index, lower, upper: Dexie.maxKey });
  // Observed once, as ranges: every write of an actor touches this index or deletes a held id.
  const observed = Dexie.Promise.all([observeIndexRange(db, 'actors', from(Dexie.minKey)), observeDeletes(db, 'actors')]);
  const out = await unobservedKeys(db, 'actors', from(Dexie.minKey), { limit: size });
  for (let complete = out.length < size; !complete;) {
    progress(out);
    await pause();
    const last = out.at(-1)!;
    const key = (await db.actors.get(last))?.[index];
    const read = key === undefined ? [] : await unobservedKeys(db, 'actors', from(key), { limit: size + 1 });
    const at = read.indexOf(last);
    let next = read.slice(at + 1);
    complete = read.length < size + 1;
    if (at < 0 || (next.length === 0 && !complete)) {
      // Gone meanwhile, or a whole chunk of ties: the rest in one read.
      const rest = key === undefined ? [] : await unobservedKeys(db, 'actors', from(key));
      const resume = rest.indexOf(last);
      if (resume < 0) {
        await observed;
        return sortedIds(db, sort, (range) => unobservedKeys(db, 'actors', range));
      }
      next = rest.slice(resume + 1);
      complete = true;
    }
    for (const id of next) out.push(id);
  }
  await observed;
  return sort === 'name' ? out : out.reverse();
}

function sortedIds(db: CasefileDb, sort: ActorSort, read: KeyReader): Promise<string[]> {
  return inOrder(read({ index: sort === 'name' ? 'sortName' : 'updatedAt', lower: Dexie.minKey, upper: Dexie.maxKey }), sort);
}

/**
 * An index read's ids in display order: as read for 'name', reversed for 'updated' (newest
 * first). An index orders by (key, primary key), so that is exactly what a 'prev' cursor
 * gives, which Dexie reads with a cursor, hundreds of ms on 50k rows.
 */
async function inOrder(ids: Promise<string[]>, sort: ActorSort): Promise<string[]> {
  return sort === 'name' ? ids : (await ids).reverse();
}

/** The first ids in display order; a short reverse cursor is cheap where a full one is not. */
function firstIds(db: CasefileDb, sort: ActorSort, limit: number): Promise<string[]> {
  return sort === 'name'
    ? db.actors.orderBy('sortName').limit(limit).primaryKeys()
    : db.actors.orderBy('updatedAt').reverse().limit(limit).primaryKeys();
}

/** The first `limit` ids of one status (or kind) in display order, from [status+sortName] and friends. */
function rangeIds(db: CasefileDb, field: 'status' | 'kind', value: string, sort: ActorSort, limit: number): Promise<string[]> {
  const { index, lower, upper } = statusOrKind(field, value, sort);
  const range = db.actors.where(index).between(lower, upper, true, true);
  return (sort === 'name' ? range : range.reverse()).limit(limit).primaryKeys();
}

/** The order of the reversed updatedAt index: newest first, ties by id descending. */
function compareUpdatedDesc(a: ActorRow, b: ActorRow): number {
  return b.updatedAt - a.updatedAt || cmp(b.id, a.id);
}
