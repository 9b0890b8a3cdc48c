/**
 * Where tesseract.js finds its files, all served by the app (the `tesseractAssets` plugin in
 * renderer/vite.config.ts copies them to `tesseract/`; the dev server serves the same paths):
 * - `worker.min.js`, tesseract.js's worker script, started from this URL ('self'), never
 *   from a blob: URL, so the CSP needs no blob: for it;
 * - the wasm core beside it (Emscripten resolves the .wasm against the worker script's URL). The
 *   full core, not the LSTM-only one: orientation detection (OSD) uses the legacy classifier.
 *   Relaxed SIMD: Chromium ≥ 114 and so every Electron we ship have it;
 * - language data: eng and spa "best_int" (LSTM only, integer), osd (the only one there is).
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
    corePath: at('tesseract-core-relaxedsimd.js'),
    langPath: at('lang'),
  };
}
