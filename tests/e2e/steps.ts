import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Steps many specs take the same way: the main navigation, the sample case, a bundle out and in. */

export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /Main navigation|Navegación principal/ }).getByRole('button', { name, exact: true }).click();

export async function loadSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
}

export async function openExportDialog(page: Page): Promise<Locator> {
  await nav(page, 'Import & export');
  await page.getByRole('button', { name: 'Export case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export case' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Saves the download the dialog's Export button starts at `file`; the dialog has closed. */
export async function exportTo(page: Page, dialog: Locator, file: string): Promise<string> {
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await (await download).saveAs(file);
  await expect(dialog).toBeHidden();
  return file;
}

/** Picks `file` with "Import bundle…" and returns the import dialog, open. */
export async function openImport(page: Page, file: string): Promise<Locator> {
  await nav(page, 'Import & export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import bundle' });
  await expect(dialog).toBeVisible();
  return dialog;
}
