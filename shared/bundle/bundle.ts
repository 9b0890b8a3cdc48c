import { MODEL_VERSION } from '../model';
import { decryptBlob, ageKind, encryptBlob } from './age';
import { utf8 } from './bytes';
import type { BundleManifest, CaseSnapshot, DocumentPages, ManifestEntry, ReadBundleResult } from './manifest';
import {
  BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleFailure, FILE_PATH, MANIFEST_PATH, OLDEST_READABLE_VERSION, PAGES_PATH, RECORD_PATHS,
  fail, filePath, manifestEntriesSchema, manifestSchema, pagesPath,
} from './manifest';
import type { EntryData, RawBundle } from './migrate';
import { NAME_RULES_PATH, sortNameRules } from './nameRules';
import { CHARTS_PATH, sortCharts, validateCharts } from './charts';
import { entrySize, migrate } from './migrate';
import type { Digest } from './stream';
import { blobSource, digestBlob, makeBlob, sha256Of, throwIfAborted } from './stream';
import {
  IssueList, checkIdsAcrossKinds, checkReferences, parseJson, validateActors, validateCases, validateDocuments, validateEvents, validateNameRules, validatePages,
} from './validateRecords';
import type { ZipLimits } from './zipErrors';
import { DEFAULT_ZIP_LIMITS } from './zipErrors';
import type { StoredZipEntry } from './zipRead';
import { readZipSource, storedCrcFailure } from './zipRead';
import type { ZipBlobInput, ZipInput } from './zipWrite';
import { zipParts } from './zipWrite';

/**
 * The case bundle (docs/bundle-format.md), streamed over Blobs: writeBundleBlob assembles
 * the zip from small header parts and the document Blobs by reference; readBundleBlob reads
 * the directory from the tail, then each entry, and hands the PDFs back as zero-copy slices
 * of the source once their CRC-32 and SHA-256 are verified. Neither ever holds the whole
 * bundle in memory, and neither writes anything anywhere.
 */

export interface BundleInfo {
  appVersion: string;
  /** Milliseconds since the epoch; goes in the manifest and every zip timestamp. */
  createdAt: number;
}

export interface BundleProgressEvent<P extends string> {
  phase: P;
  /** Bytes. */
  done: number;
  total: number;
}

