import Dexie from 'dexie';
import type { Actor, Case, CaseEvent, SourceDocument } from '../../shared/model';
import type { CasefileDb } from './db';
import { actorRow, documentRow, eventRow, toActor, toDocument, toEvent } from './derive';

export type TrashTable = 'actors' | 'events' | 'cases' | 'documents';

interface TrashBase {
  /** The deleted record's own id: ids are UUIDs, unique across tables. */
  id: string;
  /** What the trash list shows: name or title at the time of deletion. */
  title: string;
  deletedAt: number;
}

/**
 * A deleted record, kept whole (without index fields) so a restore is exact. A
 * document's bytes and page texts stay in their tables until the entry is purged.
 */
export type TrashEntry =
  | (TrashBase & { table: 'actors'; record: Actor })
  | (TrashBase & { table: 'events'; record: CaseEvent })
  | (TrashBase & { table: 'cases'; record: Case })
  | (TrashBase & { table: 'documents'; record: SourceDocument });

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
    case 'documents': {
      const row = await db.documents.get(id);
      return row && { id, table, record: toDocument(row), title: row.title, deletedAt };
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
 * and the trash entry stays. So is a document whose file was added again meanwhile
 * (the live copy holds the unique sha256).
 */
export async function restoreFromTrash(db: CasefileDb, id: string): Promise<RestoreResult> {
  return db.transaction('rw', [db.trash, db.actors, db.events, db.cases, db.documents], async () => {
    const entry = await db.trash.get(id);
    if (!entry) return 'not-found';
    if (await db.table(entry.table).get(id)) return 'conflict';
    switch (entry.table) {
      case 'actors': await db.actors.add(actorRow(entry.record)); break;
      case 'events': await db.events.add(eventRow(entry.record)); break;
      case 'cases': await db.cases.add(entry.record); break;
      case 'documents':
        if (await db.documents.where('sha256').equals(entry.record.sha256).count()) return 'conflict';
        await db.documents.add(documentRow(entry.record));
        break;
    }
    await db.trash.delete(id);
    return 'restored';
  });
}

/** Deletes one trash entry for good; for a document, also its page texts and, unless still used, its bytes. */
export async function purgeFromTrash(db: CasefileDb, id: string): Promise<void> {
  await db.transaction('rw', [db.trash, db.documents, db.documentFiles, db.pages, db.ocrJobs], async () => {
    const entry = await db.trash.get(id);
    if (!entry) return;
    await db.trash.delete(id);
    if (entry.table === 'documents') await dropDocumentData(db, [entry.record]);
  });
}

export async function emptyTrash(db: CasefileDb): Promise<void> {
  await db.transaction('rw', [db.trash, db.documents, db.documentFiles, db.pages, db.ocrJobs], async () => {
    const documents = await trashedDocuments(db);
    await db.trash.clear();
    await dropDocumentData(db, documents);
  });
}

async function trashedDocuments(db: CasefileDb): Promise<SourceDocument[]> {
  const entries = await db.trash.where('table').equals('documents').toArray();
  return entries.flatMap((e) => (e.table === 'documents' ? [e.record] : []));
}

/**
 * Deletes the pages and bytes of documents whose trash entries are already gone (in
 * the caller's transaction). Bytes are shared by content: the same file may have been
 * added again since (a live row) or deleted twice (another trash entry), so they go
 * only when nothing else refers to that sha256. Pages go unless a live row has the id.
 */
async function dropDocumentData(db: CasefileDb, documents: readonly SourceDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const stillTrashed = await trashedDocuments(db);
  for (const doc of documents) {
    if (!(await db.documents.get(doc.id))) {
      await db.pages.where('[documentId+page]').between([doc.id, Dexie.minKey], [doc.id, Dexie.maxKey]).delete();
      await db.ocrJobs.delete(doc.id);
    }
    const inUse = (await db.documents.where('sha256').equals(doc.sha256).count()) > 0 || stillTrashed.some((t) => t.sha256 === doc.sha256);
    if (!inUse) await db.documentFiles.delete(doc.sha256);
  }
}
