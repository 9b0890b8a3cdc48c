import type * as PdfjsModule from 'pdfjs-dist';
import { failedPage, pageResult, parseLanguages, type PageFacts } from '../../shared/ocr';
import { pdfOpenOptions } from '../../shared/pdf/openOptions';
import type { PdfAssetUrls } from '../../shared/pdf/types';
import type { TesseractAssetUrls } from './ocrAssets';
import { TESSERACT_JS_VERSION, type OcrEngine } from './ocrEngine';
import type { OcrRequest, OcrResponse } from './ocrProtocol';
import { OffscreenCanvasFactory, pageImage, renderForOcr } from './ocrRender';

type Pdfjs = typeof PdfjsModule;
type OcrJob = OcrRequest;

/** Recognition progress goes out at most this often. */
const PROGRESS_INTERVAL_MS = 250;

export interface OcrHandlerDeps {
  pdfjs: Pdfjs;
  pdfAssets: (base: string) => PdfAssetUrls;
  tesseractAssets: (base: string) => TesseractAssetUrls;
  createEngine: (urls: TesseractAssetUrls) => OcrEngine;
  post: (message: OcrResponse) => void;
}

/**
 * The OCR worker's message handling: for an 'ocr' job, opens the PDF with pdf.js, and page by
 * page renders it (~300 dpi, grey), reads it with the engine and posts the page's result. Jobs
 * run one at a time; the engine (tesseract worker with its languages loaded) is kept between
 * pages and jobs. A page over its time limit is reported 'timed-out' and the job moves on.
 */
export function createOcrHandler({ pdfjs, pdfAssets, tesseractAssets, createEngine, post }: OcrHandlerDeps): (request: OcrRequest) => void {
  let engine: OcrEngine | null = null;
  let queue = Promise.resolve();

  async function run(job: OcrJob): Promise<void> {
    const { id } = job;
    let languages: string[];
    try {
      languages = parseLanguages(job.languages);
    } catch (error) {
      return post({ type: 'failed', id, message: (error as Error).message });
    }
    engine ??= createEngine(tesseractAssets(job.assetBase));
    let data: Uint8Array;
    try {
      data = new Uint8Array(await job.file.arrayBuffer());
    } catch (error) {
      return post({ type: 'failed', id, message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
    let doc: PdfjsModule.PDFDocumentProxy;
    const task = pdfjs.getDocument({
      ...pdfOpenOptions(pdfAssets(job.assetBase)),
      data,
      ...(job.password !== undefined ? { password: job.password } : {}),
      // No document here: canvases are OffscreenCanvas, glyphs are drawn as paths.
      CanvasFactory: OffscreenCanvasFactory,
      disableFontFace: true,
      // pdf.js's own JPEG decoder, not the browser's ImageDecoder: with it, the renderer kept
      // ~300 MB more after the first JPEG scan (bench:ocr, CDP heap figures; not released on GC).
      isImageDecoderSupported: false,
      // Decoded images come as raw pixels, not ImageBitmaps: a scan that fills its page at the
      // render size becomes grey straight from them (ocrRender.ts), without pdf.js converting it
      // to RGBA for a bitmap and the band canvases reading it back.
      isOffscreenCanvasSupported: false,
    });
    try {
      doc = await task.promise;
    } catch (error) {
      void task.destroy().catch(() => {});
      return post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    }
    try {
      post({ type: 'opened', id, pageCount: doc.numPages });
      const pages = job.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
      for (const number of pages) {
        post({ type: 'page', id, result: await readPage(job, doc, number, languages) });
      }
      post({ type: 'done', id, pageCount: doc.numPages });
    } finally {
      void task.destroy().catch(() => {});
    }
  }

  async function readPage(job: OcrJob, doc: PdfjsModule.PDFDocumentProxy, number: number, languages: string[]) {
    const started = performance.now();
    const facts = (width = 0, height = 0): PageFacts => ({ page: number, width, height, durationMs: Math.round(performance.now() - started) });
    if (!Number.isInteger(number) || number < 1 || number > doc.numPages) {
      return failedPage(facts(), 'render-failed', { message: `no page ${number}` });
    }
    post({ type: 'progress', id: job.id, page: number, stage: 'rendering', fraction: 0 });
    let rendered;
    let hasImage;
    try {
      const page = await doc.getPage(number);
      const found = await pageImage(page, pdfjs.OPS as unknown as Record<string, number>);
      hasImage = found.hasImage;
      rendered = await renderForOcr(page, job.dpi, found.image);
      page.cleanup();
    } catch (error) {
      return failedPage(facts(), 'render-failed', { message: error instanceof Error ? error.message : String(error) });
    }
    const { width, height } = rendered;
    const renderMs = Math.round(performance.now() - started);
    if (!hasImage && rendered.ink === 0) return { ...facts(width, height), status: 'blank' as const };
    let lastProgress = 0;
    const outcome = await engine!.recognize(rendered.pgm, {
      languages: job.languages,
      dpi: rendered.size.dpi,
      timeoutMs: job.pageTimeoutMs,
      onProgress: (fraction) => {
        const t = performance.now();
        if (t - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = t;
        post({ type: 'progress', id: job.id, page: number, stage: 'recognizing', fraction });
      },
    });
    const timed = (f: PageFacts): PageFacts => ({ ...f, timings: { renderMs, recognizeMs: outcome.ms } });
    if (outcome.kind === 'timed-out') return failedPage(timed(facts(width, height)), 'timed-out', { timeoutMs: job.pageTimeoutMs });
    if (outcome.kind === 'failed') return failedPage(timed(facts(width, height)), 'engine-failed', { message: outcome.message });
    return pageResult(timed(facts(width, height)), hasImage || rendered.ink > 0, {
      words: outcome.words,
      scale: rendered.size.scale,
      dpi: rendered.size.dpi,
      version: TESSERACT_JS_VERSION,
      languages,
    });
  }

  return (request) => {
    queue = queue.then(() => run(request)).catch((error) => post({ type: 'failed', id: request.id, message: String(error) }));
  };
}