export interface WriteBundleOptions {
  /** Encrypts the whole bundle with age; never stored. */
  passphrase?: string;
  /** age's scrypt work factor (log2); the default 18 is for real use, tests pass a lower one. */
  scryptWorkFactor?: number;
  onProgress?: (p: BundleProgressEvent<'writing' | 'encrypting'>) => void;
  /** Aborting rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal;
}

export interface ReadBundleOptions {
  passphrase?: string;
  limits?: ZipLimits;
  onProgress?: (p: BundleProgressEvent<'decrypting' | 'reading' | 'verifying'>) => void;
  /** Aborting rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal;
}

/**
 * Files hashed at once. Reading a Blob is a round trip to the browser process, so a few reads
 * in flight keep it busy; each costs at most WHOLE_FILE_DIGEST_BYTES of memory (larger files
 * stream in 4 MiB chunks), so four stay within ~130 MB whatever the files.
 */
const IN_FLIGHT = 4;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Same snapshot and info → same bytes (unencrypted): records are sorted by id, files by
 * hash. Every file is read once to compute its CRC-32, and refused if its bytes no longer
 * hash to the SHA-256 (or size) the snapshot gives.
 */
export async function writeBundleBlob(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions = {}): Promise<Blob> {
  throwIfAborted(opts.signal);
  const theCase = snapshot.cases.find((c) => c.id === snapshot.caseId);
  if (!theCase) throw new Error(`writeBundle: case ${snapshot.caseId} is not among the snapshot's cases`);
  const json = (value: unknown): Uint8Array => utf8(JSON.stringify(value));
  const inputs: ZipInput[] = [
    { name: RECORD_PATHS.cases, data: json([...snapshot.cases].sort(byId)), method: 'deflate' },
    { name: RECORD_PATHS.actors, data: json([...snapshot.actors].sort(byId)), method: 'deflate' },
    { name: RECORD_PATHS.events, data: json([...snapshot.events].sort(byId)), method: 'deflate' },
    { name: RECORD_PATHS.documents, data: json([...snapshot.documents].sort(byId)), method: 'deflate' },
    { name: NAME_RULES_PATH, data: json(sortNameRules(snapshot.nameRules ?? [])), method: 'deflate' },
    { name: CHARTS_PATH, data: json(sortCharts(snapshot.charts ?? [])), method: 'deflate' },
  ];
  const pages = [...snapshot.pages].sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  for (const p of pages) inputs.push({ name: pagesPath(p.documentId), data: json({ documentId: p.documentId, pages: p.pages }), method: 'deflate' });
  const files = [...snapshot.files].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  const entries: ManifestEntry[] = await Promise.all(inputs.map(async (i) => ({ path: i.name, sha256: await sha256Of(i.data), size: i.data.length })));
  const fileInputs: ZipBlobInput[] = [];
  const total = files.reduce((sum, f) => sum + f.blob.size, 0);
  let done = 0;
  opts.onProgress?.({ phase: 'writing', done, total });
  for (const f of files) {
    if (f.blob.size !== f.byteLength) {
      throw new Error(`The document file ${f.sha256.slice(0, 12)}… is ${f.blob.size} bytes, not the ${f.byteLength} recorded: it has changed in storage, so the bundle was not written.`);
    }
  }
  // Several files in flight: some being read while another is hashed (see IN_FLIGHT).
  await inOrder(files, IN_FLIGHT, (f) => digestBlob(f.blob, { signal: opts.signal, onBytes: (n) => opts.onProgress?.({ phase: 'writing', done: (done += n), total }) }), (f, digest) => {
    if (digest.sha256 !== f.sha256) {
      throw new Error(`The document file ${f.sha256.slice(0, 12)}… no longer matches its SHA-256 (it hashes to ${digest.sha256.slice(0, 12)}…): it has changed in storage, so the bundle was not written.`);
    }
    // PDFs are already compressed: stored as they are, so their bytes and hash survive untouched.
    fileInputs.push({ name: filePath(f.sha256), blob: f.blob, crc: digest.crc, method: 'store' });
    entries.push({ path: filePath(f.sha256), sha256: digest.sha256, size: digest.size });
  });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    modelVersion: MODEL_VERSION,
    appVersion: info.appVersion,
    createdAt: info.createdAt,
    case: { id: theCase.id, name: theCase.name, description: theCase.description },
    counts: {
      cases: snapshot.cases.length, actors: snapshot.actors.length, events: snapshot.events.length,
      documents: snapshot.documents.length, pages: pages.length, files: files.length, nameRules: snapshot.nameRules?.length ?? 0,
      charts: snapshot.charts?.length ?? 0,
    },
    entries,
  };
  const zip = makeBlob(zipParts([{ name: MANIFEST_PATH, data: utf8(JSON.stringify(manifest, null, 1)), method: 'deflate' }, ...inputs, ...fileInputs], info.createdAt));
  throwIfAborted(opts.signal);
  if (opts.passphrase === undefined) return zip;
  return encryptBlob(zip, opts.passphrase, {
    signal: opts.signal,
    scryptWorkFactor: opts.scryptWorkFactor,
    onProgress: (d, t) => opts.onProgress?.({ phase: 'encrypting', done: d, total: t }),
  });
}

/**
 * Reads a bundle (an age-encrypted one with `passphrase`) and checks everything in
 * docs/bundle-format.md before returning it; the first failure refuses the whole bundle.
 * Aborting rejects with a DOMException named 'AbortError'; every other problem is a result.
 */
