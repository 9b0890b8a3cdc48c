import type { PageState, TextLayerSummary } from './types';

/**
 * Below this many non-space characters a page's text layer is thin: what the page paints
 * decides (a scan with a stamp such as "Scanned by CamScanner" or a page number is thin).
 * A page of prose carries 1,500–4,000.
 */
export const THIN_TEXT_CHARS = 50;
/** Text in form fields and comments from this many characters makes a page readable without OCR. */
export const MIN_ANNOTATION_CHARS = 16;
/** A text layer needs this many characters before it can be judged junk (a few symbols are not). */
export const MIN_JUNK_CHARS = 16;
/** Below this share of letters and digits among its visible characters, a text layer is junk. */
export const MIN_READABLE_SHARE = 0.5;
/** Images covering at least this share of a page with a thin text layer make it a scan (the text is a stamp or a page number). */
export const MIN_SCAN_COVERAGE = 0.25;
/**
 * On a page with no text at all, a smaller image is still the page's content (a photo, a
 * pasted clipping: pdf.js's cmykjpeg.pdf is a 200 × 150 pt photo on a Letter page, 6%);
 * below this share it is a logo or an ornament.
 */
export const MIN_IMAGE_ONLY_COVERAGE = 0.04;

/** The page states whose words only OCR can read. */
export const OCR_PAGE_STATES: readonly PageState[] = ['junk-text', 'image-only'];
export const pageNeedsOcr = (state: PageState): boolean => OCR_PAGE_STATES.includes(state);

export interface TextMeasure {
  /** Visible (non-space) characters of the raw text layer. */
  chars: number;
  /** Of them, letters and digits (private-use characters are not letters). */
  readable: number;
}

const READABLE = /[\p{L}\p{N}]/u;
const PRIVATE_USE = /\p{Co}/u;
const SPACE = /\s/u;

/**
 * Counts a page's raw text (before cleanText, which drops control codes): control codes
 * between words must already be spaces (spaceControlCodes), so that only the ones that
 * stand for glyphs count against the page.
 */
export function measureText(raw: string): TextMeasure {
  let chars = 0;
  let readable = 0;
  for (const ch of raw) {
    if (SPACE.test(ch)) continue;
    chars++;
    if (READABLE.test(ch) && !PRIVATE_USE.test(ch)) readable++;
  }
  return { chars, readable };
}

/** What the page paints besides text, from its operator list (paintSummary). */
export interface PaintSummary {
  /** Share of the page area covered by images (0–1, overlaps counted twice, capped at 1). */
  imageCoverage: number;
  images: number;
  /** Vector paths and shadings painted. */
  paths: number;
}

export interface PageEvidence {
  text: TextMeasure;
  /** Characters of form-field and comment text. */
  annotationChars: number;
  /** Needed only for a thin text layer; `null` when the operator list could not be read. */
  paint?: PaintSummary | null;
}

export const isJunkText = ({ chars, readable }: TextMeasure): boolean => chars >= MIN_JUNK_CHARS && readable / chars < MIN_READABLE_SHARE;
/** Whether classifyPage needs the operator list: only for thin text layers, which are few and cheap to tell apart. */
export const needsPaintSummary = (text: TextMeasure, annotationChars: number): boolean =>
  !isJunkText(text) && text.chars < THIN_TEXT_CHARS && annotationChars < MIN_ANNOTATION_CHARS;

export function classifyPage({ text, annotationChars, paint }: PageEvidence): PageState {
  if (isJunkText(text)) return 'junk-text';
  if (text.chars >= THIN_TEXT_CHARS || annotationChars >= MIN_ANNOTATION_CHARS) return 'text';
  // A page whose operator list failed keeps what its text layer says.
  if (!paint) return text.chars > 0 ? 'text' : 'blank';
  if (paint.imageCoverage >= MIN_SCAN_COVERAGE) return 'image-only';
  if (text.chars > 0) return 'text';
  if (paint.imageCoverage >= MIN_IMAGE_ONLY_COVERAGE) return 'image-only';
  return paint.images > 0 || paint.paths > 0 ? 'drawing' : 'blank';
}

/** The document's pages summed up; unreadable pages count for nothing. */
export function summarisePages(states: readonly PageState[]): TextLayerSummary {
  const ocrPages = states.filter(pageNeedsOcr).length;
  // A page read by OCR has text like any other.
  const textPages = states.filter((s) => s === 'text' || s === 'ocr').length;
  if (ocrPages === 0) return { layer: textPages > 0 ? 'text' : 'no-text', ocrPages };
  return { layer: textPages > 0 ? 'partly-scanned' : 'scanned', ocrPages };
}

/**
 * Page state for page text stored before pages were classified (database version 3 and
 * older bundles): a 'needs-ocr' document keeps needing OCR on each page, an 'extracted'
 * one has text.
 */
export function legacyPageState(documentState: string): PageState {
  return documentState === 'needs-ocr' ? 'image-only' : 'text';
}
