import { describe, expect, it } from 'vitest';
import type { PdfjsModule } from '../../shared/pdf/extract';
import type { PdfExtractResponse } from './pdfExtractProtocol';
import { createPdfExtractHandler } from './pdfExtractHandler';

/** A pdf.js stand-in with N one-line pages, enough to drive the handler's progress. */
function fakePdfjs(pages: number): PdfjsModule {
  const doc = {
    numPages: pages,
    getMetadata: async () => ({ info: {}, metadata: null }),
    getPage: async () => ({
      getTextContent: async () => ({ items: [{ str: 'Apurímac Ene Mantaro', hasEOL: true, transform: [1, 0, 0, 1, 0, 0], width: 10, height: 10 }] }),
      cleanup: () => undefined,
    }),
    destroy: async () => undefined,
  };
  return { version: '6.5.438', getDocument: () => ({ promise: Promise.resolve(doc), destroy: async () => undefined }) } as unknown as PdfjsModule;
}

describe('extraction progress', () => {
  it('sends the first and last page always and at most one message per interval between them', async () => {
    const sent: PdfExtractResponse[] = [];
    let clock = 0;
    const done = new Promise<void>((resolve) => {
      const handle = createPdfExtractHandler(fakePdfjs(500), () => ({}) as never, (m) => {
        sent.push(m);
        if (m.type !== 'progress') resolve();
      }, () => (clock += 1));
      handle({ type: 'extract', id: 1, bytes: new ArrayBuffer(8), assetBase: 'http://x/' } as never);
    });
    await done;
    const pages = sent.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.page : 0));
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBe(500);
    // One millisecond a page on the fake clock: a message about every 100 pages, not 500.
    expect(pages.length).toBeLessThanOrEqual(7);
    expect(sent.at(-1)).toMatchObject({ type: 'result' });
  });
});
