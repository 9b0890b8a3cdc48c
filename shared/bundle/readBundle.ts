import { ageKind, assertPassphraseFile } from './age';
import { decryptBlob } from './ageDecrypt';
import { admitEntries, checkEntryCounts, checkHead, checkListing } from './admit';
import type { ReadBundleOptions } from './bundle';
import type { BundleManifest, ManifestEntry, ReadBundleResult } from './manifest';
import { BUNDLE_FORMAT_VERSION, BundleFailure, FILE_PATH, MANIFEST_PATH, fail, manifestSchema } from './manifest';
import type { EntryData, RawBundle } from './migrate';
import { entrySize, migrate } from './migrate';
import { readRecords } from './readRecords';
import type { Digest } from './stream';
import { WHOLE_FILE_DIGEST_BYTES, blobSource, digestBlob, inOrder, sha256Of, throwIfAborted } from './stream';
import { parseJson } from './validateRecords';
import { DEFAULT_ZIP_LIMITS, ZipFailure } from './zipErrors';
import type { OpenedZipEntry } from './zipRead';
import { openZipSource, storedCrcFailure } from './zipRead';

/**
 * Reads a bundle (an age-encrypted one with `passphrase`) and checks everything in
 * docs/bundle-format.md before returning it; the first failure refuses the whole bundle.
 * Aborting rejects with a DOMException named 'AbortError'; every other problem is a result.
 *
 * The order is what keeps a hostile bundle cheap: the zip directory and the manifest are
 * checked before any other entry is inflated (names, budgets, listing, sizes, counts); then
 * the record lists, each inflated under its declared size, hashed and validated before the
 * next; then the page lists one at a time, stopping at the first that is refused; the PDFs,
 * the bulk of a genuine bundle, are hashed last.
 */
export async function readBundleBlob(source: Blob, opts: ReadBundleOptions = {}): Promise<ReadBundleResult> {
  try {
    return await readOrThrow(source, opts);
  } catch (e) {
    if (e instanceof BundleFailure) return { ok: false, error: e.error };
    if (e instanceof ZipFailure) return { ok: false, error: e.toError() };
    throw e;
  }
}

/**
 * Files hashed at once: up to 16 (a bundle is mostly small PDFs, and each read is a round trip
 * to the browser process) and up to 64 MiB of them (a file over 32 MiB streams in 4 MiB chunks
 * and counts as those), so the hashing stays well within the memory target.
 */
const IN_FLIGHT = 16;
const IN_FLIGHT_BYTES = 64 * 1024 * 1024;

/** Verifies an entry once: SHA-256 (the manifest's) and, for a stored PDF, CRC-32 (the zip's) in one pass. */
class Verifier {
  private readonly digests = new WeakMap<object, Promise<Digest>>();
  private done = 0;
  /** The PDFs' bytes hashed while the records are still read: reported once they are done (`filesNow`). */
  private early = 0;
  private recordsDone = true;
  constructor(private readonly opts: ReadBundleOptions, private readonly total: number) {}

  /** PDFs hashed from now on are hashed ahead of the records: their progress waits for `filesNow`. */
  filesAhead(): void {
    this.recordsDone = false;
  }

  /** The records are read: the PDFs' progress shows from here, with what was hashed ahead. */
  filesNow(): void {
    if (this.recordsDone) return;
    this.recordsDone = true;
    this.report(this.early);
    this.early = 0;
  }

  private report(n: number): void {
    this.opts.onProgress?.({ phase: 'verifying', done: (this.done += n), total: this.total });
  }

  async check(entry: ManifestEntry, data: EntryData): Promise<void> {
    let digest = this.digests.get(data);
    if (!digest) {
      digest = this.digest(data);
      this.digests.set(data, digest);
    }
    const d = await digest;
    if (!(data instanceof Uint8Array)) {
      const crcError = storedCrcFailure({ name: entry.path, stored: data }, d.crc);
      if (crcError) throw new BundleFailure(crcError);
    }
    if (d.sha256 !== entry.sha256) {
      fail('hash-mismatch', `"${entry.path}" is not what the bundle's author put in it: its SHA-256 does not match the manifest.`, { entry: entry.path });
    }
  }

