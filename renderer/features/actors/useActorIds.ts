import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Actor, ActorStatus } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import type { ActorFilter, ActorSort } from '../../db/actorList';
import { getActorsByIds } from '../../db/actors';
import { SORTED_CHUNK, firstActors, isSingleIndexFilter, queryActorIdsAhead, sortedIdsInChunks } from '../../db/actorList';
import { priorityIdle, priorityInFlight, withPriority } from '../../db/readPriority';
import type { HeldStatuses } from '../../db/heldStatuses';
import { actorWrites, idsInChunks, onActorWrites, readHeldStatuses } from '../../db/heldStatuses';
import { fastPath, statusOrKind } from '../../db/actorFilter';
import { observeDeletes, observeIndexRange } from '../../db/unobserved';
import { countFromRow, liveActorCounts } from '../../db/actorCountsRead';
import { OwnStatusReads } from './ownStatusReads';
import { FIRST_SCREEN, dropPrimedFirstScreen, primedFirstScreen, rowsShownFirst } from './firstScreen';

export interface ActorIds {
  /**
   * Ids in display order; only the first screen's, or a combined filter's first matches, until
   * the rest has loaded (then `total` is larger).
   */
  ids: string[];
  /** How many actors match in all, once counted; until then the first screen's length. */
  total: number;
  /** False until `total` is the real count. */
  counted: boolean;
  /** The first screen's rows, read with its ids, so the list need not ask again. */
  firstRows: Actor[];
  /** The answer to the previous filter (or sort), shown while this one's first screen is read. */
  pending?: boolean;
  /**
   * Every actor id in `sort` order, once the held list is in: a filter applied next reads
   * its first rows ahead by it (db/actorList.ts `readActorsAhead`).
   */
  held?: { sort: ActorSort; ids: readonly string[] };
  /** Each status's ids held in memory (db/heldStatuses.ts): a filter applied next reads none of its statuses. */
  heldStatuses?: HeldStatuses | undefined;
  /**
   * One status's ids in `sort` order, where held in memory: from the status sets, or, until they
   * are in, from that status's own filter read earlier, no actor written since. A filter by that
   * status alone then reads only its first rows.
   */
  statusIds?: (status: ActorStatus, sort: ActorSort) => readonly string[] | undefined;
}

/** Ids per chunk of a one-status or one-kind filter's id range: the next filter waits for one chunk at most. */
const RANGE_CHUNK = 1000;

/** A one-index filter's id read stopped: its list moved on. */
class LeftBehind extends Error {}

/** The same actors in the same order, none saved since (a save stamps `updatedAt`). */
function sameRows(a: readonly Actor[], b: readonly Actor[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.updatedAt === b[i]!.updatedAt);
}

/**
 * The held list's pause between chunks: it waits for the filters' reads in flight, but never
 * twice in a row, so filters applied one after another cannot starve it (the unfiltered list,
 * its scrolling and the combined filters need it too).
 */
function giveWay(): () => Promise<void> {
  let waited = false;
  return () => {
    if (waited || priorityInFlight() === 0) {
      waited = false;
      return Dexie.Promise.resolve();
    }
    waited = true;
    return priorityIdle();
  };
}

/**
 * The actor list's ids, fast at 50,000 actors. IndexedDB serves requests in turn and
 * reading every id (or counting them) costs most of a second there, so the first screen
 * comes from one limited index read of whole rows; the count, the unfiltered sorted id
 * list (held once, live so edits refresh it) and the filtered full list follow after.
 * The held list is read in chunks that give way to the filters' reads (readPriority), so a
 * filter chosen while it loads waits for one chunk, not for 50,000 ids. A filter one index
 * answers reads its full id list at once beside its first screen; filters that combine
 * indexes order their matches by the held list instead of reading an index again. Each
 * answer carries the filter it was for, so a late answer never shows under a newer filter.
 */
