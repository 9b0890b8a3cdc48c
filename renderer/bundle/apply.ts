import Dexie from 'dexie';
import type { IncomingRecords, LocalRecords, MergeChoice, MergePlan, MergeStatus, TrashedVersion, WriteSet } from '../../shared/bundle/merge';
import { lookupKeys, planMerge, resolveMerge } from '../../shared/bundle/merge';
import type { BundleNameRule } from '../../shared/bundle/nameRules';
import { nameRuleKey } from '../../shared/bundle/nameRules';
import type { SavedChart } from '../../shared/chart/savedChart';
import type { Case } from '../../shared/model';
import { newId as randomId } from '../../shared/model';
import type { CasefileDb } from '../db/db';
import { actorRow, documentRow, eventRow, toActor, toDocument, toEvent } from '../db/derive';
import type { DocumentFileRow, PageRow } from '../db/derive';
import { importFilesKey, settleImportFiles } from '../db/importFiles';
import { isDiskFull } from '../db/storageErrors';
import type { TrashEntry, TrashTable } from '../db/trash';
import { readOcrPages, writeOcrPages } from './applyOcr';
import type { CaseSnapshot } from './io';
import type { BundleProgress, ImportResult } from './types';

/**
 * The import's one write: ONE read-write transaction over every table an import touches.
 * Inside it the local records are read again, the plan is made again and checked against
 * the preview the user saw, and the rows are written with the repositories' row functions
 * (derived index fields included). Any failure — a thrown error, a full disk, a cancel —
 * aborts the transaction, and IndexedDB rolls every write back: all of it or none of it.
 * No Blob is read inside: file rows hold the bundle's Blobs by reference.
 */

export type ImportErrorCode = 'disk-full' | 'changed' | 'write-failed' | 'id-clash';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly code: ImportErrorCode, message: string) {
    super(message);
  }
}

export interface ApplyOptions {
  /** The statuses the preview showed, by record key; if the library changed since, nothing is written. */
  expected?: ReadonlyMap<string, MergeStatus>;
  now?: number;
  newId?: () => string;
  signal?: AbortSignal;
  onProgress?: (p: BundleProgress) => void;
}

/** Rows per write request, between which progress is reported and a cancel is noticed. */
const CHUNK = 500;

export const incomingRecords = (s: CaseSnapshot): IncomingRecords => ({
  caseId: s.caseId, cases: s.cases, actors: s.actors, events: s.events, documents: s.documents, pages: s.pages, nameRules: s.nameRules ?? [],
});

/** Above this many keys, a table's primary keys are read first (one request) and only those present are fetched. */
const PREFILTER_KEYS = 256;

interface KeyedTable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  toCollection(): { primaryKeys(): Promise<unknown[]> };
}

/**
 * `table.bulkGet(keys)`, cheaper for many keys: IndexedDB answers one request per key, and
 * most keys of a large import are absent (new records, the kept-both ids no one made). One
 * getAllKeys over the table says which are present; only those are fetched. Same answer.
 */
async function getPresent<T>(table: KeyedTable<T>, keys: readonly string[]): Promise<T[]> {
  if (keys.length <= PREFILTER_KEYS) return (await table.bulkGet([...keys])).filter((r): r is T => r !== undefined);
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = [...new Set(keys.filter((k) => present.has(k)))];
  return wanted.length === 0 ? [] : (await table.bulkGet(wanted)).filter((r): r is T => r !== undefined);
}

const KIND_WORD = { cases: 'case', actors: 'actor', events: 'event', documents: 'source' } as const;
const WITH_ARTICLE = { cases: 'a case', actors: 'an actor', events: 'an event', documents: 'a source' } as const;

/**
 * Ids are unique across tables (the trash and citation targets key records by id alone), so
 * an incoming record may not carry the id of a *different kind* of local record, live or in
 * the trash: a genuine bundle never does, and merging it would let one overwrite the other
 * there later. Refused before anything is written.
 */
