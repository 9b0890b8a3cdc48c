import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  annotationTexts, classifyPage, cleanText, isJunkText, legacyPageState, measureText, paintSummary, spaceControlCodes, summarisePages,
  type PaintSummary,
} from '../../shared/pdf';

const { OPS } = pdfjs;
const A4 = 595 * 842;
const text = (raw: string) => measureText(spaceControlCodes(raw));
const noPaint: PaintSummary = { imageCoverage: 0, images: 0, paths: 0 };

describe('measuring a text layer', () => {
  it('tells readable text from control codes, private-use glyphs, replacement characters and symbol soup', () => {
    expect(isJunkText(text('Informe de campo sobre el valle del VRAEM, agosto de 2003.'))).toBe(false);
    expect(isJunkText(text('\u0001\u0002\u0005\u0006\u0007\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a'))).toBe(true);
    expect(isJunkText(text('\uE020\uE021\uE045\uE046 \uE047\uE048\uE049\uE050 \uE051\uE052\uE053\uE054 \uE055\uE056\uE057\uE058'))).toBe(true);
    expect(isJunkText(text('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD'))).toBe(true);
    expect(isJunkText(text('!"#$ %&\'() *+,-./ :;<=>? @[\\]^_`{|}~'))).toBe(true);
    // A short run of symbols (a bullet, a rule) is too little to judge.
    expect(isJunkText(text('• — §'))).toBe(false);
  });

  it('does not count control codes used as word spaces against the page', () => {
    expect(text('Overview\u0003of\u0003the\u0003Technology\u0003Acceptance\u0003Model')).toEqual({ chars: 38, readable: 38 });
  });
});

describe('classifyPage', () => {
  const thin = text('Scanned by CamScanner');
  it('reads text layers first and the operator list only for thin ones', () => {
    expect(classifyPage({ text: text('word '.repeat(20)), annotationChars: 0 })).toBe('text');
    expect(classifyPage({ text: thin, annotationChars: 0, paint: { imageCoverage: 0.8, images: 1, paths: 0 } })).toBe('image-only');
    expect(classifyPage({ text: thin, annotationChars: 0, paint: noPaint })).toBe('text');
    expect(classifyPage({ text: text(''), annotationChars: 0, paint: noPaint })).toBe('blank');
    expect(classifyPage({ text: text(''), annotationChars: 0, paint: { imageCoverage: 0.02, images: 1, paths: 0 } })).toBe('drawing');
    expect(classifyPage({ text: text(''), annotationChars: 0, paint: { imageCoverage: 0.06, images: 1, paths: 3 } })).toBe('image-only');
    expect(classifyPage({ text: thin, annotationChars: 0, paint: { imageCoverage: 0.06, images: 1, paths: 3 } })).toBe('text');
    expect(classifyPage({ text: text(''), annotationChars: 0, paint: { imageCoverage: 0, images: 0, paths: 12 } })).toBe('drawing');
    expect(classifyPage({ text: text(''), annotationChars: 40, paint: { imageCoverage: 1, images: 1, paths: 0 } })).toBe('text');
    // No operator list (pdf.js failed on it): the text layer alone decides.
    expect(classifyPage({ text: text(''), annotationChars: 0, paint: null })).toBe('blank');
  });

  it('sums pages up and maps pages stored before classification', () => {
    expect(summarisePages(['text', 'blank', 'drawing'])).toEqual({ layer: 'text', ocrPages: 0 });
    expect(summarisePages(['text', 'image-only', 'junk-text'])).toEqual({ layer: 'partly-scanned', ocrPages: 2 });
    expect(summarisePages(['image-only', 'blank', 'unreadable'])).toEqual({ layer: 'scanned', ocrPages: 1 });
    expect(summarisePages(['blank', 'drawing', 'unreadable'])).toEqual({ layer: 'no-text', ocrPages: 0 });
    expect(legacyPageState('needs-ocr')).toBe('image-only');
    expect(legacyPageState('extracted')).toBe('text');
  });
});

describe('paintSummary', () => {
  const list = (ops: Array<[number, unknown[]]>) => ({ fnArray: ops.map(([fn]) => fn), argsArray: ops.map(([, args]) => args) });

  it('measures images by the transformation in force, through save/restore and form XObjects', () => {
    const summary = paintSummary(list([
      [OPS.save, []],
      [OPS.transform, [595, 0, 0, 421, 0, 0]],
      [OPS.paintImageXObject, ['img_p0_1', 2000, 1400]],
      [OPS.restore, []],
      [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 0, 0], [0, 0, 100, 100]]],
      [OPS.transform, [0, 297.5, -421, 0, 0, 0]], // rotated a quarter turn: same area
      [OPS.paintInlineImageXObject, [{}]],
      [OPS.paintFormXObjectEnd, []],
      [OPS.paintImageMaskXObject, [{}]], // back at the identity: 1 unit square
    ]), OPS, A4);
    expect(summary.images).toBe(3);
    expect(summary.imageCoverage).toBeCloseTo((595 * 421 + 297.5 * 421 + 1) / A4, 5);
    expect(summary.paths).toBe(0);
  });

  it('counts vector paths and shadings, and caps coverage at the whole page', () => {
    const summary = paintSummary(list([
      [OPS.constructPath, [OPS.stroke, [], null]], [OPS.shadingFill, ['sh0']],
      [OPS.transform, [700, 0, 0, 900, 0, 0]], [OPS.paintImageXObject, ['a']], [OPS.paintImageXObject, ['b']],
    ]), OPS, A4);
    expect(summary).toEqual({ imageCoverage: 1, images: 2, paths: 2 });
  });
});

