import type { CasefileDb } from '../../db/db';

/** Whether there is anything worth backing up: any case, actor, event or source. */
export async function libraryHasData(db: CasefileDb): Promise<boolean> {
  return db.transaction('r', [db.cases, db.actors, db.events, db.documents], async () => {
    for (const table of [db.cases, db.actors, db.events, db.documents]) {
      if ((await table.limit(1).count()) > 0) return true;
    }
    return false;
  });
}