async function assertNoIdClash(db: CasefileDb, incoming: IncomingRecords): Promise<void> {
  const tableOf = new Map<string, TrashTable>();
  for (const c of incoming.cases) tableOf.set(c.id, 'cases');
  for (const a of incoming.actors) tableOf.set(a.id, 'actors');
  for (const e of incoming.events) tableOf.set(e.id, 'events');
  for (const d of incoming.documents) tableOf.set(d.id, 'documents');
  const ids = [...tableOf.keys()];
  const tables = [['cases', db.cases], ['actors', db.actors], ['events', db.events], ['documents', db.documents]] as const;
  const found = await Promise.all([
    ...tables.map(async ([name, table]) => {
      const rows = await getPresent<{ id: string }>(table as unknown as KeyedTable<{ id: string }>, ids.filter((id) => tableOf.get(id) !== name));
      return rows.map((r) => ({ id: r.id, local: name as TrashTable }));
    }),
    getPresent(db.trash, ids).then((entries) => entries.filter((t) => t.table !== tableOf.get(t.id)).map((t) => ({ id: t.id, local: t.table }))),
  ]);
  const clash = found.flat()[0];
  if (clash) {
    const theirs = WITH_ARTICLE[tableOf.get(clash.id)!];
    throw new ImportError('id-clash', `The bundle gives ${theirs} the id of a different ${KIND_WORD[clash.local]} in your library (${clash.id}). A genuine bundle never does this, so nothing was imported.`);
  }
}

/** Reads the local records a plan needs (call inside a transaction covering the record tables). */
export async function readLocal(db: CasefileDb, incoming: IncomingRecords, knownFileShas?: readonly string[]): Promise<LocalRecords> {
  await assertNoIdClash(db, incoming);
  const keys = lookupKeys(incoming);
  const [cases, actors, events, byId, bySha, fileShas, trashed] = await Promise.all([
    getPresent(db.cases, keys.cases),
    getPresent(db.actors, keys.actors),
    getPresent(db.events, keys.events),
    getPresent(db.documents, keys.documents),
    keys.shas.length ? db.documents.where('sha256').anyOf(keys.shas).toArray() : [],
    knownFileShas ?? (keys.shas.length ? db.documentFiles.where('sha256').anyOf(keys.shas).primaryKeys() : []),
    getPresent(db.trash, trashKeys(incoming)),
  ]);
  const documents = new Map<string, ReturnType<typeof toDocument>>();
  for (const row of [...byId, ...bySha]) documents.set(row.id, toDocument(row));
  const documentIdBySha = new Map(bySha.map((r) => [r.sha256, r.id]));
  return {
    cases: new Map(cases.map((c): [string, Case] => [c.id, c])),
    actors: new Map(actors.map((r) => [r.id, toActor(r)] as const)),
    events: new Map(events.map((r) => [r.id, toEvent(r)] as const)),
    documents,
    documentIdBySha,
    fileShas: new Set(fileShas),
    trashedDocumentShas: new Map(trashed.flatMap((t) => (t.table === 'documents' ? [[t.id, t.record.sha256] as const] : []))),
    trashed: new Map(trashed.map((t) => [t.id, { table: t.table, record: t.record, title: t.title } as TrashedVersion])),
    pages: await readOcrPages(db, incoming, { documents, documentIdBySha }),
  };
}

/** Every incoming id: a record only in the local Trash is shown as such in the preview. */
const trashKeys = (incoming: IncomingRecords): string[] =>
  [...incoming.cases, ...incoming.actors, ...incoming.events, ...incoming.documents].map((r) => r.id);

/** The merge plan against the library as it is now (a read transaction). */
export async function planImport(db: CasefileDb, snapshot: CaseSnapshot): Promise<MergePlan> {
  const incoming = incomingRecords(snapshot);
  const local = await db.transaction('r', [db.cases, db.actors, db.events, db.documents, db.documentFiles, db.trash, db.pages], () => readLocal(db, incoming));
  return planMerge(incoming, local);
}

