/**
 * Where tesseract.js finds its files, all served by the app (the `tesseractAssets` plugin in
 * renderer/vite.config.ts copies them to `tesseract/`; the dev server serves the same paths):
 * - `worker.min.js`, tesseract.js's worker script, started from this URL ('self'), never
 *   from a blob: URL, so the CSP needs no blob: for it;
 * - the wasm core beside it (Emscripten resolves the .wasm against the worker script's URL). The
 *   full core, not the LSTM-only one: orientation detection (OSD) uses the legacy classifier.
 *   The SIMD build, not relaxed SIMD: measured as fast here (bench:ocr, 24.6 vs 24.8 pages per
 *   CPU-minute), and its results do not depend on the CPU, so the same scan reads the same everywhere;
 * - language data: eng and spa from tessdata_fast (resources/tessdata: the data the tesseract
 *   command line ships with, faster than npm's best_int at the same error rate), osd from npm.
 * Same-origin URLs only: nothing is fetched from the network.
 */
export const TESSERACT_ASSET_DIR = 'tesseract/';

export interface TesseractAssetUrls {
  workerPath: string;
  corePath: string;
  /** Folder of `<lang>.traineddata.gz`, no trailing slash (tesseract.js appends `/<lang>…`). */
  langPath: string;
}

/** Resolved against `base`: the page's `document.baseURI` (a worker's own location is one folder down). */
export function tesseractAssetUrls(base: string): TesseractAssetUrls {
  const at = (path: string) => new URL(`${TESSERACT_ASSET_DIR}${path}`, base).href;
  return {
    workerPath: at('worker.min.js'),
    corePath: at('tesseract-core-simd.js'),
    langPath: at('lang'),
  };
}
