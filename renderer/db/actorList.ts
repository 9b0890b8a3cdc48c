// The actor list's queries: a filter's ids in display order (one index where one answers it,
// else index ranges intersected), its first screen in one read, its count, the held sorted
// list read in chunks, and reads started ahead of the render. Records themselves: ./actors.ts.
import Dexie from 'dexie';
import type { Actor, ActorKind, ActorStatus } from '../../shared/model';
import type { HeldStatuses } from './heldStatuses';
import { foldedWords } from '../../shared/text/fold';
import type { CasefileDb } from './db';
import type { ActorRow } from './derive';
import { cmp, compareActorRows, toActor } from './derive';
import { SMALL_SET, firstInOrder, intersect, pickInOrder, present, union } from './idSets';
import { getActorsByIds } from './actors';
import type { IndexRange } from './rawReads';
import { readKeysAhead, readKeysThenRowsAhead, readRowsAhead, readRowsAndKeysAhead } from './readsAhead';
import { liveKeys, liveRows, liveRowsByIds, observeDeletes, observeIndexRange, unobservedKeys } from './unobserved';

export interface ActorFilter {
  /** Every folded word must prefix-match one of the actor's name words (primary name or any other name). */
  text?: string;
  kinds?: ActorKind[];
  statuses?: ActorStatus[];
  groupId?: string;
  caseId?: string;
  tag?: string;
}

/** 'name': by folded primary name; 'updated': most recently saved first. */
export type ActorSort = 'name' | 'updated';

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

type FastPath = { kind: 'all' } | { kind: 'range'; field: 'status' | 'kind'; value: string } | null;

/** A filter one index answers on its own, already in display order. */
function fastPath(filter: ActorFilter): FastPath {
  const others = foldedWords(filter.text ?? '').length > 0 || !!filter.groupId || !!filter.caseId || !!filter.tag;
  const kinds = present(filter.kinds);
  const statuses = present(filter.statuses);
  if (others) return null;
  if (!kinds && !statuses) return { kind: 'all' };
  if (!kinds && statuses?.length === 1) return { kind: 'range', field: 'status', value: statuses[0]! };
  if (!statuses && kinds?.length === 1) return { kind: 'range', field: 'kind', value: kinds[0]! };
  return null;
}

/** True where one index answers the filter in display order (no filter, one status, one kind). */
export function isSingleIndexFilter(filter: ActorFilter): boolean {
  return fastPath(filter) !== null;
}

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
 * The index ranges a filter no single index answers is read by, grouped: the ids in any range
 * of a group match that part of the filter (several statuses, several kinds; a multi-entry
 * index may give an id more than once), and a match is in every group.
 */
function combinedGroups(filter: ActorFilter, sort: ActorSort, statusesInMemory = false): IndexRange[][] {
  const words = [...new Set(foldedWords(filter.text ?? ''))];
  const kinds = present(filter.kinds);
  const statuses = present(filter.statuses);
  const { groupId, caseId, tag } = filter;
  const groups: IndexRange[][] = [];
  if (statuses && !statusesInMemory) groups.push(statuses.map((v) => statusOrKind('status', v, sort)));
  if (kinds) groups.push(kinds.map((v) => statusOrKind('kind', v, sort)));
  if (groupId) groups.push([{ index: 'groupIds', lower: groupId, upper: groupId }]);
  if (caseId) groups.push([{ index: 'caseIds', lower: caseId, upper: caseId }]);
  if (tag) groups.push([{ index: 'tags', lower: tag, upper: tag }]);
  for (const word of words) groups.push([{ index: 'nameWords', lower: word, upper: `${word}${MAX_CHAR}` }]);
  return groups;
}

const combinedRanges = (filter: ActorFilter, sort: ActorSort): IndexRange[] => combinedGroups(filter, sort).flat();

/**
 * The ids holding any of a filter's statuses, from the sets held in memory; undefined where the
 * filter names no status or nothing is held (its statuses are then read like its other parts).
 */