export async function applyImport(
  db: CasefileDb, snapshot: CaseSnapshot, choices: Readonly<Record<string, MergeChoice>>, opts: ApplyOptions = {},
): Promise<ImportResult> {
  const now = opts.now ?? Date.now();
  const incoming = incomingRecords(snapshot);
  const blobs = new Map(snapshot.files.map((f) => [f.sha256, f]));
  const { signal } = opts;
  const checkAbort = () => {
    if (signal?.aborted) throw new DOMException('The import was cancelled; nothing was written.', 'AbortError');
  };
  checkAbort();
  // Inside a caller's transaction (tests' dry runs) or with no files, everything is one transaction.
  if (Dexie.currentTransaction || snapshot.files.length === 0) {
    try {
      // An async callback (not one returning applyRecords' promise): Dexie then runs it as a
      // sub-transaction of the caller's, whose rollback undoes it.
      return await db.transaction('rw', [...RECORD_TABLES(db), db.documentFiles], async () => await applyRecords(db, snapshot, incoming, choices, now, opts, checkAbort, blobs));
    } catch (error) {
      // Dexie hands back its own error for what was thrown inside; a cancel is a cancel, whatever the wrapping.
      if (signal?.aborted) throw new DOMException('The import was cancelled; nothing was written.', 'AbortError');
      throw explain(error);
    }
  }
  return applySplit(db, snapshot, incoming, choices, now, opts, checkAbort);
}

/** Every table an import writes but the files'. */
const RECORD_TABLES = (db: CasefileDb) => [db.cases, db.actors, db.events, db.documents, db.pages, db.trash, db.ocrJobs, db.nameRules, db.charts];

/**
 * The records' part of an import, inside the caller's transaction: read the library again,
 * re-plan, compare with the preview, write. With `blobs` the new files are written here too;
 * without, `fileShas` says which of the bundle's files the library already holds.
 */
async function applyRecords(
  db: CasefileDb, snapshot: CaseSnapshot, incoming: IncomingRecords, choices: Readonly<Record<string, MergeChoice>>, now: number, opts: ApplyOptions,
  checkAbort: () => void, blobs: ReadonlyMap<string, { blob: Blob; byteLength: number; crc32?: number }> | null, fileShas?: readonly string[],
  progress: (size: number, total?: number) => void = progressCounter(opts.onProgress),
): Promise<ImportResult> {
  const local = { ...(await readLocal(db, incoming, fileShas)), nameRules: await localNameRules(db, incoming) };
  const plan = planMerge(incoming, local);
  if (opts.expected && changedSince(plan, opts.expected)) {
    throw new ImportError('changed', 'The library changed since this preview was made, so nothing was imported. Open the bundle again to see the differences as they are now.');
  }
  const writes = resolveMerge(plan, incoming, local, choices, now, opts.newId ?? randomId);
  await write(db, writes, blobs, now, checkAbort, progress);
  await addCharts(db, snapshot.charts ?? []);
  checkAbort();
  const { added, replaced, keptBoth, unchanged, filesAdded, restored, keptInTrash, ocrPages } = writes.counts;
  return { added, replaced, keptBoth, unchanged, filesAdded, restored, keptInTrash, ocrPages, caseId: writes.caseId };
}

/** One 'importing' progress for the writes of both transactions: totals are added as each side knows its own. */
function progressCounter(onProgress?: (p: BundleProgress) => void): (size: number, total?: number) => void {
  let done = 0;
  let total = 0;
  return (size, more = 0) => {
    done += size;
    total += more;
    onProgress?.({ phase: 'importing', done, total });
  };
}

/**
 * The import as two transactions that run at once: the files' Blobs (documentFiles only: the
 * browser copies the bytes meanwhile) and the records (every other table). Which files the
 * library holds is read first; the records' transaction writes last and stays open until the
 * files' has committed (Dexie.waitFor), so records never refer to files that are not there. A
 * failure on either side aborts the other; files written for an import that did not commit
 * are then deleted (renderer/db/importFiles.ts, which also covers a crash between the commits).
 */
