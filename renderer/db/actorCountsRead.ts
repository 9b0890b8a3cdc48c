// Reading the actor counts row (./actorCounts.ts) for the actor list: observed in a live query
// (every write of an actor writes the row), and counted again by walking where it cannot be trusted.
import type { ActorFilter } from './actorFilter';
import { fastPath } from './actorFilter';
import type { ActorCounts } from './actorCounts';
import { ACTOR_COUNTS_KEY, countActorsByWalk, countOf, validCounts } from './actorCounts';
import type { CasefileDb, MetaRow } from './db';
import { liveGet } from './unobserved';

/**
 * The counts row, if it can be trusted: one read, taken over from the one started with a
 * filter's first screen where there is one (./readsAhead.ts). Undefined where the row is missing
 * or does not add up; the caller then counts by walking, and the row is counted again.
 */
export function liveActorCounts(db: CasefileDb): Promise<ActorCounts | undefined> {
  return liveGet<MetaRow>(db, 'meta', ACTOR_COUNTS_KEY).then((row) => {
    const counts = validCounts(row?.value);
    if (!counts) recountSoon(db);
    return counts;
  });
}

/**
 * How many actors match a filter one index answers (none, one status, one kind), from the
 * counts row; undefined for any other filter, or without a row to trust.
 */
export function countFromRow(counts: ActorCounts | undefined, filter: ActorFilter): number | undefined {
  return counts && countOf(counts, fastPath(filter));
}

const recounted = new WeakSet<CasefileDb>();

function recountSoon(db: CasefileDb): void {
  if (recounted.has(db)) return;
  recounted.add(db);
  // On a timer: out of the live query's zone, where no read-write transaction may start.
  setTimeout(() => { recountActors(db).catch(() => recounted.delete(db)); }, 0);
}

/**
 * Counts the actors by walking the indexes and writes the row, in one transaction with the
 * actors, so no write comes between the count and the row. For a database whose row is missing
 * or wrong; every write of an actor keeps it from then on.
 */
export function recountActors(db: CasefileDb): Promise<ActorCounts> {
  return db.transaction('rw', db.actors, db.meta, async () => {
    const counts = await countActorsByWalk(db.actors);
    await db.meta.put({ key: ACTOR_COUNTS_KEY, value: counts });
    return counts;
  });
}
