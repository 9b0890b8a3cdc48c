/**
 * OCR results, engine-free. Every geometry here is in page coordinates at scale 1: PDF points
 * from the top-left corner of the page as displayed (pdf.js's viewport at scale 1, the page's
 * own /Rotate applied), so a viewer lays the words over the page at any zoom by multiplying.
 */

/** An axis-aligned rectangle in PDF points, origin top-left. */
export interface OcrBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far the page's content was turned, clockwise, in the image OCR read; text was read turned back. */
export type OcrRotation = 0 | 90 | 180 | 270;

export interface OcrWord {
  text: string;
  box: OcrBox;
  /** The engine's confidence, 0–100. */
  confidence: number;
  /** Index into the page's `lines`. */
  line: number;
}

export interface OcrLine {
  box: OcrBox;
  /** The line's words, `words.slice(firstWord, firstWord + wordCount)` of the page. */
  firstWord: number;
  wordCount: number;
  /** Index of the paragraph the line belongs to, in reading order across the page. */
  paragraph: number;
}

/** Where a page's OCR text came from: kept with the text so a citation can say how it was read. */
export interface OcrProvenance {
  engine: 'tesseract.js';
  /** The engine's version (tesseract.js's package version). */
  version: string;
  /** Tesseract language codes, in the order given (e.g. ['spa', 'eng']). */
  languages: string[];
  /** Mean word confidence of the page, 0–100, weighted by word length. */
  confidence: number;
  rotation: OcrRotation;
  /** Resolution the page was rendered at for OCR (lower than asked when the pixel cap applied). */
  dpi: number;
}

/** Why a page holding an image yielded no OCR text. */
export type OcrFailureReason =
  /** The engine ran and found no words: a photo, a drawing, or a scan too poor to read. */
  | 'no-text'
  /** The per-page time limit stopped the engine. */
  | 'timed-out'
  /** pdf.js could not render the page. */
  | 'render-failed'
  /** The OCR engine itself failed (could not load, crashed). */
  | 'engine-failed';

interface PageBase {
  /** 1-based page number. */
  page: number;
  /** Page size in points as displayed (rotation applied). */
  width: number;
  height: number;
  durationMs: number;
  /** Where the time went, when the page got that far: drawing it, and the engine reading it. */
  timings?: { renderMs: number; recognizeMs: number };
}

/** The OCR outcome of one page: read, blank (nothing drawn on it to read), or failed. */
export type OcrPageResult =
  | (PageBase & {
      status: 'read';
      /** Words joined in reading order: spaces within a line, '\n' between lines, '\n\n' between paragraphs. */
      text: string;
      words: OcrWord[];
      lines: OcrLine[];
      provenance: OcrProvenance;
    })
  /** No image and no ink on the page: nothing to OCR (not a failure). */
  | (PageBase & { status: 'blank' })
  | (PageBase & {
      status: 'failed';
      reason: OcrFailureReason;
      /** Plain words for the user. */
      message: string;
      /** Set when the engine ran (reasons 'no-text'). */
      provenance: OcrProvenance | null;
    });
