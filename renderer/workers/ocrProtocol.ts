import type { OcrPageResult } from '../../shared/ocr';

/**
 * Main thread → OCR worker. There is no cancel message: a page in the wasm engine cannot be
 * interrupted, so the client cancels by terminating the worker.
 */
export type OcrRequest = {
      type: 'ocr';
      id: number;
      /** The PDF. A Blob travels as a reference (no copy on the main thread) and is read here. */
      file: Blob;
      password?: string;
      /** 1-based pages to read, in this order; all pages when absent. */
      pages?: number[];
      /** Tesseract languages, e.g. 'spa+eng'. */
      languages: string;
      dpi?: number;
      /** Per-page limit for recognition. */
      pageTimeoutMs: number;
      /** The page's `document.baseURI`, to resolve the bundled pdf.js and tesseract.js files. */
      assetBase: string;
    };

/** OCR worker → main thread. Each job ends with exactly one of done / failed. */
export type OcrResponse =
  | { type: 'opened'; id: number; pageCount: number }
  /** Within a page: `fraction` of recognition done (tesseract's own progress). */
  | { type: 'progress'; id: number; page: number; stage: 'rendering' | 'recognizing'; fraction: number }
  | { type: 'page'; id: number; result: OcrPageResult }
  | { type: 'done'; id: number; pageCount: number }
  /** The document could not be opened or the engine could not run at all. */
  | { type: 'failed'; id: number; message: string };
