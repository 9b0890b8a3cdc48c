/**
 * What text extraction makes of one PDF. Every document ends in exactly one of these
 * states, and the UI shows it: nothing is left half-extracted.
 */
export type ExtractionState =
  /** Text extracted from every page (some pages may be empty). */
  | 'extracted'
  /** The PDF opened but has no text layer worth the name (a scan): needs OCR. */
  | 'needs-ocr'
  /** Encrypted with a user password; ask for it (never stored). */
  | 'password-required'
  /** A password was given but is wrong; ask again. */
  | 'password-wrong'
  /** pdf.js could not read it; `message` says what it found wrong. */
  | 'damaged'
  /** The watchdog stopped it: it took longer than the per-file limit. */
  | 'timed-out';

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
  /** Plain-words reason for the non-extracted states (pdf.js's own message for 'damaged'). */
  message: string;
  /** Milliseconds spent, for the check command and benchmarks. */
  durationMs: number;
  /**
   * Pages pdf.js could not read (1-based) in a document that otherwise opened; their text
   * is ''. Absent when every page was read.
   */
  failedPages?: number[];
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
