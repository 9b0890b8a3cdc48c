import { MODEL_VERSION } from '../model';
import type { ScryptFn } from './ageCrypto';
import { JSON_TOTAL_BUDGET } from './admit';
import type { AgeKey } from './age';
import { encryptParts } from './age';
import type { ChunkOpener, ChunkSealer } from './ageStream';
import type { SealedParts } from './ageSealed';
import { sealAtSave } from './ageSealed';
import type { ByteParts } from './parts';
import { byteParts, partsBlob } from './parts';
import { utf8 } from './bytes';
import type { BundleManifest, CaseSnapshot, ManifestEntry } from './manifest';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, MANIFEST_PATH, RECORD_PATHS, pagesPath } from './manifest';
import { NAME_RULES_PATH, sortNameRules } from './nameRules';
import { inOrder, sha256Of, throwIfAborted } from './stream';
import type { Digest } from './stream';
import { CHARTS_PATH, sortCharts } from './charts';
import type { Deflated } from './deflate';
import { deflateWithCrc } from './deflate';
import type { ZipLimits } from './zipErrors';
import type { ZipInput } from './zipWrite';
import type { BundleHead } from './bundleFiles';
import { appendFiles, layOutFiles } from './bundleFiles';

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
  /**
   * The PDFs' entries, laid out beforehand (layOutFiles, while the rest of the snapshot was being
   * read): used when laid out from the very `files` array the snapshot holds, ignored otherwise.
   */
  head?: BundleHead;
}

/** A record list's JSON entry (records sorted by id), its deflate (and CRC-32) under way. */
export interface PreparedEntry {
  readonly records: readonly { id: string }[];
  readonly data: Uint8Array;
  readonly deflated: Promise<Deflated>;
}

/**
 * Serialises a record list as the bundle's entry for it (sorted by id) and starts deflating it:
 * an export calls this as soon as the actors, events and documents are final, so their largest
 * entries are deflated while the page rows are still being read (writeBundleParts' `prepared`).
 */
export function recordsEntry(records: readonly { id: string }[]): PreparedEntry {
  const data = utf8(JSON.stringify([...records].sort(byId)));
  const deflated = deflateWithCrc(data);
  deflated.catch(() => undefined); // awaited by the writer, or dropped with the export
  return { records, data, deflated };
}

export interface ReadBundleOptions {
  passphrase?: string;
  /** Where age's scrypt runs (the app: a worker of its own); in this realm otherwise. */
  scrypt?: ScryptFn;
  /** Where an encrypted bundle's chunks are opened (the app: the sealing workers, one a core); in this realm otherwise. */
  opener?: ChunkOpener;
  limits?: ZipLimits;
  onProgress?: (p: BundleProgressEvent<'decrypting' | 'reading' | 'verifying'>) => void;
  /** Aborting rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal;
  /**
   * SHA-256 and CRC-32 of a stored PDF on another thread (the app: a hashing worker,
   * renderer/workers/hashClient.ts). Given one, the PDFs are hashed while the records are read
   * and validated; their failures are still reported only after the records' (readBundle.ts).
   */
  digestFile?: DigestFile;
}

/** Digests a Blob's bytes as `digestBlob` does (stream.ts), somewhere else. */
export type DigestFile = (blob: Blob, opts: { signal?: AbortSignal | undefined }) => Promise<Digest>;

/** The bundle would hold more text than any reader accepts (admit.ts, JSON_TOTAL_BUDGET). */
export class BundleTooLargeError extends Error {
  override readonly name = 'BundleTooLargeError';
  readonly code = 'too-large';
}

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
  const zip = joined(await layOutZip(snapshot, info, opts));
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
 * What follows `opts.head` (the PDFs' entries, laid out by layOutFiles while the records were
 * being collected, and already being written by the desktop save): the manifest, the records,
 * the page lists and the zip's directory. Head and rest together are writeBundleParts' bundle
 * (without a passphrase) byte for byte.
 */
export async function writeBundleRest(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions & { head: BundleHead }): Promise<ByteParts> {
  const z = await layOutZip(snapshot, info, opts);
  if (z.head !== opts.head.parts) throw new Error('writeBundleRest: the head was not laid out from this snapshot\'s files, or was used before.');
  // (Files of the snapshot not in the head come first in the rest.)
  return z.rest;
}

