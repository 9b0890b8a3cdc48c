import type { Actor, CaseEvent } from '../../shared/model';
import type { CasefileDb } from './db';
import { actorRow, eventRow } from './derive';

/**
 * Writes already-validated records with their index fields, in chunks of one
 * transaction each, skipping zod for speed. Only for benchmarks and for imports
 * whose records were validated earlier (e.g. by the bundle reader); the app's
 * forms go through saveActor/saveEvent.
 */
export async function bulkInsertForBenchmark(
  db: CasefileDb,
  actors: readonly Actor[],
  events: readonly CaseEvent[],
  chunkSize = 2_000,
): Promise<void> {
  for (let i = 0; i < actors.length; i += chunkSize) {
    const rows = actors.slice(i, i + chunkSize).map(actorRow);
    await db.transaction('rw', db.actors, () => db.actors.bulkPut(rows));
  }
  for (let i = 0; i < events.length; i += chunkSize) {
    const rows = events.slice(i, i + chunkSize).map(eventRow);
    await db.transaction('rw', db.events, () => db.events.bulkPut(rows));
  }
}
