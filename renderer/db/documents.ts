import Dexie from 'dexie';
import { legacyPageState, OCR_PAGE_STATES, pageNeedsOcr } from '../../shared/pdf/pageState';
import type { ExtractionResult } from '../../shared/pdf/types';
import type { Citation, DocumentMetadata, FieldIssue, SourceDocument, Validated } from '../../shared/model';
import {
  DOCUMENT_EDITABLE_FIELDS, blankDocument, defaultDocumentTitle, documentExtractionFrom, documentSchema, meaningfulPdfTitle,
  titleFromFileName, validateWith,
} from '../../shared/model';
import { foldedWords } from '../../shared/text/fold';
import { RecordNotFoundError } from './cases';
import type { CitationTarget, CitationTargetLabel } from './citationTargets';
import { listCitationTargets } from './citationTargets';
import type { CasefileDb } from './db';
import type { DocumentRow, DocumentTextState, PageRow } from './derive';
import { compareActorRows, compareEventRows, documentRow, toActor, toDocument, toEvent } from './derive';
import { descendingIds, intersect, pickInOrder, present } from './idSets';
import { newOcrJob } from './ocrJobs';
import { pagesInState } from './ocrOverview';
import { moveToTrash } from './trash';
import { ocrLanguagesFor } from '../../shared/ocr/languages';

export interface DocumentFilter {
  /** Every folded word must prefix-match a word of the title, file name, author or publisher. */
  text?: string;
  caseId?: string;
  states?: SourceDocument['extraction']['state'][];
  /** What the pages add up to ('text', 'partly-scanned', 'scanned', 'no-text') or, for files that did not open, their state. */
  textStates?: DocumentTextState[];
}

/** 'title': by folded title; 'added': most recently added first. */
export type DocumentSort = 'title' | 'added';

export interface AddDocumentInput {
  /** The file's bytes; stored as they are (Chromium keeps large Blobs on disk). */
  file: Blob;
  /** SHA-256 of the bytes, hex, computed before calling (renderer/util/sha256): no hashing happens inside the transaction. */
  sha256: string;
  /** CRC-32 of the bytes, when the caller computed it: kept so a bundle export need not read the file. */
  crc32?: number;
  fileName: string;
  extraction: ExtractionResult;
  /** What the user already knows (reliability, URL, …); wins over what the PDF says. */
  metadata?: Partial<DocumentMetadata>;
  caseIds?: string[];
}

export type AddDocumentResult =
  | { status: 'added'; document: SourceDocument }
  /** The same bytes are already in the library: nothing was written; `document` is the one to link to. */
  | { status: 'duplicate'; document: SourceDocument }
  /** The caller's metadata did not validate (paths as for saveDocumentMetadata); nothing was written. */
  | { status: 'invalid'; issues: FieldIssue[] };

/** The live document holding these bytes, if any (a document in the trash does not count). */
export async function findDocumentBySha256(db: CasefileDb, sha256: string): Promise<SourceDocument | undefined> {
  const row = await db.documents.where('sha256').equals(sha256.toLowerCase()).first();
  return row && toDocument(row);
}

/**
 * Stores a new file with its metadata and page texts in ONE transaction, so a failure
 * at any step leaves none of them behind. The sha256 is checked again inside the
 * transaction: of two imports of the same file racing, the second finds the first's
 * row and writes nothing (the unique index would refuse it anyway).
 * Title: the PDF's own title when meaningful, else the file name without extension.
 */
export async function addDocument(db: CasefileDb, input: AddDocumentInput, now = Date.now()): Promise<AddDocumentResult> {
  const sha256 = input.sha256.toLowerCase();
  const info = input.extraction.info;
  const base = blankDocument({ sha256, fileName: input.fileName, byteLength: input.file.size }, documentExtractionFrom(input.extraction, now), now);
  const candidate: SourceDocument = {
    ...base,
    title: defaultDocumentTitle(info, input.fileName),
    author: (info?.author ?? '').trim().slice(0, 300),
    language: (info?.language ?? '').trim().slice(0, 50),
    ...input.metadata,
    caseIds: [...new Set(input.caseIds ?? input.metadata?.caseIds ?? [])],
  };
  const checked = validateWith(documentSchema, candidate);
  if (!checked.ok) return { status: 'invalid', issues: checked.issues };
  const doc = checked.value;
  const pages = pageRows(doc.id, input.extraction);

  return db.transaction('rw', [db.documents, db.documentFiles, db.pages, db.ocrJobs], async (): Promise<AddDocumentResult> => {
    const existing = await db.documents.where('sha256').equals(sha256).first();
    if (existing) return { status: 'duplicate', document: toDocument(existing) };
    await db.documents.add(documentRow(doc));
    // put, not add: the bytes may still be here from a deleted copy waiting in the trash.
    await db.documentFiles.put({ sha256, blob: input.file, byteLength: input.file.size, ...(input.crc32 !== undefined ? { crc32: input.crc32 } : {}) });
    await db.pages.bulkAdd(pages);
    await queueScans(db, doc, pages, now);
    return { status: 'added', document: doc };
  });
}