/**
 * For the desktop save with a passphrase: the zip laid out as writeBundleParts does, its age
 * header ready (scrypt awaited), the payload left for the save to seal as it writes
 * (ageSealed.ts): no sealed Blob is made and read back.
 */
export async function writeBundleSealedAtSave(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions & { passphrase: string }): Promise<SealedParts> {
  const zip = joined(await layOutZip(snapshot, info, opts));
  return sealAtSave(zip, opts.passphrase, {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.ageKey ? { key: opts.ageKey } : {}),
    ...(opts.scryptWorkFactor !== undefined ? { scryptWorkFactor: opts.scryptWorkFactor } : {}),
  });
}

/** A laid-out zip in two pieces: the PDFs' entries (BundleHead), then the manifest, the records and the directory. */
interface LaidOut {
  head: ByteParts;
  rest: ByteParts;
}

const joined = (z: LaidOut): ByteParts => byteParts([...z.head.parts, ...z.rest.parts]);

async function layOutZip(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions): Promise<LaidOut> {
  throwIfAborted(opts.signal);
  const theCase = snapshot.cases.find((c) => c.id === snapshot.caseId);
  if (!theCase) throw new Error(`writeBundle: case ${snapshot.caseId} is not among the snapshot's cases`);
  const json = (value: unknown): Uint8Array => utf8(JSON.stringify(value));
  // A list serialised beforehand (recordsEntry) is used only for the very array it was made from.
  const deflating = new Map<Uint8Array, Promise<Deflated>>();
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
  const hashing = Promise.all(inputs.map(async (i) => ({ path: i.name, sha256: await sha256Of(i.data), size: i.data.length })));
  hashing.catch(() => undefined);
  // The PDFs come first (bundleFiles.ts): those laid out while the records were collected
  // (`head`, when each of its files is one of this snapshot's), then any others; all of them here
  // otherwise.
  const inSnapshot = new Set(snapshot.files);
  const given = opts.head && opts.head.layout.size === opts.head.parts.size && opts.head.files.every((f) => inSnapshot.has(f)) ? opts.head : undefined;
  const onBytes = (done: number, total: number) => opts.onProgress?.({ phase: 'writing', done, total });
  const head = given ?? await layOutFiles(snapshot.files, info.createdAt, { signal: opts.signal, onBytes });
  const inHead = new Set(head.files.map((f) => f.sha256));
  const late = given ? await appendFiles(head.layout, snapshot.files.filter((f) => !inHead.has(f.sha256)), { signal: opts.signal, onBytes }) : { parts: byteParts([]), entries: [] };
  const entries: ManifestEntry[] = [...(await hashing), ...head.entries, ...late.entries];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    modelVersion: MODEL_VERSION,
    appVersion: info.appVersion,
    createdAt: info.createdAt,
    case: { id: theCase.id, name: theCase.name, description: theCase.description },
    counts: {
      cases: snapshot.cases.length, actors: snapshot.actors.length, events: snapshot.events.length,
      documents: snapshot.documents.length, pages: pages.length, files: head.entries.length + late.entries.length, nameRules: snapshot.nameRules?.length ?? 0,
      charts: snapshot.charts?.length ?? 0,
    },
    entries,
  };
  const all: ZipInput[] = [{ name: MANIFEST_PATH, data: utf8(JSON.stringify(manifest, null, 1)), method: 'deflate' }, ...inputs];
  // The JSON entries deflated by the platform's zlib (deflate.ts), a few at a time: each stream
  // holds zlib's working memory (~0.3 MB) until it ends.
  await inOrder(all, DEFLATE_IN_FLIGHT, (i) => deflating.get(i.data) ?? deflateWithCrc(i.data), (i, deflated) => {
    throwIfAborted(opts.signal);
    i.deflated = deflated.bytes;
    i.crc = deflated.crc;
  });
  const rest = byteParts([...late.parts.parts, ...head.layout.add(all), head.layout.finish()]);
  throwIfAborted(opts.signal);
  return { head: head.parts, rest };
}
