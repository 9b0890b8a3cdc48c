// Reads the actor list is about to make, started from a filter's input event, before React
// renders and the list's live queries ask for them (they take them over: ./unobserved.ts).
import type { Actor } from '../../shared/model';
import type { ActorFilter, ActorSort } from './actorFilter';
import { combinedGroups, combinedRanges, fastPath, firstScreenRange, matchesOfKeys, statusOrKind, statusesHeld } from './actorFilter';
import type { CasefileDb } from './db';
import type { ActorRow } from './derive';
import { toActor } from './derive';
import type { HeldStatuses } from './heldStatuses';
import { firstInOrder, pickInOrder } from './idSets';
import { readKeysAhead, readKeysThenRowsAhead, readRowsAhead, readRowsAndKeysAhead } from './readsAhead';

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
