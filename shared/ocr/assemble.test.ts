import { describe, expect, it } from 'vitest';
import { assemblePage, inferRotation, meanConfidence } from './assemble';
import type { TsvWord } from './tsv';

const word = (text: string, block: number, paragraph: number, line: number, left: number, top: number, confidence = 90, width = 100, height = 40): TsvWord =>
  ({ text, block, paragraph, line, left, top, width, height, confidence });

// A page rendered at 300 dpi: 300/72 pixels per point.
const SCALE = 300 / 72;

describe('assemblePage', () => {
  const words = [
    word('Doña', 1, 1, 1, 300, 300),
    word('Aurelia', 1, 1, 1, 420, 300),
    word('Gómez', 1, 1, 2, 300, 360),
    word('declaró', 1, 2, 1, 300, 480),
    word('Firma', 2, 1, 1, 300, 900),
  ];

  it('joins words with spaces, lines with a line break and paragraphs and blocks with a blank line', () => {
    expect(assemblePage(words, SCALE).text).toBe('Doña Aurelia\nGómez\n\ndeclaró\n\nFirma');
  });

  it('gives word boxes in PDF points and lines that hold their words', () => {
    const page = assemblePage(words, SCALE);
    expect(page.words[0]!.box).toEqual({ x: 72, y: 72, width: 24, height: 9.6 });
    expect(page.lines).toHaveLength(4);
    const first = page.lines[0]!;
    expect(page.words.slice(first.firstWord, first.firstWord + first.wordCount).map((w) => w.text)).toEqual(['Doña', 'Aurelia']);
    expect(first.box).toEqual({ x: 72, y: 72, width: 52.8, height: 9.6 });
    expect(page.words[2]!.line).toBe(1);
    expect(page.lines.map((l) => l.paragraph)).toEqual([0, 0, 1, 2]);
  });

  it('is empty for no words', () => {
    expect(assemblePage([], SCALE)).toEqual({ text: '', words: [], lines: [], confidence: 0, rotation: 0 });
  });
});

describe('meanConfidence', () => {
  it('weighs each word by its length', () => {
    expect(meanConfidence([{ text: 'abcd', confidence: 90 }, { text: 'x', confidence: 40 }])).toBe(80);
    expect(meanConfidence([])).toBe(0);
  });
});

describe('inferRotation', () => {
  // Two lines of three words, as Tesseract lists them (reading order), for each way the page can lie.
  const page = (step: (i: number, line: number) => [number, number]) =>
    [1, 2].flatMap((line) => [0, 1, 2].map((i) => word(`w${i}`, 1, 1, line, ...step(i, line))));

  it('reads upright text as 0°', () => expect(inferRotation(page((i, l) => [300 + i * 150, 300 + l * 60]))).toBe(0));
  it('reads text running downwards as a page turned 90° clockwise', () => expect(inferRotation(page((i, l) => [3000 - l * 60, 300 + i * 150]))).toBe(90));
  it('reads text running right to left as 180°', () => expect(inferRotation(page((i, l) => [2000 - i * 150, 3000 - l * 60]))).toBe(180));
  it('reads text running upwards as 270°', () => expect(inferRotation(page((i, l) => [300 + l * 60, 3000 - i * 150]))).toBe(270));
  it('counts a page of one-word lines as upright', () => expect(inferRotation([word('a', 1, 1, 1, 500, 500), word('b', 1, 1, 2, 100, 300)])).toBe(0));
});