export async function readBundleBlob(source: Blob, opts: ReadBundleOptions = {}): Promise<ReadBundleResult> {
  try {
    return await readOrThrow(source, opts);
  } catch (e) {
    if (e instanceof BundleFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** Verifies stored entries once: CRC-32 (the zip's) and SHA-256 (the manifest's) in one pass. */
class Verifier {
  private readonly digests = new WeakMap<object, Promise<Digest>>();
  private done = 0;
  constructor(private readonly opts: ReadBundleOptions, private readonly total: number) {}

  async sha256(path: string, data: EntryData): Promise<string> {
    let digest = this.digests.get(data);
    if (!digest) {
      digest = this.digest(data);
      this.digests.set(data, digest);
    }
    const d = await digest;
    if (!(data instanceof Uint8Array)) {
      const crcError = storedCrcFailure({ name: path, stored: data }, d.crc);
      if (crcError) throw new BundleFailure(crcError);
    }
    return d.sha256;
  }

  private async digest(data: EntryData): Promise<Digest> {
    const report = (n: number): void => this.opts.onProgress?.({ phase: 'verifying', done: (this.done += n), total: this.total });
    if (data instanceof Uint8Array) {
      const d = { sha256: await sha256Of(data), crc: 0, size: data.length };
      report(data.length);
      return d;
    }
    return digestBlob(data.blob, { signal: this.opts.signal, onBytes: report });
  }
}

const MiB = 1024 * 1024;
/** What each kind of entry may hold, uncompressed: JSON is read into memory, so it is capped well below the zip limits. */
const JSON_CAPS: readonly (readonly [RegExp, number, string])[] = [
  [/^manifest\.json$/, 4 * MiB, 'the manifest'],
  [/^records\/(cases|actors|events|documents)\.json$/, 256 * MiB, 'a record list'],
  [/^records\/nameRules\.json$/, 64 * MiB, 'the name-matching rules'],
  [/^records\/charts\.json$/, 256 * MiB, 'the saved link charts'],
  // Version 2 pages carry OCR words and boxes (~130 bytes a word): a long scanned document is tens of MB.
  [PAGES_PATH, 128 * MiB, 'one document\'s pages'],
  [/^data\.json$/, 256 * MiB, 'the records of a format-0 bundle'],
];

/**
 * Before anything is inflated: every entry must be one the format has (any version this
 * reader migrates from), and JSON entries must fit their cap. A hostile zip of well-compressed
 * junk is refused here, not after hundreds of megabytes were inflated and parsed.
 */
function admitEntries(entries: readonly { name: string; size: number }[]): void {
  if (!entries.some((e) => e.name === MANIFEST_PATH)) fail('not-a-bundle', 'This zip has no manifest.json, so it is not a Casefile bundle.');
  for (const { name, size } of entries) {
    if (FILE_PATH.test(name)) continue;
    const cap = JSON_CAPS.find(([pattern]) => pattern.test(name));
    if (!cap) fail('entry-unlisted', `The bundle holds "${name}", which is not part of the bundle format.`, { entry: name });
    if (size > cap[1]) {
      fail('entry-too-large', `"${name}" would be ${Math.round(size / MiB)} MB of text; ${cap[2]} is never larger than ${cap[1] / MiB} MB in a bundle.`, { entry: name });
    }
  }
}

async function readOrThrow(source: Blob, opts: ReadBundleOptions): Promise<ReadBundleResult> {
  throwIfAborted(opts.signal);
  let plain = source;
  const encrypted = (await ageKind(source)) !== null;
  if (encrypted) {
    if (opts.passphrase === undefined || opts.passphrase === '') {
      fail('passphrase-required', 'This bundle is encrypted. Enter its passphrase to open it.');
    }
    // A zip without ZIP64 is under 4 GiB: a larger age file cannot hold a bundle, so it is not decrypted.
    if (source.size > 2 ** 32 + 2 ** 24) fail('total-too-large', 'This encrypted file is larger than any bundle can be (4 GB); it is not a Casefile bundle.');
    plain = await decryptBlob(source, opts.passphrase, {
      signal: opts.signal,
      onProgress: (done, total) => opts.onProgress?.({ phase: 'decrypting', done, total }),
    });
  }
  const zip = await readZipSource(blobSource(plain), opts.limits ?? DEFAULT_ZIP_LIMITS, {
    keepStored: (name) => FILE_PATH.test(name),
    admit: admitEntries,
    signal: opts.signal,
    onProgress: (done, total) => opts.onProgress?.({ phase: 'reading', done, total }),
  });
  if (!zip.ok) return { ok: false, error: zip.error };
  const all = new Map<string, EntryData>(zip.entries.map((e) => [e.name, 'data' in e ? e.data : (e as StoredZipEntry).stored]));
  const manifestBytes = all.get(MANIFEST_PATH);
  if (!manifestBytes) fail('not-a-bundle', 'This zip has no manifest.json, so it is not a Casefile bundle.');
  all.delete(MANIFEST_PATH);
  if (!(manifestBytes instanceof Uint8Array)) fail('manifest-invalid', 'The bundle\'s manifest is not a JSON object.');
  const raw = parseJson(MANIFEST_PATH, manifestBytes);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('manifest-invalid', 'The bundle\'s manifest is not a JSON object.');
  const head = raw as Record<string, unknown>;
  if (head.format !== BUNDLE_FORMAT) fail('not-a-bundle', 'This zip has a manifest, but not a Casefile bundle\'s.');
  const version = head.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) fail('manifest-invalid', 'The bundle\'s manifest has no valid format version.');
  if (version > BUNDLE_FORMAT_VERSION) {
    fail('future-version', `This bundle was made by a newer Casefile (format version ${version}); this one reads up to version ${BUNDLE_FORMAT_VERSION}. Update Casefile to open it.`);
  }
  if (version < OLDEST_READABLE_VERSION) fail('unsupported-version', `This bundle's format version ${version} is not one Casefile ever wrote.`);

  // Integrity first, in the version the bundle was written in: nothing unlisted, nothing altered.
  const verifier = new Verifier(opts, [...all.values()].reduce((sum, d) => sum + entrySize(d), 0));
  await verifyEntries(head.entries, all, verifier);
  let bundle: RawBundle = { manifest: head, entries: all };
  if (version < BUNDLE_FORMAT_VERSION) {
    bundle = migrate(bundle, version);
    await verifyEntries(bundle.manifest.entries, bundle.entries, verifier);
  }
  const parsed = manifestSchema.safeParse(bundle.manifest);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    fail('manifest-invalid', `The bundle's manifest is incomplete or malformed (at "${where}").`);
  }
  throwIfAborted(opts.signal);
  const result = readRecords(parsed.data, bundle.entries);
  return result.ok ? { ...result, encrypted } : result;
}

async function verifyEntries(listed: unknown, entries: Map<string, EntryData>, verifier: Verifier): Promise<void> {
  const parsed = manifestEntriesSchema.safeParse(listed);
  if (!parsed.success) fail('manifest-invalid', 'The bundle\'s manifest does not list its contents properly.');
  const seen = new Set<string>();
  for (const e of parsed.data) {
    const data = entries.get(e.path);
    if (!data || seen.has(e.path)) fail('entry-missing', `The manifest lists "${e.path}", but the bundle does not hold it (once).`, { entry: e.path });
    seen.add(e.path);
    const size = entrySize(data);
    if (size !== e.size) fail('manifest-size-mismatch', `"${e.path}" is ${size} bytes; the manifest says ${e.size}.`, { entry: e.path });
    // A PDF is named by its SHA-256 and documents find their file by that name: the manifest
    // must vouch for exactly that hash (then the hash check below proves the bytes).
    const named = FILE_PATH.exec(e.path);
    if (named && named[1] !== e.sha256) {
      fail('hash-mismatch', `"${e.path}" is named after a SHA-256 that the manifest does not give for it: the file is not the document it claims to be.`, { entry: e.path });
    }
  }
  for (const path of entries.keys()) {
    if (!seen.has(path)) fail('entry-unlisted', `The bundle holds "${path}", which its manifest does not list.`, { entry: path });
  }
  // Hashing last: the cheap structural checks above refuse a bad bundle before any file is read.
  // Several entries in flight (IN_FLIGHT); failures are still reported in manifest order.
  await inOrder(parsed.data, IN_FLIGHT, (e) => verifier.sha256(e.path, entries.get(e.path)!), (e, hash) => {
    if (hash !== e.sha256) fail('hash-mismatch', `"${e.path}" is not what the bundle's author put in it: its SHA-256 does not match the manifest.`, { entry: e.path });
  });
}

/**
 * Runs `work` over the items with at most `limit` in flight and hands each result to `use`
 * in the items' order; the first failure (of `work` or `use`) stops it. Results still in
 * flight then are awaited and dropped, so nothing runs on after this rejects.
 */
async function inOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, use: (item: T, result: R) => void): Promise<void> {
  const running: Promise<R>[] = [];
  let next = 0;
  const start = (): void => {
    if (next >= items.length) return;
    const p = work(items[next++]!);
    // Awaited in order below; a later one failing first (an abort) must not count as unhandled meanwhile.
    p.catch(() => undefined);
    running.push(p);
  };
  try {
    for (let i = 0; i < limit; i++) start();
    for (let i = 0; i < items.length; i++) {
      const result = await running[i]!;
      start();
      use(items[i]!, result);
    }
  } finally {
    await Promise.allSettled(running);
  }
}

