import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { makeTextPdf } from '../fixtures/pdf/makePdfs';
import { expect, test } from './fixtures';

/**
 * Storage that is never silently lost: persistence asked for at start-up and shown in
 * Settings, a warning before a big job when the disk looks too full, and a full disk
 * (a real, small quota: CDP Storage.overrideQuotaForOrigin) said in plain words with
 * nothing half-written.
 *
 * Two Chromium quirks shape these tests (Chromium 156, checked by hand):
 * - estimate() reports a static quota (usage + 10 GiB) whatever the real one is, so the
 *   warning's numbers come from a stubbed estimate();
 * - a quota override binds when the origin's storage is first opened: it is set before
 *   the first navigation, and a test that changes it later would see no effect.
 */

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
const BUNDLE = path.resolve(import.meta.dirname, '../../shared/bundle/testing/fixtures/v1-sample.casefile');
const MB = 1024 * 1024;
const KB = 1024;

/** A 60-page field report of about 190 KB: far more than the small quota below leaves free. */
let reportPdf: string;
let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casefile-storage-'));
  reportPdf = path.join(dir, 'field-report.pdf');
  const line = 'Patrol sighted near Vizcatán del Ene; villagers report a column of twenty armed men heading north. ';
  await writeFile(reportPdf, makeTextPdf(Array.from({ length: 60 }, (_, i) => `Page ${i + 1}. ${line.repeat(30)}`)));
});
test.afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name, exact: true }).click();
const storageCard = (page: Page) => page.getByRole('region', { name: 'Storage' });
const spaceDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Not enough free space' });

/**
 * Gives the app's origin a real quota of `bytes` (IndexedDB writes past it fail); call
 * before the first page.goto. The override lasts while its DevTools session does: keep it.
 */
async function setQuota(page: Page, origin: string, bytes: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
  return cdp;
}

/** What estimate() answers, in place of Chromium's static quota. */
async function fakeEstimate(page: Page, estimate: { usage: number; quota: number }) {
  await page.addInitScript((e) => {
    StorageManager.prototype.estimate = async () => ({ ...e });
  }, estimate);
}

/**
 * Stands in for the browser's answer to persist()/persisted(): `grant` says whether the
 * next persist() is granted; `calls` counts the requests.
 */
async function fakePersistence(page: Page, initial: { granted: boolean; grant: boolean }) {
  await page.addInitScript((state) => {
    const w = window as unknown as { persistence: { granted: boolean; grant: boolean; calls: number } };
    w.persistence = { ...state, calls: 0 };
    StorageManager.prototype.persisted = async () => w.persistence.granted;
    StorageManager.prototype.persist = async () => {
      w.persistence.calls++;
      w.persistence.granted ||= w.persistence.grant;
      return w.persistence.granted;
    };
  }, initial);
}
const persistCalls = (page: Page) => page.evaluate(() => (window as unknown as { persistence: { calls: number } }).persistence.calls);

async function addPdf(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).first().click();
  await (await chooser).setFiles(file);
}

test('persistent storage is asked for once at start-up, and Settings says what the answer means and can ask again', async ({ page }) => {
  await fakePersistence(page, { granted: false, grant: false });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
  // Asked without opening Settings.
  await expect.poll(() => persistCalls(page)).toBe(1);

  await nav(page, 'Settings');
  const card = storageCard(page);
  await expect(card.getByTestId('persistence')).toContainText('Not granted');
  await expect(card.getByTestId('persistence')).toContainText('the browser may clear the library without asking');
  // Opening Settings reads the state; it does not ask again by itself.
  expect(await persistCalls(page)).toBe(1);

  await card.getByRole('button', { name: 'Ask again for persistent storage' }).click();
  await expect(card.getByTestId('persistence')).toContainText('The browser said no again');
  expect(await persistCalls(page)).toBe(2);

  await page.evaluate(() => { (window as unknown as { persistence: { grant: boolean } }).persistence.grant = true; });
  await card.getByRole('button', { name: 'Ask again for persistent storage' }).click();
  await expect(card.getByTestId('persistence')).toContainText('Granted');
  await expect(card.getByTestId('persistence')).toContainText('only you can delete it');
  await expect(card.getByRole('button', { name: 'Ask again for persistent storage' })).toHaveCount(0);
});

test('Settings says when the browser cannot keep storage persistent', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(StorageManager.prototype, 'persist', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await nav(page, 'Settings');
  await expect(storageCard(page).getByTestId('persistence')).toContainText('Not supported');
  await expect(storageCard(page).getByTestId('persistence')).toContainText('cannot promise to keep the library');
});

