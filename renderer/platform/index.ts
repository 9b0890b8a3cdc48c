import { version } from '../../package.json';
import type { DesktopApi } from '../../shared/desktopApi';
import { createDesktopPlatform } from './desktopPlatform';
import type { Platform } from './types';
import { createWebPlatform } from './webPlatform';

export type { PickFileRequest, Platform, SaveBlobRequest, SaveRequest } from './types';

// The preload's bridge. Declared here because this folder is the only code meant to touch it.
declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

/** The window-like object the adapters are built from; a plain object in tests. */
export interface PlatformHost {
  desktop?: unknown;
  document: Document;
}

const desktopMethods = [
  'appInfo', 'openPdfFiles', 'saveFile', 'revealInFolder', 'printToPdf', 'beginSave', 'writeChunk', 'commitSave', 'abortSave', 'onMenuCommand',
] as const satisfies ReadonlyArray<keyof DesktopApi>;

function isDesktopApi(value: unknown): value is DesktopApi {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return desktopMethods.every((method) => typeof candidate[method] === 'function');
}

/** Element's preparePlatform pattern: desktop when the preload bridge is there, web otherwise. */
export function createPlatform(host: PlatformHost): Platform {
  return isDesktopApi(host.desktop)
    ? createDesktopPlatform(host.desktop, host.document)
    : createWebPlatform({ document: host.document, version });
}

let current: Platform | undefined;

export function getPlatform(): Platform {
  current ??= createPlatform({ desktop: window.desktop, document: window.document });
  return current;
}
