// The bundle bench page (bundle.html), driven by scripts/bench-bundle.mjs on the app's origin.
// It fills a source database (the app's own schema, openDatabase) with PDF-like blobs and
// records, measures raw IndexedDB blob write and read speed, then exports the case and imports
// it into a fresh database the way the app does: the bundle client (createBundleClient) and a
// bundle worker running the app's host (bundleBench.worker.ts → renderer/workers/bundleHost.ts:
// collectSnapshot + writeBundleBlob; readBundleBlob + merge plan + preview; apply.ts's one
// transaction). With `inPage` the same host runs on this page instead (for CPU profiles).
// Times are taken here with performance.now(), never across Playwright round trips.
import type { Case, SourceDocument } from '../../shared/model';
import { blankDocument } from '../../shared/model';
import { crc32 } from '../../shared/bundle/bytes';
import type { CasefileDb } from '../../renderer/db/db';
import { openDatabase } from '../../renderer/db/db';
import { actorRow, documentRow, eventRow } from '../../renderer/db/derive';
import type { DocumentFileRow, PageRow } from '../../renderer/db/derive';
import type { BundleClientHandle, BundleWorkerLike } from '../../renderer/bundle/bundleClient';
import { createBundleClient } from '../../renderer/bundle/bundleClient';
import type { BundleProgress, StreamedExport } from '../../renderer/bundle/types';
import { createBundleHost } from '../../renderer/workers/bundleHost';
import type { BundleResponse } from '../../renderer/workers/bundleProtocol';
import { generateRecords, makeRandom } from './generateRecords';
import { putBare } from './bareRecords';
import { probeIndexes } from './indexProbe';
import type { DesktopApi } from '../../shared/desktopApi';
import { saveBlobDesktop } from '../../renderer/platform/blobFiles';
import type { StreamedParts } from '../../shared/bundle/parts';
import { byteParts, partsBlob } from '../../shared/bundle/parts';
import type { StreamedSealedParts } from '../../shared/bundle/ageSealed';
import { isStreamedSealedParts, streamedSealedBlob } from '../../shared/bundle/ageSealed';
import type { ChunkSealer } from '../../shared/bundle/ageStream';
import { createSealPool } from '../../renderer/workers/sealPool';
import { createFileHasher } from '../../renderer/workers/hashClient';
import { inOrder } from '../../shared/bundle/stream';
import { STAGED_SUFFIX, openStaged, placeStaged } from './stagedProbe';

const SOURCE_DB = 'bench-bundle-source';
const TARGET_DB = 'bench-bundle-target';
const CASE_ID = '00000000-0000-4000-8000-00000000ca5e';
const EPOCH = Date.UTC(2026, 10, 27);
const MB = 1024 * 1024;
const now = () => performance.now();

export interface FillOptions { files: number; totalMB: number; actors: number; events: number; seed: number; probeIndexes?: number }
export interface Timed { ms: number; bytes: number; mbPerS: number }

let source: CasefileDb | null = null;
let bundle: Blob | null = null;
let sealedToFinish: StreamedSealedParts | null = null;

/** The age file of the last export as a Blob for the import step, when the save sealed it (not timed). */
async function finishBundle(): Promise<void> {
  if (!sealedToFinish) return;
  const pool = createSealPool(undefined, 'bytes');
  try {
    bundle = await streamedSealedBlob(sealedToFinish, { sealer: pool });
  } finally {
    pool.close();
    sealedToFinish = null;
  }
}

