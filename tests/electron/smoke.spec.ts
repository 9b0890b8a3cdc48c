import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  expect(globals.methods).toEqual([
    'abortSave', 'appInfo', 'beginSave', 'commitSave', 'onMenuCommand', 'openPdfFiles', 'printToPdf', 'revealInFolder', 'saveFile', 'writeChunk',
  ]);
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.module).toBe('undefined');
  expect(globals.ipcRenderer).toBe('undefined');
});

test('answers appInfo through the bridge', async () => {
  const info = await page.evaluate(() => (window as unknown as { desktop: { appInfo(): Promise<unknown> } }).desktop.appInfo());
  expect(info).toMatchObject({ name: expect.any(String), version: expect.any(String), electron: expect.stringMatching(/^\d+\./) });
});

test('blocks navigation away from the app and opens nothing elsewhere', async () => {
  // Spy on the shell: the app has no external links, so nothing may reach it.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as Record<string, unknown>)['__casefileOpened'] = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  const before = page.url();
  for (const url of ['https://example.com/', 'mailto:someone@example.com', 'file:///etc/hosts']) {
    await page.evaluate((target) => {
      window.location.href = target;
    }, url);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
  }
  await page.evaluate(() => window.open('https://example.com/'));
  await page.waitForTimeout(300);
  const opened = await app.evaluate(() => (globalThis as Record<string, unknown>)['__casefileOpened']);
  expect(opened).toEqual([]);
});

test('grants persistent storage to the app and refuses other permissions', async () => {
  const result = await page.evaluate(async () => ({
    persisted: await navigator.storage.persist(),
    notifications: await Notification.requestPermission(),
  }));
  expect(result).toEqual({ persisted: true, notifications: 'denied' });
});

test('prints a report to PDF from memory, writing nothing but the chosen file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-electron-print-'));
  const printTempsBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('casefile-print-'));
  try {
    await app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
    }, join(dir, 'report.pdf'));
    const html = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>r</title></head><body><h1>Report</h1><img src="file:///etc/hosts"></body></html>';
    const saved = await page.evaluate(
      (body) => (window as unknown as { desktop: { printToPdf(r: unknown): Promise<unknown> } }).desktop.printToPdf({ suggestedName: 'report.pdf', html: body }),
      html,
    );
    expect(saved).toEqual({ saved: true, path: join(dir, 'report.pdf') });
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('casefile-print-'))).toEqual(printTempsBefore);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses window.open', async () => {
  const windowsBefore = app.windows().length;
  const opened = await page.evaluate(() => window.open('app://casefile/index.html') === null);
  expect(opened).toBe(true);
  expect(app.windows().length).toBe(windowsBefore);
});

test('streams a large save in chunks and leaves nothing behind when aborted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-electron-save-'));
  try {
    // The save dialog answers with a path in the temp folder instead of asking.
    await app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
    }, join(dir, 'case.casefile'));
    const result = await page.evaluate(async () => {
      type Api = {
        beginSave(r: unknown): Promise<{ token: string } | null>;
        writeChunk(t: string, c: Uint8Array): Promise<void>;
        commitSave(t: string): Promise<{ saved: boolean; path?: string }>;
        abortSave(t: string): Promise<void>;
      };
      const desktop = (window as unknown as { desktop: Api }).desktop;
      const chunk = new Uint8Array(4 * 1024 * 1024).map((_, i) => i % 251);
      const begun = await desktop.beginSave({ suggestedName: 'case.casefile', filters: [], byteLength: chunk.length * 3 });
      for (let i = 0; i < 3; i++) await desktop.writeChunk(begun!.token, chunk);
      const saved = await desktop.commitSave(begun!.token);
      const second = await desktop.beginSave({ suggestedName: 'case.casefile', filters: [], byteLength: 10 });
      await desktop.writeChunk(second!.token, new Uint8Array(5));
      await desktop.abortSave(second!.token);
      const refused = await desktop.writeChunk('0'.repeat(32), new Uint8Array(1)).then(() => 'accepted', (e: Error) => e.message);
      return { saved, refused };
    });
    expect(result.saved).toEqual({ saved: true, path: join(dir, 'case.casefile') });
    expect(result.refused).toMatch(/no longer in progress/);
    const written = readFileSync(join(dir, 'case.casefile'));
    expect(written.length).toBe(12 * 1024 * 1024);
    expect(written[4 * 1024 * 1024 + 300]).toBe((300) % 251);
    expect(readdirSync(dir)).toEqual(['case.casefile']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