/**
 * Replaces a document's page texts and extraction state with a new result, in one
 * transaction: used when the user types the password of a locked PDF (the password
 * goes to the extractor only; nothing here receives or stores it) or retries a
 * timed-out file. A title still equal to the file-name default, and an empty author
 * or language, are filled from the PDF info now readable; edited fields are kept.
 */
export async function updateExtraction(db: CasefileDb, documentId: string, result: ExtractionResult, now = Date.now()): Promise<SourceDocument> {
  const pages = pageRows(documentId, result);
  const extraction = documentExtractionFrom(result, now);
  return db.transaction('rw', [db.documents, db.pages, db.ocrJobs], async () => {
    const row = await db.documents.get(documentId);
    if (!row) throw new RecordNotFoundError('documents', documentId);
    const current = toDocument(row);
    const pdfTitle = meaningfulPdfTitle(result.info?.title);
    const next: SourceDocument = {
      ...current,
      title: pdfTitle && current.title === titleFromFileName(current.fileName) ? pdfTitle : current.title,
      author: current.author || (result.info?.author ?? '').trim().slice(0, 300),
      language: current.language || (result.info?.language ?? '').trim().slice(0, 50),
      extraction,
      updatedAt: now,
    };
    await pagesOf(db, documentId).delete();
    await db.pages.bulkAdd(pages);
    await db.documents.put(documentRow(next));
    // The pages were read afresh: any earlier OCR job is about pages that are no more.
    await db.ocrJobs.delete(documentId);
    await queueScans(db, next, pages, now);
    return next;
  });
}

/**
 * Validates and saves the user-editable metadata (title, author, … cases). The file,
 * its hash and its extraction are kept as stored, so a stale form cannot undo a
 * password unlock that happened meanwhile. Throws RecordNotFoundError if it is gone.
 */
export async function saveDocumentMetadata(db: CasefileDb, doc: SourceDocument, now = Date.now()): Promise<Validated<SourceDocument>> {
  const checked = validateWith(documentSchema, doc);
  if (!checked.ok) return checked;
  const edited = pickEditable(checked.value);
  const saved = await db.transaction('rw', db.documents, async () => {
    const row = await db.documents.get(doc.id);
    if (!row) throw new RecordNotFoundError('documents', doc.id);
    const next: SourceDocument = { ...toDocument(row), ...edited, caseIds: [...new Set(edited.caseIds)], updatedAt: now };
    await db.documents.put(documentRow(next));
    return next;
  });
  return { ok: true, value: saved };
}

export async function getDocument(db: CasefileDb, id: string): Promise<SourceDocument | undefined> {
  const row = await db.documents.get(id);
  return row && toDocument(row);
}

/** Documents for the given ids in the same order, skipping ids with no live document. */
export async function getDocumentsByIds(db: CasefileDb, ids: readonly string[]): Promise<SourceDocument[]> {
  const rows = await db.documents.bulkGet([...ids]);
  return rows.filter((row): row is DocumentRow => row !== undefined).map(toDocument);
}

/** Ids of the matching documents in display order. Reads the metadata table's indexes only. */
export async function listDocumentIds(db: CasefileDb, filter: DocumentFilter = {}, sort: DocumentSort = 'title'): Promise<string[]> {
  const words = [...new Set(foldedWords(filter.text ?? ''))];
  const states = present(filter.states);
  const textStates = present(filter.textStates);
  const { caseId } = filter;
  return db.transaction('r', db.documents, async () => {
    const sorted = () => (sort === 'title' ? db.documents.orderBy('sortTitle').primaryKeys() : descendingIds(db.documents.orderBy('createdAt')));
    const reads: Promise<string[]>[] = [];
    if (states) reads.push(Promise.all(states.map((s) => db.documents.where('extractionState').equals(s).primaryKeys())).then((l) => l.flat()));
    if (textStates) reads.push(db.documents.where('textState').anyOf(textStates).primaryKeys());
    if (caseId) reads.push(db.documents.where('caseIds').equals(caseId).primaryKeys());
    for (const word of words) reads.push(db.documents.where('titleWords').startsWith(word).primaryKeys());
    if (reads.length === 0) return sorted();
    const matches = intersect((await Promise.all(reads)).map((ids) => new Set(ids)));
    // Libraries hold hundreds to a few thousand files: filtering the sorted key list is cheap.
    return matches.size === 0 ? [] : pickInOrder(await sorted(), matches);
  });
}

