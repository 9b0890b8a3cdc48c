/** A 2-D affine matrix as PDF and canvas write it: [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];

/** The operator numbers the analysis needs (pdf.js's `OPS`). */
export interface ImageOps {
  dependency: number;
  save: number;
  restore: number;
  transform: number;
  paintImageXObject: number;
}

export interface SingleImage {
  /** pdf.js's id of the decoded image (`g_…` ids live in the document's common objects). */
  objId: string;
  /** The image's unit square in the page's user space (the CTM when it was painted). */
  transform: Matrix;
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m1 × m2`: a point goes through `m2` first, then `m1` (pdf.js's Util.transform). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1 as Matrix;
  const [a2, b2, c2, d2, e2, f2] = m2 as Matrix;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

/**
 * Whether a page's operator list does nothing but paint one image (a scan as scanners write it:
 * `q w 0 0 h x y cm /Im0 Do Q`), and if so which image and where. Then the page can be drawn by
 * drawing that image once, instead of running the page through pdf.js's renderer. Anything else
 * on the page (text, paths, a second image, an image mask, clipping, soft masks, annotations)
 * answers null: such a page is rendered as it is.
 */
export function singleImage(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: ImageOps): SingleImage | null {
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let found: SingleImage | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.dependency) continue;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) {
      if (!args || args.length < 6 || !args.slice(0, 6).every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
      ctm = multiply(ctm, args.slice(0, 6) as number[]);
    } else if (fn === ops.paintImageXObject) {
      const objId = args?.[0];
      if (found || typeof objId !== 'string') return null;
      found = { objId, transform: ctm };
    } else return null;
  }
  if (!found) return null;
  const [a, b, c, d] = found.transform;
  // A degenerate (zero-area) image paints nothing worth reading.
  return Math.abs(a * d - b * c) > 1e-9 ? found : null;
}

/**
 * Where a `width` × `height` px bitmap lands on the device when its unit square is placed by
 * `image` in user space and user space is mapped by `viewport` (pdf.js's viewport transform):
 * bitmap row 0 is the image's top edge (PDF images run top to bottom).
 */
export function bitmapToDevice(viewport: readonly number[], image: readonly number[], width: number, height: number): Matrix {
  return multiply(multiply(viewport, image), [1 / width, 0, 0, -1 / height, 0, 1]);
}

/**
 * `m` with its scale snapped to exactly 1 and its offset to whole pixels when it moves a
 * `width` × `height` bitmap by less than half a pixel from an unscaled, axis-aligned copy: then
 * the bitmap can be copied pixel for pixel, without resampling. Null otherwise.
 */
export function pixelAligned(m: readonly number[], width: number, height: number): Matrix | null {
  const [a, b, c, d, e, f] = m as Matrix;
  const close = (x: number, y: number) => Math.abs(x - y) < 0.5;
  if (!close(b * height, 0) || !close(c * width, 0) || !close(a * width, width) || !close(d * height, height)) return null;
  if (!close(e, Math.round(e)) || !close(f, Math.round(f))) return null;
  return [1, 0, 0, 1, Math.round(e), Math.round(f)];
}
