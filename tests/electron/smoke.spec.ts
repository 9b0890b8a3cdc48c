import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  // '.' runs package.json "main", exactly as `npm start` does.
  app = await electron.launch({ args: ['.'], cwd: appDir });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
});

test('opens the Casefile window from the app:// origin', async () => {
  expect(page.url()).toMatch(/^app:\/\/casefile\//);
  await expect(page.getByRole('heading', { name: /Casefile/i }).first()).toBeVisible();
});

test('exposes the desktop bridge and nothing of Node', async () => {
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const desktop = w['desktop'] as Record<string, unknown> | undefined;
    return {
      desktop: typeof desktop,
      methods: desktop ? Object.keys(desktop).sort() : [],
      require: typeof w['require'],
      process: typeof w['process'],
      module: typeof w['module'],
      ipcRenderer: desktop ? typeof desktop['ipcRenderer'] : 'n/a',
    };
  });
  expect(globals.desktop).toBe('object');
  expect(globals.methods).toEqual(['appInfo', 'onMenuCommand', 'openPdfFiles', 'printToPdf', 'revealInFolder', 'saveFile']);
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.module).toBe('undefined');
  expect(globals.ipcRenderer).toBe('undefined');
});

test('answers appInfo through the bridge', async () => {
  const info = await page.evaluate(() => (window as unknown as { desktop: { appInfo(): Promise<unknown> } }).desktop.appInfo());
  expect(info).toMatchObject({ name: expect.any(String), version: expect.any(String), electron: expect.stringMatching(/^\d+\./) });
});

test('blocks navigation away from the app and hands web links to the browser', async () => {
  // Replace openExternal so the test never launches a real browser.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as Record<string, unknown>)['__casefileOpened'] = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  const opened = await app.evaluate(() => (globalThis as Record<string, unknown>)['__casefileOpened']);
  expect(opened).toEqual(['https://example.com/']);
});

test('refuses window.open', async () => {
  const windowsBefore = app.windows().length;
  const opened = await page.evaluate(() => window.open('app://casefile/index.html') === null);
  expect(opened).toBe(true);
  expect(app.windows().length).toBe(windowsBefore);
});
