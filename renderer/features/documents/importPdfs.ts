import { MAX_FILE_BYTES } from '../../../shared/desktopApi';
import type { FieldIssue, SourceDocument } from '../../../shared/model';
import type { ExtractionResult } from '../../../shared/pdf/types';
import type { CasefileDb } from '../../db/db';
import { addDocument, findDocumentBySha256 } from '../../db/documents';
import { isDiskFull } from '../../db/storageErrors';
import { crc32Update } from '../../../shared/bundle/bytes';
import { sha256Hex } from '../../util/sha256';
import type { PdfExtractProgress, PdfExtractor } from '../../workers/pdfExtractClient';

/** One file to add. The Blob is what gets stored; its bytes are read once for hashing and extraction. */
export interface ImportFile {
  name: string;
  blob: Blob;
}

export type ImportPhase = 'hashing' | 'extracting' | 'saving';

export type ImportOutcome =
  /** Stored, in whatever state extraction ended (damaged and locked files too: the UI shows why). */
  | { status: 'added'; document: SourceDocument }
  /** The same bytes are already in the library; nothing was read further or written. */
  | { status: 'duplicate'; document: SourceDocument }
  /**
   * Nothing was written. `detail` is technical text (an exception's message) for the UI to
   * quote; 'disk-full' is the disk or the browser's quota running out during the write.
   */
  | { status: 'failed'; reason: 'too-large' | 'unreadable' | 'invalid' | 'disk-full' | 'error'; detail: string; issues?: FieldIssue[] }
  /** Cancelled before it was written; nothing was. */
  | { status: 'cancelled' };

export interface ImportFileOptions {
  extractor: PdfExtractor;
  signal: AbortSignal;
  /** Cases the new document joins (the active case). */
  caseIds?: string[];
  onPhase?: (phase: ImportPhase) => void;
  onProgress?: (progress: PdfExtractProgress) => void;
}

const CANCELLED: ImportOutcome = { status: 'cancelled' };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** A file read, hashed and extracted, waiting for its one write. */
interface Prepared {
  file: ImportFile;
  sha256: string;
  crc32: number;
  extraction: ExtractionResult;
}

interface Hashed {
  bytes: ArrayBuffer;
  sha256: string;
  crc32: number;
}

/**
 * Reads and hashes a file (WebCrypto, off the main thread) and looks the hash up: a file
 * already in the library is linked to, not read further. Nothing is written. This runs a
 * file ahead of extraction, so the look-up's wait behind a write in progress never idles
 * the extraction worker; the write re-checks the hash for twins within one batch.
 */
async function readAndHash(db: CasefileDb, file: ImportFile, options: ImportFileOptions): Promise<Hashed | ImportOutcome> {
  if (options.signal.aborted) return CANCELLED;
  if (file.blob.size > MAX_FILE_BYTES) return { status: 'failed', reason: 'too-large', detail: String(MAX_FILE_BYTES / 1024 / 1024) };
  options.onPhase?.('hashing');
  let bytes: ArrayBuffer;
  try {
    bytes = await file.blob.arrayBuffer();
  } catch (error) {
    return { status: 'failed', reason: 'unreadable', detail: reasonOf(error) };
  }
  const sha256 = await sha256Hex(bytes);
  if (options.signal.aborted) return CANCELLED;
  const existing = await findDocumentBySha256(db, sha256);
  if (existing) return { status: 'duplicate', document: existing };
  // Kept with the file, so exporting it in a bundle never reads it again (the zip needs it).
  const crc32 = await crc32InSlices(new Uint8Array(bytes), options.signal);
  if (options.signal.aborted) return CANCELLED;
  return { bytes, sha256, crc32 };
}