function readRecords(manifest: BundleManifest, entries: Map<string, EntryData>): ReadBundleResult {
  const need = (path: string): Uint8Array => {
    const data = entries.get(path) ?? fail('entry-missing', `The bundle has no "${path}".`, { entry: path });
    return data instanceof Uint8Array ? data : fail('invalid-json', `"${path}" is not valid JSON text; the bundle is damaged.`, { entry: path });
  };
  const errors = new IssueList();
  const broken = new IssueList();
  const warnings = new IssueList();
  const cases = validateCases(RECORD_PATHS.cases, parseJson(RECORD_PATHS.cases, need(RECORD_PATHS.cases)), errors);
  const actors = validateActors(RECORD_PATHS.actors, parseJson(RECORD_PATHS.actors, need(RECORD_PATHS.actors)), errors);
  const events = validateEvents(RECORD_PATHS.events, parseJson(RECORD_PATHS.events, need(RECORD_PATHS.events)), errors);
  const documents = validateDocuments(RECORD_PATHS.documents, parseJson(RECORD_PATHS.documents, need(RECORD_PATHS.documents)), errors);
  checkIdsAcrossKinds([
    ['case', RECORD_PATHS.cases, cases], ['actor', RECORD_PATHS.actors, actors],
    ['event', RECORD_PATHS.events, events], ['document', RECORD_PATHS.documents, documents],
  ], errors);
  const nameRules = validateNameRules(NAME_RULES_PATH, parseJson(NAME_RULES_PATH, need(NAME_RULES_PATH)), new Set(actors.map((a) => a.id)), errors, broken);
  const charts = validateCharts(CHARTS_PATH, parseJson(CHARTS_PATH, need(CHARTS_PATH)), new Set(cases.map((c) => c.id)), errors, broken);
  const documentsById = new Map(documents.map((d) => [d.id, d]));
  const pages: DocumentPages[] = [];
  const files = new Map<string, EntryData>();
  const known = new Set<string>([MANIFEST_PATH, NAME_RULES_PATH, CHARTS_PATH, ...Object.values(RECORD_PATHS)]);

  for (const [path, data] of entries) {
    const pageMatch = PAGES_PATH.exec(path);
    const fileMatch = FILE_PATH.exec(path);
    if (pageMatch) {
      const documentId = pageMatch[1]!;
      const p = validatePages(path, documentId, parseJson(path, need(path)), errors);
      const doc = documentsById.get(documentId);
      if (!doc) broken.add({ kind: 'pages', id: documentId, entry: path, path: 'documentId', message: 'bundle.missingDocument' });
      else if (p && p.pages.length > doc.extraction.pageCount) broken.add({ kind: 'pages', id: documentId, entry: path, path: 'pages', message: 'bundle.tooManyPages' });
      if (p) pages.push(p);
    } else if (fileMatch) {
      files.set(fileMatch[1]!, data);
    } else if (!known.has(path)) {
      fail('entry-unlisted', `The bundle holds "${path}", which is not part of the bundle format.`, { entry: path });
    }
  }
  for (const d of documents) {
    const file = files.get(d.sha256);
    if (!file) broken.add({ kind: 'document', id: d.id, entry: RECORD_PATHS.documents, path: 'sha256', message: 'bundle.missingFile' });
    else if (entrySize(file) !== d.byteLength) broken.add({ kind: 'document', id: d.id, entry: RECORD_PATHS.documents, path: 'byteLength', message: 'bundle.fileSizeMismatch' });
  }
  const usedFiles = new Set(documents.map((d) => d.sha256));
  for (const sha of files.keys()) {
    if (!usedFiles.has(sha)) broken.add({ kind: 'file', id: sha, entry: filePath(sha), path: '', message: 'bundle.unusedFile' });
  }
  if (!cases.some((c) => c.id === manifest.case.id)) {
    broken.add({ kind: 'case', id: manifest.case.id, entry: RECORD_PATHS.cases, path: 'id', message: 'bundle.missingCase' });
  }
  checkReferences({ cases, actors, events, documents, entries: RECORD_PATHS }, broken, warnings);

  if (errors.items.length > 0) {
    const n = errors.items.length;
    fail('invalid-records', `${n}${n >= 500 ? '+' : ''} problem${n === 1 ? '' : 's'} found in the bundle's records; nothing was imported.`, { issues: errors.items });
  }
  if (broken.items.length > 0) {
    const n = broken.items.length;
    fail('broken-reference', `${n}${n >= 500 ? '+' : ''} reference${n === 1 ? '' : 's'} in the bundle point${n === 1 ? 's' : ''} to a document, file or case it does not hold; nothing was imported.`, { issues: broken.items });
  }
  const actual = {
    cases: cases.length, actors: actors.length, events: events.length, documents: documents.length, pages: pages.length, files: files.size, nameRules: nameRules.length, charts: charts.length,
  };
  for (const key of Object.keys(actual) as (keyof typeof actual)[]) {
    if (actual[key] !== manifest.counts[key]) {
      fail('count-mismatch', `The manifest promises ${manifest.counts[key]} ${key} but the bundle holds ${actual[key]}.`);
    }
  }
  pages.sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  const snapshot: CaseSnapshot = {
    caseId: manifest.case.id, cases, actors, events, documents, pages, nameRules, charts,
    files: [...files].map(([sha256, data]) => ({
      sha256,
      byteLength: entrySize(data),
      // A PDF stored in the zip is a slice of the source; one deflated by another writer is in memory.
      blob: data instanceof Uint8Array ? makeBlob([data], 'application/pdf') : data.blob,
    })),
  };
  return { ok: true, snapshot, manifest, warnings: warnings.items, encrypted: false };
}
