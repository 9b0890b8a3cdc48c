import { ageKind, assertPassphraseFile, decryptBlob } from './age';
import { admitEntries, checkEntryCounts, checkHead, checkListing } from './admit';
import type { ReadBundleOptions } from './bundle';
import type { BundleManifest, ManifestEntry, ReadBundleResult } from './manifest';
import { BUNDLE_FORMAT_VERSION, BundleFailure, FILE_PATH, MANIFEST_PATH, fail, manifestSchema } from './manifest';
import type { EntryData, RawBundle } from './migrate';
import { entrySize, migrate } from './migrate';
import { readRecords } from './readRecords';
import type { Digest } from './stream';
import { crc32Update } from './bytes';
import { blobSource, digestBlob, inOrder, sha256Of, throwIfAborted } from './stream';
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
 * next; then the page lists one at a time, stopping at the first that is refused. The PDFs,
 * the bulk of a genuine bundle, are hashed meanwhile (a few in flight), and stopped the moment
 * the records are refused; their own failures are reported only once the records hold.
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

/** Files hashed at once: each costs at most 32 MiB of memory (larger ones stream), so four stay within ~130 MB. */
const IN_FLIGHT = 4;
/** Neighbouring stored files are read this many bytes at a time (Verifier.prefetch), this many reads in flight. */
const WINDOW_BYTES = 8 * 1024 * 1024;
const WINDOWS_IN_FLIGHT = 2;
const WINDOW_GAP = 64 * 1024;

/** Verifies an entry once: SHA-256 (the manifest's) and, for a stored PDF, CRC-32 (the zip's) in one pass. */
class Verifier {
  private readonly digests = new WeakMap<object, Promise<Digest>>();
  private done = 0;
  constructor(private readonly opts: ReadBundleOptions, private readonly total: number, private readonly archive?: Blob) {}

  /**
   * Starts digesting stored entries that lie next to each other in the archive a window at a
   * time: one Blob read of up to WINDOW_BYTES for dozens of small PDFs instead of one round
   * trip each, WINDOWS_IN_FLIGHT reads ahead of the hashing. Entries larger than a window (or
   * without a position) are left to `check`, which streams them on their own.
   */
  prefetch(data: readonly EntryData[]): void {
    const archive = this.archive;
    if (!archive || !(globalThis as { crypto?: { subtle?: unknown } }).crypto?.subtle) return;
    const stored = data.flatMap((d) => (d instanceof Uint8Array || d.at === undefined || d.size > WINDOW_BYTES || this.digests.has(d) ? [] : [d as Required<Exclude<EntryData, Uint8Array>>]))
      .sort((a, b) => a.at - b.at);
    const windows: { start: number; end: number; items: typeof stored }[] = [];
    for (const d of stored) {
      const last = windows.at(-1);
      if (last && d.at - last.end <= WINDOW_GAP && d.at + d.size - last.start <= WINDOW_BYTES) {
        last.items.push(d);
        last.end = Math.max(last.end, d.at + d.size);
      } else {
        windows.push({ start: d.at, end: d.at + d.size, items: [d] });
      }
    }
    const settle = new Map<object, { resolve: (d: Digest) => void; reject: (e: unknown) => void }>();
    for (const d of stored) {
      const p = new Promise<Digest>((resolve, reject) => settle.set(d, { resolve, reject }));
      p.catch(() => undefined); // awaited by check(); an abandoned one is not an unhandled rejection
      this.digests.set(d, p);
    }
    const report = (n: number): void => this.opts.onProgress?.({ phase: 'verifying', done: (this.done += n), total: this.total });
    void inOrder(windows, WINDOWS_IN_FLIGHT, async (w) => {
      throwIfAborted(this.opts.signal);
      return new Uint8Array(await archive.slice(w.start, w.end).arrayBuffer());
    }, (w, bytes) => {
      for (const d of w.items) {
        const view = bytes.subarray(d.at - w.start, d.at - w.start + d.size);
        const crc = crc32Update(0, view);
        const { resolve, reject } = settle.get(d)!;
        settle.delete(d);
        sha256Of(view).then((sha256) => {
          report(d.size);
          resolve({ sha256, crc, size: d.size });
        }, reject);
      }
    }).catch((e: unknown) => {
      for (const { reject } of settle.values()) reject(e);
    });
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
    const report = (n: number): void => this.opts.onProgress?.({ phase: 'verifying', done: (this.done += n), total: this.total });
    if (data instanceof Uint8Array) {
      const d = { sha256: await sha256Of(data), crc: 0, size: data.length };
      report(data.length);
      return d;
    }
    return digestBlob(data.blob, { signal: this.opts.signal, onBytes: report });
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

  // The PDFs are hashed while the records are read (their reads and WebCrypto's digests overlap
  // the JSON work), under a signal of their own: a refusal of the records stops them at once.
  let stopFiles = false;
  const filesSignal = { get aborted() { return stopFiles || (opts.signal?.aborted ?? false); } } as AbortSignal;
  const verifier = new Verifier({ ...opts, signal: filesSignal }, [...sizes.values()].reduce((a, b) => a + b, 0), plain);
  const reading = progress(opts, entries);
  let filesRun: Promise<void> | undefined;
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
        if (!filesRun) {
          filesRun = verifyFiles(listing, file, verifier, (path) => {
            const e = entries.get(path);
            return e && 'stored' in e ? e.stored : undefined;
          });
          filesRun.catch(() => undefined); // awaited by the record reader, after the records
        }
        return filesRun;
      },
      // Inflated (or copied) for this one use: nothing else holds them.
      release: detach,
    };
  };

  if (head.formatVersion === BUNDLE_FORMAT_VERSION) {
    const manifest = parseManifest(head);
    const source = fromZip();
    // Started now, overlapping the records; its failures are reported after theirs, as before.
    void source.verifyFiles();
    try {
      return withEncrypted(await readRecords(manifest, source, opts.signal), encrypted);
    } finally {
      // Refused (or cancelled) before the files were awaited: stop hashing and let the reads in flight end.
      stopFiles = true;
      await filesRun?.catch(() => undefined);
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
async function verifyFiles(
  listing: ReadonlyMap<string, ManifestEntry>, dataOf: (path: string) => Promise<EntryData>, verifier: Verifier,
  storedOf: (path: string) => EntryData | undefined = () => undefined,
): Promise<void> {
  const files = [...listing.values()].filter((e) => FILE_PATH.test(e.path));
  // Stored entries need no read to be located: their digests start in windows at once.
  verifier.prefetch(files.flatMap((e) => storedOf(e.path) ?? []));
  await inOrder(files, IN_FLIGHT, async (e) => verifier.check(e, await dataOf(e.path)), () => undefined);
}
