import type { ZipLimits } from './zipErrors';
import { ZipFailure } from './zipErrors';

/**
 * The zip reader's constants and the checks that need no reading: the End of Central Directory's
 * place, entry types, names, sizes and overlaps (zipRead.ts reads; these refuse, with the reason,
 * anything a bundle never contains: docs/bundle-format.md, "What is validated on read").
 */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;
export const SIG_DESCRIPTOR = 0x08074b50;
export const EOCD_SIZE = 22;
export const CENTRAL_SIZE = 46;
export const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;


export interface CentralRecord {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  nameBytes: Uint8Array;
}

export interface Span {
  record: CentralRecord;
  start: number;
  dataStart: number;
  end: number;
}

export function zip64(entry?: string): ZipFailure {
  return new ZipFailure('zip64-unsupported', 'This zip uses the ZIP64 extension (for archives over 4 GiB or 65,535 entries), which bundles never need.', entry);
}

/** The End of Central Directory record must end the file exactly, after its own comment. `tail` is the file's last bytes. */
export function findEocd(tail: Uint8Array): number {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (view.getUint32(i, true) === SIG_EOCD && i + EOCD_SIZE + view.getUint16(i + 20, true) === tail.length) return i;
  }
  return -1;
}

/**
 * Symlinks, folders and devices are rejected rather than read as plain files: a bundle
 * holds only regular files, and an unpacker downstream might honour the type.
 */
export function checkEntryType(name: string, host: number, external: number): void {
  if (external & 0x10) throw new ZipFailure('unsupported-entry-type', 'An entry is marked as a folder; bundles hold only files.', name);
  if (host === 3) {
    const type = (external >>> 16) & 0o170000;
    if (type === 0o120000) throw new ZipFailure('unsupported-entry-type', 'An entry is a symbolic link; bundles hold only plain files.', name);
    if (type !== 0 && type !== 0o100000) throw new ZipFailure('unsupported-entry-type', 'An entry is a special file (folder, device or pipe); bundles hold only plain files.', name);
  }
}

export function checkNames(records: readonly CentralRecord[]): void {
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  for (const { name } of records) {
    if (exact.has(name)) throw new ZipFailure('duplicate-name', `The name "${name}" appears twice; which copy is meant is ambiguous.`, name);
    exact.add(name);
    // Windows and macOS file systems fold case, and macOS normalises Unicode: two names that
    // differ only so would overwrite each other on disk, so they are as ambiguous as duplicates.
    const key = name.normalize('NFC').toLowerCase();
    const other = folded.get(key);
    if (other !== undefined) {
      throw new ZipFailure('name-collision', `The names "${other}" and "${name}" differ only by letter case or Unicode form; on many systems they are the same file.`, name);
    }
    folded.set(key, name);
  }
  for (const key of folded.keys()) {
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const clash = folded.get(prefix);
      if (clash !== undefined) throw new ZipFailure('name-collision', `"${clash}" is both a file and a folder in this archive.`, clash);
    }
  }
}

export function checkSizes(records: readonly CentralRecord[], limits: ZipLimits): void {
  let total = 0;
  for (const r of records) {
    if (r.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || r.method === 99) {
      throw new ZipFailure('encrypted', 'An entry is password-protected; bundles are never encrypted at the zip level.', r.name);
    }
    if (r.method !== 0 && r.method !== 8) {
      throw new ZipFailure('unsupported-method', `An entry uses compression method ${r.method}; only stored (0) and deflate (8) are read.`, r.name);
    }
    if (r.method === 0 && r.compressedSize !== r.size) {
      throw new ZipFailure('size-mismatch', 'A stored (uncompressed) entry declares two different sizes.', r.name);
    }
    if (r.size > limits.maxEntryBytes) {
      throw new ZipFailure('entry-too-large', `An entry would unpack to ${r.size} bytes, more than the ${limits.maxEntryBytes} allowed.`, r.name);
    }
    total += r.size;
    if (total > limits.maxTotalBytes) {
      throw new ZipFailure('total-too-large', `The archive would unpack to more than ${limits.maxTotalBytes} bytes in all.`, r.name);
    }
    if (r.method === 8 && r.size > limits.ratioFloorBytes && r.size > r.compressedSize * limits.maxRatio) {
      throw new ZipFailure('ratio-too-high', `An entry claims to expand more than ${limits.maxRatio} times, as a zip bomb does.`, r.name);
    }
  }
}

export function checkOverlaps(spans: readonly Span[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) {
      throw new ZipFailure('overlapping-entries', 'Two entries share the same bytes, a trick used by zip bombs.', sorted[i]!.record.name);
    }
  }
}
