export type * from './types';
export { extractDocument, MAX_CONSECUTIVE_PAGE_FAILURES, type PdfjsModule } from './extract';
export {
  classifyPage, legacyPageState, measureText, needsPaintSummary, pageNeedsOcr, summarisePages, isJunkText, OCR_PAGE_STATES,
  THIN_TEXT_CHARS, MIN_ANNOTATION_CHARS, MIN_SCAN_COVERAGE, MIN_IMAGE_ONLY_COVERAGE, MIN_READABLE_SHARE, type PaintSummary, type PageEvidence, type TextMeasure,
} from './pageState';
export { paintSummary, type OpCodes, type OperatorListLike } from './paint';
export { annotationTexts, annotationChars, type RawAnnotation } from './annotations';
export { normalisePageText, rawPageText, cleanText, spaceControlCodes, countTextChars, type TextContentItem } from './normalise';
export { pdfOpenOptions, MAX_IMAGE_PIXELS, MAX_CANVAS_AREA_BYTES, type PdfOpenOptions } from './openOptions';
export { classifyPdfError, isAbortError, abortError } from './classifyError';
export { readPdfInfo, pdfDateDay } from './info';
export { MIN_PDFJS_VERSION, PDFJS_ADVISORIES, compareVersions, isSafePdfjsVersion, assertSafePdfjsVersion } from './version';