  private async digest(data: EntryData): Promise<Digest> {
    if (data instanceof Uint8Array) {
      const d = { sha256: await sha256Of(data), crc: 0, size: data.length };
      this.report(data.length);
      return d;
    }
    const onBytes = (n: number): void => {
      if (this.recordsDone) this.report(n);
      else this.early += n;
    };
    if (!this.opts.digestFile) return digestBlob(data.blob, { signal: this.opts.signal, onBytes });
    const d = await this.opts.digestFile(data.blob, { signal: this.opts.signal });
    onBytes(d.size);
    return d;
  }
}

/** Where the record reader gets an entry's bytes: inflated on demand and hash-checked, or (after a migration) from memory. */
export interface EntrySource {
  /** Every entry but the manifest, with its size. */
  readonly sizes: ReadonlyMap<string, number>;
  /** A JSON entry's bytes, verified against the manifest; each is asked for once. */
  json(path: string): Promise<Uint8Array>;
  /** A PDF left in the source (or, deflated by another writer, inflated). */
  file(path: string): Promise<EntryData>;
  /** Verifies every PDF (CRC-32 and SHA-256), in manifest order. */
  verifyFiles(): Promise<void>;
  /** Frees bytes `json` returned once their text is decoded (when the source owns no other use of them). */
  release?(bytes: Uint8Array): void;
}

/**
 * Detaches an entry's buffer, which frees its memory at once instead of at the next garbage
 * collection: a page list of 63 MB is then never in memory as bytes, text and parsed value together.
 */
function detach(bytes: Uint8Array): void {
  const buffer = bytes.buffer as { transfer?: (length: number) => unknown; byteLength: number };
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) buffer.transfer?.(0);
}

async function readOrThrow(source: Blob, opts: ReadBundleOptions): Promise<ReadBundleResult> {
  throwIfAborted(opts.signal);
  let plain = source;
  const encrypted = (await ageKind(source)) !== null;
  if (encrypted) {
    // Armored, or encrypted to a key: said before a passphrase is asked for that could not help.
    await assertPassphraseFile(source);
    if (opts.passphrase === undefined || opts.passphrase === '') {
      fail('passphrase-required', 'This bundle is encrypted. Enter its passphrase to open it.');
    }
    // A zip without ZIP64 is under 4 GiB: a larger age file cannot hold a bundle, so it is not decrypted.
    if (source.size > 2 ** 32 + 2 ** 24) fail('total-too-large', 'This encrypted file is larger than any bundle can be (4 GB); it is not a Casefile bundle.');
    plain = await decryptBlob(source, opts.passphrase, {
      signal: opts.signal,
      ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
      ...(opts.opener ? { opener: opts.opener } : {}),
      onProgress: (done, total) => opts.onProgress?.({ phase: 'decrypting', done, total }),
    });
  }
  // 1. The directory: every check that needs no contents, and admitEntries (names, budgets).
  const opened = await openZipSource(blobSource(plain), opts.limits ?? DEFAULT_ZIP_LIMITS, {
    keepStored: (name) => FILE_PATH.test(name),
    admit: admitEntries,
    signal: opts.signal,
  });
  if (!opened.ok) return { ok: false, error: opened.error };
  const entries = new Map(opened.entries.filter((e) => e.name !== MANIFEST_PATH).map((e) => [e.name, e]));
  const sizes = new Map([...entries].map(([name, e]) => [name, 'read' in e ? e.size : e.stored.size]));
  const manifestEntry = opened.entries.find((e) => e.name === MANIFEST_PATH)!;
  if (!('read' in manifestEntry)) fail('manifest-invalid', 'The bundle\'s manifest is not a JSON object.');

  // 2. The manifest, the only entry inflated before the bundle's structure is known to hold.
  const head = checkHead(parseJson(MANIFEST_PATH, await manifestEntry.read()));
  const listing = checkListing(head.entries, sizes);
  checkEntryCounts(head, sizes.keys());

  const verifier = new Verifier(opts, [...sizes.values()].reduce((a, b) => a + b, 0));
  const reading = progress(opts, entries);
  const fromZip = (): EntrySource => {
    const files = new Map<string, Promise<EntryData>>();
    const file = (path: string): Promise<EntryData> => {
      let data = files.get(path);
      if (!data) {
        const e = entries.get(path)!;
        // The same EntryData every time: the verifier and the snapshot share one digest of it.
        files.set(path, (data = 'read' in e ? e.read() : Promise.resolve(e.stored)));
      }
      return data;
    };
    return {
      sizes,
      json: async (path) => {
        const e = entries.get(path);
        if (!e || !('read' in e)) return fail('invalid-json', `"${path}" is not valid JSON text; the bundle is damaged.`, { entry: path });
        const bytes = await e.read();
        reading(e);
        await verifier.check(listing.get(path)!, bytes);
        return bytes;
      },
      file,
      verifyFiles: () => {
        verifier.filesNow();
        return (verifying ??= verifyFiles(listing, file, verifier, () => stopped));
      },
      // Inflated (or copied) for this one use: nothing else holds them.
      release: detach,
    };
  };
  let verifying: Promise<void> | null = null;
  let stopped = false;

  if (head.formatVersion === BUNDLE_FORMAT_VERSION) {
    const fromBundle = fromZip();
    if (opts.digestFile) {
      // Hashed on another thread while this one reads the records (the PDFs' failures are still
      // reported after the records': readRecords asks for them last, and a refusal of the
      // records stops the hashing before it is reported).
      verifier.filesAhead();
      verifying = verifyFiles(listing, fromBundle.file, verifier, () => stopped);
      verifying.catch(() => undefined);
    }
    try {
      return withEncrypted(await readRecords(parseManifest(head), fromBundle, opts.signal), encrypted);
    } finally {
      stopped = true;
      if (verifying) await Promise.allSettled([verifying]);
    }
  }

  // 3. An older version: its JSON entries (each checked against the manifest it was written
  // with, under the same budgets), migrated step by step, then read as a current bundle.
  const all = new Map<string, EntryData>();
  for (const [name, e] of entries) {
    throwIfAborted(opts.signal);
    if (!('read' in e)) { all.set(name, e.stored); continue; }
    const bytes = await e.read();
    reading(e);
    await verifier.check(listing.get(name)!, bytes);
    all.set(name, bytes);
  }
  const bundle: RawBundle = migrate({ manifest: head, entries: all }, head.formatVersion);
  const migratedSizes = new Map([...bundle.entries].map(([name, data]) => [name, entrySize(data)]));
  const migratedListing = checkListing(bundle.manifest.entries, migratedSizes);
  const manifest = parseManifest(bundle.manifest);
  const inMemory: EntrySource = {
    sizes: migratedSizes,
    json: async (path) => {
      const data = bundle.entries.get(path);
      if (!(data instanceof Uint8Array)) return fail('invalid-json', `"${path}" is not valid JSON text; the bundle is damaged.`, { entry: path });
      await verifier.check(migratedListing.get(path)!, data);
      return data;
    },
    file: async (path) => bundle.entries.get(path)!,
    verifyFiles: () => verifyFiles(migratedListing, async (path) => bundle.entries.get(path)!, verifier),
  };
  return withEncrypted(await readRecords(manifest, inMemory, opts.signal), encrypted);
}

