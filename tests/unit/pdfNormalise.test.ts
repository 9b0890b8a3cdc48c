import { describe, expect, it } from 'vitest';
import { cleanText, countTextChars, normalisePageText, pdfDateDay, readPdfInfo, type TextContentItem } from '../../shared/pdf';

/** A horizontal 10-point run at (x, y), 5 units wide per character. */
const run = (str: string, x: number, y: number, hasEOL = false, dir = 'ltr'): TextContentItem => ({
  str, dir, width: str.length * 5, height: 10, transform: [10, 0, 0, 10, x, y], fontName: 'f1', hasEOL,
});

describe('normalisePageText', () => {
  it('breaks lines where pdf.js marks an end of line', () => {
    expect(normalisePageText([run('First line', 72, 700, true), run('Second line', 72, 686)])).toBe('First line\nSecond line');
  });

  it('inserts a space only where the geometry shows a gap between runs', () => {
    const items = [run('Comandante', 72, 700), run('Artemio', 72 + 50 + 3, 700), run('s', 72 + 50 + 3 + 35, 700)];
    expect(normalisePageText(items)).toBe('Comandante Artemios');
  });

  it('starts a new line when the baseline moves without an end-of-line mark', () => {
    expect(normalisePageText([run('Column one', 72, 700), run('next', 72, 680)])).toBe('Column one\nnext');
  });

  it('skips marked-content markers and empty runs', () => {
    const items: TextContentItem[] = [{ type: 'beginMarkedContent', id: '' }, run('A', 72, 700), run('', 0, 0, true), { type: 'endMarkedContent', id: '' }, run('B', 72, 686)];
    expect(normalisePageText(items)).toBe('A\nB');
  });

  it('leaves vertical (CJK) runs to pdf.js instead of guessing spaces', () => {
    expect(normalisePageText([run('縦書', 0, 700, false, 'ttb'), run('き', 0, 680, false, 'ttb')])).toBe('縦書き');
  });
});

describe('cleanText', () => {
  it('applies NFKC: ligatures and full-width forms become plain letters', () => {
    expect(cleanText('ﬁnanciación ﬂujo Ｐｅｒú')).toBe('financiación flujo Perú');
  });

  it('joins a word hyphenated across a line break when the continuation is lowercase', () => {
    expect(cleanText('the exam-\nple and a soft\u00AD\n  hyphen')).toBe('the example and a softhyphen');
    expect(cleanText('Jean-\nPierre and 1990-\n1995')).toBe('Jean-Pierre and 1990-\n1995');
    expect(cleanText('a list -\nnext')).toBe('a list -\nnext');
  });

  it('collapses whitespace, trims lines, drops empty lines and control characters', () => {
    expect(cleanText('  Cañón \t\u00A0 del\u0000 río \n\n\n\r\n  fin\u0007  ')).toBe('Cañón del río\nfin');
  });

  it('counts only non-space characters as text', () => {
    expect(countTextChars(' a b\nc ')).toBe(3);
  });
});

describe('PDF metadata', () => {
  it('reads the day of a PDF date and rejects impossible ones', () => {
    expect(pdfDateDay("D:20190903101500+05'00'")).toBe('2019-09-03');
    expect(pdfDateDay('D:2019')).toBe('2019-01-01');
    expect(pdfDateDay('D:20190231')).toBeNull();
    expect(pdfDateDay('yesterday')).toBeNull();
    expect(pdfDateDay(undefined)).toBeNull();
  });

  it('prefers XMP over the info dictionary and tolerates a broken metadata stream', () => {
    const metadata = { get: (name: string) => (name === 'dc:creator' ? ['A. Pérez', 'B. Quispe'] : name === 'dc:title' ? '' : undefined) };
    const info = readPdfInfo({ info: { Title: ' Informe\n anual ', Author: 'ignored', Language: 'es-PE' }, metadata });
    expect(info).toMatchObject({ title: 'Informe anual', author: 'A. Pérez, B. Quispe', language: 'es-PE', creationDay: null });
    const broken = readPdfInfo({ info: {}, metadata: { get: () => { throw new Error('bad XMP'); } } });
    expect(broken.title).toBe('');
  });
});
