import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The OCR bench page (ocr.html → ocrPage.ts), built apart from the app into dist/bench-ocr/ and
 * served at /bench-ocr/ beside a build of the app (for its /tesseract/ and /pdfjs/ files) under
 * the app's CSP, by scripts/bench-ocr.mjs and the OCR Playwright spec. It bundles the app's OCR
 * client and worker as they are.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-ocr', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { ocr: fileURLToPath(new URL('ocr.html', import.meta.url)) } },
  },
});
