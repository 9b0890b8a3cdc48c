import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeTextPdf } from '../fixtures/pdf/makePdfs';
import { generatePages } from '../fixtures/search/generatePages';
import { expect, test } from './fixtures';

/**
 * The search worker end to end, through the search box: the index is persisted and loaded
 * on restart, edits made in the window reach the worker without any message from the UI
 * (Dexie's cross-context change events), and a new 50-page PDF becomes searchable. Prints
 * the timings the issue sets targets for.
 */

const box = (page: Page) => page.getByRole('combobox', { name: 'Search', exact: true });
const actors = (page: Page) =>
  page.getByRole('listbox', { name: 'Results' }).getByRole('group', { name: /^Actors\b/ });
const pages = (page: Page) =>
  page.getByRole('listbox', { name: 'Results' }).getByRole('group', { name: /^Pages\b/ });

const storedSegments = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const open = indexedDB.open('casefile');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const keys = open.result.transaction('searchSegments').objectStore('searchSegments').getAllKeys();
    keys.onsuccess = () => { open.result.close(); resolve(keys.result.map(String)); };
    keys.onerror = () => reject(keys.error);
  };
}));

test('the index persists across a restart, follows edits and indexes a new 50-page PDF', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
  await box(page).fill('guzman');
  await expect(actors(page).getByRole('option').first()).toContainText('Abimael Guzmán');
  await expect.poll(async () => (await storedSegments(page)).some((id) => id.startsWith('records'))).toBe(true);

  // Restart: the worker loads the stored segments and answers.
  const t0 = Date.now();
  await page.reload();
  await box(page).fill('guzman');
  await expect(actors(page).getByRole('option').first()).toContainText('Abimael Guzmán');
  const ready = Date.now() - t0;

  // Rename: the window writes through the repository; the worker sees it by itself.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Víctor Quispe Palomino/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Primary name').fill('Victorino Zaragoza Quispe');
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Save' }).click();
  // Saved (the form closes on the renamed actor) before searching, as a user types after the save:
  // typing while it was in flight let its return to the actor's page close the search view.
  await expect(page.getByRole('article', { name: 'Victorino Zaragoza Quispe' })).toBeVisible();
  await box(page).fill('zaragoza');
  // The one-second promise is asserted in search.spec.ts; here only that it happens, timings are printed.
  await expect(actors(page).getByRole('option', { name: /Victorino Zaragoza Quispe/ })).toBeVisible({ timeout: 10_000 });
  const renamed = Date.now() - t1;

  // A new 50-page PDF, with one word on page 37 only.
  const dir = await mkdtemp(path.join(tmpdir(), 'casefile-search-'));
  try {
    const texts = generatePages(50, 3).map((p) => p.text.split(' ').reduce<string[]>((lines, w, i) => {
      if (i % 12 === 0) lines.push(w); else lines[lines.length - 1] += ` ${w}`;
      return lines;
    }, []).join('\n'));
    texts[36] += '\nQuillabamba';
    const file = path.join(dir, 'cincuenta-paginas.pdf');
    await writeFile(file, makeTextPdf(texts, { title: 'Informe de cincuenta paginas' }));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sources' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add PDFs' }).click();
    await (await chooser).setFiles([file]);
    await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible({ timeout: 30_000 });
    const t2 = Date.now();
    await box(page).fill('quillabamba');
    await expect(pages(page).getByRole('option', { name: / · p\. 37(?!\d)/ })).toBeVisible({ timeout: 10_000 });
    const documentMs = Date.now() - t2;
    expect(await storedSegments(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^document:/)]));
    console.info(`search timings (ms): reload→answer ${ready}, rename→found ${renamed}, 50-page PDF stored→found ${documentMs}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
