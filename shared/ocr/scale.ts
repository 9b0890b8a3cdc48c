/** OCR reads pages rendered at this resolution: Tesseract is trained on text of ~300 dpi scans. */
export const OCR_TARGET_DPI = 300;
/** The rendered image's longest side, in pixels, at most. */
export const OCR_MAX_SIDE_PX = 5000;
/** The rendered image's area, in pixels, at most (25 MP: ~25 MB as grey, 100 MB as RGBA). */
export const OCR_MAX_PIXELS = 25_000_000;

export interface OcrRenderSize {
  /** Pixels per point. */
  scale: number;
  /** The resolution that scale gives (72 points to the inch). */
  dpi: number;
  width: number;
  height: number;
}

/**
 * The scale to render a page of `width` × `height` points at: `dpi` (default 300), lowered so
 * the image stays within the pixel caps. A poster-sized page is read at a lower resolution
 * rather than not at all; the provenance records the dpi actually used.
 */
export function ocrRenderSize(
  width: number,
  height: number,
  { dpi = OCR_TARGET_DPI, maxSide = OCR_MAX_SIDE_PX, maxPixels = OCR_MAX_PIXELS } = {},
): OcrRenderSize {
  if (!(width > 0 && height > 0)) throw new Error(`Invalid page size ${width} × ${height}`);
  let scale = dpi / 72;
  scale = Math.min(scale, maxSide / Math.max(width, height), Math.sqrt(maxPixels / (width * height)));
  // Whole pixels, never above the caps after rounding.
  const w = Math.max(1, Math.floor(width * scale));
  const h = Math.max(1, Math.floor(height * scale));
  return { scale, dpi: Math.round(scale * 72 * 10) / 10, width: w, height: h };
}