function withEncrypted(result: ReadBundleResult, encrypted: boolean): ReadBundleResult {
  return result.ok ? { ...result, encrypted } : result;
}

function parseManifest(raw: Record<string, unknown>): BundleManifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    fail('manifest-invalid', `The bundle's manifest is incomplete or malformed (at "${where}").`);
  }
  return parsed.data;
}

/** 'reading' progress: compressed bytes of the JSON entries inflated so far. */
function progress(opts: ReadBundleOptions, entries: ReadonlyMap<string, OpenedZipEntry>): (e: OpenedZipEntry) => void {
  const total = [...entries.values()].reduce((sum, e) => sum + ('read' in e ? e.compressedSize : 0), 0);
  let done = 0;
  return (e) => {
    if ('read' in e) done += e.compressedSize;
    opts.onProgress?.({ phase: 'reading', done, total });
  };
}

/** The PDFs: CRC-32 and SHA-256 in one pass each, several in flight, failures reported in manifest order. */
async function verifyFiles(listing: ReadonlyMap<string, ManifestEntry>, dataOf: (path: string) => Promise<EntryData>, verifier: Verifier, stopped: () => boolean = () => false): Promise<void> {
  const files = [...listing.values()].filter((e) => FILE_PATH.test(e.path));
  const sizeOf = (e: ManifestEntry): number => Math.min(e.size, WHOLE_FILE_DIGEST_BYTES);
  await inOrder(files, { count: IN_FLIGHT, bytes: IN_FLIGHT_BYTES, sizeOf }, async (e) => {
    if (stopped()) throw new Error('The bundle was refused before its files were checked.');
    return verifier.check(e, await dataOf(e.path));
  }, () => undefined);
}
