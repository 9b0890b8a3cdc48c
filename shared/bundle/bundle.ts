import { MODEL_VERSION } from '../model';
import { sha256Hex, utf8 } from './bytes';
import type { BundleManifest, CaseSnapshot, DocumentPages, ManifestEntry, ReadBundleResult } from './manifest';
import {
  BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleFailure, FILE_PATH, MANIFEST_PATH, OLDEST_READABLE_VERSION, PAGES_PATH, RECORD_PATHS,
  fail, filePath, manifestEntriesSchema, manifestSchema, pagesPath,
} from './manifest';
import type { RawBundle } from './migrate';
import { migrate } from './migrate';
import {
  IssueList, checkReferences, parseJson, validateActors, validateCases, validateDocuments, validateEvents, validatePages,
} from './validateRecords';
import type { ZipLimits } from './zipErrors';
import { DEFAULT_ZIP_LIMITS } from './zipErrors';
import { readZip } from './zipRead';
import type { ZipInput } from './zipWrite';
import { writeZip } from './zipWrite';

/**
 * The case bundle: pure serialisation apart from I/O (docs/bundle-format.md).
 * writeBundle(snapshot) → bytes; readBundle(bytes) → a snapshot that has passed every
 * check, or one error with the reason in plain words. Nothing is written by either.
 */

