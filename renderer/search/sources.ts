/**
 * What the search index is built from, read straight from IndexedDB: records (actors,
 * events, document metadata) as SearchDocs and one document's pages. Read-only.
 */
import Dexie from 'dexie';
import { actorDoc, documentDoc, eventDoc, pageDocs } from '../../shared/search';
import { allNames } from '../../shared/model/actor';
import { searchTextOf } from './runQuery';
import type { SearchDoc } from '../../shared/search';
import { readAllInChunks } from '../db/chunks';
import type { CasefileDb } from '../db/db';
import type { ActorRow, DocumentRow, EventRow } from '../db/derive';
import { toActor, toDocument, toEvent } from '../db/derive';

/** Extraction states that store page text. */
export const TEXT_STATES: ReadonlySet<string> = new Set(['extracted', 'needs-ocr']);

/** The extraction time whose pages should be indexed, or null when the document has no text. */
export function textVersion(row: DocumentRow): number | null {
  return TEXT_STATES.has(row.extraction.state) && row.extraction.extractedAt !== null ? row.extraction.extractedAt : null;
}

/**
 * Search docs for the given rows. Actors' memberships are indexed with their group's name and
 * events with the names of the actors taking part, read from `known` (every actor's names,
 * primary first: a full build has every actor) or from the table.
 */
export async function recordDocs(db: CasefileDb, rows: { actors?: ActorRow[]; events?: EventRow[]; documents?: DocumentRow[] },
  known?: ReadonlyMap<string, readonly string[]>): Promise<SearchDoc[]> {
  const actors = rows.actors ?? [];
  const events = rows.events ?? [];
  let names = known;
  if (!names) {
    const ids = [...new Set([...actors.flatMap((a) => a.groupIds), ...events.flatMap((e) => e.actorIds)])];
    const found = ids.length ? await db.actors.bulkGet(ids) : [];
    names = new Map(found.flatMap((a) => (a ? [[a.id, allNames(a)] as const] : [])));
  }
  const groupName = (id: string) => names.get(id)?.[0];
  const actorNames = (id: string) => names.get(id);
  return [
    ...actors.map((row) => actorDoc(toActor(row), groupName)),
    ...events.map((row) => eventDoc(toEvent(row), actorNames)),
    ...(rows.documents ?? []).map((row) => documentDoc(toDocument(row))),
  ];
}

/**
 * Every live record, for a full build of the records segment. Read in small transactions
 * with a yield between them (readAllInChunks), so the window's reads never queue behind one
 * long read of 100,000 records; not a snapshot, which the build allows: it reads its
 * watermarks before, so a record written meanwhile is caught by the next sync (edits by
 * updatedAt, deletions by set difference).
 */
export async function allRecordDocs(db: CasefileDb, yieldNow?: () => Promise<void>): Promise<SearchDoc[]> {
  const actors = await readAllInChunks(db.actors, (r) => r.id, yieldNow);
  const events = await readAllInChunks(db.events, (r) => r.id, yieldNow);
  const documents = await readAllInChunks(db.documents, (r) => r.id, yieldNow);
  const known = new Map(actors.map((a) => [a.id, allNames(a)]));
  return recordDocs(db, { actors, events, documents }, known);
}

export { searchTextOf } from './runQuery';

/** A document's searchable page texts in page order (index 0 is page 1). */
export async function pageTexts(db: CasefileDb, documentId: string): Promise<string[]> {
  const rows = await db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]).toArray();
  const texts: string[] = [];
  for (const row of rows) texts[row.page - 1] = searchTextOf(row)!;
  return Array.from(texts, (t) => t ?? '');
}

/** The page docs of a live document, or [] when it is gone or has no text. */
export async function documentPageDocs(db: CasefileDb, documentId: string): Promise<SearchDoc[]> {
  const row = await db.documents.get(documentId);
  if (!row || textVersion(row) === null) return [];
  return pageDocs(toDocument(row), await pageTexts(db, documentId));
}
