import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, MenuCommand } from '../../shared/desktopApi';
import { createPlatform, type PlatformHost } from './index';
import { saveFiltersFor } from './saveFilters';
import { createWebPlatform } from './webPlatform';

function fakeDesktop(): DesktopApi & { emit(command: MenuCommand): void } {
  const listeners = new Set<(command: MenuCommand) => void>();
  return {
    appInfo: vi.fn(async () => ({ name: 'Casefile', version: '1.2.3', platform: 'linux', electron: '40.8.5' })),
    openPdfFiles: vi.fn(async () => [{ name: 'a.pdf', bytes: new Uint8Array([37]) }]),
    saveFile: vi.fn(async () => ({ saved: true, path: '/home/u/case.json' })),
    revealInFolder: vi.fn(async () => undefined),
    printToPdf: vi.fn(async () => ({ saved: true, path: '/home/u/report.pdf' })),
    onMenuCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (command) => listeners.forEach((l) => l(command)),
  };
}

/** A minimal document: records the elements the web adapter creates. */
function fakeDocument() {
  const created: Array<Record<string, unknown> & { listeners: Map<string, () => void>; clicked: number }> = [];
  const doc = {
    createElement: (tag: string) => {
      const el = {
        tag,
        style: {},
        listeners: new Map<string, () => void>(),
        clicked: 0,
        removed: false,
        addEventListener(type: string, fn: () => void) {
          this.listeners.set(type, fn);
        },
        click() {
          this.clicked += 1;
        },
        remove() {
          this.removed = true;
        },
        setAttribute() {},
      };
      created.push(el);
      return el;
    },
    body: { append: () => undefined },
  };
  return { doc: doc as unknown as Document, created };
}

const fakeFile = (name: string, type: string, text: string, size = text.length) =>
  ({ name, type, size, arrayBuffer: async () => new TextEncoder().encode(text).buffer }) as unknown as File;

describe('createPlatform', () => {
  it('chooses the desktop adapter when window.desktop exists', async () => {
    const desktop = fakeDesktop();
    const platform = createPlatform({ desktop, document: fakeDocument().doc });
    expect(platform.kind).toBe('desktop');
    expect(await platform.appInfo()).toMatchObject({ electron: '40.8.5' });
    expect(await platform.pickPdfFiles()).toHaveLength(1);
  });

  it('chooses the web adapter without window.desktop', async () => {
    for (const host of [{ document: fakeDocument().doc }, { desktop: undefined, document: fakeDocument().doc }] as PlatformHost[]) {
      const platform = createPlatform(host);
      expect(platform.kind).toBe('web');
      expect((await platform.appInfo()).platform).toBe('web');
    }
  });

  it('does not trust a half-shaped window.desktop', () => {
    const partial = { appInfo: async () => ({}) };
    expect(createPlatform({ desktop: partial, document: fakeDocument().doc }).kind).toBe('web');
    expect(createPlatform({ desktop: 'yes', document: fakeDocument().doc }).kind).toBe('web');
  });
});

describe('desktop adapter', () => {
  it('maps saveFile to dialog filters and printHtml to printToPdf', async () => {
    const desktop = fakeDesktop();
    const platform = createPlatform({ desktop, document: fakeDocument().doc });
    const data = new Uint8Array([1]);
    expect(await platform.saveFile({ suggestedName: 'case.json', mimeType: 'application/json', data })).toEqual({
      saved: true,
      path: '/home/u/case.json',
    });
    expect(desktop.saveFile).toHaveBeenCalledWith({
      suggestedName: 'case.json',
      filters: [{ name: 'JSON', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }],
      data,
    });
    await platform.printHtml('<h1>r</h1>', 'report.pdf');
    expect(desktop.printToPdf).toHaveBeenCalledWith({ suggestedName: 'report.pdf', html: '<h1>r</h1>' });
  });

  it('forwards menu commands and unsubscribes', () => {
    const desktop = fakeDesktop();
    const platform = createPlatform({ desktop, document: fakeDocument().doc });
    const seen: MenuCommand[] = [];
    const off = platform.onMenuCommand((c) => seen.push(c));
    desktop.emit('focus-search');
    off();
    desktop.emit('new-actor');
    expect(seen).toEqual(['focus-search']);
  });
});

describe('web adapter', () => {
  it('picks PDFs through a hidden file input, skipping other files', async () => {
    const { doc, created } = fakeDocument();
    const platform = createWebPlatform({ document: doc, version: '0.1.0' });
    const picking = platform.pickPdfFiles();
    const input = created[0];
    expect(input).toMatchObject({ tag: 'input', type: 'file', multiple: true, accept: 'application/pdf,.pdf', clicked: 1 });
    input!.files = [fakeFile('a.pdf', 'application/pdf', '%PDF-a'), fakeFile('notes.txt', 'text/plain', 'x'), fakeFile('B.PDF', '', '%PDF-b')];
    input!.listeners.get('change')?.();
    const files = await picking;
    expect(files.map((f) => f.name)).toEqual(['a.pdf', 'B.PDF']);
    expect(new TextDecoder().decode(files[1]?.bytes)).toBe('%PDF-b');
    expect(input!.removed).toBe(true);
  });

  it('resolves [] when the picker is cancelled', async () => {
    const { doc, created } = fakeDocument();
    const picking = createWebPlatform({ document: doc, version: '0' }).pickPdfFiles();
    created[0]!.listeners.get('cancel')?.();
    expect(await picking).toEqual([]);
  });

  it('refuses oversized PDFs', async () => {
    const { doc, created } = fakeDocument();
    const picking = createWebPlatform({ document: doc, version: '0' }).pickPdfFiles();
    created[0]!.files = [fakeFile('huge.pdf', 'application/pdf', '', 600 * 1024 * 1024)];
    created[0]!.listeners.get('change')?.();
    await expect(picking).rejects.toThrow(/huge.pdf.*512 MB/);
  });

  it('downloads through a Blob link and revokes it later', async () => {
    const { doc, created } = fakeDocument();
    const timers: Array<() => void> = [];
    const platform = createWebPlatform({ document: doc, version: '0', setTimeout: (fn) => timers.push(fn) });
    const result = await platform.saveFile({ suggestedName: 'case.csv', mimeType: 'text/csv', data: new Uint8Array([65]) });
    expect(result).toEqual({ saved: true });
    const link = created[0];
    expect(link).toMatchObject({ tag: 'a', download: 'case.csv', clicked: 1, removed: true });
    expect(String(link?.href)).toMatch(/^blob:/);
    expect(timers).toHaveLength(1);
    timers[0]?.();
  });

  it('has a no-op menu subscription', () => {
    const off = createWebPlatform({ document: fakeDocument().doc, version: '0' }).onMenuCommand(() => undefined);
    expect(off()).toBeUndefined();
  });
});

describe('saveFiltersFor', () => {
  it('uses the extension and a label from the MIME type', () => {
    expect(saveFiltersFor('export.csv', 'text/csv; charset=utf-8')[0]).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(saveFiltersFor('bundle.casefile', 'application/octet-stream')[0]).toEqual({ name: 'CASEFILE files', extensions: ['casefile'] });
    expect(saveFiltersFor('noext', 'text/plain')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
