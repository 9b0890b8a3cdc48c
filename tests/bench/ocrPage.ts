// The OCR bench page (ocr.html), served on the app's origin beside the built app, whose
// tesseract.js and pdf.js files it uses (/tesseract/, /pdfjs/). It OCRs PDFs through the app's
// own client and worker (renderer/workers/ocrClient.ts → ocr.worker.ts), as the app will, and
// times it here with performance.now(). Driven by scripts/bench-ocr.mjs and tests/e2e/ocr.spec.ts.
import { characterErrorRate } from '../../shared/ocr';
import type { OcrPageResult } from '../../shared/ocr';
import { createOcrClient, type OcrClient, type OcrOptions } from '../../renderer/workers/ocrClient';
import { watchMainThread, type MainThread } from './mainThread';

export interface OcrBenchFile {
  name: string;
  url: string;
  /** 1-based pages to read (default: all), e.g. only those needing OCR (npm run check:pdfs -- --ocr). */
  pages?: number[];
}

export interface OcrBenchPage {
  file: string;
  page: number;
  status: OcrPageResult['status'];
  reason?: string;
  message?: string;
  text: string;
  words: number;
  /** The page's size in points, and the first word with its box (points, from the top left). */
  width: number;
  height: number;
  firstWord: { text: string; box: { x: number; y: number; width: number; height: number } } | null;
  rotation: number | null;
  confidence: number | null;
  dpi: number | null;
  /** The worker's time for the page (render + recognition), and its parts. */
  ms: number;
  renderMs: number | null;
  recognizeMs: number | null;
}

export interface OcrBenchRun extends MainThread {
  /** Wall time from the first call to the last result, on this page's clock. */
  ms: number;
  pages: OcrBenchPage[];
}

export interface OcrBenchApi {
  /** One call on `file` from a fresh client: the engine's start-up (wasm, language data) included. */
  warmUp(file: OcrBenchFile, languages?: string): Promise<{ ms: number; pages: OcrBenchPage[] }>;
  /** Every file through the same (warm) client, one after the other, watching the main thread. */
  run(files: OcrBenchFile[], options?: { languages?: string; pageTimeoutMs?: number }): Promise<OcrBenchRun>;
  cer(reference: string, hypothesis: string): number;
  dispose(): void;
}

declare global {
  interface Window {
    casefileOcrBench?: OcrBenchApi;
  }
}

let client: OcrClient | null = null;
const getClient = () => (client ??= createOcrClient({ assetBase: new URL('/', location.href).href }));

const summary = (file: string, r: OcrPageResult): OcrBenchPage => ({
  file,
  page: r.page,
  status: r.status,
  ...(r.status === 'failed' ? { reason: r.reason, message: r.message } : {}),
  text: r.status === 'read' ? r.text : '',
  words: r.status === 'read' ? r.words.length : 0,
  width: r.width,
  height: r.height,
  firstWord: r.status === 'read' && r.words[0] ? { text: r.words[0].text, box: r.words[0].box } : null,
  rotation: r.status === 'blank' ? null : (r.provenance?.rotation ?? null),
  confidence: r.status === 'blank' ? null : (r.provenance?.confidence ?? null),
  dpi: r.status === 'blank' ? null : (r.provenance?.dpi ?? null),
  ms: r.durationMs,
  renderMs: r.timings?.renderMs ?? null,
  recognizeMs: r.timings?.recognizeMs ?? null,
});

async function ocrFile(file: OcrBenchFile, options: OcrOptions): Promise<OcrBenchPage[]> {
  // A Blob, as the app holds its documents.
  const blob = await (await fetch(file.url)).blob();
  const result = await getClient().ocr(blob, file.pages ? { ...options, pages: file.pages } : options);
  return result.pages.map((r) => summary(file.name, r));
}

const api: OcrBenchApi = {
  async warmUp(file, languages) {
    client?.dispose();
    client = null;
    const t0 = performance.now();
    const pages = await ocrFile(file, languages ? { languages } : {});
    return { ms: Math.round(performance.now() - t0), pages };
  },
  async run(files, options = {}) {
    // Timer lag every 100 ms, not 16: the renderer's CPU is the bench's measure, and a 16 ms timer's
    // wake-ups were a good part of the main thread's (which otherwise only passes messages).
    const watch = watchMainThread({ intervalMs: 100 });
    const t0 = performance.now();
    const pages: OcrBenchPage[] = [];
    for (const file of files) pages.push(...(await ocrFile(file, options)));
    const ms = Math.round(performance.now() - t0);
    return { ms, pages, ...(await watch.stop()) };
  },
  cer: characterErrorRate,
  dispose() {
    client?.dispose();
    client = null;
  },
};

window.casefileOcrBench = api;
document.getElementById('status')!.dataset.ready = 'true';
