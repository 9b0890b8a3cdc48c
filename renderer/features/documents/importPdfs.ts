import { MAX_FILE_BYTES } from '../../../shared/desktopApi';
import type { FieldIssue, SourceDocument } from '../../../shared/model';
import type { CasefileDb } from '../../db/db';
import { addDocument, findDocumentBySha256 } from '../../db/documents';
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
  /** Nothing was written. `detail` is technical text (an exception's message) for the UI to quote. */
  | { status: 'failed'; reason: 'too-large' | 'unreadable' | 'invalid' | 'error'; detail: string; issues?: FieldIssue[] }
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

/**
 * Adds one PDF: hash (WebCrypto, off the main thread) → already in the library? then
 * link to it → extract in the worker → write metadata, bytes and page texts in one
 * transaction. Every await before the write may be cancelled, and a cancelled or failed
 * file writes nothing. The write itself is not interrupted: once it starts, the file is
 * added whole.
 */
export async function importPdf(db: CasefileDb, file: ImportFile, options: ImportFileOptions): Promise<ImportOutcome> {
  const { extractor, signal } = options;
  if (signal.aborted) return CANCELLED;
  if (file.blob.size > MAX_FILE_BYTES) return { status: 'failed', reason: 'too-large', detail: String(MAX_FILE_BYTES / 1024 / 1024) };

  options.onPhase?.('hashing');
  let bytes: ArrayBuffer;
  try {
    bytes = await file.blob.arrayBuffer();
  } catch (error) {
    return { status: 'failed', reason: 'unreadable', detail: reasonOf(error) };
  }
  const sha256 = await sha256Hex(bytes);
  if (signal.aborted) return CANCELLED;
  const existing = await findDocumentBySha256(db, sha256);
  if (existing) return { status: 'duplicate', document: existing };

  options.onPhase?.('extracting');
  let extraction;
  try {
    // The buffer is transferred to the worker; the Blob stays whole for storing.
    extraction = await extractor.extract(bytes, { signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    if (isAbort(error) || signal.aborted) return CANCELLED;
    return { status: 'failed', reason: 'error', detail: reasonOf(error) };
  }
  if (signal.aborted) return CANCELLED;

  options.onPhase?.('saving');
  try {
    const result = await addDocument(db, {
      file: file.blob,
      sha256,
      fileName: file.name.trim().slice(0, 500) || 'untitled.pdf',
      extraction,
      caseIds: options.caseIds ?? [],
    });
    if (result.status === 'invalid') {
      return { status: 'failed', reason: 'invalid', detail: result.issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues: result.issues };
    }
    return result;
  } catch (error) {
    return { status: 'failed', reason: 'error', detail: reasonOf(error) };
  }
}

export interface ImportBatchOptions extends Omit<ImportFileOptions, 'onPhase' | 'onProgress'> {
  onPhase?: (index: number, phase: ImportPhase) => void;
  onProgress?: (index: number, progress: PdfExtractProgress) => void;
  onOutcome?: (index: number, outcome: ImportOutcome) => void;
}

/**
 * Adds the files one after another. One bad file never stops the others; after a
 * cancel no later file starts (each is reported 'cancelled'), and files already added stay.
 */
export async function importPdfs(db: CasefileDb, files: readonly ImportFile[], options: ImportBatchOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const outcome = await importPdf(db, file, {
      ...options,
      onPhase: (phase) => options.onPhase?.(index, phase),
      onProgress: (progress) => options.onProgress?.(index, progress),
    });
    outcomes.push(outcome);
    options.onOutcome?.(index, outcome);
  }
  return outcomes;
}
