import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, MenuCommand } from '../../shared/desktopApi';
import { createPlatform, type PlatformHost } from './index';
import { saveFiltersFor } from './saveFilters';
import { createWebPlatform } from './webPlatform';
import { saveBlobDesktop } from './blobFiles';
import { byteParts, partsBlob } from '../../shared/bundle/parts';
import { sealAtSave } from '../../shared/bundle/ageSealed';
import { decryptBlob } from '../../shared/bundle/ageDecrypt';

interface FakeSave { name: string; chunks: Uint8Array[]; state: 'open' | 'committed' | 'aborted' }

function fakeDesktop(opts: { cancelDialog?: boolean; failAfterChunks?: number } = {}): DesktopApi & { emit(command: MenuCommand): void; saves: FakeSave[] } {
  const listeners = new Set<(command: MenuCommand) => void>();
  const saves: FakeSave[] = [];
  const session = (token: string): FakeSave => saves[Number(token)]!;
  return {
    saves,
    beginSave: vi.fn(async ({ suggestedName }) => {
      if (opts.cancelDialog) return null;
      saves.push({ name: suggestedName, chunks: [], state: 'open' });
      return { token: String(saves.length - 1) };
    }),
    writeChunk: vi.fn(async (token: string, chunk: Uint8Array) => {
      const s = session(token);
      if (opts.failAfterChunks !== undefined && s.chunks.length >= opts.failAfterChunks) {
        throw new Error(`Could not save "${s.name}": the disk is full.`);
      }
      s.chunks.push(chunk);
    }),
    commitSave: vi.fn(async (token: string) => {
      session(token).state = 'committed';
      return { saved: true, path: `/home/u/${session(token).name}` };
    }),
    abortSave: vi.fn(async (token: string) => {
      session(token).state = 'aborted';
    }),
    appInfo: vi.fn(async () => ({ name: 'Casefile', version: '1.2.3', platform: 'linux', electron: '45.6.1' })),
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
    expect(await platform.appInfo()).toMatchObject({ electron: '45.6.1' });
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
  it('maps saveFile to dialog filters and saveReport to printToPdf', async () => {
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
    expect(platform.reportExtension).toBe('pdf');
    await platform.saveReport({ html: '<html><head></head><body><h1>r</h1></body></html>', css: 'h1{}' }, 'report.pdf');
    expect(desktop.printToPdf).toHaveBeenCalledWith({
      suggestedName: 'report.pdf',
      html: '<html><head><style>h1{}</style>\n</head><body><h1>r</h1></body></html>',
    });
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

  it('saves the report as one self-contained HTML file, its stylesheet inline', async () => {
    const { doc, created } = fakeDocument();
    const blobs: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { blobs.push(blob as Blob); return 'blob:report'; });
    try {
      const platform = createWebPlatform({ document: doc, version: '0', setTimeout: () => undefined });
      expect(platform.reportExtension).toBe('html');
      const result = await platform.saveReport({ html: '<html><head><title>r</title></head><body><h1>Case</h1></body></html>', css: 'h1{color:#123}' }, 'case-2026-12-06.html');
      expect(result).toEqual({ saved: true });
      expect(created[0]).toMatchObject({ tag: 'a', download: 'case-2026-12-06.html', clicked: 1 });
      expect(blobs[0]!.type).toBe('text/html;charset=utf-8');
      expect(await blobs[0]!.text()).toBe('<html><head><title>r</title><style>h1{color:#123}</style>\n</head><body><h1>Case</h1></body></html>');
    } finally {
      createObjectURL.mockRestore();
    }
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

describe('saveBlob and pickFile', () => {
  const blobOf = (n: number) => new Blob([new Uint8Array(n).map((_, i) => i % 251)]);
  const joined = async (chunks: Uint8Array[]) => new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());

  it('desktop: streams the Blob in chunks, reports progress and commits', async () => {
    const desktop = fakeDesktop();
    const blob = blobOf(10_000);
    const progress: number[] = [];
    const result = await saveBlobDesktop(desktop, { suggestedName: 'case.casefile', mimeType: 'application/octet-stream', blob, onProgress: (p) => progress.push(p.done) }, 4096);
    expect(result).toEqual({ saved: true, path: '/home/u/case.casefile' });
    expect(desktop.beginSave).toHaveBeenCalledWith({ suggestedName: 'case.casefile', filters: [{ name: 'CASEFILE files', extensions: ['casefile'] }, { name: 'All files', extensions: ['*'] }], byteLength: 10_000 });
    expect(desktop.saves[0]!.chunks.map((c) => c.length)).toEqual([4096, 4096, 1808]);
    expect(await joined(desktop.saves[0]!.chunks)).toEqual(new Uint8Array(await blob.arrayBuffer()));
    expect(progress).toEqual([0, 4096, 8192, 10_000]);
  });

  it('desktop: a cancelled dialog saves nothing', async () => {
    const desktop = fakeDesktop({ cancelDialog: true });
    expect(await createPlatform({ desktop, document: fakeDocument().doc }).saveBlob({ suggestedName: 'a.casefile', mimeType: 'application/octet-stream', blob: blobOf(10) })).toEqual({ saved: false });
    expect(desktop.writeChunk).not.toHaveBeenCalled();
  });

  it('desktop: a failed write aborts the save and passes on the plain-words reason', async () => {
    const desktop = fakeDesktop({ failAfterChunks: 1 });
    await expect(saveBlobDesktop(desktop, { suggestedName: 'a.casefile', mimeType: 'application/octet-stream', blob: blobOf(10_000) }, 4096))
      .rejects.toThrow('Could not save "a.casefile": the disk is full.');
    expect(desktop.saves[0]!.state).toBe('aborted');
    expect(desktop.commitSave).not.toHaveBeenCalled();
  });

  it('desktop: aborting rejects with AbortError and deletes the partial file', async () => {
    const desktop = fakeDesktop();
    const controller = new AbortController();
    const saving = saveBlobDesktop(desktop, {
      suggestedName: 'a.casefile', mimeType: 'application/octet-stream', blob: blobOf(10_000), signal: controller.signal,
      onProgress: (p) => { if (p.done >= 4096) controller.abort(); },
    }, 4096);
    await expect(saving).rejects.toMatchObject({ name: 'AbortError' });
    expect(desktop.saves[0]!.state).toBe('aborted');
    expect(desktop.commitSave).not.toHaveBeenCalled();
  });

  it('desktop: a bundle\'s parts go in order, small ones gathered, no chunk over the limit, nothing assembled first', async () => {
    const desktop = fakeDesktop();
    // As a laid-out bundle: a small header before each Blob, Blobs of any size, the directory last.
    const parts: (Blob | Uint8Array)[] = [];
    for (let i = 0; i < 40; i++) parts.push(new Uint8Array(30 + i).fill(i), blobOf(i * 700));
    parts.push(new Uint8Array(9000).fill(7));
    const file = byteParts(parts);
    const result = await saveBlobDesktop(desktop, { suggestedName: 'case.casefile', mimeType: 'application/zip', blob: file }, 4096);
    expect(result.saved).toBe(true);
    expect(vi.mocked(desktop.beginSave).mock.calls[0]![0].byteLength).toBe(file.size);
    const chunks = desktop.saves[0]!.chunks;
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(4096);
    // Gathered: far fewer writes than parts (81), each but the last at least half full.
    expect(chunks.length).toBeLessThan(file.size / 2048 + 1);
    expect(await joined(chunks)).toEqual(new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
  });

  it('desktop: an encrypted bundle is sealed as it is written: the exact size announced, the age file of the parts, no chunk over the limit', async () => {
    const desktop = fakeDesktop();
    const parts: (Blob | Uint8Array)[] = [];
    for (let i = 0; i < 12; i++) parts.push(new Uint8Array(50 + i).fill(i), blobOf(i * 9000));
    const plain = byteParts(parts);
    const file = await sealAtSave(plain, 'pass phrase', { scryptWorkFactor: 10 });
    const progress: number[] = [];
    const result = await saveBlobDesktop(desktop, { suggestedName: 'case.casefile.age', mimeType: 'application/octet-stream', blob: file, onProgress: (p) => progress.push(p.done) }, 65536);
    expect(result.saved).toBe(true);
    expect(vi.mocked(desktop.beginSave).mock.calls[0]![0].byteLength).toBe(file.size);
    const chunks = desktop.saves[0]!.chunks;
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(65536);
    expect(progress.at(-1)).toBe(file.size);
    const cipher = new Blob(chunks as Uint8Array<ArrayBuffer>[]);
    expect(cipher.size).toBe(file.size);
    expect(new Uint8Array(await (await decryptBlob(cipher, 'pass phrase')).arrayBuffer())).toEqual(new Uint8Array(await partsBlob(plain).arrayBuffer()));
  });

  it('desktop: a failed write while sealing aborts the save and passes on the reason', async () => {
    const desktop = fakeDesktop({ failAfterChunks: 1 });
    const file = await sealAtSave(byteParts([blobOf(300_000)]), 'pass phrase', { scryptWorkFactor: 10 });
    await expect(saveBlobDesktop(desktop, { suggestedName: 'a.casefile.age', mimeType: 'application/octet-stream', blob: file }, 65536))
      .rejects.toThrow('the disk is full');
    expect(desktop.saves[0]!.state).toBe('aborted');
    expect(desktop.commitSave).not.toHaveBeenCalled();
  });

  it('web: a bundle\'s parts are downloaded as one Blob of the same bytes', async () => {
    const { doc } = fakeDocument();
    const platform = createWebPlatform({ document: doc, version: '0', setTimeout: () => undefined });
    const made: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { made.push(b as Blob); return 'blob:x'; });
    try {
      const parts = [new Uint8Array([1, 2]), blobOf(300), new Uint8Array([3])];
      await platform.saveBlob({ suggestedName: 'a.casefile', mimeType: 'application/zip', blob: byteParts(parts) });
      expect(await joined([new Uint8Array(await made[0]!.arrayBuffer())])).toEqual(new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
      expect(made[0]!.type).toBe('application/zip');
    } finally {
      create.mockRestore();
    }
  });

  it('web: downloads the Blob itself through an object URL', async () => {
    const { doc, created } = fakeDocument();
    const platform = createWebPlatform({ document: doc, version: '0', setTimeout: () => undefined });
    const progress: number[] = [];
    const result = await platform.saveBlob({ suggestedName: 'case.casefile', mimeType: 'application/octet-stream', blob: blobOf(100), onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ saved: true });
    expect(created[0]).toMatchObject({ tag: 'a', download: 'case.casefile', clicked: 1, removed: true });
    expect(String(created[0]?.href)).toMatch(/^blob:/);
    expect(progress).toEqual([100]);
    const controller = new AbortController();
    controller.abort();
    await expect(platform.saveBlob({ suggestedName: 'x', mimeType: 'x/y', blob: blobOf(1), signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('picks one file through a hidden input on both hosts, null when cancelled', async () => {
    for (const make of [(doc: Document) => createWebPlatform({ document: doc, version: '0' }), (doc: Document) => createPlatform({ desktop: fakeDesktop(), document: doc })]) {
      const { doc, created } = fakeDocument();
      const platform = make(doc);
      const picking = platform.pickFile({ accept: ['.casefile', '.age'] });
      expect(created[0]).toMatchObject({ tag: 'input', type: 'file', accept: '.casefile,.age', clicked: 1 });
      const file = fakeFile('case.casefile', '', 'PK');
      created[0]!.files = [file];
      created[0]!.listeners.get('change')?.();
      expect(await picking).toBe(file);
      expect(created[0]!.removed).toBe(true);

      const { doc: doc2, created: created2 } = fakeDocument();
      const cancelled = make(doc2).pickFile({ accept: ['.casefile'] });
      created2[0]!.listeners.get('cancel')?.();
      expect(await cancelled).toBeNull();
    }
  });
});