describe('annotationTexts', () => {
  it('skips a popup whose parent note is on the page, keeps an orphan popup, skips links, and drops repeats', () => {
    const out = annotationTexts([
      { id: '10R', subtype: 'Text', contentsObj: { str: 'Ask the witness again.' }, titleObj: { str: 'M. Quispe' }, popupRef: '11R' },
      { id: '11R', subtype: 'Popup', contentsObj: { str: 'Ask the witness again.' }, titleObj: { str: 'M. Quispe' } },
      { id: '20R', subtype: 'Popup', contentsObj: { str: 'Orphan note' } },
      { id: '30R', subtype: 'Link', contentsObj: { str: 'https://example.org' } },
      { id: '40R', subtype: 'FreeText', contentsObj: { str: 'Redacted by the\r\nministry' } },
      { id: '50R', subtype: 'Widget', fieldType: 'Tx', fieldName: 'name', fieldValue: 'Ana  Pérez' },
      { id: '51R', subtype: 'Widget', fieldType: 'Tx', fieldName: 'name', fieldValue: 'Ana  Pérez' },
      { id: '52R', subtype: 'Widget', fieldType: 'Tx', fieldName: 'empty', fieldValue: '' },
      { id: '53R', subtype: 'Widget', fieldType: 'Btn', radioButton: true, fieldName: 'district', fieldValue: 'Pichari', buttonValue: 'Pichari' },
      { id: '54R', subtype: 'Widget', fieldType: 'Btn', radioButton: true, fieldName: 'district', fieldValue: 'Pichari', buttonValue: 'Kimbiri' },
      { id: '55R', subtype: 'Widget', fieldType: 'Btn', checkBox: true, fieldName: 'agree', fieldValue: 'On', exportValue: 'On' },
      { id: '56R', subtype: 'Widget', fieldType: 'Ch', fieldName: 'crimes', fieldValue: ['a', 'b'], options: [{ exportValue: 'a', displayValue: 'Extortion' }, { exportValue: 'b', displayValue: 'Kidnapping' }] },
      { id: '57R', subtype: 'Widget', fieldType: 'Sig', fieldName: 'signature', fieldValue: 'binary' },
    ]);
    expect(out).toEqual([
      { kind: 'comment', label: 'M. Quispe', text: 'Ask the witness again.' },
      { kind: 'comment', text: 'Orphan note' },
      { kind: 'comment', text: 'Redacted by the\nministry' },
      { kind: 'form-field', label: 'name', text: 'Ana Pérez' },
      { kind: 'form-field', label: 'district', text: 'Pichari' },
      { kind: 'form-field', label: 'crimes', text: 'Extortion\nKidnapping' },
    ]);
  });
});

describe('cleanText: control codes and line-end hyphens', () => {
  it('makes control codes between words spaces and drops the others', () => {
    expect(spaceControlCodes('Overview\u0003of\u0003the\u0003Model')).toBe('Overview of the Model');
    expect(cleanText('Overview\u0003of\u0001\u0002the Model\u0003\n\u0000end')).toBe('Overview of the Model\nend');
  });

  it('joins a line-end hyphen when the joined word is likelier, keeps it for compounds', () => {
    expect(cleanText('el narco-\ntráfico')).toBe('el narcotráfico');
    expect(cleanText('a well-\nknown route')).toBe('a well-known route');
    expect(cleanText('el enfoque político-\nmilitar')).toBe('el enfoque político-militar');
    // The page is the best witness, either way.
    expect(cleanText('the re-\nform of the re-form')).toBe('the re-form of the re-form');
    expect(cleanText('a self-\nish act; so selfish')).toBe('a selfish act; so selfish');
    // Ordinary hyphenation points stay joined.
    expect(cleanText('a so-\ncial ex-\nample of pre-\nvious well-\nness')).toBe('a social example of previous wellness');
    expect(cleanText('self-\ndefence and non-\nviolent')).toBe('self-defence and non-violent');
    // A soft hyphen is a hyphenation point by definition.
    expect(cleanText('well\u00AD\nknown')).toBe('wellknown');
  });
});
