import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { pdfAssetUrls } from '../pdf/pdfAssets';
import { createPdfExtractHandler } from './pdfExtractHandler';
import type { PdfExtractRequest, PdfExtractResponse } from './pdfExtractProtocol';

/**
 * PDF text extraction off the main thread. pdf.js normally spawns a worker of its own
 * for parsing; here we already are one, so we hand it its worker module through
 * `globalThis.pdfjsWorker` and it runs that in-thread ("fake worker"). One thread, no
 * nested worker, no blob: URL, and one `terminate()` from the client stops everything.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

interface WorkerScope {
  postMessage(message: PdfExtractResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PdfExtractRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const handle = createPdfExtractHandler(pdfjs, pdfAssetUrls, (message) => scope.postMessage(message));
scope.addEventListener('message', ({ data }) => handle(data));
