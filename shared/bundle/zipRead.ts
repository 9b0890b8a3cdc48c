import { Inflate } from 'fflate';
import { crc32, fromUtf8 } from './bytes';
import { inflateNative } from './inflate';
import type { ByteSource } from './stream';
import { bytesSource, plannedSource, throwIfAborted } from './stream';
import type { ZipError, ZipLimits } from './zipErrors';
import { DEFAULT_ZIP_LIMITS, ZipFailure, unsafeNameReason } from './zipErrors';
import type { CentralRecord, Span } from './zipChecks';
import {
  CENTRAL_SIZE, EOCD_SIZE, FLAG_DESCRIPTOR, LOCAL_SIZE, SIG_CENTRAL, SIG_DESCRIPTOR, SIG_LOCAL, SIG_ZIP64_LOCATOR,
  checkEntryType, checkNames, checkOverlaps, checkSizes, findEocd, zip64,
} from './zipChecks';

/**
 * A strict zip reader: it reads the End of Central Directory and the central directory,
 * cross-checks every local header, and refuses anything a bundle never contains rather
 * than guessing (see docs/bundle-format.md, "What is validated on read").
 * It never trusts a declared size: deflated data is inflated in small steps and stopped
 * as soon as it passes the declared length.
 *
 * It reads through a ByteSource (random access: a Blob's slices, or bytes in memory), so a
 * bundle is never held whole: the directory comes from the tail, then each entry. Stored
 * entries the caller chooses (`keepStored`, the PDFs) are not read at all: they come back as
 * a zero-copy Blob slice with the CRC-32 the directory declares, for the caller to verify
 * while it hashes them (verifyStored).
 */

const INFLATE_STEP = 4096; // ≤ ~4 MiB of output per step even at deflate's maximum ratio
const READ_STEP = 1024 * 1024; // compressed bytes fetched from the source at a time
/** Local headers read ahead of the one being checked (each read ahead holds at most plannedSource's window, 4 MiB). */
const HEADERS_AHEAD = 8;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** A stored entry left where it is; its CRC-32 is still to be checked (verifyStored). */
export interface StoredZipEntry {
  name: string;
  stored: { blob: Blob; size: number; crc: number };
}

export type ZipReadResult = { ok: true; entries: ZipEntry[] } | { ok: false; error: ZipError };
export type ZipSourceResult = { ok: true; entries: (ZipEntry | StoredZipEntry)[] } | { ok: false; error: ZipError };