async function applySplit(
  db: CasefileDb, snapshot: CaseSnapshot, incoming: IncomingRecords, choices: Readonly<Record<string, MergeChoice>>, now: number, opts: ApplyOptions,
  checkAbort: () => void,
): Promise<ImportResult> {
  const { signal } = opts;
  const marker = importFilesKey(randomId());
  const shas = snapshot.files.map((f) => f.sha256);
  let stop: unknown = null;
  const halt = (why: unknown) => { stop ??= why; };
  const check = () => {
    checkAbort();
    if (stop) throw stop;
  };
  const progress = progressCounter(opts.onProgress);
  progress(0); // the phase starts now: the window shows it (and may cancel) before the first write
  try {
    await db.meta.put({ key: marker, value: shas });
    check();
    const held = (await db.documentFiles.where('sha256').anyOf(shas).primaryKeys()) as string[];
    const files = db.transaction('rw', db.documentFiles, async () => {
      // Read again inside: a file added or removed since the look above is seen here.
      const present = new Set(await db.documentFiles.where('sha256').anyOf(shas).primaryKeys());
      const rows: DocumentFileRow[] = snapshot.files.filter((f) => !present.has(f.sha256))
        .map((f) => ({ sha256: f.sha256, blob: f.blob, byteLength: f.byteLength, ...(f.crc32 !== undefined ? { crc32: f.crc32 } : {}) }));
      const chunks = fileChunks(rows);
      progress(0, rows.length);
      for (const chunk of chunks) {
        check();
        await db.documentFiles.bulkAdd(chunk);
        progress(chunk.length);
      }
      check();
    });
    files.catch(halt);
    const records = db.transaction('rw', RECORD_TABLES(db), async () => {
      const result = await applyRecords(db, snapshot, incoming, choices, now, opts, check, null, held, progress);
      // Commit only once the files have: a failure there rejects here and rolls the records back.
      await Dexie.waitFor(files, WAIT_FOR_FILES_MS);
      check();
      return result;
    });
    records.catch(halt);
    const [f, r] = await Promise.allSettled([files, records]);
    if (r.status === 'fulfilled' && f.status === 'fulfilled') return r.value;
    // The first failure is the cause; the other side only stopped because of it.
    throw stop ?? (r.status === 'rejected' ? r.reason : (f as PromiseRejectedResult).reason);
  } catch (error) {
    if (signal?.aborted) throw new DOMException('The import was cancelled; nothing was written.', 'AbortError');
    throw explain(error);
  } finally {
    // Files no record refers to (the import failed, or a document kept the library's own file) go.
    await settleImportFiles(db, [marker]).catch(() => undefined);
  }
}

/** Long enough for the slowest disk to copy a large import's files after the records are written. */
const WAIT_FOR_FILES_MS = 30 * 60_000;



/** The library's name-matching rules of the incoming actors (and their kept-both copies), by key. */
async function localNameRules(db: CasefileDb, incoming: IncomingRecords): Promise<Map<string, BundleNameRule>> {
  if (!incoming.nameRules?.length) return new Map();
  const rows = await db.nameRules.where('actorId').anyOf(lookupKeys(incoming).actors).toArray();
  return new Map(rows.map(({ id, ...rule }) => [id, rule as BundleNameRule]));
}

function changedSince(plan: MergePlan, expected: ReadonlyMap<string, MergeStatus>): boolean {
  if (plan.items.length !== expected.size) return true;
  return plan.items.some((i) => expected.get(i.key) !== i.status);
}

type Job = () => Promise<unknown>;

/** Files per write request, at most, and about this many bytes (a progress step on slow disks). */
const FILE_CHUNK = 100;
const FILE_CHUNK_BYTES = 32 * 1024 * 1024;
/** Documents whose pages are written per request. */
const PAGE_DOCS_CHUNK = 200;

/**
 * Every write is a bulk request of up to CHUNK rows (files by count and bytes, pages per group of
 * documents): a few dozen round trips to IndexedDB instead of one or two per file and per
 * document. Rows are derived once, before the first write. Between requests, progress goes out
 * and a cancel is noticed (and aborts the transaction).
 */
