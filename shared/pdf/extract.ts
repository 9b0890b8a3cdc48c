import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { abortError, classifyPdfError } from './classifyError';
import { readPdfInfo } from './info';
import { annotationChars, annotationTexts, type RawAnnotation } from './annotations';
import { normalisePageText, rawPageText, spaceControlCodes } from './normalise';
import { pdfOpenOptions } from './openOptions';
import { paintSummary } from './paint';
import { classifyPage, measureText, needsPaintSummary, summarisePages, type PaintSummary } from './pageState';
import type { AbortSignalLike, ExtractOptions, ExtractionResult, ExtractionState, PageAnnotation, PageState, PdfInfo } from './types';
import { assertSafePdfjsVersion } from './version';

/**
 * The pdf.js module, passed in by the caller so this code runs unchanged on the
 * renderer's worker (`pdfjs-dist`) and in Node (`pdfjs-dist/legacy/build/pdf.mjs`).
 */
export type PdfjsModule = Pick<typeof Pdfjs, 'getDocument' | 'version' | 'OPS' | 'AnnotationMode'>;

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

type PdfPage = Awaited<ReturnType<PDFDocumentProxy['getPage']>>;

interface PageReading {
  text: string;
  state: PageState;
  annotations: PageAnnotation[];
}

/** Form-field and comment text; a page whose annotations cannot be read still has its text. */
async function readAnnotations(page: PdfPage): Promise<PageAnnotation[]> {
  try {
    return annotationTexts((await page.getAnnotations({ intent: 'display' })) as RawAnnotation[]);
  } catch {
    return [];
  }
}

/** What the page paints, without its annotations' appearances; null when pdf.js cannot say. */
async function readPaint(pdfjs: PdfjsModule, page: PdfPage): Promise<PaintSummary | null> {
  try {
    const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    return paintSummary(list, pdfjs.OPS, Math.abs((x1 - x0) * (y1 - y0)));
  } catch {
    return null;
  }
}

/**
 * One page's normalised text, its annotation text and its state. The operator list is
 * read only for a thin text layer: that is where a scan, a drawing and a blank page
 * differ, and it costs far more than the text.
 */
async function readPage(pdfjs: PdfjsModule, page: PdfPage, race: <T>(work: Promise<T>) => Promise<T>): Promise<PageReading> {
  const content = await race(page.getTextContent());
  const text = normalisePageText(content.items);
  const measure = measureText(spaceControlCodes(rawPageText(content.items)));
  const annotations = await race(readAnnotations(page));
  const chars = annotationChars(annotations);
  const paint = needsPaintSummary(measure, chars) ? await race(readPaint(pdfjs, page)) : undefined;
  return { text, annotations, state: classifyPage({ text: measure, annotationChars: chars, ...(paint !== undefined ? { paint } : {}) }) };
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
    const pageStates: PageState[] = [];
    const annotations: PageAnnotation[][] = [];
    const failedPages: number[] = [];
    let firstFailure = '';
    let failuresInARow = 0;
    for (let n = 1; n <= pageCount && failuresInARow < MAX_CONSECUTIVE_PAGE_FAILURES; n++) {
      checkAborted();
      try {
        const page = await abort.race(doc.getPage(n));
        const reading = await readPage(pdfjs, page, abort.race);
        pages.push(reading.text);
        pageStates.push(reading.state);
        annotations.push(reading.annotations);
        page.cleanup();
        failuresInARow = 0;
      } catch (error) {
        checkAborted();
        pages.push('');
        pageStates.push('unreadable');
        annotations.push([]);
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
    // What the pages add up to is data (textLayer, pageStates), put in words by the UI in
    // the user's language; the message keeps only what went wrong.
    const textLayer = summarisePages(pageStates);
    return ended(textLayer.ocrPages > 0 ? 'needs-ocr' : 'extracted', started, {
      pageCount,
      pages,
      pageStates,
      annotations,
      textLayer,
      info,
      message: notes.join(' '),
      ...(failedPages.length > 0 ? { failedPages } : {}),
    });
  } finally {
    abort.dispose();
    await task.destroy().catch(() => {});
  }
}
