import Dexie from 'dexie';
import type { IncomingRecords, LocalRecords, MergeChoice, MergePlan, MergeStatus, TrashedVersion, WriteSet } from '../../shared/bundle/merge';
import { lookupKeys, planMerge } from '../../shared/bundle/merge';
import { resolveMerge } from '../../shared/bundle/mergeWrites';
import type { BundleNameRule } from '../../shared/bundle/nameRules';
import { nameRuleKey } from '../../shared/bundle/nameRules';
import type { SavedChart } from '../../shared/chart/savedChart';
import type { Case } from '../../shared/model';
import { newId as randomId } from '../../shared/model';
import type { CasefileDb } from '../db/db';
import { actorRow, documentRow, eventRow, toActor, toDocument, toEvent } from '../db/derive';
import type { DocumentFileRow, PageRow } from '../db/derive';
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
export async function readLocal(db: CasefileDb, incoming: IncomingRecords): Promise<LocalRecords> {
  await assertNoIdClash(db, incoming);
  const keys = lookupKeys(incoming);
  const [cases, actors, events, byId, bySha, fileShas, trashed] = await Promise.all([
    getPresent(db.cases, keys.cases),
    getPresent(db.actors, keys.actors),
    getPresent(db.events, keys.events),
    getPresent(db.documents, keys.documents),
    keys.shas.length ? db.documents.where('sha256').anyOf(keys.shas).toArray() : [],
    keys.shas.length ? db.documentFiles.where('sha256').anyOf(keys.shas).primaryKeys() : [],
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
  const { signal, onProgress } = opts;
  const checkAbort = () => {
    if (signal?.aborted) throw new DOMException('The import was cancelled; nothing was written.', 'AbortError');
  };
  checkAbort();
  try {
    return await db.transaction('rw', [db.cases, db.actors, db.events, db.documents, db.documentFiles, db.pages, db.trash, db.ocrJobs, db.nameRules, db.charts], async () => {
      const local = { ...(await readLocal(db, incoming)), nameRules: await localNameRules(db, incoming) };
      const plan = planMerge(incoming, local);
      if (opts.expected && changedSince(plan, opts.expected)) {
        throw new ImportError('changed', 'The library changed since this preview was made, so nothing was imported. Open the bundle again to see the differences as they are now.');
      }
      const writes = resolveMerge(plan, incoming, local, choices, now, opts.newId ?? randomId);
      await write(db, writes, blobs, now, checkAbort, signal, onProgress);
      await addCharts(db, snapshot.charts ?? []);
      checkAbort();
      const { added, replaced, keptBoth, unchanged, filesAdded, restored, keptInTrash, ocrPages } = writes.counts;
      return { added, replaced, keptBoth, unchanged, filesAdded, restored, keptInTrash, ocrPages, caseId: writes.caseId };
    });
  } catch (error) {
    // Dexie hands back its own error for what was thrown inside; a cancel is a cancel, whatever the wrapping.
    if (signal?.aborted) throw new DOMException('The import was cancelled; nothing was written.', 'AbortError');
    throw explain(error);
  }
}

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
  db: CasefileDb, w: WriteSet, blobs: ReadonlyMap<string, { blob: Blob; byteLength: number; crc32?: number }>, now: number,
  checkAbort: () => void, signal?: AbortSignal, onProgress?: (p: BundleProgress) => void,
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
  let files: DocumentFileRow[] = [];
  let bytes = 0;
  const flush = () => {
    const rows = files;
    if (rows.length) jobs.push({ size: rows.length, run: () => db.documentFiles.bulkPut(rows) });
    files = [];
    bytes = 0;
  };
  for (const sha of w.fileShas) {
    const f = blobs.get(sha);
    if (!f) throw new Error(`The bundle's file ${sha} is missing.`);
    files.push({ sha256: sha, blob: f.blob, byteLength: f.byteLength, ...(f.crc32 !== undefined ? { crc32: f.crc32 } : {}) });
    bytes += f.byteLength;
    if (files.length >= FILE_CHUNK || bytes >= FILE_CHUNK_BYTES) flush();
  }
  flush();
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
  const ocr = w.ocrPages.length ? { size: w.ocrPages.length, run: () => writeOcrPages(db, w.ocrPages, now) } : null;
  const total = jobs.reduce((s, j) => s + j.size, 0) + (ocr?.size ?? 0);
  let done = 0;
  onProgress?.({ phase: 'importing', done, total });
  checkAbort();
  // Every request goes out at once: IndexedDB runs a transaction's requests in the order they
  // were made, so this writes the same rows in the same order, but the next chunk's rows are
  // cloned here while the database is still writing the last ones, instead of each chunk waiting
  // for the one before. A cancel aborts the transaction, which fails every request still pending.
  const tx = Dexie.currentTransaction;
  const cancel = () => { try { tx?.abort(); } catch { /* already finished */ } };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    await Promise.all(jobs.map((job) => job.run().then(() => {
      done += job.size;
      onProgress?.({ phase: 'importing', done, total });
    })));
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  checkAbort();
  // OCR for documents held by their file reads the documents and pages just written: after them.
  if (ocr) {
    await ocr.run();
    onProgress?.({ phase: 'importing', done: total, total });
  }
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