export interface ZipSourceOptions {
  /** Stored entries to return as Blob slices instead of bytes (needs a Blob source). */
  keepStored?: (name: string) => boolean;
  /**
   * Called for every entry once the directory is read, before any entry is read or inflated:
   * throw to refuse the archive (names a format does not use, sizes it never needs).
   */
  admit?: (entries: readonly { name: string; size: number }[]) => void;
  signal?: AbortSignal;
  /** Compressed bytes read so far, of the entries read into memory. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads a whole zip held in memory; every entry comes back as bytes. */
export async function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipReadResult> {
  const r = await readZipSource(bytesSource(bytes), limits);
  return r.ok ? { ok: true, entries: r.entries.filter((e): e is ZipEntry => 'data' in e) } : r;
}

export async function readZipSource(source: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS, opts: ZipSourceOptions = {}): Promise<ZipSourceResult> {
  try {
    const opened = await openOrThrow(source, limits, opts);
    const total = opened.reduce((sum, e) => sum + ('read' in e ? e.compressedSize : 0), 0);
    let done = 0;
    const out: (ZipEntry | StoredZipEntry)[] = [];
    for (const e of opened) {
      if (!('read' in e)) { out.push(e); continue; }
      out.push({ name: e.name, data: await e.read() });
      done += e.compressedSize;
      opts.onProgress?.(done, total);
    }
    return { ok: true, entries: out };
  } catch (e) {
    if (e instanceof ZipFailure) return { ok: false, error: e.toError() };
    throw e;
  }
}

/**
 * An entry of an opened archive whose contents are not read yet: `read()` inflates it (at most
 * its declared size, checked against the limits before anything was read) and checks its
 * CRC-32; it throws a ZipFailure as readZipSource would refuse the archive.
 */
export interface DeferredZipEntry {
  name: string;
  /** Uncompressed size, as the directory declares it (never exceeded by read()). */
  size: number;
  compressedSize: number;
  read(): Promise<Uint8Array>;
}

export type OpenedZipEntry = DeferredZipEntry | StoredZipEntry;
export type ZipOpenResult = { ok: true; entries: OpenedZipEntry[] } | { ok: false; error: ZipError };

/**
 * Every check that needs no entry's contents (directory, local headers, names, sizes, ratios,
 * overlaps, `admit`), then the entries, unread: the caller decides what to inflate and in which
 * order, so it can refuse a bundle from its manifest before inflating anything else.
 */
export async function openZipSource(source: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS, opts: ZipSourceOptions = {}): Promise<ZipOpenResult> {
  try {
    return { ok: true, entries: await openOrThrow(source, limits, opts) };
  } catch (e) {
    if (e instanceof ZipFailure) return { ok: false, error: e.toError() };
    throw e;
  }
}

/**
 * Streams a stored entry kept by readZipSource through `digest` (which returns its CRC-32)
 * and refuses it when the CRC differs from the directory's: `crc-mismatch`, as readZip would.
 */
export function storedCrcFailure(entry: StoredZipEntry, actualCrc: number): ZipError | null {
  return actualCrc === entry.stored.crc
    ? null
    : { code: 'crc-mismatch', message: 'An entry\'s contents do not match its checksum: the file is damaged or was altered.', entry: entry.name };
}

async function openOrThrow(source: ByteSource, limits: ZipLimits, opts: ZipSourceOptions): Promise<OpenedZipEntry[]> {
  const size = source.size;
  const tailStart = Math.max(0, size - EOCD_SIZE - 0xffff);
  const tail = await source.read(tailStart, size);
  const found = findEocd(tail);
  if (found < 0) {
    const first = await source.read(0, Math.min(4, size));
    const looksLikeZip = first.length === 4 && new DataView(first.buffer, first.byteOffset, 4).getUint32(0, true) === SIG_LOCAL;
    throw looksLikeZip
      ? new ZipFailure('truncated', 'The file is cut short: its zip directory is missing. It may not have finished copying.')
      : new ZipFailure('not-zip', 'This file is not a zip archive, so it cannot be a case bundle.');
  }
  const eocd = tailStart + found;
  // A bundle begins with its first entry. Bytes before it (a web page saved around a download,
  // a self-extractor) shift every offset the directory gives: say what the file is, not that an
  // entry is damaged.
  const head = await source.read(0, Math.min(4, size));
  if (head.length < 4 || new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true) !== SIG_LOCAL) {
    throw new ZipFailure('not-zip', 'This file is not a Casefile bundle: it does not begin as a zip archive does (other data comes first, as when a web page is saved around a download).');
  }
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const t16 = (at: number): number => tv.getUint16(at - tailStart, true);
  const t32 = (at: number): number => tv.getUint32(at - tailStart, true);
  if (eocd >= 20) {
    const before = eocd - 20 >= tailStart ? t32(eocd - 20) : new DataView((await source.read(eocd - 20, eocd - 16)).slice().buffer).getUint32(0, true);
    if (before === SIG_ZIP64_LOCATOR) throw zip64();
  }
  const [disk, cdDisk, diskEntries, totalEntries] = [t16(eocd + 4), t16(eocd + 6), t16(eocd + 8), t16(eocd + 10)];
  const cdSize = t32(eocd + 12);
  const cdOffset = t32(eocd + 16);
  if (totalEntries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw zip64();
  if (disk !== 0 || cdDisk !== 0 || diskEntries !== totalEntries) {
    throw new ZipFailure('multi-disk', 'This zip is split over several parts (a spanned archive); bundles are always one file.');
  }
  if (totalEntries > limits.maxEntries) {
    throw new ZipFailure('too-many-entries', `The archive has ${totalEntries} entries, more than the ${limits.maxEntries} a bundle may have.`);
  }
  if (cdOffset + cdSize > eocd) throw new ZipFailure('truncated', 'The zip directory points past the end of the file: the file is cut short or damaged.');
  if (cdOffset + cdSize !== eocd) throw new ZipFailure('corrupt-data', 'There are unexplained bytes between the zip directory and its end record.');

  // The directory, read once; offsets below are relative to cdOffset.
  const cd = await source.read(cdOffset, eocd);
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const records: CentralRecord[] = [];
  let at = 0;
  for (let i = 0; i < totalEntries; i++) {
    if (at + CENTRAL_SIZE > cdSize || u32(at) !== SIG_CENTRAL) {
      throw new ZipFailure('truncated', 'The zip directory ends before all its entries are listed: the file is damaged.');
    }
    const nameLength = u16(at + 28);
    const end = at + CENTRAL_SIZE + nameLength + u16(at + 30) + u16(at + 32);
    if (end > cdSize) throw new ZipFailure('truncated', 'An entry in the zip directory runs past its end: the file is damaged.');
    const nameBytes = cd.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const name = fromUtf8(nameBytes);
    if (name === null) throw new ZipFailure('unsafe-name', 'An entry name is not valid UTF-8 text.');
    const reason = unsafeNameReason(name, limits.maxNameBytes, nameLength);
    if (reason) throw new ZipFailure('unsafe-name', `An entry ${reason}, which could write outside the bundle or confuse the reader.`, name);
    checkEntryType(name, u16(at + 4) >>> 8, u32(at + 38));
    const record: CentralRecord = {
      name, nameBytes, flags: u16(at + 8), method: u16(at + 10), crc: u32(at + 16),
      compressedSize: u32(at + 20), size: u32(at + 24), localOffset: u32(at + 42),
    };
    if (record.compressedSize === 0xffffffff || record.size === 0xffffffff || record.localOffset === 0xffffffff || u16(at + 34) === 0xffff) throw zip64(name);
    if (u16(at + 34) !== 0) throw new ZipFailure('multi-disk', 'An entry lives on another part of a split archive.', name);
    records.push(record);
    at = end;
  }
  if (at !== cdSize) throw new ZipFailure('corrupt-data', 'The zip directory has bytes that belong to no entry.');

  checkNames(records);
  checkSizes(records, limits);
  opts.admit?.(records);
  const lazy = (r: CentralRecord): boolean => r.method === 0 && source.blob !== undefined && (opts.keepStored?.(r.name) ?? false);
  // Read ahead: every local header, and the data of the entries read into memory, in a few
  // large reads (assuming no extra field; when there is one, that read simply misses).
  const planned = records.map((r) => {
    const header = r.localOffset + LOCAL_SIZE + r.nameBytes.length;
    return [r.localOffset, Math.min(cdOffset, lazy(r) ? header : header + r.compressedSize + 16)] as const;
  });
  const ahead = plannedSource(source, planned);
  // The local headers are checked in order, but read HEADERS_AHEAD entries ahead: each read is a
  // round trip to where the Blob's bytes are, and a bundle of a thousand PDFs has a thousand of them.
  const readAhead = (i: number) => {
    const r = records[i];
    if (r && r.localOffset + LOCAL_SIZE <= cdOffset) ahead.read(r.localOffset, Math.min(cdOffset, r.localOffset + LOCAL_SIZE + r.nameBytes.length)).catch(() => undefined);
  };
  for (let i = 0; i < HEADERS_AHEAD; i++) readAhead(i);
  const spans: Span[] = [];
  for (const [i, r] of records.entries()) {
    throwIfAborted(opts.signal);
    readAhead(i + HEADERS_AHEAD);
    spans.push({ record: r, ...(await localSpan(ahead, r, cdOffset)) });
  }
  checkOverlaps(spans);

  return spans.map(({ record, dataStart }): OpenedZipEntry => {
    if (lazy(record)) return { name: record.name, stored: { blob: source.blob!(dataStart, dataStart + record.size), size: record.size, crc: record.crc } };
    return {
      name: record.name, size: record.size, compressedSize: record.compressedSize,
      read: async () => {
        throwIfAborted(opts.signal);
        const data = await extract(ahead, record, dataStart, opts.signal);
        ahead.release(dataStart);
        return data;
      },
    };
  });
}

/** Reads and cross-checks the local header; returns where the entry's bytes start and end. */
async function localSpan(source: ByteSource, r: CentralRecord, cdOffset: number): Promise<{ start: number; dataStart: number; end: number }> {
  const start = r.localOffset;
  if (start + LOCAL_SIZE > cdOffset) throw new ZipFailure('truncated', 'An entry points past the end of the file data: the file is damaged.', r.name);
  // One read for the fixed header and the name (as long as the directory's), usually enough.
  const header = await source.read(start, Math.min(cdOffset, start + LOCAL_SIZE + r.nameBytes.length));
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint32(0, true) !== SIG_LOCAL) throw new ZipFailure('header-mismatch', 'An entry has no local header where the directory says it is.', r.name);
  const flags = view.getUint16(6, true);
  const method = view.getUint16(8, true);
  const nameLength = view.getUint16(26, true);
  const dataStart = start + LOCAL_SIZE + nameLength + view.getUint16(28, true);
  if (dataStart > cdOffset) throw new ZipFailure('truncated', 'An entry header runs past the end of the file data.', r.name);
  const localName = nameLength === r.nameBytes.length ? header.subarray(LOCAL_SIZE, LOCAL_SIZE + nameLength) : await source.read(start + LOCAL_SIZE, start + LOCAL_SIZE + nameLength);
  if (flags !== r.flags || method !== r.method || !sameBytes(localName, r.nameBytes)) {
    throw new ZipFailure('header-mismatch', 'An entry\'s local header disagrees with the zip directory (name, flags or method).', r.name);
  }
  const [crc, compressed, size] = [view.getUint32(14, true), view.getUint32(18, true), view.getUint32(22, true)];
  const deferred = (flags & FLAG_DESCRIPTOR) !== 0 && crc === 0 && compressed === 0 && size === 0;
  if (!deferred && (crc !== r.crc || compressed !== r.compressedSize || size !== r.size)) {
    throw new ZipFailure('size-mismatch', 'An entry\'s local header declares other sizes or checksum than the zip directory.', r.name);
  }
  let end = dataStart + r.compressedSize;
  if (end > cdOffset) throw new ZipFailure('truncated', 'An entry\'s data runs past the end of the file data: the file is cut short.', r.name);
  if (flags & FLAG_DESCRIPTOR) {
    const d = await source.read(end, Math.min(cdOffset, end + 16));
    const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const withSig = d.length >= 16 && dv.getUint32(0, true) === SIG_DESCRIPTOR;
    const o = withSig ? 4 : 0;
    if (o + 12 > d.length || dv.getUint32(o, true) !== r.crc || dv.getUint32(o + 4, true) !== r.compressedSize || dv.getUint32(o + 8, true) !== r.size) {
      throw new ZipFailure('size-mismatch', 'An entry\'s trailing data descriptor disagrees with the zip directory.', r.name);
    }
    end += o + 12;
  }
  return { start, dataStart, end };
}

