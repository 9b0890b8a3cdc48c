import type { OcrBox, OcrLine, OcrRotation, OcrWord } from './types';
import type { TsvWord } from './tsv';

export interface AssembledPage {
  text: string;
  words: OcrWord[];
  lines: OcrLine[];
  /** Mean word confidence weighted by word length (0 when there are no words). */
  confidence: number;
  /** The rotation the engine read the text at, inferred from where successive words lie. */
  rotation: OcrRotation;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A pixel box to points: `scale` is pixels per point of the rendered image. */
export function toPoints(left: number, top: number, width: number, height: number, scale: number): OcrBox {
  return { x: round2(left / scale), y: round2(top / scale), width: round2(width / scale), height: round2(height / scale) };
}

function union(boxes: readonly OcrBox[]): OcrBox {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: round2(right - x), height: round2(bottom - y) };
}

/** Mean confidence weighted by word length, so a stray one-letter guess weighs little. */
export function meanConfidence(words: readonly { text: string; confidence: number }[]): number {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    const n = [...w.text].length;
    sum += w.confidence * n;
    weight += n;
  }
  return weight === 0 ? 0 : Math.round((sum / weight) * 10) / 10;
}

/**
 * Which way the text runs in the image: within each line the words follow reading order, so the
 * vector from a line's first word to its last points along the text. Summed over the page, +x is
 * upright, +y is a page turned 90° clockwise, −x upside down, −y turned 270°. Lines of one word
 * say nothing; a page without longer lines counts as upright.
 */
export function inferRotation(words: readonly TsvWord[]): OcrRotation {
  let dx = 0;
  let dy = 0;
  let start: TsvWord | undefined;
  let prev: TsvWord | undefined;
  const close = () => {
    if (start && prev && start !== prev) {
      dx += prev.left + prev.width / 2 - (start.left + start.width / 2);
      dy += prev.top + prev.height / 2 - (start.top + start.height / 2);
    }
  };
  for (const w of words) {
    if (!prev || w.block !== prev.block || w.paragraph !== prev.paragraph || w.line !== prev.line) {
      close();
      start = w;
    }
    prev = w;
  }
  close();
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 0 : 180;
  return dy > 0 ? 90 : 270;
}

/**
 * A page's words, lines and text from the engine's words in reading order. `scale` is pixels per
 * point of the image the engine read. Text: words joined by a space within a line, lines by '\n',
 * paragraphs and blocks by a blank line.
 */
export function assemblePage(tsvWords: readonly TsvWord[], scale: number): AssembledPage {
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const lineTexts: string[][] = [];
  let paragraph = -1;
  let prev: TsvWord | undefined;
  for (const w of tsvWords) {
    const newParagraph = !prev || w.block !== prev.block || w.paragraph !== prev.paragraph;
    const newLine = newParagraph || w.line !== prev!.line;
    if (newParagraph) paragraph++;
    if (newLine) {
      lines.push({ box: { x: 0, y: 0, width: 0, height: 0 }, firstWord: words.length, wordCount: 0, paragraph });
      lineTexts.push([]);
    }
    const line = lines.length - 1;
    words.push({ text: w.text, box: toPoints(w.left, w.top, w.width, w.height, scale), confidence: w.confidence, line });
    lines[line]!.wordCount++;
    lineTexts[line]!.push(w.text);
    prev = w;
  }
  let text = '';
  lines.forEach((line, i) => {
    line.box = union(words.slice(line.firstWord, line.firstWord + line.wordCount).map((w) => w.box));
    if (i > 0) text += line.paragraph === lines[i - 1]!.paragraph ? '\n' : '\n\n';
    text += lineTexts[i]!.join(' ');
  });
  return { text, words, lines, confidence: meanConfidence(words), rotation: inferRotation(tsvWords) };
}
