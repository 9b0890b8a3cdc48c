import { describe, expect, it } from 'vitest';
import { parseTsv } from './tsv';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

describe('parseTsv', () => {
  it('keeps word rows in order with their boxes, skipping the header, structure rows and empty words', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t',
      '2\t1\t1\t0\t0\t0\t300\t300\t900\t60\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t300\t120\t50\t96.5\tEl',
      '5\t1\t1\t1\t1\t2\t440\t300\t60\t50\t91\t14',
      '5\t1\t1\t1\t1\t3\t520\t300\t10\t50\t95\t ',
      '5\t1\t1\t1\t2\t1\t300\t380\t200\t52\t88.25\tagosto\r',
    ].join('\n');
    const words = parseTsv(tsv);
    expect(words.map((w) => w.text)).toEqual(['El', '14', 'agosto']);
    expect(words[0]).toEqual({ block: 1, paragraph: 1, line: 1, left: 300, top: 300, width: 120, height: 50, confidence: 96.5, text: 'El' });
    expect(words[2]!.line).toBe(2);
  });

  it('clamps confidences to 0–100 and reads output without a header', () => {
    const words = parseTsv('5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t-1\tx\n5\t1\t1\t1\t1\t2\t20\t0\t10\t10\t100.5\ty');
    expect(words.map((w) => w.confidence)).toEqual([0, 100]);
  });

  it('gives nothing for empty output', () => {
    expect(parseTsv('')).toEqual([]);
  });
});
