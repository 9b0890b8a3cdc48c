// The bundle bench page (bundle.html), driven by scripts/bench-bundle.mjs on the app's origin.
// It fills a source database (the app's own schema, openDatabase) with PDF-like blobs and
// records, measures raw IndexedDB blob write and read speed, then exports the case with the
// real writeBundleBlob and imports it with the real readBundleBlob into a fresh database.
// Times are taken here with performance.now(), never across Playwright round trips.
import type { CaseSnapshot, DocumentPages } from '../../shared/bundle';
import { readBundleBlob, writeBundleBlob } from '../../shared/bundle';
import type { Case, SourceDocument } from '../../shared/model';
import { blankDocument } from '../../shared/model';
import type { CasefileDb } from '../../renderer/db/db';
import { openDatabase } from '../../renderer/db/db';
import { actorRow, documentRow, eventRow, toActor, toDocument, toEvent } from '../../renderer/db/derive';
import type { DocumentFileRow, PageRow } from '../../renderer/db/derive';
import { generateRecords, makeRandom } from './generateRecords';

const SOURCE_DB = 'bench-bundle-source';
const TARGET_DB = 'bench-bundle-target';
const CASE_ID = '00000000-0000-4000-8000-00000000ca5e';
const EPOCH = Date.UTC(2026, 10, 27);
const MB = 1024 * 1024;
const now = () => performance.now();

export interface FillOptions { files: number; totalMB: number; actors: number; events: number; seed: number }
export interface Timed { ms: number; bytes: number; mbPerS: number }

let source: CasefileDb | null = null;
let bundle: Blob | null = null;

const timed = (ms: number, bytes: number): Timed => ({ ms: Math.round(ms), bytes, mbPerS: Math.round((bytes / MB / (ms / 1000)) * 10) / 10 });

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

/**
 * File sizes: mostly log-normal around the mean (20 KB minimum), plus a few scans of 8 MB and
 * one of 24 MB when the total allows (real case files have some), scaled to the total.
 */
function fileSizes(count: number, totalBytes: number, seed: number): number[] {
  const r = makeRandom(seed);
  const big = totalBytes >= 100 * MB && count >= 100 ? [24 * MB, 8 * MB, 8 * MB, 8 * MB, 8 * MB] : [];
  const rest = count - big.length;
  const restBytes = totalBytes - big.reduce((a, b) => a + b, 0);
  const raw = Array.from({ length: rest }, () => Math.exp((r.next() + r.next() + r.next() - 1.5) * 3));
  const sum = raw.reduce((a, b) => a + b, 0);
  const sizes = [...raw.map((x) => Math.max(20_000, Math.round((x / sum) * restBytes))), ...big];
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  return sizes;
}

/** A PDF-like blob: a PDF header and incompressible bytes (PDF streams are already compressed). */
function pdfLike(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    words[i] = x >>> 0;
  }
  bytes.set(new TextEncoder().encode(`%PDF-1.7\n% bench ${seed}\n`));
  return bytes;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function reset(): Promise<void> {
  source?.close();
  source = null;
  bundle = null;
  await deleteDb(SOURCE_DB);
  await deleteDb(TARGET_DB);
}

