import { describe, expect, it } from 'vitest';
import { invert, multiply, ocrTextContent } from './textContent';
import type { OcrLine, OcrWord } from './types';

/** pdf.js's PageViewport transform at scale 1 for a viewBox [0, 0, w, h] and /Rotate (display/display_utils.js). */
function viewportTransform(w: number, h: number, rotation: 0 | 90 | 180 | 270): number[] {
  const [a, b, c, d] = { 0: [1, 0, 0, -1], 90: [0, 1, 1, 0], 180: [-1, 0, 0, 1], 270: [0, -1, -1, 0] }[rotation];
  const cx = w / 2;
  const cy = h / 2;
  const [ox, oy] = a === 0 ? [cy, cx] : [cx, cy];
  return [a!, b!, c!, d!, ox - a! * cx - c! * cy, oy - b! * cx - d! * cy];
}

/**
 * Where pdf.js's TextLayer puts a span's top-left corner on screen: its fixed user-space →
 * layer transform, the ascent step, then the CSS turn of the layer for `data-main-rotation`
 * (viewer.css). The test re-does this arithmetic so a change to either side shows here.
 */
function spanCorner(item: { transform: number[] }, w: number, h: number, rotation: 0 | 90 | 180 | 270, ascent = 0.8) {
  const tx = multiply([1, 0, 0, -1, 0, h], item.transform);
  const angle = Math.atan2(tx[1]!, tx[0]!);
  const fontHeight = Math.hypot(tx[2]!, tx[3]!);
  const left = angle === 0 ? tx[4]! : tx[4]! + ascent * fontHeight * Math.sin(angle);
  const top = angle === 0 ? tx[5]! - ascent * fontHeight : tx[5]! - ascent * fontHeight * Math.cos(angle);
  // rotate(90deg) translateY(-100%), rotate(180deg) translate(-100%, -100%), rotate(270deg) translateX(-100%)
  const [x, y] = {
    0: [left, top],
    90: [h - top, left],
    180: [w - left, h - top],
    270: [top, w - left],
  }[rotation] as [number, number];
  // The span itself turns by --rotate about its own corner: net turn on screen.
  const turn = ((Math.round((angle * 180) / Math.PI) + rotation) % 360 + 360) % 360;
  return { x, y, fontHeight, turn };
}

const word = (text: string, x: number, y: number, width: number, height: number, line: number): OcrWord => ({ text, box: { x, y, width, height }, confidence: 90, line });
const line = (x: number, y: number, width: number, height: number, firstWord: number, wordCount: number): OcrLine => ({ box: { x, y, width, height }, firstWord, wordCount, paragraph: 0 });

// Two lines as displayed: "Juan Pérez" and "declaró".
const words = [word('Juan', 72, 100, 30, 10, 0), word('Pérez', 108, 98, 40, 14, 0), word('declaró', 72, 120, 50, 12, 1)];
const lines = [line(72, 98, 76, 14, 0, 2), line(72, 120, 50, 12, 2, 1)];

describe('OCR words as a pdf.js TextContent', () => {
  it('gives one item per word, spaces between words of a line and an end of line after its last', () => {
    const content = ocrTextContent({ words, lines }, viewportTransform(612, 792, 0));
    expect(content.items.map((i) => [i.str, i.hasEOL])).toEqual([['Juan ', false], ['Pérez', true], ['declaró', true]]);
    // A word followed by another reaches to it, so the space is selectable; the last keeps its box.
    expect(content.items.map((i) => i.width)).toEqual([36, 40, 50]);
    expect(Object.keys(content.styles)).toEqual([content.items[0]!.fontName]);
  });

  it('takes the line box as the height, and converts top-left boxes to PDF user space (y up)', () => {
    const [juan] = ocrTextContent({ words, lines }, viewportTransform(612, 792, 0)).items;
    // Baseline at 98 + 0.8 × 14 from the top is 792 − 109.2 from the bottom.
    expect(juan!.transform.map((n) => Math.round(n * 100) / 100)).toEqual([14, 0, 0, 14, 72, 682.8]);
  });

  for (const rotation of [0, 90, 180, 270] as const) {
    it(`lands every word on its box, upright, on a page with /Rotate ${rotation}`, () => {
      const [w, h] = [612, 792];
      const content = ocrTextContent({ words, lines }, viewportTransform(w, h, rotation));
      content.items.forEach((item, i) => {
        const corner = spanCorner(item, w, h, rotation);
        const lineBox = lines[words[i]!.line]!.box;
        expect(corner.x).toBeCloseTo(words[i]!.box.x, 6);
        expect(corner.y).toBeCloseTo(lineBox.y, 6);
        expect(corner.fontHeight).toBeCloseTo(lineBox.height, 6);
        expect(corner.turn).toBe(0);
      });
    });
  }

  it('skips empty words and ends a line where the next word starts back at the left', () => {
    const odd = [word(' ', 10, 10, 5, 10, 0), word('uno', 20, 10, 20, 10, 0), word('dos', 5, 10, 20, 10, 0)];
    const content = ocrTextContent({ words: odd, lines: [line(5, 10, 40, 10, 0, 3)] }, viewportTransform(100, 100, 0));
    expect(content.items.map((i) => i.str)).toEqual(['uno', 'dos']);
    expect(content.items[0]!.hasEOL).toBe(true);
  });

  it('inverts a transform', () => {
    const m = viewportTransform(612, 792, 90);
    expect(multiply(m, invert(m)).map((n) => Math.round(n * 1e9) / 1e9 + 0)).toEqual([1, 0, 0, 1, 0, 0]);
  });
});
