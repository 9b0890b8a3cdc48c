import { MODEL_VERSION } from '../model';
import type { ScryptFn } from './ageCrypto';
import { JSON_TOTAL_BUDGET } from './admit';
import type { AgeKey } from './age';
import { encryptParts } from './age';
import type { ChunkSealer } from './ageStream';
import type { SealedParts } from './ageSealed';
import { sealAtSave } from './ageSealed';
import type { ByteParts } from './parts';
import { byteParts, partsBlob } from './parts';
import { utf8 } from './bytes';
import type { BundleManifest, CaseSnapshot, ManifestEntry } from './manifest';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, MANIFEST_PATH, RECORD_PATHS, filePath, pagesPath } from './manifest';
import { NAME_RULES_PATH, sortNameRules } from './nameRules';
import { digestBlob, inOrder, sha256Of, throwIfAborted } from './stream';
import { CHARTS_PATH, sortCharts } from './charts';
import { deflateRaw } from './deflate';
import type { ZipLimits } from './zipErrors';
import type { ZipBlobInput, ZipInput } from './zipWrite';
import { zipParts } from './zipWrite';

export { readBundleBlob } from './readBundle';

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
  /** Where age's scrypt runs (the app: a worker of its own); in this realm otherwise. */
  scrypt?: ScryptFn;
  /**
   * The file key and its scrypt stanza, begun before the records were collected (ageKey() in
   * age.ts, with this passphrase): scrypt then runs while they are read, not after.
   */
  ageKey?: AgeKey;
  /** Where the payload's 64 KiB chunks are sealed (the app: workers, one a core); in this realm otherwise. */
  sealer?: ChunkSealer;
  onProgress?: (p: BundleProgressEvent<'writing' | 'encrypting'>) => void;
  /** Aborting rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal;
  /**
   * Record lists already serialised and being deflated (recordsEntry), begun while the rest of
   * the snapshot was still being read: used for the entry whose list is the very array the
   * snapshot holds, ignored otherwise.
   */
  prepared?: readonly PreparedEntry[];
}

/** A record list's JSON entry (records sorted by id), its deflate under way. */
export interface PreparedEntry {
  readonly records: readonly { id: string }[];
  readonly data: Uint8Array;
  readonly deflated: Promise<Uint8Array>;
}

/**
 * Serialises a record list as the bundle's entry for it (sorted by id) and starts deflating it:
 * an export calls this as soon as the actors, events and documents are final, so their largest
 * entries are deflated while the page rows are still being read (writeBundleParts' `prepared`).
 */
export function recordsEntry(records: readonly { id: string }[]): PreparedEntry {
  const data = utf8(JSON.stringify([...records].sort(byId)));
  const deflated = deflateRaw(data);
  deflated.catch(() => undefined); // awaited by the writer, or dropped with the export
  return { records, data, deflated };
}

export interface ReadBundleOptions {
  passphrase?: string;
  /** Where age's scrypt runs (the app: a worker of its own); in this realm otherwise. */
  scrypt?: ScryptFn;
  limits?: ZipLimits;
  onProgress?: (p: BundleProgressEvent<'decrypting' | 'reading' | 'verifying'>) => void;
  /** Aborting rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal;
}

/** The bundle would hold more text than any reader accepts (admit.ts, JSON_TOTAL_BUDGET). */
export class BundleTooLargeError extends Error {
  override readonly name = 'BundleTooLargeError';
  readonly code = 'too-large';
}

/**
 * Files hashed at once. Reading a Blob is a round trip to the browser process, so a few reads
 * in flight keep it busy; each costs at most WHOLE_FILE_DIGEST_BYTES of memory (larger files
 * stream in 4 MiB chunks), so four stay within ~130 MB whatever the files.
 */
const IN_FLIGHT = 4;
/** JSON entries being deflated at once (deflate.ts). */
const DEFLATE_IN_FLIGHT = 4;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Same snapshot and info → same bytes (unencrypted): records are sorted by id, files by
 * hash. A file that comes with its CRC-32 (kept by the library) is not read at all; any
 * other is read once to compute it, and refused if its bytes no longer hash to the SHA-256
 * the snapshot gives. Every file is refused if its size is not the one recorded.
 */
export async function writeBundleBlob(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions = {}): Promise<Blob> {
  return partsBlob(await writeBundleParts(snapshot, info, opts));
}

/**
 * The bundle as its parts in order (parts.ts), never assembled: what the desktop save streams
 * to disk (the browser build makes one Blob of them, writeBundleBlob). Without a passphrase no
 * file byte has been read yet (each PDF is its IndexedDB Blob by reference); with one, the
 * parts are the age header and the sealed payload (age.ts).
 */
export async function writeBundleParts(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions = {}): Promise<ByteParts> {
  const zip = await layOutZip(snapshot, info, opts);
  if (opts.passphrase === undefined) return zip;
  return encryptParts(zip, opts.passphrase, {
    signal: opts.signal,
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.sealer ? { sealer: opts.sealer } : {}),
    ...(opts.ageKey ? { key: opts.ageKey } : {}),
    scryptWorkFactor: opts.scryptWorkFactor,
    onProgress: (d, t) => opts.onProgress?.({ phase: 'encrypting', done: d, total: t }),
  });
}

