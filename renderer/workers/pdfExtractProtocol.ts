import type { ExtractionResult } from '../../shared/pdf/types';

/** Main thread → extraction worker. */
export type PdfExtractRequest =
  /** `bytes` is transferred, not copied; `assetBase` is the page's `document.baseURI`. */
  | { type: 'extract'; id: number; bytes: ArrayBuffer; password?: string; assetBase: string }
  | { type: 'cancel'; id: number };

/** Extraction worker → main thread. Page texts travel once, in the result; bytes never come back. */
export type PdfExtractResponse =
  | { type: 'progress'; id: number; page: number; pageCount: number }
  | { type: 'result'; id: number; result: ExtractionResult }
  /** The job stopped on a cancel message (the worker is idle again). */
  | { type: 'cancelled'; id: number }
  /** Something other than the PDF went wrong (e.g. pdf.js too old): a bug, not a document state. */
  | { type: 'failed'; id: number; message: string };
