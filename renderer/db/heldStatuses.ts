import Dexie from 'dexie';
import type { ActorStatus } from '../../shared/model';
import { STATUSES } from '../../shared/model/statuses';
import type { CasefileDb } from './db';
import { SORTED_CHUNK } from './actorList';
import { statusOrKind } from './actorFilter';
import { unobservedKeys } from './unobserved';
import { watchTables } from './watchTables';

/**
 * Which actors hold each capture status, in the list's order, kept in memory beside the actor
 * list's held id list, so that a one-status filter reads no ids from IndexedDB: only its first
 * screen's rows. At 50,000 actors the ten lists hold 50,000 ids in all (a few MB).
 *
 * They are read again after every write of an actor, whatever wrote it (an edit, a new actor,
 * a delete, a restore from the trash, an import in the bundle worker, another window): Dexie
 * reports each committed write as `storagemutated`, here and in every other context of the
 * origin (./watchTables.ts), and `onActorWrites` counts them; the list reads the statuses again at each count
 * (features/actors/useActorIds.ts). Not a Dexie live query: Dexie may rerun one before the
 * write it reacts to has committed (an optimistic rerun), so a count taken then could not say
 * whether the answer holds the write; a read that begins after the count does.
 */

/** Each status's ids in `sort` order, as read once `written` actor writes had been counted. */
export interface HeldStatuses {
  sort: 'name' | 'updated';
  written: number;
  byStatus: ReadonlyMap<ActorStatus, readonly string[]>;
}

const writes = new Map<string, number>();
const listeners = new Map<string, Set<() => void>>();

function watch(db: CasefileDb): void {
  if (listeners.has(db.name)) return;
  const mine = new Set<() => void>();
  listeners.set(db.name, mine);
  watchTables(db, ['actors'], () => {
    writes.set(db.name, (writes.get(db.name) ?? 0) + 1);
    for (const listener of [...mine]) listener();
  });
}

/**
 * How many committed writes (transactions) to the actors table of `db` have been reported here
 * since the first call of this or `onActorWrites` for it.
 */
export function actorWrites(db: CasefileDb): number {
  watch(db);
  return writes.get(db.name) ?? 0;
}

/** Calls `listener` after each write to the actors table of `db` is reported; returns the unsubscribe. */
export function onActorWrites(db: CasefileDb, listener: () => void): () => void {
  watch(db);
  const mine = listeners.get(db.name)!;
  mine.add(listener);
  return () => { mine.delete(listener); };
}

/**
 * Every status's ids in `sort` order ('updated': newest first, as the list shows them), read
 * `size` ids at a time, each chunk in its own short transaction, awaiting `pause()` between
 * them (the list gives way there to its filters' reads, as between the held list's chunks): a
 * filter applied meanwhile waits for one chunk, not for a status of 10,000 ids (130–430 ms on
 * two loaded cores, docs/benchmarks.md, session 10).
 */
export async function readHeldStatuses(
  db: CasefileDb, sort: 'name' | 'updated', pause: () => Promise<void> = () => Dexie.Promise.resolve(), size = SORTED_CHUNK,
): Promise<HeldStatuses> {
  const written = actorWrites(db);
  const byStatus = new Map<ActorStatus, readonly string[]>();
  for (const status of STATUSES) {
    const ids = await idsInChunks(db, 'status', status, sort, pause, size);
    byStatus.set(status, sort === 'name' ? ids : ids.reverse());
    await pause();
  }
  return { sort, written, byStatus };
}

/**
 * One status's (or kind's) ids in index order (`[status+sortName]` and friends), `size` at a
 * time. A chunk resumes at the last id's key (the
 * ids sharing it come in primary-key order, so the ones already read are skipped by id); if
 * that actor's key is gone meanwhile (deleted, or another status or name), or a whole chunk
 * shares one key, the range is read whole in one go. The answer is the index's at its last
 * read; a write meanwhile is reported and read again (./useActorIds.ts). Unobserved: a live
 * query observes the range itself.
 */
export async function idsInChunks(
  db: CasefileDb, by: 'status' | 'kind', value: string, sort: 'name' | 'updated', pause: () => Promise<void>, size: number,
): Promise<string[]> {
  const range = statusOrKind(by, value, sort);
  const field = sort === 'name' ? 'sortName' : 'updatedAt';
  const out = await unobservedKeys(db, 'actors', range, { limit: size });
  for (let complete = out.length < size; !complete;) {
    await pause();
    const last = out.at(-1)!;
    const row = await db.actors.get(last);
    const read = row && row[by] === value
      ? await unobservedKeys(db, 'actors', { ...range, lower: [value, row[field]] }, { limit: size + 1 }) : [];
    const at = read.indexOf(last);
    const next = read.slice(at + 1);
    complete = read.length < size + 1;
    if (at < 0 || (next.length === 0 && !complete)) return unobservedKeys(db, 'actors', range);
    for (const id of next) out.push(id);
  }
  return out;
}