async function write(
  db: CasefileDb, w: WriteSet, blobs: ReadonlyMap<string, { blob: Blob; byteLength: number; crc32?: number }> | null, now: number,
  checkAbort: () => void, progress: (size: number, total?: number) => void,
): Promise<void> {
  const jobs: { size: number; run: Job }[] = [];
  const chunked = <T>(rows: readonly T[], put: (chunk: T[]) => Promise<unknown>, size = CHUNK) => {
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      jobs.push({ size: chunk.length, run: () => put(chunk) });
    }
  };
  const trash: TrashEntry[] = w.trash.map((t) => ({ ...t, id: t.record.id, deletedAt: now }) as TrashEntry);
  // Records restored from the bundle leave the Trash (a differing trashed version is in `trash` under a new id).
  chunked(w.trashRemoved, (ids) => db.trash.bulkDelete(ids));
  chunked(trash, (rows) => db.trash.bulkAdd(rows));
  chunked(w.cases, (rows) => db.cases.bulkPut(rows));
  chunked(w.actors.map(actorRow), (rows) => db.actors.bulkPut(rows));
  chunked(w.events.map(eventRow), (rows) => db.events.bulkPut(rows));
  chunked(w.documents.map(documentRow), (rows) => db.documents.bulkPut(rows));
  chunked(w.nameRules.map((r) => ({ ...r, id: nameRuleKey(r) })), (rows) => db.nameRules.bulkPut(rows));
  if (blobs) {
    const rows = w.fileShas.map((sha): DocumentFileRow => {
      const f = blobs.get(sha);
      if (!f) throw new Error(`The bundle's file ${sha} is missing.`);
      return { sha256: sha, blob: f.blob, byteLength: f.byteLength, ...(f.crc32 !== undefined ? { crc32: f.crc32 } : {}) };
    });
    for (const chunk of fileChunks(rows)) jobs.push({ size: chunk.length, run: () => db.documentFiles.bulkPut(chunk) });
  }
  chunked(w.pages, async (docs) => {
    // Pages left by a copy of a document waiting in the trash are replaced, not mixed in: one
    // cursor finds the page rows of the chunk's documents (usually none), those are deleted,
    // then the chunk's pages go in one request.
    const ranges = docs.map((p): [[string, unknown], [string, unknown]] => [[p.documentId, Dexie.minKey], [p.documentId, Dexie.maxKey]]);
    const stale = await db.pages.where('[documentId+page]').inAnyRange(ranges, { includeUppers: true }).primaryKeys();
    if (stale.length) await db.pages.bulkDelete(stale);
    // Pages as the bundle carries them (a version-1 bundle's got their states in its migration):
    // the OCR comes along, so an imported scan is not read again.
    await db.pages.bulkAdd(docs.flatMap((p) => p.pages.map(({ text, state, annotations, ocr }, i): PageRow => ({
      documentId: p.documentId, page: i + 1, text, state,
      ...(annotations?.length ? { annotations } : {}),
      ...(ocr ? { ocr } : {}),
    }))));
  }, PAGE_DOCS_CHUNK);
  // OCR for documents held by their file: after the documents' own rows, which it sums up again.
  if (w.ocrPages.length) jobs.push({ size: w.ocrPages.length, run: () => writeOcrPages(db, w.ocrPages, now) });
  progress(0, jobs.reduce((s, j) => s + j.size, 0));
  for (const job of jobs) {
    checkAbort();
    await job.run();
    progress(job.size);
  }
}

/** File rows in write requests of at most FILE_CHUNK rows and about FILE_CHUNK_BYTES. */
function fileChunks(rows: readonly DocumentFileRow[]): DocumentFileRow[][] {
  const chunks: DocumentFileRow[][] = [];
  let chunk: DocumentFileRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    chunk.push(row);
    bytes += row.byteLength;
    if (chunk.length >= FILE_CHUNK || bytes >= FILE_CHUNK_BYTES) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** Every failure says, in plain words, that nothing was written. */
function explain(error: unknown): Error {
  if (error instanceof ImportError) return error;
  if (isDiskFull(error)) {
    return new ImportError('disk-full', 'The disk is full (or the browser\'s storage quota is used up), so nothing was imported. Free some space and import again.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ImportError('write-failed', `The import failed and nothing was written: ${message}`);
}

/**
 * The bundle's saved link charts (format 4), in the import's one transaction: a chart the
 * library does not have is added; one it has (same id) stays as the library has it, since a
 * chart is a working picture, not a fact to merge field by field. A chart whose case is not
 * in the library after the import (the bundle's case kept apart under a new id) is left out.
 */
async function addCharts(db: CasefileDb, charts: readonly SavedChart[]): Promise<void> {
  if (charts.length === 0) return;
  const [have, cases] = await Promise.all([
    db.charts.bulkGet(charts.map((c) => c.id)),
    db.cases.bulkGet([...new Set(charts.map((c) => c.caseId))]),
  ]);
  const caseIds = new Set(cases.flatMap((c) => (c ? [c.id] : [])));
  const fresh = charts.filter((c, i) => !have[i] && caseIds.has(c.caseId));
  if (fresh.length) await db.charts.bulkAdd(fresh);
}
