import { describe, expect, it } from 'vitest';
import { formatPageCounts, formatRow, summarise, type Row } from '../../scripts/check-pdfs-report';
import { formatOcrRow, summariseOcr, type OcrFileOutcome, type OcrPageOutcome } from '../../scripts/check-pdfs-ocr-report';

const row = (file: string, fields: Partial<Row>): Row => ({ file, outcome: 'extracted', pageCount: 1, chars: 0, ms: 10, message: '', ...fields });

describe('check:pdfs report', () => {
  it('shows each file\'s pages by state and sums states, text layers and form-field text over the folder', () => {
    const rows = [
      row('mixed.pdf', { outcome: 'needs-ocr', layer: 'partly-scanned', pageCount: 4, pageStates: { text: 2, 'image-only': 1, 'junk-text': 1 }, annotationChars: 462, annotationPages: 1 }),
      row('blank.pdf', { layer: 'no-text', pageStates: { blank: 1 } }),
      row('locked.pdf', { outcome: 'password-required', pageCount: 0 }),
    ];
    expect(formatRow(rows[0]!, 10)).toMatch(/partly-scanned +4 +text 2, junk 1, image 1 +0 +462/);
    expect(formatPageCounts(undefined)).toBe('-');
    const { lines, failures } = summarise(rows, 1000);
    expect(failures).toBe(0);
    expect(lines).toContain('text layer of the files that opened: partly-scanned 1, no-text 1');
    expect(lines).toContain('pages by state: text 2, junk 1, image 1, blank 1; need OCR: 2');
    expect(lines).toContain('form-field and comment text: 462 characters on 1 pages in 1 files');
  });
});

describe('check:pdfs --ocr report', () => {
  const page = (n: number, fields: Partial<OcrPageOutcome>): OcrPageOutcome => ({ page: n, status: 'read', chars: 0, words: 0, confidence: null, ms: 1000, ...fields });
  it('says per file what OCR recovered and which pages failed why, and sums it over the folder', () => {
    const rows: OcrFileOutcome[] = [
      { file: 'scan.pdf', asked: [1, 2, 3], ms: 3100, pages: [page(1, { chars: 900, words: 150, confidence: 90 }), page(2, { chars: 100, words: 20, confidence: 40 }), page(3, { status: 'failed', reason: 'timed-out' })] },
      { file: 'photo.pdf', asked: [1], ms: 900, pages: [page(1, { status: 'failed', reason: 'no-text' })] },
      { file: 'broken.pdf', asked: [2], ms: 10, pages: [], error: 'Error: The PDF could not be opened.\nstack' },
    ];
    expect(formatOcrRow(rows[0]!, 10)).toMatch(/^scan\.pdf +3 +2 +1 +0 +1000 +170 +85 +3100 +timed-out 1$/);
    expect(formatOcrRow(rows[2]!, 10)).toMatch(/not OCR'd: Error: The PDF could not be opened\./);
    expect(summariseOcr(rows, 5000)).toEqual([
      'OCR: 5 pages needing OCR in 3 files, 5.0 s (browser start-up included)',
      'pages read 2, failed 2 (timed-out 1, no-text 1), blank 0, files not OCR\'d 1',
      'recovered 1000 characters (170 words) in 1 of 3 files; mean confidence 85%',
      '1000 ms a page in the OCR worker',
    ]);
  });
});
