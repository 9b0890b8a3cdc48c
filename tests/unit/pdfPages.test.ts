import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { extractDocument, type PdfAssetUrls } from '../../shared/pdf';
import { makePagesPdf, PROSE, type PageSpec } from '../fixtures/pdf/makePagePdfs';

const pdfjsDir = join(fileURLToPath(new URL('../../', import.meta.url)), 'node_modules/pdfjs-dist/');
const assets: PdfAssetUrls = {
  cMapUrl: join(pdfjsDir, 'cmaps/'), standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'), wasmUrl: join(pdfjsDir, 'wasm/'), useWorkerFetch: false,
};
const extract = (pages: PageSpec[]) => extractDocument(pdfjs, makePagesPdf(pages), { assets });

describe('each page is classified', () => {
  it.each<[string, PageSpec, string]>([
    ['a text page', { lines: PROSE }, 'text'],
    ['a page in a font with no Unicode map (private-use codes)', { lines: PROSE, font: 'F2' }, 'junk-text'],
    ['a full-page scan', { imageShare: 0.9 }, 'image-only'],
    ['a scan with a "Scanned by" stamp in its text layer', { imageShare: 0.7, lines: ['Scanned by CamScanner'] }, 'image-only'],
    ['a page with a small logo only (2% of it)', { imageShare: 0.15 }, 'drawing'],
    ['a page holding only a photo (9% of it)', { imageShare: 0.3 }, 'image-only'],
    ['a page of a few words beside that photo', { imageShare: 0.3, lines: ['Figure 3. The camp'] }, 'text'],
    ['a blank page', {}, 'blank'],
    ['a page of vector paths', { drawing: true }, 'drawing'],
    ['a drawing with a page number', { drawing: true, lines: ['12'] }, 'text'],
    ['a page whose only text is in its form fields', { fields: [{ name: 'insured', value: 'Compañía Minera del Sur S.A., Lima' }], imageShare: 0.9 }, 'text'],
  ])('%s', async (_, spec, state) => {
    const result = await extract([spec]);
    expect(result.pageStates).toEqual([state]);
  });

  it('sums up a mixed document as partly scanned, naming the pages that need OCR', async () => {
    const result = await extract([{ lines: PROSE }, { imageShare: 0.9 }, {}, { lines: PROSE, font: 'F2' }, { drawing: true }]);
    expect(result.pageStates).toEqual(['text', 'image-only', 'blank', 'junk-text', 'drawing']);
    expect(result.state).toBe('needs-ocr');
    expect(result.textLayer).toEqual({ layer: 'partly-scanned', ocrPages: 2 });
    expect(result.message).toBe('');
  });

  it('calls a scan with blank backs scanned, and blank pages and drawings no text (nothing to OCR)', async () => {
    const scan = await extract([{ imageShare: 0.9 }, {}, { imageShare: 0.8 }]);
    expect(scan).toMatchObject({ state: 'needs-ocr', textLayer: { layer: 'scanned', ocrPages: 2 } });
    const none = await extract([{}, { drawing: true }]);
    expect(none).toMatchObject({ state: 'extracted', textLayer: { layer: 'no-text', ocrPages: 0 }, message: '' });
    const text = await extract([{ lines: PROSE }, {}]);
    expect(text).toMatchObject({ state: 'extracted', textLayer: { layer: 'text', ocrPages: 0 } });
  });
});

describe('page text', () => {
  it('turns a font\'s control-code word space (U+0003) into spaces', async () => {
    const result = await extract([{ lines: ['Overview of the Technology Acceptance Model'], font: 'F3' }]);
    expect(result.pages).toEqual(['Overview of the Technology Acceptance Model']);
  });

  it('joins a word broken at the line end, and keeps the hyphen of a compound', async () => {
    const result = await extract([{ lines: ['La ruta del narco-', 'tráfico pasa por el río; a well-', 'known route.'] }]);
    expect(result.pages).toEqual(['La ruta del narcotráfico pasa por el río; a well-known route.']);
  });
});

describe('form-field and comment text', () => {
  it('is read per page, apart from the page text: field values, choices by their shown text, a note once despite its popup, no links', async () => {
    const result = await extract([
      { lines: PROSE },
      {
        lines: ['Certificate of insurance'],
        fields: [
          { name: 'insured', value: 'Compañía Minera del Sur S.A.', tooltip: 'Name of the insured' },
          { name: 'region', choice: ['APU', 'Apurímac'] },
          { name: 'coverage', checked: 'Liability' },
          { name: 'smoker', checked: 'Yes' },
        ],
        comment: { author: 'A. Pérez', text: 'Check this date against the police report.' },
        link: 'https://example.org/policy',
      },
    ]);
    expect(result.annotations?.[0]).toEqual([]);
    expect(result.annotations?.[1]).toEqual(expect.arrayContaining([
      { kind: 'form-field', label: 'Name of the insured', text: 'Compañía Minera del Sur S.A.' },
      { kind: 'form-field', label: 'region', text: 'Apurímac' },
      { kind: 'form-field', label: 'coverage', text: 'Liability' },
      { kind: 'comment', label: 'A. Pérez', text: 'Check this date against the police report.' },
    ]));
    // The popup repeats its note; "Yes" says nothing; the link has no text of its own.
    expect(result.annotations?.[1]).toHaveLength(4);
    expect(result.pages[1]).toBe('Certificate of insurance');
    expect(result.pageStates).toEqual(['text', 'text']);
  });
});
