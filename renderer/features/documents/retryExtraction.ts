import type { SourceDocument } from '../../../shared/model';
import { RecordNotFoundError } from '../../db/cases';
import type { CasefileDb } from '../../db/db';
import { getDocumentBlob, updateExtraction } from '../../db/documents';
import type { PdfExtractor } from '../../workers/pdfExtractClient';

/** A second look gets five times the import's watchdog limit: the user asked for it and is waiting. */
const RETRY_TIMEOUT_MS = 5 * 60_000;

export type RetryOutcome =
  | { status: 'updated'; document: SourceDocument }
  /** The password did not open the file; nothing was written, the document stays locked. */
  | { status: 'wrong-password' };

/**
 * Reads a stored file again, with the user's password for a locked one, and stores the
 * new result. The password goes to the extractor for this attempt only: it is not kept,
 * logged or written anywhere. A wrong password changes nothing stored.
 */
export async function retryExtraction(
  db: CasefileDb, extractor: PdfExtractor, documentId: string, password?: string,
): Promise<RetryOutcome> {
  const blob = await getDocumentBlob(db, documentId);
  if (!blob) throw new RecordNotFoundError('documents', documentId);
  // Read afresh: the extractor transfers (detaches) the buffer it is given.
  const bytes = await blob.arrayBuffer();
  const result = await extractor.extract(bytes, { timeoutMs: RETRY_TIMEOUT_MS, ...(password !== undefined ? { password } : {}) });
  if (password !== undefined && (result.state === 'password-wrong' || result.state === 'password-required')) {
    return { status: 'wrong-password' };
  }
  return { status: 'updated', document: await updateExtraction(db, documentId, result) };
}
