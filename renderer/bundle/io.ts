import type {
  BundleError, BundleInfo, BundleManifest, CaseSnapshot as BytesSnapshot, RecordIssue, ZipLimits,
} from '../../shared/bundle';
import { DEFAULT_ZIP_LIMITS, readBundle, writeBundle } from '../../shared/bundle';

/**
 * TEMPORARY ADAPTER. The helper "bundle-io" is turning shared/bundle into streaming over
 * Blobs with exactly the two signatures below; until that lands, they are implemented here
 * over today's synchronous, in-memory readBundle/writeBundle. Everything in renderer/bundle
 * and the bundle worker imports reading and writing from this file only, so the merge swaps
 * this one file for re-exports from shared/bundle.
 */

/** A bundle's file as the streaming reader hands it out: bytes stay in a Blob. */
export interface BundleFile {
  sha256: string;
  byteLength: number;
  blob: Blob;
}

/** CaseSnapshot with BundleFile = { sha256, byteLength, blob }, as shared/bundle will have it. */
export type CaseSnapshot = Omit<BytesSnapshot, 'files'> & { files: BundleFile[] };

export type BundleIoErrorCode = BundleError['code'] | 'passphrase-required' | 'wrong-passphrase';
export type BundleIoError = Omit<BundleError, 'code'> & { code: BundleIoErrorCode };

export type ReadBundleResult =
  | { ok: true; snapshot: CaseSnapshot; manifest: BundleManifest; warnings: RecordIssue[] }
  | { ok: false; error: BundleIoError };

export interface BundleIoProgress {
  phase: 'reading' | 'verifying' | 'writing' | 'decrypting' | 'encrypting';
  done: number;
  total: number;
}

export interface ReadBundleOptions {
  passphrase?: string;
  limits?: ZipLimits;
  onProgress?: (p: BundleIoProgress) => void;
  signal?: AbortSignal;
}

export interface WriteBundleOptions {
  passphrase?: string;
  onProgress?: (p: BundleIoProgress) => void;
  signal?: AbortSignal;
}

export type { BundleInfo };

/** The age format's first line: an encrypted bundle. */
const AGE_HEADER = 'age-encryption.org/v1';

const abortError = () => new DOMException('The bundle task was cancelled.', 'AbortError');
const check = (signal?: AbortSignal) => {
  if (signal?.aborted) throw abortError();
};

export async function readBundleBlob(source: Blob, opts: ReadBundleOptions = {}): Promise<ReadBundleResult> {
  check(opts.signal);
  const total = source.size;
  opts.onProgress?.({ phase: 'reading', done: 0, total });
  const head = new TextDecoder().decode(await source.slice(0, AGE_HEADER.length).arrayBuffer());
  if (head === AGE_HEADER) {
    return opts.passphrase === undefined
      ? { ok: false, error: { code: 'passphrase-required', message: 'This bundle is encrypted: type its passphrase to open it.' } }
      : { ok: false, error: { code: 'encrypted', message: 'This bundle is encrypted, and this version of Casefile cannot decrypt bundles yet.' } };
  }
  const bytes = new Uint8Array(await source.arrayBuffer());
  check(opts.signal);
  opts.onProgress?.({ phase: 'reading', done: total, total });
  opts.onProgress?.({ phase: 'verifying', done: 0, total });
  const result = readBundle(bytes, opts.limits ?? DEFAULT_ZIP_LIMITS);
  check(opts.signal);
  opts.onProgress?.({ phase: 'verifying', done: total, total });
  if (!result.ok) return result;
  const files = result.snapshot.files.map((f) => ({
    sha256: f.sha256,
    byteLength: f.bytes.length,
    blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
  }));
  return { ok: true, snapshot: { ...result.snapshot, files }, manifest: result.manifest, warnings: result.warnings };
}

export async function writeBundleBlob(snapshot: CaseSnapshot, info: BundleInfo, opts: WriteBundleOptions = {}): Promise<Blob> {
  check(opts.signal);
  if (opts.passphrase !== undefined) throw new Error('This version of Casefile cannot encrypt bundles yet: export without a passphrase.');
  const total = snapshot.files.reduce((sum, f) => sum + f.byteLength, 0);
  opts.onProgress?.({ phase: 'writing', done: 0, total });
  const files: BytesSnapshot['files'] = [];
  let done = 0;
  for (const f of snapshot.files) {
    files.push({ sha256: f.sha256, bytes: new Uint8Array(await f.blob.arrayBuffer()) });
    done += f.byteLength;
    check(opts.signal);
    opts.onProgress?.({ phase: 'writing', done, total });
  }
  const bytes = writeBundle({ ...snapshot, files }, info);
  check(opts.signal);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
