import Dexie from 'dexie';
import type { Actor, Case, CaseEvent, SourceDocument } from '../../shared/model';
import { DOCUMENT_EDITABLE_FIELDS, newId } from '../../shared/model';
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

/**
 * 'conflict': a live record has the same id (say, the sample case loaded again); nothing is
 * done. 'same-file': a document whose file a live document holds (the version an import
 * replaced, or the file added again): the user chooses how to restore it (SameFileRestore).
 */
export type RestoreResult = 'restored' | 'not-found' | 'conflict' | 'same-file';

/**
 * How a document comes back when its file is live under another record:
 * - 'keep-both': as a second record of the same stored file, with its own details and citations
 *   (its page texts, or the live record's when the trash kept none: same file, same text);
 * - 'replace': the live record takes the trashed version's details (title, author, notes, file
 *   name…; case membership only grows), keeping its id, so what cites it still does; its own
 *   details go to the Trash under a new id. Nothing is lost either way.
 */
export type SameFileRestore = 'keep-both' | 'replace';

/** The fields 'replace' takes from the trashed version: what a person edits, and the file name. */
const DOCUMENT_DETAILS = [...DOCUMENT_EDITABLE_FIELDS.filter((f) => f !== 'caseIds'), 'fileName'] as const;

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
 * Puts the record back exactly as it was deleted (index fields recomputed) and removes the
 * trash entry, in one transaction. A live record with the same id is never overwritten: that is
 * a 'conflict' and the trash entry stays. A document whose file a live document holds is
 * 'same-file' until the caller says how to restore it (`sameFile`).
 */
export async function restoreFromTrash(
  db: CasefileDb, id: string, opts: { sameFile?: SameFileRestore; now?: number } = {},
): Promise<RestoreResult> {
  const tables = [db.trash, db.actors, db.events, db.cases, db.documents, db.documentFiles, db.pages, db.ocrJobs];
  return db.transaction('rw', tables, async () => {
    const entry = await db.trash.get(id);
    if (!entry) return 'not-found';
    if (await db.table(entry.table).get(id)) return 'conflict';
    switch (entry.table) {
      case 'actors': await db.actors.add(actorRow(entry.record)); break;
      case 'events': await db.events.add(eventRow(entry.record)); break;
      case 'cases': await db.cases.add(entry.record); break;
      case 'documents': {
        const holder = await db.documents.where('sha256').equals(entry.record.sha256).first();
        if (!holder) {
          await db.documents.add(documentRow(entry.record));
          break;
        }
        if (!opts.sameFile) return 'same-file';
        if (opts.sameFile === 'keep-both') await restoreBeside(db, entry.record, holder.id);
        else await replaceDetails(db, entry, toDocument(holder), opts.now ?? Date.now());
        return 'restored';
      }
    }
    await db.trash.delete(id);
    return 'restored';
  });
}

/** The live document holding a trashed document's file, if any: what a 'same-file' restore is about. */
export async function liveHolderOfFile(db: CasefileDb, trashId: string): Promise<SourceDocument | undefined> {
  const entry = await db.trash.get(trashId);
  if (entry?.table !== 'documents') return undefined;
  const row = await db.documents.where('sha256').equals(entry.record.sha256).first();
  return row && toDocument(row);
}

/** Keep both: the trashed record back under its own id; pages from the live record of the same file if the trash kept none. */
async function restoreBeside(db: CasefileDb, doc: SourceDocument, holderId: string): Promise<void> {
  await db.documents.add(documentRow(doc));
  const range = (documentId: string) => db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]);
  if ((await range(doc.id).count()) === 0) {
    const rows = await range(holderId).toArray();
    await db.pages.bulkAdd(rows.map((row) => ({ ...row, documentId: doc.id })));
  }
  await db.trash.delete(doc.id);
}

/** Replace: the live record takes the trashed version's details; its own go to the Trash under a new id. */
async function replaceDetails(db: CasefileDb, entry: TrashEntry & { table: 'documents' }, live: SourceDocument, now: number): Promise<void> {
  const next: Record<string, unknown> = { ...live };
  for (const field of DOCUMENT_DETAILS) next[field] = entry.record[field];
  next.caseIds = [...new Set([...live.caseIds, ...entry.record.caseIds])];
  await db.documents.put(documentRow({ ...(next as unknown as SourceDocument), updatedAt: Math.max(now, live.updatedAt) }));
  const copyId = newId();
  await db.trash.put({ id: copyId, table: 'documents', record: { ...live, id: copyId }, title: live.title, deletedAt: now });
  await db.trash.delete(entry.id);
  // The trashed record's own page texts (if the trash kept any) have no record left to belong to.
  await dropDocumentData(db, [entry.record]);
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