/** The file's bytes, for the viewer; undefined when the document is not live. */
export async function getDocumentBlob(db: CasefileDb, documentId: string): Promise<Blob | undefined> {
  return db.transaction('r', db.documents, db.documentFiles, async () => {
    const row = await db.documents.get(documentId);
    if (!row) return undefined;
    return (await db.documentFiles.get(row.sha256))?.blob;
  });
}

/** One page's text (page 1-based); undefined when no text is stored for it. */
export async function getPageText(db: CasefileDb, documentId: string, page: number): Promise<string | undefined> {
  return (await db.pages.get([documentId, page]))?.text;
}

/** One stored page row (text, state, annotations); undefined when none is stored. */
export async function getPage(db: CasefileDb, documentId: string, page: number): Promise<PageRow | undefined> {
  return db.pages.get([documentId, page]);
}

/** Numbers of the pages whose state needs OCR (image-only, junk text), ascending. */
export async function pagesNeedingOcr(db: CasefileDb, documentId: string): Promise<number[]> {
  // From the `state` index, keys only: a live query reading every row (OCR words included) ran
  // again on the main thread for each page OCR stored.
  const lists = await Promise.all(OCR_PAGE_STATES.map((state) => pagesInState(db, documentId, state)));
  return lists.flat().sort((a, b) => a - b);
}

/** Every stored page row in page order (text, state, annotations); empty when nothing was extracted. */
export async function getPages(db: CasefileDb, documentId: string): Promise<PageRow[]> {
  return pagesOf(db, documentId).toArray();
}

/** Every stored page text in page order; index 0 is page 1. Empty when nothing was extracted. */
export async function getPagesText(db: CasefileDb, documentId: string): Promise<string[]> {
  const rows = await pagesOf(db, documentId).toArray();
  const texts: string[] = [];
  for (const row of rows) texts[row.page - 1] = row.text;
  return Array.from(texts, (t) => t ?? '');
}

/** Moves the document to the trash; its bytes and pages stay until the entry is purged, and citations to it stay. */
export async function deleteDocument(db: CasefileDb, id: string, now = Date.now()): Promise<boolean> {
  return moveToTrash(db, 'documents', id, now);
}

export interface CitingRecord {
  table: 'actors' | 'events';
  id: string;
  /** The actor's name or the event's title. */
  title: string;
  citations: Array<{ citation: Citation; part: CitationTarget; label: CitationTargetLabel }>;
}

/** Actors (by name) then events (by date) citing the document anywhere, each with the citations that do. */
export async function recordsCitingDocument(db: CasefileDb, documentId: string): Promise<CitingRecord[]> {
  const [actors, events] = await db.transaction('r', db.actors, db.events, () =>
    Promise.all([
      db.actors.where('citedDocumentIds').equals(documentId).toArray(),
      db.events.where('citedDocumentIds').equals(documentId).toArray(),
    ]),
  );
  const citing = (table: 'actors' | 'events', title: string, record: Parameters<typeof listCitationTargets>[0]): CitingRecord => ({
    table,
    id: record.id,
    title,
    citations: listCitationTargets(record).flatMap((p) =>
      p.citations.filter((c) => c.documentId === documentId).map((citation) => ({ citation, part: p.target, label: p.label }))),
  });
  return [
    ...actors.sort(compareActorRows).map((row) => citing('actors', row.name, toActor(row))),
    ...events.sort(compareEventRows).map((row) => citing('events', row.title, toEvent(row))),
  ];
}

function pagesOf(db: CasefileDb, documentId: string) {
  return db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]);
}

/**
 * Rows for the pages a result carries (only 'extracted' and 'needs-ocr' carry any): text,
 * state and, when there is any, annotation text. A result without page states (made by
 * an older extractor) maps as the database upgrade does.
 */
function pageRows(documentId: string, result: ExtractionResult): PageRow[] {
  if (result.state !== 'extracted' && result.state !== 'needs-ocr') return [];
  return result.pages.map((text, i) => {
    const annotations = result.annotations?.[i] ?? [];
    return {
      documentId, page: i + 1, text, state: result.pageStates?.[i] ?? legacyPageState(result.state),
      ...(annotations.length ? { annotations } : {}),
    };
  });
}

/** Scanned pages are read without asking (the queue can be paused): a job for the pages needing OCR. */
async function queueScans(db: CasefileDb, doc: SourceDocument, pages: readonly PageRow[], now: number): Promise<void> {
  const scans = pages.filter((p) => pageNeedsOcr(p.state)).map((p) => p.page);
  if (scans.length) await db.ocrJobs.put(newOcrJob(doc.id, scans, ocrLanguagesFor(doc.language), now));
}

function pickEditable(doc: SourceDocument): DocumentMetadata {
  const out: Partial<Record<keyof DocumentMetadata, unknown>> = {};
  for (const field of DOCUMENT_EDITABLE_FIELDS) out[field] = doc[field];
  return out as DocumentMetadata;
}