/** Extracts in the worker. May be cancelled; nothing is written here. */
async function extract(file: ImportFile, { bytes, sha256, crc32 }: Hashed, options: ImportFileOptions): Promise<Prepared | ImportOutcome> {
  const { extractor, signal } = options;
  // A file read ahead before a cancel must still not start.
  if (signal.aborted) return CANCELLED;

  options.onPhase?.('extracting');
  let extraction: ExtractionResult;
  try {
    // The buffer is transferred to the worker; the Blob stays whole for storing.
    extraction = await extractor.extract(bytes, { signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    if (isAbort(error) || signal.aborted) return CANCELLED;
    return { status: 'failed', reason: 'error', detail: reasonOf(error) };
  }
  if (signal.aborted) return CANCELLED;
  return { file, sha256, crc32, extraction };
}

/** The one write: metadata, bytes and page texts in one transaction (addDocument re-checks the hash inside it). */
async function saveImport(db: CasefileDb, { file, sha256, crc32, extraction }: Prepared, options: ImportFileOptions): Promise<ImportOutcome> {
  options.onPhase?.('saving');
  try {
    const result = await addDocument(db, {
      file: file.blob,
      sha256,
      crc32,
      fileName: file.name.trim().slice(0, 500) || 'untitled.pdf',
      extraction,
      caseIds: options.caseIds ?? [],
    });
    if (result.status === 'invalid') {
      return { status: 'failed', reason: 'invalid', detail: result.issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues: result.issues };
    }
    return result;
  } catch (error) {
    // The one transaction rolled back: no metadata, bytes or pages of this file remain.
    return { status: 'failed', reason: isDiskFull(error) ? 'disk-full' : 'error', detail: reasonOf(error) };
  }
}

const isPrepared = (x: Prepared | ImportOutcome): x is Prepared => 'extraction' in x;
const isHashed = (x: Hashed | ImportOutcome): x is Hashed => 'bytes' in x;

/**
 * Adds one PDF: prepare, then write. A cancelled or failed file writes nothing; once the
 * write starts it is not interrupted, so the file is added whole.
 */
export async function importPdf(db: CasefileDb, file: ImportFile, options: ImportFileOptions): Promise<ImportOutcome> {
  const hashed = await readAndHash(db, file, options);
  const prepared = isHashed(hashed) ? await extract(file, hashed, options) : hashed;
  return isPrepared(prepared) ? saveImport(db, prepared, options) : prepared;
}

export interface ImportBatchOptions extends Omit<ImportFileOptions, 'onPhase' | 'onProgress'> {
  onPhase?: (index: number, phase: ImportPhase) => void;
  onProgress?: (index: number, progress: PdfExtractProgress) => void;
  onOutcome?: (index: number, outcome: ImportOutcome) => void;
}

/**
 * Adds the files in order. One bad file never stops the others; after a cancel no later
 * file starts (each is reported 'cancelled'), and files already added stay. The write of
 * one file overlaps the hashing and extraction of the next, so the extraction worker is
 * not left idle while IndexedDB writes, and the next file is read and hashed while the
 * current one is extracted; outcomes are still reported in file order.
 */
export async function importPdfs(db: CasefileDb, files: readonly ImportFile[], options: ImportBatchOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const report = (index: number, outcome: ImportOutcome) => {
    outcomes.push(outcome);
    options.onOutcome?.(index, outcome);
  };
  const optionsFor = (index: number): ImportFileOptions => ({
    ...options,
    onPhase: (phase) => options.onPhase?.(index, phase),
    onProgress: (progress) => options.onProgress?.(index, progress),
  });
  let pendingSave: Promise<void> = Promise.resolve();
  let nextHash = files[0] ? readAndHash(db, files[0], optionsFor(0)) : null;
  for (const [index, file] of files.entries()) {
    const hashed = await nextHash!;
    const following = files[index + 1];
    nextHash = following ? readAndHash(db, following, optionsFor(index + 1)) : null;
    const prepared = isHashed(hashed) ? await extract(file, hashed, optionsFor(index)) : hashed;
    await pendingSave;
    if (isPrepared(prepared)) pendingSave = saveImport(db, prepared, optionsFor(index)).then((outcome) => report(index, outcome));
    else report(index, prepared);
  }
  await pendingSave;
  return outcomes;
}

/** CRC-32 in 4 MiB steps with a yield between them: a large PDF never holds the window for long. */
async function crc32InSlices(bytes: Uint8Array, signal: AbortSignal): Promise<number> {
  const STEP = 4 * 1024 * 1024;
  let crc = 0;
  for (let at = 0; at < bytes.length && !signal.aborted; at += STEP) {
    crc = crc32Update(crc, bytes.subarray(at, at + STEP));
    if (at + STEP < bytes.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return crc;
}