async function extract(source: ByteSource, r: CentralRecord, dataStart: number, signal?: AbortSignal): Promise<Uint8Array> {
  const data = r.method === 0 ? (await source.read(dataStart, dataStart + r.compressedSize)).slice() : await inflateBounded(source, dataStart, r, signal);
  if (crc32(data) !== r.crc) throw new ZipFailure('crc-mismatch', 'An entry\'s contents do not match its checksum: the file is damaged or was altered.', r.name);
  return data;
}

/**
 * Inflates at most `r.size` bytes; more, less or a broken stream is an error, never a silent
 * cut. Natively where the platform can (inflate.ts), else (and for every entry that is not
 * sound, so its refusal reads the same everywhere) by fflate. The compressed bytes are fetched READ_STEP at a time and stop being read once the
 * stream ends, so a lying entry costs little whatever it declares.
 */
async function inflateBounded(source: ByteSource, dataStart: number, r: CentralRecord, signal?: AbortSignal): Promise<Uint8Array> {
  const tooLong = new ZipFailure('size-mismatch', `An entry unpacks to more than the ${r.size} bytes it declares.`, r.name);
  // The platform's zlib first (inflate.ts); it answers only for a sound entry or one too long,
  // and anything else is inflated again below, so every refusal is fflate's, as before.
  const native = await inflateNative(source, dataStart, r.compressedSize, r.size, READ_STEP, signal);
  if (native === 'too-long') throw tooLong;
  if (native) return native;
  const out = new Uint8Array(r.size);
  let length = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > r.size) throw tooLong;
    out.set(chunk, length);
    length += chunk.length;
    if (final) finished = true;
  });
  const rawEnd = dataStart + r.compressedSize;
  try {
    if (r.compressedSize === 0) inflate.push(new Uint8Array(0), true);
    for (let from = dataStart; from < rawEnd && !finished; from += READ_STEP) {
      throwIfAborted(signal);
      const raw = await source.read(from, Math.min(rawEnd, from + READ_STEP));
      const last = from + READ_STEP >= rawEnd;
      for (let i = 0; i < raw.length && !finished; i += INFLATE_STEP) {
        inflate.push(raw.subarray(i, i + INFLATE_STEP), last && i + INFLATE_STEP >= raw.length);
      }
    }
  } catch (e) {
    if (e instanceof ZipFailure) throw e;
    throw new ZipFailure('corrupt-data', 'An entry\'s compressed data is damaged and cannot be unpacked.', r.name);
  }
  if (!finished) throw new ZipFailure('corrupt-data', 'An entry\'s compressed data ends early.', r.name);
  if (length !== r.size) throw new ZipFailure('size-mismatch', `An entry unpacks to ${length} bytes but declares ${r.size}.`, r.name);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
