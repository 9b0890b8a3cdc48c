// Reads the actor list is about to make, started from a filter's input event, before React
// renders and the list's live queries ask for them (they take them over: ./unobserved.ts).
import type { ActorFilter, ActorSort } from './actorFilter';
import { combinedGroups, combinedRanges, fastPath, firstScreenRange, matchesOfKeys, statusesHeld } from './actorFilter';
import type { CasefileDb } from './db';
import type { HeldStatuses } from './heldStatuses';
import { firstInOrder } from './idSets';
import { readCountsAhead, readKeysAhead, readKeysThenRowsAhead, readRowsAhead, readRowsAndCountsAhead } from './readsAhead';

/**
 * Starts now the reads a live list of this filter is about to make (its first screen by name,
 * its count, the index ranges whose ids it reads), so that they are under way while the filter's input
 * event is still being handled and React renders; the list's own reads take them over
 * (./unobserved.ts). The unfiltered list reads nothing new: it has its held list; nor does a
 * one-status filter's id list while the held list's status sets are current.
 */
export function readActorsAhead(
  db: CasefileDb, filter: ActorFilter, sort: ActorSort, firstScreen: number,
  held?: { ids: readonly string[]; rows: number; statuses?: HeldStatuses | undefined },
  statusIdsHeld = false,
): void {
  const fast = fastPath(filter);
  if (fast?.kind === 'all') return;
  const first = firstScreenRange(filter, sort);
  // One status whose ids the list holds in memory in this order (./heldStatuses.ts, or that
  // status's own read, `statusIdsHeld`): only its first screen.
  if (fast?.kind === 'range' && fast.field === 'status' && (statusIdsHeld || held?.statuses?.sort === sort)) {
    if (first) readRowsAhead(db, 'actors', first, firstScreen);
    return;
  }
  // One status or kind: its first screen (by name) and its count from the counts row, in one
  // transaction; its ids are read in chunks after them (features/actors/useActorIds.ts), not ahead.
  if (fast?.kind === 'range') return first ? readRowsAndCountsAhead(db, 'actors', first, firstScreen) : readCountsAhead(db);
  if (first) readRowsAhead(db, 'actors', first, firstScreen);
  if (!fast && held) {
    // A combined filter, with every id held in display order (`sortedAll`): its index ranges
    // in one transaction, and its first `rows` rows in the same one as soon as the ranges
    // are in, as `queryActorIdsAhead` picks them (the first matches in the held order).
    // Its statuses' ids, where held in memory, are not read.
    const inMemory = statusesHeld(filter, held.statuses);
    const groups = combinedGroups(filter, sort, !!inMemory);
    return readKeysThenRowsAhead(db, 'actors', groups.flat(), (keys) => firstInOrder(held.ids, matchesOfKeys(groups, keys, inMemory), held.rows));
  }
  for (const range of combinedRanges(filter, sort)) readKeysAhead(db, 'actors', range);
}
