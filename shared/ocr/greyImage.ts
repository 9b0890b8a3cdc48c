/**
 * pdf.js's decoded images as its worker hands them over when it may not use OffscreenCanvas
 * (`isOffscreenCanvasSupported: false`): raw pixels of one of three kinds (pdf.js `ImageKind`).
 * The OCR worker turns a scan that fills its page straight into grey from these, with no canvas.
 */
export const IMAGE_KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const;

export interface RawImage {
  kind: number;
  width: number;
  height: number;
  /** 1 bpp: rows padded to whole bytes, 1 = white (pdf.js has applied /Decode); else RGB or RGBA bytes. */
  data: Uint8Array | Uint8ClampedArray;
}

export const isRawImage = (x: unknown): x is RawImage => {
  const r = x as Partial<RawImage> | null;
  return !!r && typeof r.width === 'number' && typeof r.height === 'number' && (r.data instanceof Uint8Array || r.data instanceof Uint8ClampedArray)
    && (r.kind === IMAGE_KIND.GRAYSCALE_1BPP || r.kind === IMAGE_KIND.RGB_24BPP || r.kind === IMAGE_KIND.RGBA_32BPP);
};

/** Rec. 601 luma in integers, as the canvas path computes it. */
const luma = (r: number, g: number, b: number) => (r * 77 + g * 150 + b * 29) >> 8;

/**
 * Writes the image's grey (on white where it has alpha) into `out` from `offset`, row after
 * row, and returns how many pixels are darker than mid-grey. Short data (a truncated image)
 * leaves the rest white.
 */
export function rawToGrey(image: RawImage, out: Uint8Array, offset: number): number {
  const { width, height, data, kind } = image;
  const n = width * height;
  out.fill(255, offset, offset + n);
  let dark = 0;
  if (kind === IMAGE_KIND.GRAYSCALE_1BPP) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      if (row + rowBytes > data.length) break;
      for (let x = 0, o = offset + y * width; x < width; x++, o++) {
        if (((data[row + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0) { out[o] = 0; dark++; }
      }
    }
    return dark;
  }
  const step = kind === IMAGE_KIND.RGB_24BPP ? 3 : 4;
  const pixels = Math.min(n, Math.floor(data.length / step));
  for (let i = 0, p = 0, o = offset; i < pixels; i++, p += step, o++) {
    let v = luma(data[p]!, data[p + 1]!, data[p + 2]!);
    if (step === 4) { const a = data[p + 3]!; v = (v * a + 255 * (255 - a) + 127) / 255 | 0; }
    out[o] = v;
    if (v < 128) dark++;
  }
  return dark;
}

/** The image as RGBA (alpha kept), to draw it scaled or placed on the page. */
export function rawToRgba(image: RawImage): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, data, kind } = image;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  if (kind === IMAGE_KIND.RGBA_32BPP) { rgba.set(data.subarray(0, rgba.length)); return rgba; }
  if (kind === IMAGE_KIND.RGB_24BPP) {
    const pixels = Math.min(width * height, Math.floor(data.length / 3));
    for (let i = 0, p = 0, q = 0; i < pixels; i++, p += 3, q += 4) { rgba[q] = data[p]!; rgba[q + 1] = data[p + 1]!; rgba[q + 2] = data[p + 2]!; }
    return rgba;
  }
  const rowBytes = (width + 7) >> 3;
  for (let y = 0; y < height && (y + 1) * rowBytes <= data.length; y++) {
    for (let x = 0; x < width; x++) {
      if (((data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0) { const q = (y * width + x) * 4; rgba[q] = rgba[q + 1] = rgba[q + 2] = 0; }
    }
  }
  return rgba;
}