test('Settings shows what the library uses and what is free, in English and Spanish', async ({ page }) => {
  await fakeEstimate(page, { usage: 12.5 * MB, quota: 500 * MB });
  await page.goto('/');
  await nav(page, 'Settings');
  const card = storageCard(page);
  await expect(card.getByTestId('storage-used')).toHaveText('12.5 MB');
  await expect(card.getByTestId('storage-free')).toHaveText('about 487.5 MB (the browser allows 500 MB in all)');
  await expect(card.getByRole('meter', { name: 'Library uses' })).toHaveAttribute('value', String(12.5 * MB));

  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  const tarjeta = page.getByRole('region', { name: 'Almacenamiento' });
  await expect(tarjeta.getByText('La biblioteca ocupa')).toBeVisible();
  await expect(tarjeta.getByTestId('storage-used')).toHaveText('12,5 MB');
  await expect(tarjeta.getByTestId('storage-free')).toHaveText('unos 487,5 MB (el navegador permite 500 MB en total)');
});

test('before adding PDFs to a disk that looks too full, the app says how much is needed and free, and Cancel adds nothing', async ({ page }) => {
  // 20 MB free: less than the 50 MB margin every job keeps free.
  await fakeEstimate(page, { usage: 10 * MB, quota: 30 * MB });
  await page.goto('/');
  await nav(page, 'Sources');
  await addPdf(page, ARTICLE);
  const dialog = spaceDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Adding this PDF \(3\.8 KB\) needs about 50 MB of free space, and about 20 MB is free\./);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Import progress' })).toHaveCount(0);
  await expect(page.getByText('No sources yet')).toBeVisible();

  // The user knows better: go on, and the small file fits.
  await addPdf(page, ARTICLE);
  await spaceDialog(page).getByRole('button', { name: 'Add anyway' }).click();
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Source list' }).getByRole('option')).toHaveCount(1);
});

test('a PDF added to a full disk says so in plain words and leaves nothing behind', async ({ page, baseURL }) => {
  // A real quota above what the empty library takes (72 KB in Chromium 156) and below what
  // this PDF adds: the app opens, and the browser itself refuses the document's write. The
  // estimate still reports room, as Chromium's does: the full disk comes as a surprise.
  const quota = await setQuota(page, new URL(baseURL!).origin, 128 * KB);
  await page.goto('/');
  await nav(page, 'Sources');
  await addPdf(page, reportPdf);
  const message = 'The disk is full: “field-report.pdf” was not saved. Free some space and try again.';
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished')).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'field-report.pdf' })).toContainText(message);
  await expect(page.getByRole('status').getByText(message)).toBeVisible();
  await expect(page.getByText('No sources yet')).toBeVisible();

  // After a reload the library holds no trace of the file: no row, no bytes, no pages.
  await page.reload();
  await nav(page, 'Sources');
  await expect(page.getByText('No sources yet')).toBeVisible();
  const leftovers = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = (store: string) => new Promise<number>((resolve) => {
      const req = db.transaction(store).objectStore(store).count();
      req.onsuccess = () => resolve(req.result);
    });
    const result = { documents: await count('documents'), documentFiles: await count('documentFiles'), pages: await count('pages') };
    db.close();
    return result;
  });
  expect(leftovers).toEqual({ documents: 0, documentFiles: 0, pages: 0 });

  // Space freed (the override ends with its session): the same file now adds whole.
  await quota.detach();
  await addPdf(page, reportPdf);
  await expect(page.getByRole('listbox', { name: 'Source list' }).getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('listbox', { name: 'Source list' }).getByRole('option')).toContainText('60 pages');
});

test('importing a bundle or restoring a backup to a disk that looks too full asks first', async ({ page }) => {
  await fakeEstimate(page, { usage: 10 * MB, quota: 30 * MB });
  await page.goto('/');
  await nav(page, 'Import & export');
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles(BUNDLE);
  const dialog = spaceDialog(page);
  await expect(dialog).toContainText(/Importing “v1-sample\.casefile” \(48\.6 KB\) needs about 50\.1 MB of free space, and about 20 MB is free\./);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Import bundle' })).toHaveCount(0);

  await nav(page, 'Settings');
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await (await chooser).setFiles(BUNDLE);
  await expect(dialog).toContainText('Restoring the backup “v1-sample.casefile”');
  await dialog.getByRole('button', { name: 'Restore anyway' }).click();
  await expect(page.getByRole('dialog', { name: 'Restore from backup' })).toBeVisible();
});

test('the space warning speaks Spanish', async ({ page }) => {
  await fakeEstimate(page, { usage: 10 * MB, quota: 30 * MB });
  await page.goto('/');
  await nav(page, 'Settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('button', { name: 'Fuentes', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Añadir PDF' }).first().click();
  await (await chooser).setFiles(ARTICLE);
  const dialog = page.getByRole('alertdialog', { name: 'No hay espacio libre suficiente' });
  await expect(dialog).toContainText(/Añadir este PDF \(3,8 KB\) necesita unos 50 MB de espacio libre, y quedan unos 20 MB libres\./);
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toBeHidden();
});