function statusesHeld(filter: ActorFilter, held: HeldStatuses | undefined): Set<string> | undefined {
  const statuses = present(filter.statuses);
  if (!statuses || !held) return undefined;
  const lists = statuses.map((s) => held.byStatus.get(s));
  return lists.every((l) => l !== undefined) ? union(lists as string[][]) : undefined;
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

/** `combinedMatches` of keys already read: `keys` holds each range of `groups` in turn. */
function matchesOfKeys(groups: IndexRange[][], keys: readonly string[][], inMemory?: Set<string>): Set<string> {
  let at = 0;
  const sets = groups.map((ranges) => union(ranges.map(() => keys[at++]!)));
  if (inMemory) sets.push(inMemory);
  return sets.length === 1 ? sets[0]! : intersect(sets);
}

/** The highest UTF-16 code unit: `word` to `word + MAX_CHAR` holds every key starting with `word` (Dexie's startsWith). */
const MAX_CHAR = String.fromCharCode(65535);

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
 * The index range whose first rows are a filter's first screen by name; null where the
 * filter is one index's but in the other sort (read in reverse), undefined where no single
 * index answers it.
 */
function firstScreenRange(filter: ActorFilter, sort: ActorSort): IndexRange | null | undefined {
  const fast = fastPath(filter);
  if (!fast) return undefined;
  if (sort !== 'name') return null;
  return fast.kind === 'all' ? { index: 'sortName', lower: Dexie.minKey, upper: Dexie.maxKey } : statusOrKind(fast.field, fast.value, 'name');
}

/**
 * A combined filter's answer as read ahead (`readActorsAhead`, with the held id list): its ids
 * in display order, how many, and its first rows, the same as the live query about to take
 * the reads over answers (renderer/db/rowsAhead.test.ts).
 */
export interface FilterAnswerAhead {
  ids: string[];
  total: number;
  rows: Actor[];
}

/**
 * Starts now the reads a live list of this filter is about to make (its first screen by name,
 * the index ranges whose ids it reads), so that they are under way while the filter's input
 * event is still being handled and React renders; the list's own reads take them over
 * (./unobserved.ts). The unfiltered list reads nothing new: it has its held list; nor does a
 * one-status filter's id list while the held list's status sets are current.
 *
 * For a combined filter with the held list, resolves with its whole answer as soon as its first
 * rows are in (in the task of their answer), so the list can show it without waiting for the
 * live query's turn; else (and on any failure) with undefined. Never rejects.
 */
export function readActorsAhead(
  db: CasefileDb, filter: ActorFilter, sort: ActorSort, firstScreen: number,
  held?: { ids: readonly string[]; rows: number; statuses?: HeldStatuses | undefined },
  statusIdsHeld = false,
): Promise<FilterAnswerAhead | undefined> {
  const none = Promise.resolve(undefined);
  const fast = fastPath(filter);
  if (fast?.kind === 'all') return none;
  const first = firstScreenRange(filter, sort);
  // One status whose ids the list holds in memory in this order (./heldStatuses.ts, or that
  // status's own read, `statusIdsHeld`): only its first screen.
  if (fast?.kind === 'range' && fast.field === 'status' && (statusIdsHeld || held?.statuses?.sort === sort)) {
    if (first) readRowsAhead(db, 'actors', first, firstScreen);
    return none;
  }
  // One status or kind by name: its first screen and all its ids, in one transaction.
  if (first && fast?.kind === 'range') {
    readRowsAndKeysAhead(db, 'actors', first, firstScreen);
    return none;
  }
  if (first) readRowsAhead(db, 'actors', first, firstScreen);
  if (!fast && held) {
    // A combined filter, with every id held in display order (`sortedAll`): its index ranges
    // in one transaction, and its first `rows` rows in the same one as soon as the ranges
    // are in, as `queryActorIdsAhead` picks them (the first matches in the held order).
    // Its statuses' ids, where held in memory, are not read.
    const inMemory = statusesHeld(filter, held.statuses);
    const groups = combinedGroups(filter, sort, !!inMemory);
    let matches: Set<string> | undefined;
    let ids: string[] | undefined;
    const read = readKeysThenRowsAhead(db, 'actors', groups.flat(), (keys) => {
      const found = matchesOfKeys(groups, keys, inMemory);
      matches = found;
      // The whole order is worked out once the first rows are asked for (this runs before
      // they are), while IndexedDB reads them: not after they are in.
      queueMicrotask(() => { ids ??= pickInOrder(held.ids, found); });
      return firstInOrder(held.ids, found, held.rows);
    });
    return read.then((got) => {
      if (!got || !matches) return undefined;
      const rows = (got.rows as Array<ActorRow | undefined>).filter((r): r is ActorRow => r !== undefined).map(toActor);
      return { ids: ids ??= pickInOrder(held.ids, matches), total: matches.size, rows };
    }, () => undefined);
  }
  const ranges = fast ? [statusOrKind(fast.field, fast.value, sort)] : combinedRanges(filter, sort);
  for (const range of ranges) readKeysAhead(db, 'actors', range);
  return none;
}

/** How many actors match; one native count where a single index answers the filter. */
export async function countActors(db: CasefileDb, filter: ActorFilter = {}, options: Pick<ActorQueryOptions, 'sortedAll'> = {}): Promise<number> {
  const fast = fastPath(filter);
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

/** One status's (or kind's) index range, for the sort: [status+sortName] and friends. */
function statusOrKind(field: 'status' | 'kind', value: string, sort: ActorSort): IndexRange {
  return { index: `[${field}+${sort === 'name' ? 'sortName' : 'updatedAt'}]`, lower: [value, Dexie.minKey], upper: [value, Dexie.maxKey] };
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