const timed = (ms: number, bytes: number): Timed => ({ ms: Math.round(ms), bytes, mbPerS: Math.round((bytes / MB / (ms / 1000)) * 10) / 10 });

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // Blocked: a connection (a disposed worker's) is still closing; success follows when it has.
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
  sourceClient?.dispose();
  sourceClient = null;
  targetClient?.dispose();
  targetClient = null;
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
    // As the app's PDF import writes the row (importPdfs → addDocument): with the bytes' CRC-32.
    files.push({ sha256, blob: new Blob([bytes], { type: 'application/pdf' }), byteLength: bytes.length, crc32: crc32(bytes) });
    const pageCount = 1 + r.int(0, 3);
    const doc = { ...blankDocument({ sha256, fileName: `source-${i + 1}.pdf`, byteLength: bytes.length },
      { state: 'extracted', pageCount, message: '', extractedAt: EPOCH, characters: 400 * pageCount }, EPOCH), id: r.uuid(), caseIds: [CASE_ID] };
    documents.push(doc);
    for (let p = 1; p <= pageCount; p++) pages.push({ documentId: doc.id, page: p, text: `Page ${p} of ${doc.fileName}. `.repeat(20), state: 'text' });
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
  const recordsBareMs = await putBare({
    cases: [theCase], actors: actors.map(actorRow), events: events.map(eventRow), documents: documents.map(documentRow), pages,
  });
  // --probe-indexes: the same actor and event rows put into schemas without some indexes (indexProbe.ts).
  const indexProbe = o.probeIndexes ? await probeIndexes(actors.map(actorRow), events.map(eventRow), o.probeIndexes) : undefined;
  const total = files.reduce((s, f) => s + f.byteLength, 0);
  const t1 = now();
  for (let i = 0; i < files.length; i += 50) {
    const chunk = files.slice(i, i + 50);
    await db.transaction('rw', db.documentFiles, () => db.documentFiles.bulkPut(chunk));
  }
  const write = timed(now() - t1, total);
  return {
    files: files.length, totalMB: Math.round(total / MB), largestMB: Math.round((Math.max(...sizes) / MB) * 10) / 10,
    records: actors.length + events.length + documents.length + 1, pages: pages.length, ...(indexProbe ? { indexProbe } : {}), generateMs: Math.round(generateMs), recordsMs: Math.round(recordsMs), recordsBareMs: Math.round(recordsBareMs), rawWrite: write,
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

/**
 * Saves the bundle's parts exactly as the desktop save does: the app's saveBlobDesktop (the
 * PDF Blobs read several at a time, written in order in chunks of up to 4 MiB), with a
 * DesktopApi whose writeChunk only counts, so the figure is the page's share of a save without
 * main's disk write. (The browser build makes one Blob of the parts for its download link and
 * reads nothing on the page.)
 */
async function readThrough(parts: StreamedParts | StreamedSealedParts, sealer?: ChunkSealer): Promise<number> {
  let n = 0;
  const api = {
    beginSave: async () => ({ token: 'bench' }),
    writeChunk: async (_token: string, chunk: Uint8Array) => { n += chunk.byteLength; },
    commitSave: async () => ({ saved: true }),
    abortSave: async () => undefined,
  } as unknown as DesktopApi;
  await saveBlobDesktop(api, { suggestedName: 'bench.casefile', mimeType: 'application/octet-stream', blob: parts, ...(sealer ? { sealer } : {}) });
  return n;
}

/** A bundle worker on `dbName`: the real one (a Worker), or the same host on this page (`inPage`, for CPU profiles). */
function benchWorker(dbName: string, inPage: boolean): BundleWorkerLike {
  if (!inPage) return new Worker(new URL('./bundleBench.worker.ts', import.meta.url), { type: 'module', name: dbName }) as unknown as BundleWorkerLike;
  const w: BundleWorkerLike = {
    onmessage: null, onerror: null,
    postMessage: (message) => host.handle(message),
    terminate: () => {},
  };
  const host = createBundleHost({
    openDb: () => (dbName.endsWith(STAGED_SUFFIX) ? openStaged(dbName) : openDatabase(dbName)), appVersion: 'bench',
    post: (message) => { setTimeout(() => w.onmessage?.({ data: message } as MessageEvent<BundleResponse>), 0); },
  });
  return w;
}

let sourceClient: BundleClientHandle | null = null;
let headReadAt = 0;
/** The same file, noting when the save has written the PDFs' entries laid out first and asks for the rest. */
function headTimed<T extends StreamedExport['file']>(file: T): T {
  const sealed = isStreamedSealedParts(file) ? file : null;
  const plain: StreamedParts = sealed ? sealed.plain : (file as StreamedParts);
  const timedPlain: StreamedParts = { head: plain.head, get rest() { headReadAt ||= now(); return plain.rest; } };
  return (sealed ? { ...sealed, plain: timedPlain } : timedPlain) as T;
}
let targetClient: BundleClientHandle | null = null;

/**
 * Export = what the desktop export does (runExport): the bundle client → the bundle worker
 * (collectSnapshot + layOutFiles as soon as the files are read, then writeBundleRest, + age with
 * a passphrase) → the PDFs' entries back here ("head"), saved as the desktop save does
 * (readThrough) while the worker goes on; the rest follows ("ready": the worker done). Phases
 * from the worker's progress messages.
 */
/** A worker kept alive past its export (`keepWorker`: its CPU profile is taken first), ended with the next export or dropBundle. */
let lingering: BundleClientHandle | null = null;
async function exportBundle(o: { passphrase?: string; inPage?: boolean; keyPrepared?: boolean; warmed?: boolean; apart?: boolean; keepWorker?: boolean }) {
  lingering?.dispose();
  lingering = null;
  // One worker per step (the app has one for both directions; two idle ones would only blur the heap figures).
  // With `keyPrepared` or `warmed`, the worker the dialog started (openExportDialog), its database
  // open, holding the key it stretched (prepareExportKey).
  const client = (o.keyPrepared || o.warmed) && sourceClient ? sourceClient : (sourceClient = createBundleClient(() => benchWorker(SOURCE_DB, o.inPage ?? false)));
  const firstAt: Record<string, number> = {};
  const t0 = now();
  // As runExport does: with a passphrase the save seals as it writes, its workers started with the export.
  const sealer = o.passphrase !== undefined ? createSealPool(undefined, 'bytes') : undefined;
  let size: number, th: number, t1 = 0, t2: number, res: StreamedExport, tApart = 0;
  headReadAt = 0;
  try {
    res = await client.exportBundleStreamed({ kind: 'case', caseId: CASE_ID }, {
      ...(o.passphrase !== undefined ? { passphrase: o.passphrase } : {}),
      onProgress: (p) => { firstAt[p.phase] ??= now(); },
    });
    th = now();
    void res.done.then(() => { t1 = now(); }, () => undefined);
    // (A probe, `apart`: the worker alone, then the save alone.)
    if (o.apart) await res.done;
    tApart = now();
    size = await readThrough(headTimed(res.file), sealer);
    await res.done;
    t2 = now();
  } finally {
    sealer?.close();
    if (o.keepWorker) lingering = client;
    else client.dispose();
    sourceClient = null;
  }
  // For the import step (a browser download takes this Blob); an age file sealed at the save is
  // sealed once more into a Blob by finishBundle(), outside the measured step.
  if (isStreamedSealedParts(res.file)) { sealedToFinish = res.file; bundle = null; } else bundle = partsBlob(byteParts([...res.file.head.parts, ...(await res.file.rest).parts]));
  const writeAt = firstAt.writing ?? t1;
  return {
    ...timed(t2 - t0, size), headReadMs: Math.round(headReadAt - t0), ...(o.apart ? { apartSaveMs: Math.round(t2 - tApart) } : {}), bundleMB: Math.round(size / MB), headMs: Math.round(th - t0), workerMs: Math.round(t1 - t0), saveMs: Math.round(t2 - t1), ready: timed(t1 - t0, size),
    // collect (and start the worker) → records serialised + files laid out → message back; the save runs from the head on
    phases: {
      collectMs: Math.round(writeAt - t0),
      writeMs: Math.round(t1 - writeAt),
      encryptMs: 0,
    },
  };
}

/**
 * What the export dialog does when it opens with a bundle chosen (useBundleWorkerAhead): a new
 * bundle worker (one per step, as above), started and its database opened. Timed apart:
 * exportBundle({ warmed: true }) then measures from Export pressed.
 */
async function openExportDialog(o: { inPage?: boolean }): Promise<number> {
  sourceClient?.dispose();
  const t0 = now();
  const client = (sourceClient = createBundleClient(() => benchWorker(SOURCE_DB, o.inPage ?? false)));
  await client.warm();
  return Math.round(now() - t0);
}

/**
 * What the export dialog does while the user is still in it (useKeyAhead): the passphrase, once
 * typed twice alike, is stretched by the bundle worker the export will use (PreparedKey). Timed
 * apart: exportBundle({ keyPrepared: true }) then measures from Export pressed.
 */
async function prepareExportKey(o: { passphrase: string; inPage?: boolean }): Promise<number> {
  const client = sourceClient ?? (sourceClient = createBundleClient(() => benchWorker(SOURCE_DB, o.inPage ?? false)));
  const t0 = now();
  await client.prepareKey(o.passphrase);
  return Math.round(now() - t0);
}

/**
 * Import = what the import screen does, through the bundle client and a bundle worker on a
 * fresh database: inspectBundle (readBundleBlob: every check, every CRC-32 and SHA-256; then
 * the merge plan against the library and the preview) + applyImport (the one transaction of
 * renderer/bundle/apply.ts: re-plan, compare with the preview, write everything), all records
 * new, no choices. Phases from the worker's progress messages.
 */
/** A bundle client over a fresh, empty target database (the previous one's worker ended). */
async function freshTarget(inPage: boolean, name = TARGET_DB): Promise<BundleClientHandle> {
  targetClient?.dispose();
  await deleteDb(name);
  return (targetClient = createBundleClient(() => benchWorker(name, inPage)));
}

/**
 * What the import screen does while its passphrase is typed (useImportKeyAhead): the bundle
 * worker the import will use stretches it with the file's salt (PreparedScrypt). Timed apart:
 * importBundle({ keyPrepared: true }) then measures from "Open bundle" pressed.
 */
async function prepareImportKey(o: { passphrase: string; inPage?: boolean }): Promise<number> {
  if (!bundle) throw new Error('export first');
  const client = await freshTarget(o.inPage ?? false);
  const t0 = now();
  await client.prepareImportKey(bundle, o.passphrase);
  return Math.round(now() - t0);
}

/**
 * --probe-overlap: every PDF the import writes read back and hashed (SHA-256 + CRC-32) on the app's
 * two hashing workers, 16 in flight, from the moment the write begins: what the PDFs' check
 * would cost if it ran beside the write instead of before the preview. Resolves with its ms.
 */
async function hashBeside(): Promise<number> {
  if (!source) throw new Error('fill first');
  const hasher = createFileHasher();
  if (!hasher) throw new Error('no hashing worker');
  const t0 = now();
  try {
    const files = await source.documentFiles.toArray();
    await inOrder(files, 16, (f) => hasher.digestFile(f.blob, {}), (f, d) => {
      if (d.sha256 !== f.sha256) throw new Error(`probe: ${f.sha256} read back wrong`);
    });
    return Math.round(now() - t0);
  } finally {
    hasher.close();
  }
}

async function importBundle(o: { passphrase?: string; inPage?: boolean; keyPrepared?: boolean; hashBesideWrite?: boolean; staged?: boolean }) {
  if (!bundle) throw new Error('export first');
  // With `keyPrepared`, the worker prepareImportKey started on a fresh database, holding the key.
  // --probe-staged: a database of its own whose actors and events, as the import sees them, have no index.
  const client = o.keyPrepared && targetClient ? targetClient : await freshTarget(o.inPage ?? false, o.staged ? TARGET_DB + STAGED_SUFFIX : TARGET_DB);
  if (o.staged) {
    const t0 = now();
    const inspected = await client.inspectBundle(bundle, {});
    if (!inspected.ok) throw new Error(`${inspected.error.code}: ${inspected.error.message}`);
    const t1 = now();
    const result = await client.applyImport(inspected.preview.token, {});
    const t2 = now();
    client.dispose();
    targetClient = null;
    const placed = await placeStaged(TARGET_DB + STAGED_SUFFIX);
    return { ...timed(t2 - t0, bundle.size), inspectMs: Math.round(t1 - t0), applyMs: Math.round(t2 - t1), result, placed };
  }
  let db: CasefileDb | null = null;
  try {
    const firstAt: Record<string, number> = {};
    const lastAt: Record<string, number> = {};
    let beside: Promise<number> | null = null;
    const onProgress = (p: BundleProgress) => {
      firstAt[p.phase] ??= now(); lastAt[p.phase] = now();
      if (o.hashBesideWrite && p.phase === 'importing') beside ??= hashBeside();
    };
    const t0 = now();
    const inspected = await client.inspectBundle(bundle, { ...(o.passphrase !== undefined ? { passphrase: o.passphrase } : {}), onProgress });
    if (!inspected.ok) throw new Error(`${inspected.error.code}: ${inspected.error.message}`);
    const t1 = now();
    const result = await client.applyImport(inspected.preview.token, {}, { onProgress });
    const t2 = now();
    const decryptEnd = lastAt.decrypting ?? t0;
    const compareAt = firstAt.comparing ?? t1;
    const writeAt = firstAt.importing ?? t2;
    // The records end with the last JSON entry read ('reading' reaches its total); the JSON
    // entries' hashes report 'verifying' too, so its first report is not where the PDFs start.
    const recordsEnd = lastAt.reading ?? firstAt.verifying ?? compareAt;
    const phases = {
      decryptMs: Math.round(decryptEnd - t0),
      zipMs: Math.round(recordsEnd - decryptEnd),
      verifyMs: Math.round(compareAt - recordsEnd),
      planMs: Math.round(t1 - compareAt),
      replanMs: Math.round(writeAt - t1),
      writeMs: Math.round(t2 - writeAt),
    };
    const total = timed(t2 - t0, bundle.size);
    // The probe's hashing, from the write's start to its last file (it may end after the write).
    const hashBesideMs = beside ? await beside : undefined;
    db = await openDatabase(TARGET_DB);
    const check = { files: await db.documentFiles.count(), actors: await db.actors.count(), events: await db.events.count(), documents: await db.documents.count(), pages: await db.pages.count() };
    // Spot check: a file read back from the new database is the bytes the bundle promised.
    const rows = await db.documentFiles.toCollection().primaryKeys();
    const probeSha = rows[Math.floor(rows.length / 2)] as string;
    const back = await db.documentFiles.get(probeSha);
    const same = back ? (await sha256Hex(new Uint8Array(await back.blob.arrayBuffer()))) === probeSha : false;
    return {
      ...total, readMs: Math.round(compareAt - t0), inspectMs: Math.round(t1 - t0), applyMs: Math.round(t2 - t1), phases, check, probeIntact: same,
      result, preview: inspected.preview.summary, warnings: inspected.preview.warnings.length,
      ...(hashBesideMs !== undefined ? { hashBesideMs } : {}),
    };
  } finally {
    db?.close();
  }
}

/**
 * The same bundle into the same database again, through the same worker (importing twice
 * changes nothing): every record is found locally and compared, so this is the plan at scale.
 */
async function reimportBundle(o: { passphrase?: string }) {
  const client = targetClient;
  if (!bundle || !client) throw new Error('import first');
  try {
    const again: Record<string, number> = {};
    const r0 = now();
    const second = await client.inspectBundle(bundle, {
      ...(o.passphrase !== undefined ? { passphrase: o.passphrase } : {}),
      onProgress: (p) => { again[p.phase] ??= now(); },
    });
    if (!second.ok) throw new Error(`${second.error.code}: ${second.error.message}`);
    const r1 = now();
    const secondResult = await client.applyImport(second.preview.token, {});
    const r2 = now();
    const reimport = {
      ms: Math.round(r2 - r0), inspectMs: Math.round(r1 - r0), planMs: Math.round(r1 - (again.comparing ?? r1)), applyMs: Math.round(r2 - r1),
      identical: Object.values(second.preview.summary).reduce((n, k) => n + k.identical, 0), result: secondResult,
    };
    return reimport;
  } finally {
    client.dispose();
    targetClient = null;
  }
}

declare global {
  interface Window {
    casefileBundleBench: {
      reset: typeof reset; fill: typeof fill; rawRead: typeof rawRead; prepareExportKey: typeof prepareExportKey; openExportDialog: typeof openExportDialog; prepareImportKey: typeof prepareImportKey; exportBundle: typeof exportBundle; importBundle: typeof importBundle; reimportBundle: typeof reimportBundle;
      finishBundle: typeof finishBundle; dropBundle(): void;
    };
  }
}

window.casefileBundleBench = { reset, fill, rawRead, prepareExportKey, openExportDialog, prepareImportKey, exportBundle, importBundle, reimportBundle, finishBundle, dropBundle: () => { bundle = null; lingering?.dispose(); lingering = null; } };
document.getElementById('status')!.textContent = 'ready';