export function useActorIds(filter: ActorFilter, sort: ActorSort): ActorIds | undefined {
  const db = useDb();
  const key = JSON.stringify([filter, sort]);
  const [all, setAll] = useState<{ sort: ActorSort; ids: string[] } | undefined>();
  const sortedAll = all?.sort === sort ? all.ids : undefined;
  const isAll = Object.keys(filter).length === 0;
  const singleIndex = isSingleIndexFilter(filter);
  // The sorted list matters to a combined filter only once it is there (until then such a
  // filter reads what it needs itself): its head reruns when it arrives, nothing else does.
  const heldForHead = singleIndex ? undefined : sortedAll;
  // The held list as far as it has been read: a combined filter applied meanwhile orders its
  // first screen by it instead of reading all 50,000 ids itself.
  const heldSoFar = useRef<{ sort: ActorSort; ids: readonly string[] } | undefined>(undefined);

  // The first screen read at start-up (./firstScreen.ts) stands in until this list's own read
  // answers; an answer with the same rows (same ids, none saved since) keeps it, so the list
  // does not render again while its first frame is being painted (its first answer only: the
  // later ones carry the write count that lets going back to no filter show them at once).
  const [primed] = useState((): Head | undefined => {
    const rows = primedFirstScreen(db, filter, sort);
    return rows ? { key, rows, ids: undefined, total: undefined } : undefined;
  });
  const primedAnswered = useRef(false);
  // Writes of actors as Dexie reports them (db/heldStatuses.ts): what is held in memory below
  // is used only while none has come since its read began.
  const writes = useSyncExternalStore(useCallback((changed: () => void) => onActorWrites(db, changed), [db]), () => actorWrites(db));
  // Which actors hold each status, in this sort's order (db/heldStatuses.ts): read once the held
  // list is in, and again after every write of an actor (counted as Dexie reports them), so
  // that a one-status filter takes its ids from memory and reads only its first screen.
  const heldReady = all !== undefined;
  const statusesNow = useLiveQuery(
    async () => (heldReady ? readHeldStatuses(db, sort, giveWay()) : undefined), [db, sort, heldReady, writes],
  );
  // Kept between reads (a new read after a write answers a moment later); dropped for another sort.
  const [statuses, setStatuses] = useState(statusesNow);
  if (statusesNow && statusesNow !== statuses) setStatuses(statusesNow);
  // A one-status filter's own read of its ids, kept (by sort and status) while no actor is
  // written: until the status sets are in (1–10 s after start on a loaded machine), going back
  // to a status read before reads nothing again.
  const [ownReads] = useState(() => new OwnStatusReads());
  const statusIds = useCallback((one: ActorStatus, order: ActorSort): readonly string[] | undefined => {
    const held = statuses?.sort === order ? statuses.byStatus.get(one) : undefined;
    return held ?? ownReads.get(order, one, actorWrites(db));
  }, [db, statuses, ownReads]);
  const status = statusOnly(filter);
  const fromMemory = status ? statusIds(status, sort) : undefined;
  // A filter combining statuses with anything else reads none of its statuses while they are held
  // (and reads again when they are read again, after a write).
  const statusesForHead = !singleIndex && filter.statuses?.length ? statuses : undefined;
  // A one-status (or one-kind) filter whose ids are not in memory takes its count from the
  // actor counts row (db/actorCounts.ts), read beside its first screen (one `get`, where
  // counting its range walks 10,000 index entries), so its rows and count show at once; its
  // ids follow (`range` below) for scrolling past the first screen. Decided as the filter is
  // applied (a rerun after a write decides the same; the ids, once read, give the count anyway).
  const countWithHead = singleIndex && !isAll && fromMemory === undefined;
  const head = useLiveQuery(() => withPriority(async (): Promise<Head> => {
    const written = actorWrites(db);
    // The rows asked for first: both are answered in that order (in one transaction when read ahead).
    const firstRead = firstActors(db, filter, sort, FIRST_SCREEN);
    const counting = countWithHead ? liveActorCounts(db) : undefined;
    const rows = await firstRead;
    if (rows) {
      dropPrimedFirstScreen();
      const keep = !primedAnswered.current && primed?.key === key && sameRows(rows, primed.rows);
      primedAnswered.current = true;
      const count = countFromRow(counting && await counting, filter);
      return keep ? primed : { key, rows, ids: undefined, written, ...(count !== undefined ? { count } : {}) };
    }
    // A combined filter has no single index to read in order: it is answered whole, ordered
    // by the held sorted list when there is one, else by as much of it as is read so far if
    // that holds its first screen (the rest of its ids follow when the held list is in).
    const prefix = heldSoFar.current?.sort === sort ? heldSoFar.current.ids : undefined;
    const { ids, total, first } = await queryActorIdsAhead(db, filter, sort, {
      sortedAll: heldForHead, sortedPrefix: prefix, need: FIRST_SCREEN, firstRows: rowsShownFirst(), live: true, heldStatuses: statusesForHead,
    });
    return { key, rows: first ? await first : await getActorsByIds(db, ids.slice(0, rowsShownFirst())), ids, total };
  }), [db, key, heldForHead, statusesForHead], primed);
  const headReady = head !== undefined;

  // Started once the first screen is read (at start-up, or by the head), so its reads do not
  // queue ahead of it; in chunks that wait for any filter's reads in flight.
  const allNow = useLiveQuery(async () => {
    if (!headReady) return undefined;
    const ids = await sortedIdsInChunks(db, sort, giveWay(), SORTED_CHUNK, (soFar) => { heldSoFar.current = { sort, ids: soFar }; });
    heldSoFar.current = undefined;
    return { sort, ids };
  }, [db, sort, headReady]);
  if (allNow && allNow !== all) setAll(allNow);


  // A one-index filter (one status, one kind) reads its id range after its first screen and
  // count, for scrolling past that screen, in chunks that give way to the filters' reads: read
  // at once (10,000 ids, 120–630 ms on two loaded cores), the next filter applied waited behind
  // it. Observed as a whole range (a row entering, leaving or moving in it reruns the read).
  // One status held in memory reads none. A read no longer wanted (another filter applied, or
  // the status's ids in memory now) stops at its next chunk: a live query left behind is not
  // cancelled, and filters applied one after another would each go on reading 10,000 ids.
  const inMemory = fromMemory !== undefined;
  const rangeWanted = `${key}:${inMemory}`;
  const wanted = useRef(rangeWanted);
  useEffect(() => { wanted.current = rangeWanted; }, [rangeWanted]);
  const range = useLiveQuery(async () => {
    const fast = fastPath(filter);
    if (isAll || inMemory || fast?.kind !== 'range') return undefined;
    const written = actorWrites(db);
    await Dexie.Promise.all([observeIndexRange(db, 'actors', statusOrKind(fast.field, fast.value, sort)), observeDeletes(db, 'actors')]);
    const wait = giveWay();
    const pause = () => (wanted.current === rangeWanted ? wait() : Dexie.Promise.reject(new LeftBehind()));
    let inIndexOrder: string[];
    try {
      inIndexOrder = await idsInChunks(db, fast.field, fast.value, sort, pause, RANGE_CHUNK);
    } catch (error) {
      if (error instanceof LeftBehind) return undefined;
      throw error;
    }
    const ids = sort === 'name' ? inIndexOrder : inIndexOrder.reverse();
    if (status) ownReads.keep(sort, status, ids, written);
    return { key, ids };
  }, [db, key, isAll, inMemory]);
  // The unfiltered list is the held one; until it is there, the counts row gives the total
  // (rows past the first screen show as pending meanwhile): one read, where a native count of
  // 50,000 actors walks the table (188–333 ms on two loaded cores) and held up the first
  // filter behind it. Without a row to trust, that count, as before the row.
  const heldMissing = sortedAll === undefined;
  const allCount = useLiveQuery(
    async () => (heldMissing ? withPriority(async () => (await liveActorCounts(db))?.total ?? db.actors.count()) : undefined), [db, heldMissing],
  );
  const full = useMemo(() => {
    if (fromMemory) return { key, ids: fromMemory as string[] };
    if (!isAll) return range;
    if (sortedAll) return { key, ids: sortedAll };
    return allCount === undefined ? undefined : { key, count: allCount };
  }, [fromMemory, isAll, range, sortedAll, key, allCount]);

  // The unfiltered list's first screen as last read: going back to no filter shows it at once
  // (its ids are the held list), with no read to wait for, unless an actor was written since
  // its read began. It only stands in: the list reads its first screen again all the same.
  const [unfiltered, setUnfiltered] = useState<Head | undefined>(undefined);
  if (isAll && head?.key === key && head.written !== undefined && head !== unfiltered) setUnfiltered(head);
  const shownHead = head?.key !== key && isAll && unfiltered?.key === key && unfiltered.written === writes ? unfiltered : head;
  const answer = useMemo(() => answerOf(key, shownHead, full, all, statuses, statusIds), [key, shownHead, full, all, statuses, statusIds]);
  // Until this filter's first screen is read, the last answer stays on screen, marked pending:
  // the list is not emptied and rebuilt for the few milliseconds in between.
  const [last, setLast] = useState(answer);
  if (answer && answer !== last) setLast(answer);
  const stale = useMemo(() => (last ? { ...last, pending: true } : undefined), [last]);
  return answer ?? stale;
}

