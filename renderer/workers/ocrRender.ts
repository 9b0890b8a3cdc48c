import type { PDFPageProxy } from 'pdfjs-dist';
import { ocrRenderSize, type OcrRenderSize } from '../../shared/ocr';

/**
 * pdf.js's canvases for a worker: it has no `document`, so pdf.js's default (DOM) factory cannot
 * work; OffscreenCanvas can. Same shape as pdf.js's BaseCanvasFactory.
 */
export class OffscreenCanvasFactory {
  constructor(_options?: unknown) {}
  create(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true })! };
  }
  reset(target: { canvas: OffscreenCanvas | null }, width: number, height: number) {
    if (!target.canvas) throw new Error('Canvas is not specified');
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
  getNoAlphaContext(canvas: OffscreenCanvas) {
    return canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  }
}

export interface RenderedPage {
  /** Binary PGM (P5) of the page in grey: Leptonica reads it without decoding a PNG. */
  pgm: Uint8Array;
  size: OcrRenderSize;
  /** Page size in points as displayed. */
  width: number;
  height: number;
  /** Share of pixels darker than mid-grey: 0 for a page with nothing drawn on it. */
  ink: number;
}

/**
 * Rows drawn at a time: the page is rendered in bands so the RGBA canvas and its ImageData are a
 * band's worth (~10 MB each at 2550 px wide) rather than the page's (~34 MB each at 300 dpi).
 * pdf.js keeps the page's decoded images between the band renders, so a scan is decoded once.
 */
export const BAND_ROWS = 1024;

/** Renders a page on white at ~300 dpi (capped; see shared/ocr/scale.ts) and converts it to grey, band by band. */
export async function renderForOcr(page: PDFPageProxy, dpi?: number): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const size = ocrRenderSize(base.width, base.height, dpi ? { dpi } : {});
  const viewport = page.getViewport({ scale: size.scale });
  const header = new TextEncoder().encode(`P5\n${size.width} ${size.height}\n255\n`);
  const pgm = new Uint8Array(header.length + size.width * size.height);
  pgm.set(header);
  const canvas = new OffscreenCanvas(size.width, Math.min(BAND_ROWS, size.height));
  const context = canvas.getContext('2d', { alpha: false, willReadFrequently: true })!;
  let dark = 0;
  for (let top = 0; top < size.height; top += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, size.height - top);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
      transform: [1, 0, 0, 1, 0, -top],
      background: '#fff',
    }).promise;
    const rgba = context.getImageData(0, 0, size.width, rows).data;
    const pixels = size.width * rows;
    for (let i = 0, o = header.length + top * size.width; i < pixels; i++, o++) {
      const p = i * 4;
      // Rec. 601 luma in integers.
      const y = (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
      pgm[o] = y;
      if (y < 128) dark++;
    }
  }
  canvas.width = canvas.height = 0; // free the backing store now, not at the next GC
  return { pgm, size, width: base.width, height: base.height, ink: dark / (size.width * size.height) };
}

const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintSolidColorImageMask'];

/** Whether the page paints any image (a scan does): such a page without OCR text is a failure, not blank. */
export async function pageHasImage(page: PDFPageProxy, ops: Record<string, number>): Promise<boolean> {
  const wanted = new Set(IMAGE_OPS.map((name) => ops[name]).filter((op): op is number => op !== undefined));
  const list = await page.getOperatorList();
  return list.fnArray.some((fn) => wanted.has(fn));
}
