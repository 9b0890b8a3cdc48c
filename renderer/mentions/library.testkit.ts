// A library in fake IndexedDB for the mentions engine's tests (engine, engineIncremental,
// pendingEdits, rescanPages): a fresh database, extracted PDFs added as the app adds them, and
// people with aliases.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Actor } from '../../shared/model';
import { blankActor, newId } from '../../shared/model';
import type { ExtractionResult } from '../../shared/pdf/types';
import { openDatabase } from '../db/db';
import type { CasefileDb } from '../db/db';
import { addDocument } from '../db/documents';
import { sha256Hex } from '../util/sha256';
import { MentionsEngine } from './engine';

/** A new, empty library of the current schema. */
export const freshDb = (): Promise<CasefileDb> => openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });

/** An extraction that found these page texts (`texts[0]` is page 1). */
export const extracted = (texts: string[]): ExtractionResult => ({ state: 'extracted', pageCount: texts.length, pages: texts, info: null, message: '', durationMs: 1 });

/** A PDF of these pages added to the library, as the app's import adds one. */
export async function addPdf(db: CasefileDb, texts: string[], now = 2_000) {
  const bytes = new TextEncoder().encode(`%PDF-1.7 ${newId()}`);
  const result = await addDocument(db, { file: new Blob([bytes]), sha256: await sha256Hex(bytes), fileName: 'a.pdf', extraction: extracted(texts) }, now);
  if (result.status !== 'added') throw new Error(result.status);
  return result.document;
}

/** A person by this name, with these aliases. */
export const person = (name: string, aliases: string[] = []): Actor => ({
  ...blankActor('person', 1_000), name, names: aliases.map((a) => ({ id: newId(), name: a, type: 'alias' as const, note: '', citations: [] })),
});

/**
 * The page rows a build from nothing gives for the database as it now is, as comparable JSON
 * (the database then holds that build): what every incremental path must equal.
 */
export async function rebuiltRows(db: CasefileDb, { countSources = false } = {}): Promise<string> {
  await db.transaction('rw', [db.pageMentions, db.pendingMentions, db.mentionDocs, db.mentionNames], async () => {
    await db.pageMentions.clear(); await db.pendingMentions.clear(); await db.mentionDocs.clear(); await db.mentionNames.clear();
  });
  const engine = new MentionsEngine(db, { chunkPages: 1 });
  await engine.load();
  await engine.sync();
  if (countSources) await engine.countSources();
  return JSON.stringify(await db.pageMentions.toArray());
}
