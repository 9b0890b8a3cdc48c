import type { PdfAssetUrls } from '../../shared/pdf/types';

/**
 * The folder the renderer build copies pdf.js's binary data into (see the `pdfjsAssets`
 * plugin in renderer/vite.config.ts; the dev server serves the same paths).
 */
export const PDFJS_ASSET_DIR = 'pdfjs/';

/**
 * Where pdf.js finds the bundled CMaps, standard fonts, wasm decoders and ICC profiles,
 * resolved against `base` — the document's base URI on the main thread. A worker cannot
 * see `document`, so the main thread passes its `document.baseURI` along (the worker's
 * own `self.location` points into `assets/`, one level down). Same-origin URLs only:
 * nothing is fetched from the network.
 */
export function pdfAssetUrls(base: string): PdfAssetUrls {
  const at = (dir: string) => new URL(`${PDFJS_ASSET_DIR}${dir}/`, base).href;
  return {
    cMapUrl: at('cmaps'),
    standardFontDataUrl: at('standard_fonts'),
    wasmUrl: at('wasm'),
    iccUrl: at('iccs'),
    // pdf.js's core code fetches the assets itself: it cannot guess this in a worker (no
    // `document`), and it would guess wrong for the desktop app's app:// protocol.
    useWorkerFetch: true,
  };
}