/** A filter's first screen: its rows, and where they were read with them its ids and count. */
type Head = {
  key: string; rows: Actor[]; ids?: string[] | undefined; total?: number | undefined;
  /** Actor writes counted when its read began (db/heldStatuses.ts). */
  written?: number;
  /** How many match, from the actor counts row read with the rows, where its ids were not read with them. */
  count?: number;
};

function answerOf(
  key: string, head: Head | undefined,
  full: { key: string; ids?: string[]; count?: number } | undefined,
  held: { sort: ActorSort; ids: string[] } | undefined, heldStatuses: HeldStatuses | undefined,
  statusIds: ActorIds['statusIds'],
): ActorIds | undefined {
  if (head?.key !== key) return undefined;
  const found = { ...answerFor(key, head, full), heldStatuses, statusIds };
  return held ? { ...found, held } : found;
}

function answerFor(
  key: string, head: Pick<Head, 'key' | 'rows' | 'ids' | 'total' | 'count'>,
  full: { key: string; ids?: string[]; count?: number } | undefined,
): ActorIds {
  const firstRows = head.rows;
  const whole = full?.key === key ? full : undefined;
  const ids = head.ids ?? whole?.ids;
  if (ids) return { ids, total: head.total ?? ids.length, counted: true, firstRows };
  const firstIds = firstRows.map((a) => a.id);
  // Counted with the first screen: the rows past it show as pending until the ids are in.
  if (head.count !== undefined) return { ids: firstIds, total: Math.max(head.count, firstIds.length), counted: true, firstRows };
  if (whole?.count !== undefined) return { ids: firstIds, total: Math.max(whole.count, firstIds.length), counted: true, firstRows };
  return { ids: firstIds, total: firstRows.length, counted: firstRows.length < FIRST_SCREEN, firstRows };
}

/** The one status a filter asks for, when it asks for nothing else. */
function statusOnly(filter: ActorFilter): ActorStatus | undefined {
  const { statuses, ...rest } = filter;
  const one = statuses && new Set(statuses).size === 1 ? statuses[0] : undefined;
  return one && Object.keys(rest).length === 0 ? one : undefined;
}
