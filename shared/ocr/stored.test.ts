import { describe, expect, it } from 'vitest';
import { storedPageOcr } from './stored';
import type { OcrPageResult, OcrProvenance } from './types';

const provenance: OcrProvenance = { engine: 'tesseract.js', version: '7.0.0', languages: ['spa', 'eng'], confidence: 91, rotation: 90, dpi: 300 };
const base = { page: 2, width: 595, height: 842, durationMs: 1200 };

describe('what a page row keeps of its OCR', () => {
  it('a read page keeps its words, lines, page frame and provenance, not the text (the row holds it)', () => {
    const result: OcrPageResult = {
      ...base, status: 'read', text: 'Artemio',
      words: [{ text: 'Artemio', box: { x: 72, y: 90, width: 60, height: 12 }, confidence: 91, line: 0 }],
      lines: [{ box: { x: 72, y: 90, width: 60, height: 12 }, firstWord: 0, wordCount: 1, paragraph: 0 }],
      provenance,
    };
    const stored = storedPageOcr(result, 1_765_000_000_000);
    expect(stored).toEqual({ status: 'read', words: result.words, lines: result.lines, provenance, width: 595, height: 842, at: 1_765_000_000_000 });
    expect(stored).not.toHaveProperty('text');
  });

  it('a failure is kept with its reason, so the page shows as failed rather than blank', () => {
    const stored = storedPageOcr({ ...base, status: 'failed', reason: 'timed-out', message: 'Took too long.', provenance: null }, 5);
    expect(stored).toEqual({ status: 'failed', reason: 'timed-out', message: 'Took too long.', provenance: null, at: 5 });
  });

  it('a blank page leaves nothing to keep', () => {
    expect(storedPageOcr({ ...base, status: 'blank' }, 5)).toBeNull();
  });
});
