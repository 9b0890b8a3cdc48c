import type { CasefileDb } from '../../db/db';

/**
 * Whether there is anything worth backing up: any case, actor, event or source. One key read
 * per table, not a count: Dexie counts a limited collection with a native count of the whole
 * table (a limit only caps the answer), 70–110 ms for 50,000 actors at start-up, queued
 * ahead of the actor list's first filter.
 */
export async function libraryHasData(db: CasefileDb): Promise<boolean> {
  return db.transaction('r', [db.cases, db.actors, db.events, db.documents], async () => {
    for (const table of [db.cases, db.actors, db.events, db.documents]) {
      if ((await table.limit(1).primaryKeys()).length > 0) return true;
    }
    return false;
  });
}
