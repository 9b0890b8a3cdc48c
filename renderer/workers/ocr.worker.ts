import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { pdfAssetUrls } from '../pdf/pdfAssets';
import { tesseractAssetUrls } from './ocrAssets';
import { createOcrEngine } from './ocrEngine';
import { createOcrHandler } from './ocrHandler';
import type { OcrRequest, OcrResponse } from './ocrProtocol';

/**
 * OCR off the main thread: pdf.js renders pages here (in-thread "fake worker", as in
 * pdfExtract.worker.ts) to an OffscreenCanvas, and tesseract.js reads them in a worker of its
 * own started from here. Terminating this worker stops both.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

interface WorkerScope {
  postMessage(message: OcrResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<OcrRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const handle = createOcrHandler({
  pdfjs,
  pdfAssets: pdfAssetUrls,
  tesseractAssets: tesseractAssetUrls,
  createEngine: (urls) => createOcrEngine(urls),
  post: (message) => scope.postMessage(message),
});
scope.addEventListener('message', ({ data }) => handle(data));
