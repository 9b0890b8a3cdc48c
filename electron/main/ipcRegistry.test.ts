import { describe, expect, it, vi } from 'vitest';
import { desktopChannels } from '../../shared/desktopApi';
import { invokeMethods, isTrustedInvokeEvent, registerIpcHandlers, type DesktopHandlers, type InvokeEventLike } from './ipcRegistry';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function setup() {
  const listeners = new Map<string, Listener>();
  const ipc = { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) };
  const handlers: DesktopHandlers = {
    appInfo: vi.fn(async () => ({ name: 'Casefile', version: '0.1.0', platform: 'linux', electron: '40' })),
    openPdfFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => ({ saved: true, path: '/tmp/x' })),
    revealInFolder: vi.fn(async () => undefined),
    printToPdf: vi.fn(async () => ({ saved: false })),
    beginSave: vi.fn(async () => ({ token: 'a'.repeat(32) })),
    writeChunk: vi.fn(async () => undefined),
    commitSave: vi.fn(async () => ({ saved: true, path: '/tmp/x.casefile' })),
    abortSave: vi.fn(async () => undefined),
  };
  registerIpcHandlers(ipc, handlers, isTrustedInvokeEvent);
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, handlers, call };
}

const trusted: InvokeEventLike = { senderFrame: { url: 'app://casefile/index.html', parent: null } };

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per invoke channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(invokeMethods.map((m) => desktopChannels[m]).sort());
    expect(listeners.has(desktopChannels.onMenuCommand)).toBe(false);
  });

  it('passes validated, sanitised arguments to the implementation', async () => {
    const { handlers, call } = setup();
    const data = new Uint8Array([1]);
    await call(desktopChannels.saveFile, trusted, { suggestedName: '../../evil.json', filters: [], data });
    expect(handlers.saveFile).toHaveBeenCalledWith({ suggestedName: 'evil.json', filters: [], data });
    expect(await call(desktopChannels.appInfo, trusted)).toMatchObject({ name: 'Casefile' });
  });

  it('refuses untrusted senders before looking at arguments', () => {
    const { handlers, call } = setup();
    const untrusted: InvokeEventLike[] = [
      { senderFrame: null },
      { senderFrame: { url: 'https://example.com/', parent: null } },
      { senderFrame: { url: 'app://casefile/index.html', parent: {} } },
      // A frame that has navigated away and is running its unload handlers (Electron >= 33).
      { senderFrame: { url: 'app://casefile/index.html', parent: null, detached: true } },
    ];
    for (const event of untrusted) {
      expect(() => call(desktopChannels.appInfo, event)).toThrow(/untrusted sender/);
    }
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('trusts an attached top-level app frame', () => {
    expect(isTrustedInvokeEvent(trusted)).toBe(true);
    expect(isTrustedInvokeEvent({ senderFrame: { url: 'app://casefile/index.html', parent: null, detached: false } })).toBe(true);
  });

  it('refuses bad arguments without calling the implementation', () => {
    const { handlers, call } = setup();
    expect(() => call(desktopChannels.saveFile, trusted, { suggestedName: 'a', filters: [], data: 'nope' })).toThrow(/Uint8Array/);
    expect(() => call(desktopChannels.revealInFolder, trusted, 'relative')).toThrow(/absolute/);
    expect(() => call(desktopChannels.openPdfFiles, trusted, '/etc/passwd')).toThrow(/0 argument/);
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.revealInFolder).not.toHaveBeenCalled();
    expect(handlers.openPdfFiles).not.toHaveBeenCalled();
  });

  it('checks streamed-save calls before they reach the implementation', async () => {
    const { handlers, call } = setup();
    const token = '0123456789abcdef0123456789abcdef';
    await call(desktopChannels.beginSave, trusted, { suggestedName: '../x.casefile', filters: [], byteLength: 10 });
    expect(handlers.beginSave).toHaveBeenCalledWith({ suggestedName: 'x.casefile', filters: [], byteLength: 10 });
    await call(desktopChannels.writeChunk, trusted, token, new Uint8Array(3));
    expect(handlers.writeChunk).toHaveBeenCalledWith(token, new Uint8Array(3));
    expect(() => call(desktopChannels.writeChunk, trusted, token, new Uint8Array(8 * 1024 * 1024 + 1))).toThrow(/larger than 8 MB/);
    expect(() => call(desktopChannels.writeChunk, trusted, '../etc', new Uint8Array(1))).toThrow(/save token/);
    expect(() => call(desktopChannels.commitSave, { senderFrame: { url: 'https://evil.example/', parent: null } }, token)).toThrow(/untrusted sender/);
    expect(handlers.commitSave).not.toHaveBeenCalled();
    expect(handlers.writeChunk).toHaveBeenCalledTimes(1);
  });
});
