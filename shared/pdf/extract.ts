import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { abortError, classifyPdfError } from './classifyError';
import { readPdfInfo } from './info';
import { countTextChars, normalisePageText } from './normalise';
import { pdfOpenOptions } from './openOptions';
import type { AbortSignalLike, ExtractOptions, ExtractionResult, ExtractionState, PdfInfo } from './types';
import { assertSafePdfjsVersion } from './version';

/**
 * The pdf.js module, passed in by the caller so this code runs unchanged on the
 * renderer's worker (`pdfjs-dist`) and in Node (`pdfjs-dist/legacy/build/pdf.mjs`).
 */
export type PdfjsModule = Pick<typeof Pdfjs, 'getDocument' | 'version'>;

/**
 * Below this many non-space characters per page on average, a PDF counts as having no
 * text layer ('needs-ocr'). A page of prose carries 1,500–4,000 characters; a scan
 * carries none, or a stamp such as a page number or "Scanned by CamScanner" on some
 * pages. The text found is still kept, so a genuinely tiny document loses nothing.
 */
export const MIN_TEXT_CHARS_PER_PAGE = 16;

/**
 * After this many unreadable pages in a row the rest are not tried: a broken page
 * tree (or an absurd declared page count) would otherwise fail page by page for ever.
 */
export const MAX_CONSECUTIVE_PAGE_FAILURES = 20;

function abortable(signal: AbortSignalLike | undefined): { race<T>(work: Promise<T>): Promise<T>; dispose(): void } {
  if (!signal?.addEventListener) return { race: (work) => work, dispose: () => {} };
  let reject: (error: Error) => void = () => {};
  const aborted = new Promise<never>((_, r) => {
    reject = r;
  });
  aborted.catch(() => {}); // only ever observed through race()
  const onAbort = () => reject(abortError(signal.reason));
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    race: (work) => Promise.race([work, aborted]),
    dispose: () => signal.removeEventListener?.('abort', onAbort),
  };
}

function ended(state: ExtractionState, started: number, fields: Partial<ExtractionResult> = {}): ExtractionResult {
  return { state, pageCount: 0, pages: [], info: null, message: '', ...fields, durationMs: Date.now() - started };
}

async function readInfo(doc: PDFDocumentProxy): Promise<PdfInfo | null> {
  try {
    return readPdfInfo(await doc.getMetadata());
  } catch {
    return null; // a damaged info dictionary must not cost the text
  }
}

/**
 * Opens a PDF with Casefile's safe options and extracts the normalised text of every
 * page. Always resolves to one of the document states (never throws for a bad file);
 * rejects only with an AbortError when `signal` aborts, or when pdf.js is too old.
 * `bytes` are handed to pdf.js, which may detach their buffer: pass a copy to keep them.
 */
export async function extractDocument(
  pdfjs: PdfjsModule,
  bytes: Uint8Array | ArrayBuffer,
  { assets, password, onPage, signal }: ExtractOptions,
): Promise<ExtractionResult> {
  const started = Date.now();
  assertSafePdfjsVersion(pdfjs.version);
  if (signal?.aborted) throw abortError(signal.reason);

  const task = pdfjs.getDocument({
    ...pdfOpenOptions(assets),
    data: bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes),
    ...(password !== undefined ? { password } : {}),
  });
  const abort = abortable(signal);
  const checkAborted = () => {
    if (signal?.aborted) throw abortError(signal.reason);
  };
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await abort.race(task.promise);
    } catch (error) {
      checkAborted();
      const { state, message } = classifyPdfError(error);
      return ended(state, started, { message });
    }

    const pageCount = doc.numPages;
    const info = await abort.race(readInfo(doc));
    if (pageCount < 1) return ended('damaged', started, { info, message: 'The PDF has no pages.' });

    const pages: string[] = [];
    const failedPages: number[] = [];
    let firstFailure = '';
    let failuresInARow = 0;
    for (let n = 1; n <= pageCount && failuresInARow < MAX_CONSECUTIVE_PAGE_FAILURES; n++) {
      checkAborted();
      try {
        const page = await abort.race(doc.getPage(n));
        const content = await abort.race(page.getTextContent());
        pages.push(normalisePageText(content.items));
        page.cleanup();
        failuresInARow = 0;
      } catch (error) {
        checkAborted();
        pages.push('');
        failedPages.push(n);
        firstFailure ||= `page ${n}: ${classifyPdfError(error).message}`;
        failuresInARow++;
      }
      onPage?.(n, pageCount);
    }

    const readCount = pages.length - failedPages.length;
    if (readCount === 0) {
      return ended('damaged', started, { pageCount, info, message: `No page could be read (${firstFailure}).`, failedPages });
    }
    const notes: string[] = [];
    if (failedPages.length > 0) notes.push(`${failedPages.length} of ${pageCount} pages could not be read (${firstFailure}).`);
    if (pages.length < pageCount) notes.push(`Stopped after page ${pages.length}: ${MAX_CONSECUTIVE_PAGE_FAILURES} pages in a row were unreadable.`);
    const chars = pages.reduce((sum, text) => sum + countTextChars(text), 0);
    const needsOcr = chars / readCount < MIN_TEXT_CHARS_PER_PAGE;
    if (needsOcr) notes.unshift(`No text layer (${chars} characters on ${readCount} pages): a scan that needs OCR.`);
    return ended(needsOcr ? 'needs-ocr' : 'extracted', started, {
      pageCount,
      pages,
      info,
      message: notes.join(' '),
      ...(failedPages.length > 0 ? { failedPages } : {}),
    });
  } finally {
    abort.dispose();
    await task.destroy().catch(() => {});
  }
}
