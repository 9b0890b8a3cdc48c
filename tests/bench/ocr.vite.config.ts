import { defineConfig } from 'vite';
import { benchPageConfig } from './benchPageConfig';

/**
 * The OCR bench page (ocr.html → ocrPage.ts), served at /bench-ocr/ beside a build of the app
 * (for its /tesseract/ and /pdfjs/ files) by scripts/bench-ocr.mjs and the OCR Playwright spec.
 * It bundles the app's OCR client and worker as they are.
 */
export default defineConfig(benchPageConfig('bench-ocr', { ocr: 'ocr.html' }));
