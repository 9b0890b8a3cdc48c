import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer is handled like a web page from the internet: no Node, sandboxed,
 * isolated from the preload, and it reaches main only through the DesktopApi bridge.
 */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath === undefined ? {} : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // The OS spellchecker would download dictionaries; the app stays offline.
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export function mainWindowOptions(opts: { preloadPath: string; iconPath?: string }): BrowserWindowConstructorOptions {
  return {
    title: 'Casefile',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f7f7f5',
    ...(opts.iconPath === undefined ? {} : { icon: opts.iconPath }),
    webPreferences: secureWebPreferences(opts.preloadPath),
  };
}

/** The hidden window that renders reports for printToPDF: same lockdown, and no script at all. */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { ...secureWebPreferences(), javascript: false, partition, images: true },
  };
}
