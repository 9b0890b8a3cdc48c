import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// If anything in hardening.ts reached for the shell, this spy would see it.
const openExternal = vi.fn();
vi.mock('electron', () => ({ shell: { openExternal, openPath: openExternal } }));

const { applyAppPermissions, denyAllPermissions, guardWebContents } = await import('./hardening');

type Listener = (event: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void;

/** Just enough of a WebContents to record what guardWebContents installs. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      openHandler = handler;
    },
  };
  guardWebContents(contents as unknown as WebContents);
  /** Fires an event; returns whether the navigation was prevented. */
  const fire = (name: string, url: string, isMainFrame = true): boolean => {
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    let prevented = false;
    listener({ url, isMainFrame, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  const open = (url: string) => openHandler?.({ url });
  return { fire, open, listeners };
}

const outside = [
  'https://example.com/',
  'http://evil.example/phish',
  'mailto:someone@example.com',
  'file:///etc/passwd',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'javascript:alert(1)',
  'app://other/index.html',
];

describe('guardWebContents', () => {
  beforeEach(() => openExternal.mockClear());

  it('refuses every navigation away from the app, in any frame, and opens nothing', () => {
    const { fire } = fakeContents();
    for (const url of outside) {
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        expect(fire(name, url, true), `${name} ${url}`).toBe(true);
        expect(fire(name, url, false), `${name} ${url} (subframe)`).toBe(true);
      }
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('lets the app move within its own origin', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'app://casefile/index.html')).toBe(false);
    expect(fire('will-frame-navigate', 'app://casefile/cases/3')).toBe(false);
  });

  it('denies window.open to anything, the app included, without opening it elsewhere', () => {
    const { open } = fakeContents();
    for (const url of [...outside, 'app://casefile/index.html', 'about:blank']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview> attachment', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', '')).toBe(true);
  });

  it('no main-process source calls shell.openExternal or openPath', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/\.openExternal\b|\.openPath\b/);
    }
  });
});

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string; isMainFrame: boolean }) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: { isMainFrame: boolean }) => boolean;

function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {};
  const ses = {
    setPermissionRequestHandler: (h: RequestHandler) => void (handlers.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => void (handlers.check = h),
    setDevicePermissionHandler: (h: () => boolean) => void (handlers.device = h),
  };
  const request = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | undefined;
    handlers.request?.(null, permission, (g) => void (granted = g), { requestingUrl, isMainFrame: true });
    if (granted === undefined) throw new Error('request handler never answered');
    return granted;
  };
  const check = (permission: string, origin: string): boolean | undefined => handlers.check?.(null, permission, origin, { isMainFrame: true });
  return { ses: ses as unknown as Session, request, check, device: () => handlers.device?.() };
}

describe('session permission handlers', () => {
  it('the app session grants persistent storage to the app and nothing else', () => {
    const { ses, request, check, device } = fakeSession();
    applyAppPermissions(ses);
    expect(request('persistent-storage', 'app://casefile/index.html')).toBe(true);
    expect(check('persistent-storage', 'app://casefile')).toBe(true);
    expect(request('persistent-storage', 'https://example.com/')).toBe(false);
    expect(check('persistent-storage', 'file://')).toBe(false);
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'hid']) {
      expect(request(permission, 'app://casefile/index.html'), permission).toBe(false);
      expect(check(permission, 'app://casefile'), permission).toBe(false);
    }
    expect(device()).toBe(false);
  });

  it('the print session denies everything, persistent storage included', () => {
    const { ses, request, check, device } = fakeSession();
    denyAllPermissions(ses);
    expect(request('persistent-storage', 'app://casefile/index.html')).toBe(false);
    expect(check('persistent-storage', 'app://casefile')).toBe(false);
    expect(request('notifications', 'casefile-print://report/abc')).toBe(false);
    expect(device()).toBe(false);
  });
});
