import { describe, expect, it } from 'vitest';
import { formatPageCounts, formatRow, summarise, type Row } from '../../scripts/check-pdfs-report';

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
