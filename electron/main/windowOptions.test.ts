import { describe, expect, it } from 'vitest';
import { mainWindowOptions, printWindowOptions, secureWebPreferences } from './windowOptions';

describe('window options', () => {
  it('locks down the main window', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist/electron/preload/index.cjs' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(options.show).toBe(false);
    expect(options).not.toHaveProperty('icon');
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures');
  });

  it('passes an icon through when given', () => {
    expect(mainWindowOptions({ preloadPath: 'p', iconPath: '/i.png' }).icon).toBe('/i.png');
  });

  it('gives the print window no preload and no JavaScript', () => {
    const options = printWindowOptions('casefile-print');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, partition: 'casefile-print' });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('never enables node, experimental features or Blink features in any variant', () => {
    for (const prefs of [secureWebPreferences(), secureWebPreferences('x'), printWindowOptions('p').webPreferences]) {
      expect(prefs?.nodeIntegration).toBe(false);
      expect(prefs?.contextIsolation).toBe(true);
      expect(prefs?.sandbox).toBe(true);
      expect(prefs?.webSecurity).toBe(true);
      expect(prefs?.allowRunningInsecureContent).toBe(false);
      expect(prefs?.webviewTag).toBe(false);
      expect(prefs).not.toHaveProperty('experimentalFeatures');
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
  });
});
