import { expect, test } from './fixtures';

test('a library written by a newer Casefile is refused with a clear message and left untouched', async ({ page }) => {
  // First visit creates the library; then a "future" Casefile bumps its version and adds a table.
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText('7 actors', { exact: true })).toBeVisible();
  const before = await page.evaluate(async () => {
    const open = (version?: number, upgrade?: (db: IDBDatabase) => void) => new Promise<IDBDatabase>((resolve, reject) => {
      const request = version === undefined ? indexedDB.open('casefile') : indexedDB.open('casefile', version);
      request.onupgradeneeded = () => upgrade?.(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
    });
    const current = await open();
    const version = current.version;
    current.close();
    const future = await open(version + 100, (db) => db.createObjectStore('fromTheFuture'));
    const count = await new Promise<number>((resolve) => {
      const req = future.transaction('actors').objectStore('actors').count();
      req.onsuccess = () => resolve(req.result);
    });
    future.close();
    return { version: version + 100, count };
  });

  await page.reload();
  await expect(page.getByRole('alert')).toContainText('newer version of Casefile');
  await expect(page.getByRole('alert')).toContainText('Nothing has been changed');
  const after = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve) => {
      const req = db.transaction('actors').objectStore('actors').count();
      req.onsuccess = () => resolve(req.result);
    });
    const result = { version: db.version, count, stores: [...db.objectStoreNames] };
    db.close();
    return result;
  });
  expect(after.version).toBe(before.version);
  expect(after.count).toBe(before.count);
  expect(after.stores).toContain('fromTheFuture');
});

test('the web build runs under the strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  // 'wasm-unsafe-eval' (pdf.js image decoders) is allowed; plain 'unsafe-eval' never.
  expect(csp.split(/[;\s]+/)).not.toContain("'unsafe-eval'");
  expect(csp).not.toMatch(/https?:/);
  await expect(page.getByRole('button', { name: 'Load sample case' })).toBeVisible();
});

test('the database is opened by the first script the page runs, ahead of the app modules', async ({ page }) => {
  const response = await page.goto('/');
  const html = (await response?.text()) ?? '';
  // renderer/startupOpen.ts, an entry of its own (renderer/vite.config.ts): async, so it runs
  // as soon as its few hundred bytes are in, not once the app's whole module graph is.
  const scripts = [...html.matchAll(/<script type="module"([^>]*) src="([^"]+)"/g)].map((m) => ({ attrs: m[1] ?? '', src: m[2] ?? '' }));
  expect(scripts.map((s) => s.src)).toEqual([expect.stringMatching(/startupOpen-[\w-]+\.js$/), expect.stringMatching(/index-[\w-]+\.js$/)]);
  expect(scripts[0]!.attrs).toContain('async');
  await expect(page.getByRole('button', { name: 'Load sample case' })).toBeVisible();
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  expect(marks).toContain('casefile:probe-start');
  expect(marks).toContain('casefile:first-screen');
});

test('a full disk during a save says so, keeps what was typed, and writes nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New actor' }).click();
  await page.getByLabel('Primary name').fill('Jorge Quispe Palomino');
  // The browser reports a full disk as a QuotaExceededError from IndexedDB writes.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    (window as unknown as { restorePut: () => void }).restorePut = () => { IDBObjectStore.prototype.put = original; };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The disk is full: “Jorge Quispe Palomino” was not saved. Free some space and try again.')).toBeVisible();
  await expect(page.getByLabel('Primary name')).toHaveValue('Jorge Quispe Palomino');
  await expect(page.getByText('0 actors', { exact: true })).toBeVisible();

  // Space freed: the same form saves.
  await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { name: 'Jorge Quispe Palomino' })).toBeVisible();
  await expect(page.getByText('1 actor', { exact: true })).toBeVisible();
});
