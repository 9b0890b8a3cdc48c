/** Every way the strict zip reader refuses an archive, with a plain-words message for each. */
export const ZIP_ERROR_CODES = [
  'not-zip',
  'truncated',
  'multi-disk',
  'zip64-unsupported',
  'too-many-entries',
  'unsafe-name',
  'duplicate-name',
  'name-collision',
  'unsupported-entry-type',
  'encrypted',
  'unsupported-method',
  'header-mismatch',
  'overlapping-entries',
  'entry-too-large',
  'total-too-large',
  'ratio-too-high',
  'size-mismatch',
  'crc-mismatch',
  'corrupt-data',
] as const;
export type ZipErrorCode = (typeof ZIP_ERROR_CODES)[number];

export interface ZipError {
  code: ZipErrorCode;
  message: string;
  /** The entry concerned, when there is one. */
  entry?: string;
}

/** Thrown inside the reader and writer, caught at their edges and turned into a result. */
export class ZipFailure extends Error {
  constructor(readonly code: ZipErrorCode, message: string, readonly entry?: string) {
    super(message);
    this.name = 'ZipFailure';
  }

  toError(): ZipError {
    return this.entry === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, entry: this.entry };
  }
}

/** Limits on what the reader accepts; the defaults suit a case bundle of PDFs kept in memory. */
export interface ZipLimits {
  maxEntries: number;
  /** Longest entry name, in UTF-8 bytes. */
  maxNameBytes: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest sum of uncompressed entries. */
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio of a deflated entry, checked above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxNameBytes: 255,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1536 * 1024 * 1024,
  // JSON records deflate 5–30×; deflate's own ceiling is ~1032×, which is what bombs use.
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** Checks one entry name; returns a plain-words reason it is unsafe, or null. Used by reader and writer. */
export function unsafeNameReason(name: string, maxNameBytes: number, byteLength: number): string | null {
  if (name.length === 0) return 'has an empty name';
  if (byteLength > maxNameBytes) return `has a name longer than ${maxNameBytes} bytes`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has a control character (such as NUL) in its name';
  if (name.includes('\\')) return 'uses a backslash in its name';
  if (name.startsWith('/')) return 'has an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.endsWith('/')) return 'is a folder entry, which a bundle never has';
  const segments = name.split('/');
  if (segments.includes('..')) return 'points outside the bundle with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." path segment';
  return null;
}