/**
 * For the desktop save with a passphrase: the zip laid out as writeBundleParts does, its age
 * header ready (scrypt awaited), the payload left for the save to seal as it writes
 * (ageSealed.ts): no sealed Blob is made and read back.
 */
export async function writeBundleSealedAtSave(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions & { passphrase: string }): Promise<SealedParts> {
  const zip = await layOutZip(snapshot, info, opts);
  return sealAtSave(zip, opts.passphrase, {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.ageKey ? { key: opts.ageKey } : {}),
    ...(opts.scryptWorkFactor !== undefined ? { scryptWorkFactor: opts.scryptWorkFactor } : {}),
  });
}

async function layOutZip(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions): Promise<ByteParts> {
  throwIfAborted(opts.signal);
  const theCase = snapshot.cases.find((c) => c.id === snapshot.caseId);
  if (!theCase) throw new Error(`writeBundle: case ${snapshot.caseId} is not among the snapshot's cases`);
  const json = (value: unknown): Uint8Array => utf8(JSON.stringify(value));
  // A list serialised beforehand (recordsEntry) is used only for the very array it was made from.
  const deflating = new Map<Uint8Array, Promise<Uint8Array>>();
  const records = (list: readonly { id: string }[]): Uint8Array => {
    const ready = opts.prepared?.find((p) => p.records === list);
    if (!ready) return json([...list].sort(byId));
    deflating.set(ready.data, ready.deflated);
    return ready.data;
  };
  const inputs: ZipInput[] = [
    { name: RECORD_PATHS.cases, data: records(snapshot.cases), method: 'deflate' },
    { name: RECORD_PATHS.actors, data: records(snapshot.actors), method: 'deflate' },
    { name: RECORD_PATHS.events, data: records(snapshot.events), method: 'deflate' },
    { name: RECORD_PATHS.documents, data: records(snapshot.documents), method: 'deflate' },
    { name: NAME_RULES_PATH, data: json(sortNameRules(snapshot.nameRules ?? [])), method: 'deflate' },
    { name: CHARTS_PATH, data: json(sortCharts(snapshot.charts ?? [])), method: 'deflate' },
  ];
  const pages = [...snapshot.pages].sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  for (const p of pages) inputs.push({ name: pagesPath(p.documentId), data: json({ documentId: p.documentId, pages: p.pages }), method: 'deflate' });
  const text = inputs.reduce((sum, i) => sum + (i.data as Uint8Array).length, 0);
  if (text > JSON_TOTAL_BUDGET) {
    throw new BundleTooLargeError(`These records and page texts come to ${Math.ceil(text / 2 ** 20)} MB, more than the ${JSON_TOTAL_BUDGET / 2 ** 20} MB a bundle may hold, so no bundle was written. Export the cases one at a time.`);
  }
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
  // A file whose CRC-32 the library kept is laid in by reference, unread: the export then costs
  // what its records cost, whatever the files weigh (the SHA-256 is checked by every reader).
  // The others are read once, several in flight (see IN_FLIGHT): CRC-32, and the SHA-256 checked.
  const crcs = new Map<string, number>();
  for (const f of files) {
    if (f.crc32 === undefined) continue;
    crcs.set(f.sha256, f.crc32);
    opts.onProgress?.({ phase: 'writing', done: (done += f.byteLength), total });
  }
  await inOrder(files.filter((f) => f.crc32 === undefined), IN_FLIGHT, (f) => digestBlob(f.blob, { signal: opts.signal, onBytes: (n) => opts.onProgress?.({ phase: 'writing', done: (done += n), total }) }), (f, digest) => {
    if (digest.sha256 !== f.sha256) {
      throw new Error(`The document file ${f.sha256.slice(0, 12)}… no longer matches its SHA-256 (it hashes to ${digest.sha256.slice(0, 12)}…): it has changed in storage, so the bundle was not written.`);
    }
    crcs.set(f.sha256, digest.crc);
  });
  for (const f of files) {
    // PDFs are already compressed: stored as they are, so their bytes and hash survive untouched.
    fileInputs.push({ name: filePath(f.sha256), blob: f.blob, crc: crcs.get(f.sha256)!, method: 'store' });
    entries.push({ path: filePath(f.sha256), sha256: f.sha256, size: f.byteLength });
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
      documents: snapshot.documents.length, pages: pages.length, files: files.length, nameRules: snapshot.nameRules?.length ?? 0,
      charts: snapshot.charts?.length ?? 0,
    },
    entries,
  };
  const all: ZipInput[] = [{ name: MANIFEST_PATH, data: utf8(JSON.stringify(manifest, null, 1)), method: 'deflate' }, ...inputs];
  // The JSON entries deflated by the platform's zlib (deflate.ts), a few at a time: each stream
  // holds zlib's working memory (~0.3 MB) until it ends.
  await inOrder(all, DEFLATE_IN_FLIGHT, (i) => deflating.get(i.data) ?? deflateRaw(i.data), (i, deflated) => {
    throwIfAborted(opts.signal);
    i.deflated = deflated;
  });
  const zip = byteParts(zipParts([...all, ...fileInputs], info.createdAt));
  throwIfAborted(opts.signal);
  return zip;
}
