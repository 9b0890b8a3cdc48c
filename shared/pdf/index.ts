export type * from './types';
export { extractDocument, MIN_TEXT_CHARS_PER_PAGE, MAX_CONSECUTIVE_PAGE_FAILURES, type PdfjsModule } from './extract';
export { normalisePageText, cleanText, countTextChars, type TextContentItem } from './normalise';
export { pdfOpenOptions, MAX_IMAGE_PIXELS, MAX_CANVAS_AREA_BYTES, type PdfOpenOptions } from './openOptions';
export { classifyPdfError, isAbortError, abortError } from './classifyError';
export { readPdfInfo, pdfDateDay } from './info';
export { MIN_PDFJS_VERSION, PDFJS_ADVISORIES, compareVersions, isSafePdfjsVersion, assertSafePdfjsVersion } from './version';
