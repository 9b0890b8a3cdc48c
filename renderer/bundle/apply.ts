import Dexie from 'dexie';
import type { IncomingRecords, MergeChoice, MergePlan, MergeStatus, WriteSet } from '../../shared/bundle/merge';
import { lookupKeys, planMerge } from '../../shared/bundle/merge';
import { resolveMerge } from '../../shared/bundle/mergeWrites';
import type { BundleNameRule } from '../../shared/bundle/nameRules';
import { nameRuleKey } from '../../shared/bundle/nameRules';
import type { SavedChart } from '../../shared/chart/savedChart';
import { newId as randomId } from '../../shared/model';
import type { CasefileDb } from '../db/db';
import { actorRow, documentRow, eventRow } from '../db/derive';
import type { DocumentFileRow, PageRow } from '../db/derive';
import { isDiskFull } from '../db/storageErrors';
import type { TrashEntry } from '../db/trash';
import { writeOcrPages } from './applyOcr';
import { ImportError } from './importError';
import { readLocal } from './readLocal';
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

export { ImportError } from './importError';
export type { ImportErrorCode } from './importError';

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

/**
 * The library's name-matching rules of the incoming actors that bring rules (and of their
 * kept-both copies), by key: an incoming rule lands on its actor, its copy or its local match,
 * so no other actor's rules are compared with it.
 */
async function localNameRules(db: CasefileDb, incoming: IncomingRecords): Promise<Map<string, BundleNameRule>> {
  if (!incoming.nameRules?.length) return new Map();
  const withRules = new Set(incoming.nameRules.map((r) => r.actorId));
  const actors = lookupKeys({ ...incoming, cases: [], events: [], documents: [], actors: incoming.actors.filter((a) => withRules.has(a.id)) }).actors;
  const rows = await db.nameRules.where('actorId').anyOf(actors).toArray();
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
