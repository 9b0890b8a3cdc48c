import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../shared/desktopApi';
import { createDesktopPlatform } from './desktopPlatform';
import { createWebPlatform } from './webPlatform';

// "report\u202Efdp.exe" is displayed as "reportexe.pdf": a program posing as a PDF.
const posing = 'report\u202Efdp.exe';
const unmasked = 'reportfdp.exe';

function fakeApi() {
  return {
    saveFile: vi.fn(async () => ({ saved: true })),
    printToPdf: vi.fn(async () => ({ saved: true })),
    beginSave: vi.fn(async () => ({ token: 't' })),
    writeChunk: vi.fn(async () => undefined),
    commitSave: vi.fn(async () => ({ saved: true })),
    abortSave: vi.fn(async () => undefined),
  };
}

describe('suggested file names leave the renderer without bidirectional controls', () => {
  it('desktop: saveFile, saveBlob and saveReport', async () => {
    const api = fakeApi();
    const platform = createDesktopPlatform(api as unknown as DesktopApi, {} as Document);
    await platform.saveFile({ suggestedName: posing, mimeType: 'application/octet-stream', data: new Uint8Array([1]) });
    expect(api.saveFile).toHaveBeenCalledWith(expect.objectContaining({
      suggestedName: unmasked,
      // The dialog's filter is taken from the real extension, not the one shown.
      filters: [{ name: 'EXE files', extensions: ['exe'] }, { name: 'All files', extensions: ['*'] }],
    }));
    await platform.saveBlob({ suggestedName: `\u2067${posing}\u2069`, mimeType: 'application/octet-stream', blob: new Blob([new Uint8Array(3)]) });
    expect(api.beginSave).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: unmasked }));
    await platform.saveReport({ html: '<html><head></head><body><p>r</p></body></html>', css: 'p{}' }, `case\u200F.pdf`);
    expect(api.printToPdf).toHaveBeenCalledWith({ suggestedName: 'case.pdf', html: '<html><head><style>p{}</style>\n</head><body><p>r</p></body></html>' });
  });

  it('web: the download link’s name', async () => {
    const links: Array<{ download?: string }> = [];
    const doc = {
      createElement: () => {
        const link = { style: {}, click() {}, remove() {} } as { download?: string };
        links.push(link);
        return link;
      },
      body: { append: () => undefined },
    } as unknown as Document;
    const platform = createWebPlatform({ document: doc, version: '0', setTimeout: () => undefined });
    await platform.saveFile({ suggestedName: posing, mimeType: 'application/octet-stream', data: new Uint8Array([1]) });
    await platform.saveBlob({ suggestedName: `a\u202Dfdp.exe`, mimeType: 'application/octet-stream', blob: new Blob([new Uint8Array(1)]) });
    expect(links.map((l) => l.download)).toEqual([unmasked, 'afdp.exe']);
  });
});
