import type { OcrPageResult } from '../../shared/ocr';
import { storedPageOcr } from '../../shared/ocr';
import { textLayerOf } from '../../shared/model';
import type { DocumentExtraction, SourceDocument } from '../../shared/model';
import { pageNeedsOcr, summarisePages } from '../../shared/pdf/pageState';
import type { PageState, TextLayerSummary } from '../../shared/pdf/types';
import type { CasefileDb } from './db';
import type { DocumentRow, PageRow } from './derive';
import { documentRow, toDocument } from './derive';
import { pagesOfDocument } from './ocrJobs';

/**
 * A page row after OCR (shared/ocr/stored.ts): read → the OCR text with state 'ocr'; blank →
 * state 'blank'; failed → the state stays (the page still needs OCR) and `ocr` says why. A page
 * already read by OCR keeps that reading when a new attempt fails: its earlier state is not
 * known any more, and a good reading is worth more than a failure notice.
 */
export function pageAfterOcr(row: PageRow, result: OcrPageResult, now: number): PageRow {
  const stored = storedPageOcr(result, now);
  if (result.status === 'read') return { ...row, text: result.text, state: 'ocr', ocr: stored! };
  if (result.status === 'blank') {
    const { ocr: _gone, ...rest } = row;
    return { ...rest, state: 'blank' };
  }
  if (row.state === 'ocr' && row.ocr?.status === 'read') return row;
  return { ...row, ocr: stored! };
}

const hasText = (state: PageState) => state === 'text' || state === 'ocr';

/**
 * The document's summary after one page changed, from the summary before it, without reading
 * the other pages (a 1,000-page scan must not read 1,000 rows per page read). Null when it
 * cannot be told so: a page with text lost it (a read page re-read as blank), and whether any
 * other page has text is not in the summary.
 */
export function summaryAfter(extraction: DocumentExtraction, before: PageRow, after: PageRow): { summary: TextLayerSummary; characters: number } | null {
  const was = textLayerOf(extraction);
  if (!was || (hasText(before.state) && !hasText(after.state))) return null;
  const ocrPages = was.ocrPages - Number(pageNeedsOcr(before.state)) + Number(pageNeedsOcr(after.state));
  const text = hasText(after.state) || was.layer === 'text' || was.layer === 'partly-scanned';
  const layer = ocrPages === 0 ? (text ? 'text' : 'no-text') : text ? 'partly-scanned' : 'scanned';
  return { summary: { layer, ocrPages }, characters: extraction.characters - before.text.length + after.text.length };
}

/** What a document row says of its pages after they changed: the extraction summed up again, with a new `extractedAt`. */
export function documentAfterPages(
  doc: SourceDocument, { summary, characters }: { summary: TextLayerSummary; characters: number }, now: number,
): DocumentRow {
  return documentRow({
    ...doc,
    extraction: {
      ...doc.extraction,
      state: summary.ocrPages > 0 ? 'needs-ocr' : 'extracted',
      textLayer: summary.layer,
      ocrPages: summary.ocrPages,
      characters,
      // A new time, never an equal one: the search index compares it with what it indexed.
      extractedAt: Math.max(now, (doc.extraction.extractedAt ?? 0) + 1),
    },
    updatedAt: Math.max(now, doc.updatedAt),
  });
}

/** The same from every page row of the document (one read). */
export async function documentFromStoredPages(db: CasefileDb, doc: SourceDocument, now: number): Promise<DocumentRow> {
  const rows = await pagesOfDocument(db, doc.id).toArray();
  return documentAfterPages(doc, { summary: summarisePages(rows.map((r) => r.state)), characters: rows.reduce((n, r) => n + r.text.length, 0) }, now);
}

export interface StoredOcrPage {
  /** False when the document or the page is gone (deleted meanwhile): nothing was written. */
  written: boolean;
  /** The job's pages left after this one, or null when the result belongs to no current job. */
  left: number | null;
}

/**
 * Stores one page's OCR result in ONE small transaction: the page row, the document's
 * extraction summed up again (summaryAfter, else summarisePages over the pages; `textState` follows) with a new `extractedAt`
 * — which is what the search worker watches: it re-indexes the document's pages on the next
 * change it sees — and the page marked done in its job, so a resumed job skips it. A result
 * from a job that was replaced meanwhile (`jobCreatedAt` differs) still updates the page but
 * not the new job, which reads the page itself.
 */
export async function storeOcrPage(db: CasefileDb, documentId: string, result: OcrPageResult, jobCreatedAt: number, now = Date.now()): Promise<StoredOcrPage> {
  return db.transaction('rw', [db.pages, db.documents, db.ocrJobs], async (): Promise<StoredOcrPage> => {
    const [row, doc] = await Promise.all([db.pages.get([documentId, result.page]), db.documents.get(documentId)]);
    let written = false;
    if (row && doc) {
      const next = pageAfterOcr(row, result, now);
      if (next !== row) await db.pages.put(next);
      // A failure on a page that still needs OCR changes no text and no state: the document stays as it was.
      if (next.state !== row.state || next.text !== row.text) {
        const current = toDocument(doc);
        const changed = summaryAfter(current.extraction, row, next);
        await db.documents.put(changed ? documentAfterPages(current, changed, now) : await documentFromStoredPages(db, current, now));
      }
      written = true;
    }
    const job = await db.ocrJobs.get(documentId);
    if (!job || job.createdAt !== jobCreatedAt || !job.pages.includes(result.page)) return { written, left: null };
    const done = job.done.includes(result.page) ? job.done : [...job.done, result.page];
    const failed = result.status === 'failed' && !job.failed.includes(result.page) ? [...job.failed, result.page] : job.failed;
    const left = job.pages.length - done.length;
    const finished = left === 0 && job.status === 'running';
    await db.ocrJobs.put({ ...job, done, failed, updatedAt: now, ...(finished ? { status: 'done', finishedAt: now } : {}) });
    return { written, left };
  });
}
