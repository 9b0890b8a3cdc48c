import type * as PdfjsModule from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfOpenOptions, type PdfOpenOptions } from '../../shared/pdf/openOptions';
import { assertSafePdfjsVersion } from '../../shared/pdf/version';
import { pdfAssetUrls } from './pdfAssets';

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js for the main thread (the viewer): loaded on first use so it stays out of the
 * start-up bundle, with its own worker bundled locally (Vite's `?url` emits the file
 * into the build; no CDN). Text extraction does not use this: it runs entirely inside
 * renderer/workers/pdfExtract.worker.ts.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    assertSafePdfjsVersion(pdfjs.version);
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

/** The safe open options (see shared/pdf/openOptions.ts) with this page's asset URLs. */
export function viewerOpenOptions(base: string = document.baseURI): PdfOpenOptions {
  return pdfOpenOptions(pdfAssetUrls(base));
}