/** Writes the records, then the files: the files' write is the raw IndexedDB blob-write figure. */
async function fill(o: FillOptions) {
  await reset();
  const db = (source = await openDatabase(SOURCE_DB));
  const { actors, events } = generateRecords({ actors: o.actors, events: o.events, seed: o.seed });
  for (const a of actors) a.caseIds = [CASE_ID];
  for (const e of events) e.caseIds = [CASE_ID];
  const theCase: Case = { id: CASE_ID, name: 'Bench case', description: 'Generated for npm run bench:bundle', createdAt: EPOCH, updatedAt: EPOCH };
  const sizes = fileSizes(o.files, o.totalMB * MB, o.seed);
  const r = makeRandom(o.seed + 1);
  const files: DocumentFileRow[] = [];
  const documents: SourceDocument[] = [];
  const pages: PageRow[] = [];
  const tg = now();
  for (let i = 0; i < sizes.length; i++) {
    const bytes = pdfLike(sizes[i]!, o.seed * 10_000 + i);
    const sha256 = await sha256Hex(bytes);
    files.push({ sha256, blob: new Blob([bytes], { type: 'application/pdf' }), byteLength: bytes.length });
    const pageCount = 1 + r.int(0, 3);
    const doc = { ...blankDocument({ sha256, fileName: `source-${i + 1}.pdf`, byteLength: bytes.length },
      { state: 'extracted', pageCount, message: '', extractedAt: EPOCH, characters: 400 * pageCount }, EPOCH), id: r.uuid(), caseIds: [CASE_ID] };
    documents.push(doc);
    for (let p = 1; p <= pageCount; p++) pages.push({ documentId: doc.id, page: p, text: `Page ${p} of ${doc.fileName}. `.repeat(20) });
  }
  const generateMs = now() - tg;
  const t0 = now();
  await db.transaction('rw', [db.cases, db.actors, db.events, db.documents, db.pages], async () => {
    await db.cases.put(theCase);
    await db.actors.bulkPut(actors.map(actorRow));
    await db.events.bulkPut(events.map(eventRow));
    await db.documents.bulkPut(documents.map(documentRow));
    await db.pages.bulkPut(pages);
  });
  const recordsMs = now() - t0;
  const total = files.reduce((s, f) => s + f.byteLength, 0);
  const t1 = now();
  for (let i = 0; i < files.length; i += 50) {
    const chunk = files.slice(i, i + 50);
    await db.transaction('rw', db.documentFiles, () => db.documentFiles.bulkPut(chunk));
  }
  const write = timed(now() - t1, total);
  return {
    files: files.length, totalMB: Math.round(total / MB), largestMB: Math.round((Math.max(...sizes) / MB) * 10) / 10,
    records: actors.length + events.length + documents.length + 1, pages: pages.length, generateMs: Math.round(generateMs), recordsMs: Math.round(recordsMs), rawWrite: write,
  };
}

/** Raw IndexedDB blob read: every file's Blob from its row, read through to the end. */
async function rawRead(): Promise<Timed> {
  const db = source ?? (source = await openDatabase(SOURCE_DB));
  const t0 = now();
  const keys = await db.documentFiles.toCollection().primaryKeys();
  let bytes = 0;
  for (let i = 0; i < keys.length; i += 50) {
    const rows = await db.documentFiles.bulkGet(keys.slice(i, i + 50) as string[]);
    for (const row of rows) bytes += (await row!.blob.arrayBuffer()).byteLength;
  }
  return timed(now() - t0, bytes);
}

/** Reads a Blob through in 8 MB slices, as the desktop save does (and a browser download must). */
async function readThrough(blob: Blob): Promise<number> {
  let n = 0;
  for (let at = 0; at < blob.size; at += 8 * MB) n += (await blob.slice(at, at + 8 * MB).arrayBuffer()).byteLength;
  return n;
}

/**
 * Export = collect the case from IndexedDB (files as Blob references) + writeBundleBlob (+ age
 * encryption with a passphrase) + the resulting Blob read through once, like saving it.
 */
