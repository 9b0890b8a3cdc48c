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

/** Adds PDFs with Sources' "Add PDFs" and waits until the import is finished. */
export async function addPdfs(page: Page, files: string | string[]) {
  await nav(page, 'Sources');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).first().click();
  await (await chooser).setFiles(files);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();
}

/**
 * Opens the selected source in the viewer, waits for page 1's text layer to hold `word`, and
 * opens "Cite this page": returns the viewer and the citation panel, citing as an actor.
 */
export async function openCitePanel(page: Page, title: string, word: string): Promise<{ viewer: Locator; panel: Locator }> {
  await page.getByRole('region', { name: 'Source details' }).getByRole('button', { name: 'Open', exact: true }).click();
  const viewer = page.getByRole('dialog', { name: title });
  await expect(viewer.locator('.textLayer')).toContainText(word);
  await viewer.getByRole('button', { name: 'Cite this page' }).click();
  const panel = viewer.getByRole('dialog', { name: 'Cite page 1' });
  await panel.getByRole('radio', { name: 'Actor' }).check();
  return { viewer, panel };
}
