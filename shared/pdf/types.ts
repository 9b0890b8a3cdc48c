/**
 * What text extraction makes of one PDF. Every document ends in exactly one of these
 * states, and the UI shows it: nothing is left half-extracted.
 */
export type ExtractionState =
  /** Text extracted from every page; no page needs OCR (some may be blank or drawings). */
  | 'extracted'
  /** The PDF opened and at least one page needs OCR (`pageStates` says which). */
  | 'needs-ocr'
  /** Encrypted with a user password; ask for it (never stored). */
  | 'password-required'
  /** A password was given but is wrong; ask again. */
  | 'password-wrong'
  /** pdf.js could not read it; `message` says what it found wrong. */
  | 'damaged'
  /** The watchdog stopped it: it took longer than the per-file limit. */
  | 'timed-out';

/**
 * What one page is, decided from its text layer and, when that is thin, what it paints:
 * - 'text': a text layer worth the name (or text in its form fields and comments);
 * - 'junk-text': a text layer that does not decode (fonts without a Unicode map give
 *   control codes, private-use or replacement characters, symbol soup): needs OCR;
 * - 'image-only': no or negligible text, but an image covering a good share of the page
 *   (a scan): needs OCR;
 * - 'blank': nothing painted;
 * - 'drawing': vector paths (or small images) only: nothing to read, not a scan;
 * - 'unreadable': pdf.js could not read the page (listed in `failedPages` too);
 * - 'ocr': a page that needed OCR ('junk-text' or 'image-only') and was read by it: its text
 *   is the OCR text, and the page row's `ocr` (shared/ocr StoredPageOcr) says how it was read.
 *   Extraction never produces it; OCR does.
 */
export type PageState = 'text' | 'junk-text' | 'image-only' | 'blank' | 'drawing' | 'unreadable' | 'ocr';

/** A document's pages summed up: text, partly scanned, scanned, or no text at all (blank or drawings). */
export type TextLayer = 'text' | 'partly-scanned' | 'scanned' | 'no-text';

export interface TextLayerSummary {
  layer: TextLayer;
  /** Pages whose state needs OCR ('junk-text', 'image-only': see pageNeedsOcr). */
  ocrPages: number;
}

/** Text a page carries outside its content: a form field's value, or a comment (note, free text, popup). */
export interface PageAnnotation {
  kind: 'form-field' | 'comment';
  /** The field's name or tooltip, or a comment's author; absent when the PDF gives none. */
  label?: string;
  /** Normalised like page text (cleanText). */
  text: string;
}

/** Metadata read from the PDF's info dictionary / XMP, when present. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** ISO day `YYYY-MM-DD` of the creation date, when the PDF has a readable one. */
  creationDay: string | null;
  language: string;
}

export interface ExtractionResult {
  state: ExtractionState;
  /** Number of pages, 0 when the file could not be opened. */
  pageCount: number;
  /** Normalised text of each page; index 0 is page 1. Empty unless state is 'extracted' or 'needs-ocr'. */
  pages: string[];
  info: PdfInfo | null;
  /**
   * Plain-words reason for the states of files that did not open (pdf.js's own message for
   * 'damaged'), or what went wrong reading some pages; '' otherwise. Which pages need OCR
   * is in `pageStates` and `textLayer`, not here.
   */
  message: string;
  /** Milliseconds spent, for the check command and benchmarks. */
  durationMs: number;
  /**
   * Pages pdf.js could not read (1-based) in a document that otherwise opened; their text
   * is ''. Absent when every page was read.
   */
  failedPages?: number[];
  /** What each page is (index 0 is page 1), when the document opened. Absent in results made before page states existed. */
  pageStates?: PageState[];
  /** Form-field and comment text of each page (index 0 is page 1), when the document opened; [] for a page with none. */
  annotations?: PageAnnotation[][];
  /** The pages summed up (summarisePages), when the document opened. */
  textLayer?: TextLayerSummary;
}

/**
 * Where pdf.js finds its bundled binary data. Every value is a base ending in `/`:
 * an absolute URL in the browser (resolved against the page or worker location), a
 * file-system path in Node. Nothing here may point at the network.
 */
export interface PdfAssetUrls {
  /** Adobe CMaps (`pdfjs-dist/cmaps/`): needed for CJK text in non-embedded fonts. */
  cMapUrl: string;
  /** The 14 standard fonts (`pdfjs-dist/standard_fonts/`): glyph widths for text positions. */
  standardFontDataUrl: string;
  /** WebAssembly image decoders (`pdfjs-dist/wasm/`): JPX, JBIG2, colour profiles. */
  wasmUrl: string;
  /** ICC profiles (`pdfjs-dist/iccs/`), used when rendering CMYK images. */
  iccUrl?: string;
  /**
   * Whether pdf.js's own (core) code fetches the assets itself with `fetch()`. True in a
   * browser worker (there is no `document` there for pdf.js to guess from); false in Node,
   * where pdf.js reads the paths with `fs`.
   */
  useWorkerFetch: boolean;
}

/** The part of an AbortSignal that extraction needs; `shared/` has no DOM types. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener?(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

export interface ExtractOptions {
  /** Asset locations for `pdfOpenOptions`. */
  assets: PdfAssetUrls;
  /** The user's password, for this attempt only. Never stored, never in the result. */
  password?: string;
  /** Called after each page is read: page number (1-based) and the page count. */
  onPage?: (pageNumber: number, pageCount: number) => void;
  /** Aborting stops between pages and destroys the pdf.js task; the promise rejects with an AbortError. */
  signal?: AbortSignalLike;
}
