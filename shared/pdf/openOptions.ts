import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import type { PdfAssetUrls } from './types';

/** Images above 25 megapixels (e.g. 5000 × 5000) are not decoded: a bomb guard. */
export const MAX_IMAGE_PIXELS = 25_000_000;
/** The largest canvas pdf.js may allocate for an image, in bytes (RGBA of MAX_IMAGE_PIXELS). */
export const MAX_CANVAS_AREA_BYTES = MAX_IMAGE_PIXELS * 4;

/** The open options are plain data; the bytes and password are added per document. */
export type PdfOpenOptions = Omit<DocumentInitParameters, 'data' | 'url' | 'password' | 'range' | 'worker'> & {
  /** Read by pdf.js up to 5.x; 6.x removed it with its last eval path. Kept so that no build can turn eval on. */
  isEvalSupported?: false;
};

/**
 * The one set of `getDocument` options every Casefile caller uses (extraction worker,
 * check command, viewer), so the security posture cannot drift between them:
 * - `isEvalSupported: false`: no `new Function` for fonts or PDF functions (pdf.js 6 has no
 *   such path left and ignores the option; the CSP has no unsafe-eval either, and
 *   CVE-2024-4367 was a font-path eval);
 * - `enableXfa: false`: XFA forms are never parsed into HTML;
 * - scripting is never set up (no `pdf.sandbox`, no scripting manager), so document
 *   JavaScript and actions (Launch, JavaScript, SubmitForm) do not run;
 * - image size caps against decompression bombs;
 * - `stopAtErrors: false`: recover what text we can from damaged files;
 * - `useSystemFonts: false`: fonts come from the PDF or the bundled standard fonts,
 *   never the user's machine, so text positions are the same everywhere;
 * - `disableAutoFetch`/`disableStream`/`disableRange`: the bytes are already in memory;
 *   nothing is fetched except the bundled assets named in `assets`;
 * - `verbosity: 0`: errors only; a damaged file's warnings are not the user's business.
 */
export function pdfOpenOptions(assets: PdfAssetUrls): PdfOpenOptions {
  return {
    isEvalSupported: false,
    enableXfa: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    canvasMaxAreaInBytes: MAX_CANVAS_AREA_BYTES,
    stopAtErrors: false,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: 0,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    wasmUrl: assets.wasmUrl,
    ...(assets.iccUrl ? { iccUrl: assets.iccUrl } : {}),
    useWorkerFetch: assets.useWorkerFetch,
  };
}