async function exportBundle(o: { passphrase?: string }) {
  const db = source ?? (source = await openDatabase(SOURCE_DB));
  const t0 = now();
  const snapshot = await db.transaction('r', [db.cases, db.actors, db.events, db.documents, db.pages, db.documentFiles], async (): Promise<CaseSnapshot> => {
    const [cases, actors, events, documents, pageRows, files] = await Promise.all([
      db.cases.toArray(), db.actors.toArray(), db.events.toArray(), db.documents.toArray(), db.pages.toArray(), db.documentFiles.toArray(),
    ]);
    const pages = new Map<string, string[]>();
    for (const p of pageRows) (pages.get(p.documentId) ?? pages.set(p.documentId, []).get(p.documentId)!)[p.page - 1] = p.text;
    return {
      caseId: CASE_ID, cases, actors: actors.map(toActor), events: events.map(toEvent), documents: documents.map(toDocument),
      pages: [...pages].map(([documentId, texts]): DocumentPages => ({ documentId, pages: texts })),
      files: files.map((f) => ({ sha256: f.sha256, byteLength: f.byteLength, blob: f.blob })),
    };
  });
  const collectMs = now() - t0;
  const t1 = now();
  // Phase boundaries from the progress events: records serialised → files hashed → encrypted.
  const firstAt: Record<string, number> = {};
  bundle = await writeBundleBlob(snapshot, { appVersion: 'bench', createdAt: EPOCH }, {
    passphrase: o.passphrase,
    onProgress: (p) => { firstAt[p.phase] ??= now(); },
  });
  const writeMs = now() - t1;
  const recordsMs = (firstAt.writing ?? t1) - t1;
  const filesMs = (firstAt.encrypting ?? now()) - (firstAt.writing ?? t1);
  const t2 = now();
  const size = await readThrough(bundle);
  const saveMs = now() - t2;
  const total = timed(now() - t0, size);
  return {
    ...total, bundleMB: Math.round(size / MB), collectMs: Math.round(collectMs), writeMs: Math.round(writeMs), saveMs: Math.round(saveMs),
    phases: { recordsMs: Math.round(recordsMs), filesMs: Math.round(filesMs), encryptMs: firstAt.encrypting ? Math.round(t1 + writeMs - firstAt.encrypting) : 0 },
  };
}

/**
 * Import = readBundleBlob (every check, every hash) + records and files written into a fresh
 * database in ONE transaction. This minimal writer stands in for the real merge/apply step
 * (renderer/bundle/apply.ts, being written): switch to it here once it lands.
 */
async function importBundle(o: { passphrase?: string }) {
  if (!bundle) throw new Error('export first');
  await deleteDb(TARGET_DB);
  const db = await openDatabase(TARGET_DB);
  try {
    const t0 = now();
    const firstAt: Record<string, number> = {};
    const lastAt: Record<string, number> = {};
    const r = await readBundleBlob(bundle, { passphrase: o.passphrase, onProgress: (p) => { firstAt[p.phase] ??= now(); lastAt[p.phase] = now(); } });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const readMs = now() - t0;
    const readEnd = t0 + readMs;
    const decryptEnd = lastAt.decrypting ?? t0;
    const phases = {
      decryptMs: Math.round(decryptEnd - t0),
      zipMs: Math.round((firstAt.verifying ?? readEnd) - decryptEnd),
      verifyMs: Math.round(readEnd - (firstAt.verifying ?? readEnd)),
    };
    const s = r.snapshot;
    const t1 = now();
    await db.transaction('rw', [db.cases, db.actors, db.events, db.documents, db.pages, db.documentFiles], async () => {
      await db.cases.bulkPut(s.cases);
      await db.actors.bulkPut(s.actors.map(actorRow));
      await db.events.bulkPut(s.events.map(eventRow));
      await db.documents.bulkPut(s.documents.map(documentRow));
      await db.pages.bulkPut(s.pages.flatMap((p) => p.pages.map((text, i) => ({ documentId: p.documentId, page: i + 1, text }))));
      await db.documentFiles.bulkPut(s.files.map((f) => ({ sha256: f.sha256, blob: f.blob, byteLength: f.byteLength })));
    });
    const writeMs = now() - t1;
    const total = timed(now() - t0, bundle.size);
    const check = { files: await db.documentFiles.count(), actors: await db.actors.count(), events: await db.events.count(), documents: await db.documents.count() };
    // Spot check: a file read back from the new database is the bytes the bundle promised.
    const probe = s.files[Math.floor(s.files.length / 2)]!;
    const back = await db.documentFiles.get(probe.sha256);
    const same = back ? (await sha256Hex(new Uint8Array(await back.blob.arrayBuffer()))) === probe.sha256 : false;
    return { ...total, readMs: Math.round(readMs), writeMs: Math.round(writeMs), phases, check, probeIntact: same, warnings: r.warnings.length };
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    casefileBundleBench: {
      reset: typeof reset; fill: typeof fill; rawRead: typeof rawRead; exportBundle: typeof exportBundle; importBundle: typeof importBundle;
      dropBundle(): void;
    };
  }
}

window.casefileBundleBench = { reset, fill, rawRead, exportBundle, importBundle, dropBundle: () => { bundle = null; } };
document.getElementById('status')!.textContent = 'ready';
