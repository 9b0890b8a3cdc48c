import type { OcrLine, OcrWord } from './types';

/**
 * A page's OCR words as a pdf.js TextContent (the shape `page.getTextContent()` gives and
 * pdf.js's TextLayer takes as `textContentSource`), so a scanned page gets the same invisible,
 * selectable text layer as a text page and find-in-page, search-hit marks and quoting work on
 * it unchanged. Structural types only: shared/ imports no pdf.js.
 *
 * Geometry: word boxes are in points at scale 1 from the top-left of the page *as displayed*
 * (the page's /Rotate applied). A text item's `transform` is in PDF user space (y up, origin
 * at the page's own corner, rotation not applied), so each word's display matrix is taken back
 * through the inverse of the page's viewport transform at scale 1. pdf.js maps user space to
 * the unrotated layer and the layer is turned by CSS (`data-main-rotation`), which lands the
 * word back on its box at any zoom and rotation.
 */

/** The fields of pdf.js's TextItem the TextLayer reads. */
export interface OcrTextItem {
  str: string;
  dir: 'ltr';
  /** Along the text direction, in points at scale 1. */
  width: number;
  height: number;
  transform: number[];
  fontName: string;
  hasEOL: boolean;
}

export interface OcrTextStyle {
  fontFamily: string;
  ascent: number;
  descent: number;
  vertical: boolean;
}

export interface OcrTextContent {
  items: OcrTextItem[];
  styles: Record<string, OcrTextStyle>;
  lang: string | null;
}

/** The one font the layer uses; pdf.js measures it to stretch each span to its box. */
export const OCR_FONT_NAME = 'casefile-ocr';
/** Where the baseline sits in a line box, as a share of its height (pdf.js's default ascent). */
const ASCENT = 0.8;

type Matrix = readonly [number, number, number, number, number, number] | readonly number[];

/** m1 × m2 as pdf.js's Util.transform composes them (apply m2, then m1). */
export function multiply(m1: Matrix, m2: Matrix): number[] {
  const [a1, b1, c1, d1, e1, f1] = m1 as number[];
  const [a2, b2, c2, d2, e2, f2] = m2 as number[];
  return [
    a1! * a2! + c1! * b2!, b1! * a2! + d1! * b2!,
    a1! * c2! + c1! * d2!, b1! * c2! + d1! * d2!,
    a1! * e2! + c1! * f2! + e1!, b1! * e2! + d1! * f2! + f1!,
  ];
}

export function invert(m: Matrix): number[] {
  const [a, b, c, d, e, f] = m as number[];
  const det = a! * d! - b! * c!;
  if (det === 0 || !Number.isFinite(det)) throw new Error('The page transform cannot be inverted.');
  return [d! / det, -b! / det, -c! / det, a! / det, (c! * f! - d! * e!) / det, (b! * e! - a! * f!) / det];
}

/**
 * One item per word. A word followed by another on its line carries the space and stretches
 * to where the next word starts, so "Juan Pérez" is found and quoted as two words, not one; a
 * line's last word has `hasEOL`. The vertical extent is the line's box (words' own boxes are
 * as tall as their ink: "man" would be drawn smaller than "Pérez").
 *
 * @param viewportTransform the page's `getViewport({ scale: 1 }).transform`
 */
export function ocrTextContent(ocr: { words: readonly OcrWord[]; lines: readonly OcrLine[] }, viewportTransform: Matrix): OcrTextContent {
  const toUser = invert(viewportTransform);
  const items: OcrTextItem[] = [];
  const words = ocr.words.filter((w) => w.text.trim() !== '');
  words.forEach((word, i) => {
    const next = words[i + 1];
    const endOfLine = !next || next.line !== word.line || next.box.x <= word.box.x;
    const line = ocr.lines[word.line];
    const top = line ? Math.min(line.box.y, word.box.y) : word.box.y;
    const bottom = line ? Math.max(line.box.y + line.box.height, word.box.y + word.box.height) : word.box.y + word.box.height;
    const size = Math.max(1, bottom - top);
    const width = endOfLine ? word.box.width : Math.max(word.box.width, next.box.x - word.box.x);
    // Upright text at the box, in display coordinates (y down), then back to user space.
    const display = [size, 0, 0, -size, word.box.x, top + ASCENT * size];
    items.push({
      str: endOfLine ? word.text : `${word.text} `,
      dir: 'ltr',
      width,
      height: size,
      transform: multiply(toUser, display),
      fontName: OCR_FONT_NAME,
      hasEOL: endOfLine,
    });
  });
  return { items, styles: { [OCR_FONT_NAME]: { fontFamily: 'sans-serif', ascent: ASCENT, descent: ASCENT - 1, vertical: false } }, lang: null };
}
