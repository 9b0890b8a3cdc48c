import type { ByteParts } from './parts';
import { byteParts } from './parts';
import type { BundleFile, ManifestEntry } from './manifest';
import { filePath } from './manifest';
import { digestBlob, inOrder, throwIfAborted } from './stream';
import { ZipLayout } from './zipWrite';

/**
 * The head of a bundle being written: its PDFs' entries, laid out first (docs/bundle-format.md,
 * "Layout"). They need nothing but the files' rows (SHA-256, size, kept CRC-32), so the desktop
 * save starts reading and writing them while the records are still being collected; the rest of
 * the zip (the manifest, the records, the directory) follows from the same `layout`.
 */
export interface BundleHead {
  /** The files laid out (the writer takes the head only if each is one of the snapshot's; the others follow it). */
  readonly files: readonly BundleFile[];
  /** The PDFs' entries in file order: local headers and the IndexedDB Blobs by reference. */
  readonly parts: ByteParts;
  /** The zip, laid out up to the end of the last PDF. */
  readonly layout: ZipLayout;
  /** The PDFs' manifest entries, in file order. */
  readonly entries: readonly ManifestEntry[];
}

/**
 * Files hashed at once. Reading a Blob is a round trip to the browser process, so a few reads
 * in flight keep it busy; each costs at most WHOLE_FILE_DIGEST_BYTES of memory (larger files
 * stream in 4 MiB chunks), so four stay within ~130 MB whatever the files.
 */
const IN_FLIGHT = 4;

export interface LayOutFilesOptions {
  signal?: AbortSignal | undefined;
  /** Bytes of the files accounted for (a kept CRC-32 counts at once; the others as they are read). */
  onBytes?: ((done: number, total: number) => void) | undefined;
}

/**
 * The PDFs' entries, sorted by hash, at the start of a zip whose timestamps are `createdAt`
 * (see appendFiles).
 */
export async function layOutFiles(files: readonly BundleFile[], createdAt: number, opts: LayOutFilesOptions = {}): Promise<BundleHead> {
  const layout = new ZipLayout(createdAt);
  const { parts, entries } = await appendFiles(layout, files, opts);
  return { files, parts, layout, entries };
}

/**
 * The files' entries, sorted by hash, added to `layout`. A file whose CRC-32 the library kept is
 * laid in by reference, unread: the export then costs what its records cost, whatever the files
 * weigh (the SHA-256 is checked by every reader). The others are read once, several in flight
 * (IN_FLIGHT): CRC-32, and the SHA-256 checked. Every file is refused if its size is not the one
 * recorded.
 */
export async function appendFiles(layout: ZipLayout, files: readonly BundleFile[], opts: LayOutFilesOptions = {}): Promise<{ parts: ByteParts; entries: ManifestEntry[] }> {
  throwIfAborted(opts.signal);
  const sorted = [...files].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  for (const f of sorted) {
    if (f.blob.size !== f.byteLength) {
      throw new Error(`The document file ${f.sha256.slice(0, 12)}… is ${f.blob.size} bytes, not the ${f.byteLength} recorded: it has changed in storage, so the bundle was not written.`);
    }
  }
  const total = sorted.reduce((sum, f) => sum + f.blob.size, 0);
  let done = 0;
  opts.onBytes?.(done, total);
  const crcs = new Map<string, number>();
  for (const f of sorted) {
    if (f.crc32 === undefined) continue;
    crcs.set(f.sha256, f.crc32);
    opts.onBytes?.((done += f.byteLength), total);
  }
  await inOrder(sorted.filter((f) => f.crc32 === undefined), IN_FLIGHT, (f) => digestBlob(f.blob, { signal: opts.signal, onBytes: (n) => opts.onBytes?.((done += n), total) }), (f, digest) => {
    if (digest.sha256 !== f.sha256) {
      throw new Error(`The document file ${f.sha256.slice(0, 12)}… no longer matches its SHA-256 (it hashes to ${digest.sha256.slice(0, 12)}…): it has changed in storage, so the bundle was not written.`);
    }
    crcs.set(f.sha256, digest.crc);
  });
  throwIfAborted(opts.signal);
  // PDFs are already compressed: stored as they are, so their bytes and hash survive untouched.
  const parts = layout.add(sorted.map((f) => ({ name: filePath(f.sha256), blob: f.blob, crc: crcs.get(f.sha256)!, method: 'store' as const })));
  const entries = sorted.map((f) => ({ path: filePath(f.sha256), sha256: f.sha256, size: f.byteLength }));
  return { parts: byteParts(parts), entries };
}
