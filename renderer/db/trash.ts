import type { Actor, Case, CaseEvent } from '../../shared/model';
import type { CasefileDb } from './db';
import { actorRow, eventRow, toActor, toEvent } from './derive';

export type TrashTable = 'actors' | 'events' | 'cases';

interface TrashBase {
  /** The deleted record's own id: ids are UUIDs, unique across tables. */
  id: string;
  /** What the trash list shows: name or title at the time of deletion. */
  title: string;
  deletedAt: number;
}

/** A deleted record, kept whole (without index fields) so a restore is exact. */
export type TrashEntry =
  | (TrashBase & { table: 'actors'; record: Actor })
  | (TrashBase & { table: 'events'; record: CaseEvent })
  | (TrashBase & { table: 'cases'; record: Case });

export type RestoreResult = 'restored' | 'not-found' | 'conflict';

/** Moves one record into the trash in one transaction; false when there was no such record. */
export async function moveToTrash(db: CasefileDb, table: TrashTable, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.table(table), db.trash, async () => {
    const entry = await trashEntryFor(db, table, id, now);
    if (!entry) return false;
    await db.trash.put(entry);
    await db.table(table).delete(id);
    return true;
  });
}

async function trashEntryFor(db: CasefileDb, table: TrashTable, id: string, deletedAt: number): Promise<TrashEntry | undefined> {
  switch (table) {
    case 'actors': {
      const row = await db.actors.get(id);
      return row && { id, table, record: toActor(row), title: row.name, deletedAt };
    }
    case 'events': {
      const row = await db.events.get(id);
      return row && { id, table, record: toEvent(row), title: row.title, deletedAt };
    }
    case 'cases': {
      const record = await db.cases.get(id);
      return record && { id, table, record, title: record.name, deletedAt };
    }
  }
}

/** Newest deletions first. */
export async function listTrash(db: CasefileDb): Promise<TrashEntry[]> {
  return db.trash.orderBy('deletedAt').reverse().toArray();
}

/**
 * Puts the record back exactly as it was deleted (index fields recomputed) and
 * removes the trash entry, in one transaction. A live record with the same id
 * (say, the sample case loaded again) is never overwritten: that is a 'conflict'
 * and the trash entry stays.
 */
export async function restoreFromTrash(db: CasefileDb, id: string): Promise<RestoreResult> {
  return db.transaction('rw', [db.trash, db.actors, db.events, db.cases], async () => {
    const entry = await db.trash.get(id);
    if (!entry) return 'not-found';
    if (await db.table(entry.table).get(id)) return 'conflict';
    switch (entry.table) {
      case 'actors': await db.actors.add(actorRow(entry.record)); break;
      case 'events': await db.events.add(eventRow(entry.record)); break;
      case 'cases': await db.cases.add(entry.record); break;
    }
    await db.trash.delete(id);
    return 'restored';
  });
}

/** Deletes one trash entry for good. */
export async function purgeFromTrash(db: CasefileDb, id: string): Promise<void> {
  await db.trash.delete(id);
}

export async function emptyTrash(db: CasefileDb): Promise<void> {
  await db.trash.clear();
}
