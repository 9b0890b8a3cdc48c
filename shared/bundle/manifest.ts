import { z } from 'zod';
import type { Actor, Case, CaseEvent, SourceDocument } from '../model';
import { MAX_TIMESTAMP, idSchema } from '../model';
import type {} from './stream'; // the Blob type
import type { BundleNameRule } from './nameRules';
import type { SavedChart } from '../chart/savedChart';
import type { DocumentPages } from './pages';
import { ZIP_ERROR_CODES } from './zipErrors';

export const BUNDLE_FORMAT = 'casefile-bundle';
/** The format version this code writes and the newest it reads. */
export const BUNDLE_FORMAT_VERSION = 4;
/** The oldest format version a migration exists for. */
export const OLDEST_READABLE_VERSION = 0;

export const MANIFEST_PATH = 'manifest.json';
export const RECORD_PATHS = {
  cases: 'records/cases.json',
  actors: 'records/actors.json',
  events: 'records/events.json',
  documents: 'records/documents.json',
} as const;
export const pagesPath = (documentId: string): string => `records/pages/${documentId}.json`;
export const filePath = (sha256: string): string => `files/${sha256}.pdf`;
export const PAGES_PATH = /^records\/pages\/([0-9a-f-]{36})\.json$/;
export const FILE_PATH = /^files\/([0-9a-f]{64})\.pdf$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

/** Every version's manifest lists its other entries like this, so integrity is checked before migrating. */
export const manifestEntrySchema = z.object({ path: z.string().min(1).max(255), sha256, size: count });
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export const manifestEntriesSchema = z.array(manifestEntrySchema).max(20_000);

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  /** The record model version (shared/model MODEL_VERSION) the records follow. */
  modelVersion: z.number().int().min(1),
  appVersion: z.string().min(1).max(50),
  /** Milliseconds since the epoch (UTC); also the zip entries' timestamp. */
  createdAt: count.max(MAX_TIMESTAMP),
  case: z.object({ id: idSchema, name: z.string().max(200), description: z.string().max(20_000) }),
  counts: z.object({ cases: count, actors: count, events: count, documents: count, pages: count, files: count, nameRules: count, charts: count }),
  entries: manifestEntriesSchema,
});
export type BundleManifest = z.infer<typeof manifestSchema>;

export type { DocumentPages, PageEntry } from './pages';
export type { BundleNameRule } from './nameRules';

/** One document's bytes, by reference: a Blob from IndexedDB when writing, a slice of the bundle when read. */
export interface BundleFile {
  sha256: string;
  byteLength: number;
  blob: Blob;
  /**
   * The bytes' CRC-32 (the zip's checksum), when known: kept with the file since it was added or
   * imported, so an export lays the file into the zip without reading it again.
   */
  crc32?: number;
}

/** Everything a bundle carries: one case and the records and files it needs. */
export interface CaseSnapshot {
  /** The case the bundle is about; it must be among `cases`. */
  caseId: string;
  cases: Case[];
  actors: Actor[];
  events: CaseEvent[];
  documents: SourceDocument[];
  pages: DocumentPages[];
  files: BundleFile[];
  /**
   * The user's name-matching rules for these actors (format 3). Optional when writing (none);
   * always present in what the reader returns.
   */
  nameRules?: BundleNameRule[];
  /** The case's saved link charts (format 4). Optional when writing (none); always present in what the reader returns. */
  charts?: SavedChart[];
}

export type RecordKind = 'case' | 'actor' | 'event' | 'document' | 'pages' | 'file' | 'nameRule' | 'chart';

/** One problem with one record: which record, in which entry, at which field, and what. */
export interface RecordIssue {
  kind: RecordKind;
  id: string;
  entry: string;
  path: string;
  /** A validation key from shared/model (V.*) or, for reference problems, a `bundle.*` key. */
  message: string;
}

/** Every code a refusal can carry (the screens have a sentence for each, in every language: a test holds them to it). */
export const BUNDLE_ERROR_CODES = [
  ...ZIP_ERROR_CODES,
  'not-a-bundle',
  'manifest-invalid',
  'future-version',
  'unsupported-version',
  'migration-failed',
  'entry-missing',
  'entry-unlisted',
  'manifest-size-mismatch',
  'hash-mismatch',
  'invalid-json',
  'invalid-records',
  'count-mismatch',
  'broken-reference',
  'passphrase-required',
  'wrong-passphrase',
  'decryption-failed',
  'unsupported-encryption',
  // an age file a passphrase cannot open: armored text, or encrypted to keys
  'age-armored',
  'age-recipient-key',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

/** A refusal's particulars as a message key and values, so the screens say them in the user's language. */
export interface BundleErrorDetail {
  key: string;
  values?: Record<string, string | number>;
}

export interface BundleError {
  code: BundleErrorCode;
  /** Plain words for the person importing; `issues` has the details per record. */
  message: string;
  entry?: string;
  issues?: RecordIssue[];
  detail?: BundleErrorDetail;
}

export type ReadBundleResult =
  | { ok: true; snapshot: CaseSnapshot; manifest: BundleManifest; warnings: RecordIssue[]; /** The file was age-encrypted. */ encrypted: boolean }
  | { ok: false; error: BundleError };

export class BundleFailure extends Error {
  constructor(readonly error: BundleError) {
    super(error.message);
    this.name = 'BundleFailure';
  }
}

export function fail(code: BundleErrorCode, message: string, extra: Omit<BundleError, 'code' | 'message'> = {}): never {
  throw new BundleFailure({ code, message, ...extra });
}