export interface BundleInfo {
  appVersion: string;
  /** Milliseconds since the epoch; goes in the manifest and every zip timestamp. */
  createdAt: number;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Same snapshot and info → same bytes: records are sorted by id, files by hash. */
export function writeBundle(snapshot: CaseSnapshot, info: BundleInfo): Uint8Array {
  const theCase = snapshot.cases.find((c) => c.id === snapshot.caseId);
  if (!theCase) throw new Error(`writeBundle: case ${snapshot.caseId} is not among the snapshot's cases`);
  const json = (value: unknown): Uint8Array => utf8(JSON.stringify(value));
  const inputs: ZipInput[] = [
    { name: RECORD_PATHS.cases, data: json([...snapshot.cases].sort(byId)), method: 'deflate' },
    { name: RECORD_PATHS.actors, data: json([...snapshot.actors].sort(byId)), method: 'deflate' },
    { name: RECORD_PATHS.events, data: json([...snapshot.events].sort(byId)), method: 'deflate' },
    { name: RECORD_PATHS.documents, data: json([...snapshot.documents].sort(byId)), method: 'deflate' },
  ];
  const pages = [...snapshot.pages].sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  for (const p of pages) inputs.push({ name: pagesPath(p.documentId), data: json({ documentId: p.documentId, pages: p.pages }), method: 'deflate' });
  const files = [...snapshot.files].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  const entries: ManifestEntry[] = inputs.map((i) => ({ path: i.name, sha256: sha256Hex(i.data), size: i.data.length }));
  for (const f of files) {
    const actual = sha256Hex(f.bytes);
    if (actual !== f.sha256) throw new Error(`writeBundle: file listed as ${f.sha256} hashes to ${actual}`);
    // PDFs are already compressed: stored as they are, so their bytes and hash survive untouched.
    inputs.push({ name: filePath(f.sha256), data: f.bytes, method: 'store' });
    entries.push({ path: filePath(f.sha256), sha256: actual, size: f.bytes.length });
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    modelVersion: MODEL_VERSION,
    appVersion: info.appVersion,
    createdAt: info.createdAt,
    case: { id: theCase.id, name: theCase.name, description: theCase.description },
    counts: {
      cases: snapshot.cases.length, actors: snapshot.actors.length, events: snapshot.events.length,
      documents: snapshot.documents.length, pages: pages.length, files: files.length,
    },
    entries,
  };
  return writeZip([{ name: MANIFEST_PATH, data: utf8(JSON.stringify(manifest, null, 1)), method: 'deflate' }, ...inputs], info.createdAt);
}

export function readBundle(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ReadBundleResult {
  try {
    return readOrThrow(bytes, limits);
  } catch (e) {
    if (e instanceof BundleFailure) return { ok: false, error: e.error };
    throw e;
  }
}

function readOrThrow(bytes: Uint8Array, limits: ZipLimits): ReadBundleResult {
  const zip = readZip(bytes, limits);
  if (!zip.ok) return { ok: false, error: zip.error };
  const all = new Map(zip.entries.map((e) => [e.name, e.data]));
  const manifestBytes = all.get(MANIFEST_PATH);
  if (!manifestBytes) fail('not-a-bundle', 'This zip has no manifest.json, so it is not a Casefile bundle.');
  all.delete(MANIFEST_PATH);
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
  const hashes = new WeakMap<Uint8Array, string>();
  verifyEntries(head.entries, all, hashes);
  let bundle: RawBundle = { manifest: head, entries: all };
  if (version < BUNDLE_FORMAT_VERSION) {
    bundle = migrate(bundle, version);
    verifyEntries(bundle.manifest.entries, bundle.entries, hashes);
  }
  const parsed = manifestSchema.safeParse(bundle.manifest);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    fail('manifest-invalid', `The bundle's manifest is incomplete or malformed (at "${where}").`);
  }
  return readRecords(parsed.data, bundle.entries);
}

function verifyEntries(listed: unknown, entries: Map<string, Uint8Array>, hashes: WeakMap<Uint8Array, string>): void {
  const parsed = manifestEntriesSchema.safeParse(listed);
  if (!parsed.success) fail('manifest-invalid', 'The bundle\'s manifest does not list its contents properly.');
  const seen = new Set<string>();
  for (const e of parsed.data) {
    const data = entries.get(e.path);
    if (!data || seen.has(e.path)) fail('entry-missing', `The manifest lists "${e.path}", but the bundle does not hold it (once).`, { entry: e.path });
    seen.add(e.path);
    if (data.length !== e.size) fail('manifest-size-mismatch', `"${e.path}" is ${data.length} bytes; the manifest says ${e.size}.`, { entry: e.path });
    let hash = hashes.get(data);
    if (hash === undefined) {
      hash = sha256Hex(data);
      hashes.set(data, hash);
    }
    if (hash !== e.sha256) fail('hash-mismatch', `"${e.path}" is not what the bundle's author put in it: its SHA-256 does not match the manifest.`, { entry: e.path });
  }
  for (const path of entries.keys()) {
    if (!seen.has(path)) fail('entry-unlisted', `The bundle holds "${path}", which its manifest does not list.`, { entry: path });
  }
}

function readRecords(manifest: BundleManifest, entries: Map<string, Uint8Array>): ReadBundleResult {
  const need = (path: string): Uint8Array => entries.get(path) ?? fail('entry-missing', `The bundle has no "${path}".`, { entry: path });
  const errors = new IssueList();
  const broken = new IssueList();
  const warnings = new IssueList();
  const cases = validateCases(RECORD_PATHS.cases, parseJson(RECORD_PATHS.cases, need(RECORD_PATHS.cases)), errors);
  const actors = validateActors(RECORD_PATHS.actors, parseJson(RECORD_PATHS.actors, need(RECORD_PATHS.actors)), errors);
  const events = validateEvents(RECORD_PATHS.events, parseJson(RECORD_PATHS.events, need(RECORD_PATHS.events)), errors);
  const documents = validateDocuments(RECORD_PATHS.documents, parseJson(RECORD_PATHS.documents, need(RECORD_PATHS.documents)), errors);
  const documentsById = new Map(documents.map((d) => [d.id, d]));
  const pages: DocumentPages[] = [];
  const files = new Map<string, Uint8Array>();
  const known = new Set<string>([MANIFEST_PATH, ...Object.values(RECORD_PATHS)]);

  for (const [path, data] of entries) {
    const pageMatch = PAGES_PATH.exec(path);
    const fileMatch = FILE_PATH.exec(path);
    if (pageMatch) {
      const documentId = pageMatch[1]!;
      const p = validatePages(path, documentId, parseJson(path, data), errors);
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
    else if (file.length !== d.byteLength) broken.add({ kind: 'document', id: d.id, entry: RECORD_PATHS.documents, path: 'byteLength', message: 'bundle.fileSizeMismatch' });
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
  const actual = { cases: cases.length, actors: actors.length, events: events.length, documents: documents.length, pages: pages.length, files: files.size };
  for (const key of Object.keys(actual) as (keyof typeof actual)[]) {
    if (actual[key] !== manifest.counts[key]) {
      fail('count-mismatch', `The manifest promises ${manifest.counts[key]} ${key} but the bundle holds ${actual[key]}.`);
    }
  }
  pages.sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  const snapshot: CaseSnapshot = {
    caseId: manifest.case.id, cases, actors, events, documents, pages,
    files: [...files].map(([sha256, bytes]) => ({ sha256, bytes })),
  };
  return { ok: true, snapshot, manifest, warnings: warnings.items };
}
