import type { PDFPageProxy } from 'pdfjs-dist';
import { ocrRenderSize, type OcrRenderSize } from '../../shared/ocr';
import { bitmapToDevice, multiply, pixelAligned, singleImage, type ImageOps, type Matrix } from '../../shared/ocr/pageImage';
import { isRawImage, rawToGrey, rawToRgba, type RawImage } from '../../shared/ocr/greyImage';

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

/**
 * A page that is one image: the image as pdf.js decoded it (raw pixels, or a bitmap when pdf.js
 * may use OffscreenCanvas) and where its unit square lies on the page.
 */
export interface PageImage {
  image: ImageBitmap | RawImage;
  transform: Matrix;
}

/**
 * Renders a page on white at ~300 dpi (capped; see shared/ocr/scale.ts) and converts it to grey,
 * band by band. A page that is one image (`pageImage`, from `pageImage()`) is not run through
 * pdf.js's renderer: a scan that fills the page at the render size is turned into grey straight
 * from its pixels; any other is drawn into each band with one canvas transform (scaled, placed,
 * turned with /Rotate). Other pages go through pdf.js's renderer.
 */
export async function renderForOcr(page: PDFPageProxy, dpi?: number, pageImage?: PageImage | null): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const size = ocrRenderSize(base.width, base.height, dpi ? { dpi } : {});
  const viewport = page.getViewport({ scale: size.scale });
  const header = new TextEncoder().encode(`P5\n${size.width} ${size.height}\n255\n`);
  const pgm = new Uint8Array(header.length + size.width * size.height);
  pgm.set(header);
  const done = (dark: number): RenderedPage => ({ pgm, size, width: base.width, height: base.height, ink: dark / (size.width * size.height) });
  let image: { bitmap: ImageBitmap; transform: Matrix } | null = null;
  let ours = false;
  if (pageImage && isRawImage(pageImage.image)) {
    const raw = pageImage.image;
    // A scan that fills the page at the render size: its pixels are the page's, no canvas needed.
    const fit = pixelAligned(bitmapToDevice(viewport.transform, pageImage.transform, raw.width, raw.height), raw.width, raw.height);
    if (fit && fit[4] === 0 && fit[5] === 0 && raw.width === size.width && raw.height === size.height) return done(rawToGrey(raw, pgm, header.length));
    image = { bitmap: await createImageBitmap(new ImageData(rawToRgba(raw), raw.width, raw.height)), transform: pageImage.transform };
    ours = true;
  } else if (pageImage) image = { bitmap: pageImage.image as ImageBitmap, transform: pageImage.transform };
  try {
    return done(await drawBands(page, viewport, size, pgm, header.length, image));
  } finally {
    if (ours) image?.bitmap.close();
  }
}

/** Draws the page (or its one image) band by band and writes its grey into `pgm` from `offset`; returns the dark pixels. */
async function drawBands(page: PDFPageProxy, viewport: ReturnType<PDFPageProxy['getViewport']>, size: OcrRenderSize, pgm: Uint8Array, offset: number, image: { bitmap: ImageBitmap; transform: Matrix } | null): Promise<number> {
  const canvas = new OffscreenCanvas(size.width, Math.min(BAND_ROWS, size.height));
  const context = canvas.getContext('2d', { alpha: false, willReadFrequently: true })!;
  const placed = image ? bitmapToDevice(viewport.transform, image.transform, image.bitmap.width, image.bitmap.height) : null;
  const aligned = placed && image ? pixelAligned(placed, image.bitmap.width, image.bitmap.height) : null;
  let dark = 0;
  for (let top = 0; top < size.height; top += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, size.height - top);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (image && placed) {
      context.setTransform(...multiply([1, 0, 0, 1, 0, -top], aligned ?? placed));
      context.imageSmoothingEnabled = !aligned;
      context.imageSmoothingQuality = 'high';
      context.drawImage(image.bitmap, 0, 0);
    } else {
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
        transform: [1, 0, 0, 1, 0, -top],
        background: '#fff',
      }).promise;
    }
    const rgba = context.getImageData(0, 0, size.width, rows).data;
    // One 32-bit read per pixel (R in the low byte: little-endian, as every platform the app runs on).
    const px = new Uint32Array(rgba.buffer, rgba.byteOffset, size.width * rows);
    for (let i = 0, o = offset + top * size.width; i < px.length; i++, o++) {
      const v = px[i]!;
      // Rec. 601 luma in integers.
      const y = ((v & 0xff) * 77 + ((v >>> 8) & 0xff) * 150 + ((v >>> 16) & 0xff) * 29) >> 8;
      pgm[o] = y;
      if (y < 128) dark++;
    }
  }
  canvas.width = canvas.height = 0; // free the backing store now, not at the next GC
  return dark;
}

/**
 * The page's operator list (pdf.js keeps it for the render that may follow), whether it paints
 * any image, and, when the page is nothing but one image that pdf.js decoded, that image.
 */
export async function pageImage(page: PDFPageProxy, ops: Record<string, number>): Promise<{ hasImage: boolean; image: PageImage | null }> {
  const list = await page.getOperatorList();
  const wanted = new Set(IMAGE_OPS.map((name) => ops[name]).filter((op): op is number => op !== undefined));
  const hasImage = list.fnArray.some((fn) => wanted.has(fn));
  const single = hasImage ? singleImage(list.fnArray, list.argsArray, ops as unknown as ImageOps) : null;
  if (!single) return { hasImage, image: null };
  const objs = single.objId.startsWith('g_') ? page.commonObjs : page.objs;
  // The decoded image may arrive after the operator list: wait for it, as pdf.js's renderer does.
  const data = await new Promise<unknown>((resolve) => { objs.get(single.objId, resolve, () => resolve(null)); });
  const bitmap = (data as { bitmap?: unknown } | null)?.bitmap;
  const image = bitmap instanceof ImageBitmap ? bitmap : isRawImage(data) ? data : null;
  return { hasImage, image: image ? { image, transform: single.transform } : null };
}

const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintSolidColorImageMask'];
