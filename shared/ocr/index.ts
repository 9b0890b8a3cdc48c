export * from './types';
export { parseTsv, type TsvWord } from './tsv';
export { assemblePage, inferRotation, meanConfidence, toPoints, type AssembledPage } from './assemble';
export { ocrRenderSize, OCR_MAX_PIXELS, OCR_MAX_SIDE_PX, OCR_TARGET_DPI, type OcrRenderSize } from './scale';
export { failedPage, pageResult, parseLanguages, type EngineReading, type PageFacts } from './result';
export { characterErrorRate, levenshtein, normaliseForCer } from './cer';
export { storedPageOcr, type StoredPageOcr } from './stored';
export { DEFAULT_OCR_LANGUAGES as DEFAULT_DOCUMENT_OCR_LANGUAGES, ocrLanguagesFor } from './languages';
export { ocrTextContent, OCR_FONT_NAME, type OcrTextContent, type OcrTextItem } from './textContent';
