import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNone, scan } from './axeScan';
import { expect, test } from './fixtures';
import { exportTo, loadSample, nav, openExportDialog, openImport } from './steps';

/**
 * The Trash meets imports: a record only in the local Trash is shown as "in your Trash" and
 * stays there unless restored from the bundle; the differences are shown in words, not raw
 * values; a source an import replaced comes back from the Trash by the user's choice (keep
 * both records of the one file, or replace the live one's details).
 */

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
const ARTICLE_TITLE = 'Shining Path in the VRAEM (article text)';
const ACTOR = 'Florindo Eleuterio Flores';
const EVENT = 'Capture of Abimael Guzmán';

let dir: string;
test.beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'casefile-trash-import-')); });
test.afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const sources = (page: Page) => page.getByRole('listbox', { name: 'Source list' });
const sourceDetail = (page: Page) => page.getByRole('region', { name: 'Source details' });

const exportCase = async (page: Page, fileName: string) => exportTo(page, await openExportDialog(page), path.join(dir, fileName));

async function importFile(page: Page, file: string): Promise<Locator> {
  const dialog = await openImport(page, file);
  await expect(dialog.getByRole('form', { name: 'Import preview' })).toBeVisible();
  return dialog;
}

async function finishImport(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('Import finished. The imported case is open.')).toBeVisible();
}

test('an actor in my Trash stays there unless I restore it from the bundle; differences show labels, not raw values', async ({ page }) => {
  await loadSample(page);
  const file = await exportCase(page, 'before.casefile');

  // Meanwhile: an event's type changed here, an actor moved to the Trash.
  await nav(page, 'Events');
  await page.getByRole('listbox', { name: 'Events' }).getByRole('option', { name: new RegExp(EVENT) }).click();
  await page.locator('article.event-detail').getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit event' });
  await form.getByLabel('Event type').selectOption({ label: 'Riots' });
  await form.getByLabel('Sub-type').selectOption({ label: 'Mob violence' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await nav(page, 'Actors');
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: new RegExp(ACTOR) }).click();
  await page.getByRole('article').getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: new RegExp(ACTOR) })).toHaveCount(0);

  const preview = await importFile(page, file);
  const summary = preview.getByRole('table', { name: 'What the bundle holds compared with your library' });
  await expect(summary.getByRole('columnheader', { name: 'In your Trash' })).toBeVisible();
  await expect(summary.getByRole('row', { name: /^Actors/ }).getByRole('cell')).toHaveText(['0', /\d+/, '0', '1']);

  // The event's differences in words: the form's labels, never `riots` or `mob_violence`.
  const diff = preview.getByRole('table', { name: `Differences in ${EVENT}` });
  await expect(diff.getByRole('row', { name: /^Event type/ }).getByRole('cell').first()).toHaveText('Riots');
  await expect(diff.getByRole('row', { name: /^Sub-event type/ }).getByRole('cell').first()).toHaveText('Mob violence');
  for (const cell of await diff.getByRole('cell').allTextContents()) expect(cell).not.toMatch(/^[a-z]+(_[a-z]+)+$/);

  const trash = preview.getByRole('region', { name: 'In your Trash: 1' });
  await expect(trash.getByText('Same as the version in your Trash.')).toBeVisible();
  const choice = trash.getByRole('group', { name: `What to do with ${ACTOR}, which is in your Trash` });
  await expect(choice.getByRole('radio', { name: 'Keep it in the Trash' })).toBeChecked();
  expectNone(await scan(page, 'Import preview, a record in your Trash'));
  await choice.getByRole('radio', { name: 'Restore it from the bundle' }).check();
  await finishImport(preview);
  await expect(preview.getByRole('term').filter({ hasText: 'Restored from the Trash' })).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();

  await nav(page, 'Actors');
  await expect(page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: new RegExp(ACTOR) })).toHaveCount(1);
  await nav(page, 'Trash');
  await expect(page.getByText('The trash is empty', { exact: false })).toBeVisible();
});

test('a source an import replaced comes back from the Trash by choice: replace the live one, or keep both records of the one file', async ({ page }) => {
  await loadSample(page);
  await nav(page, 'Sources');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).first().click();
  await (await chooser).setFiles(ARTICLE);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();
  const file = await exportCase(page, 'with-article.casefile');

  await nav(page, 'Sources');
  await sources(page).getByRole('option', { name: /Shining Path in the VRAEM/ }).click();
  const details = sourceDetail(page).getByRole('form', { name: 'Details' });
  await details.getByLabel('Title').fill('My copy of the article');
  await details.getByLabel('Source reliability').selectOption({ label: 'Fairly reliable' });
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').getByText('Saved.')).toBeVisible();

  const preview = await importFile(page, file);
  const diff = preview.getByRole('table', { name: `Differences in ${ARTICLE_TITLE}` });
  await expect(diff.getByRole('row', { name: /^Source reliability/ }).getByRole('cell')).toHaveText(['Fairly reliable', 'Unknown']);
  await preview.getByRole('group', { name: `Which version of ${ARTICLE_TITLE} to keep` }).getByRole('radio', { name: 'Take theirs' }).check();
  await finishImport(preview);
  await preview.getByRole('button', { name: 'Close' }).click();

  // My version is in the Trash; its file is the live source's file.
  await nav(page, 'Trash');
  await page.getByRole('button', { name: 'Restore: My copy of the article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore “My copy of the article”' });
  await expect(dialog.getByText(`“My copy of the article” is the same PDF file as “${ARTICLE_TITLE}”`, { exact: false })).toBeVisible();
  // Focus starts at the dialog's title; the first choice is the next stop.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Keep both' })).toBeFocused();
  expectNone(await scan(page, 'Trash, restoring a document whose file is live'));
  await dialog.getByRole('button', { name: `Replace “${ARTICLE_TITLE}”` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByText(`“${ARTICLE_TITLE}” now has the details of “My copy of the article”`, { exact: false })).toBeVisible();

  // The replaced details wait in the Trash in turn; this time keep both.
  await page.getByRole('button', { name: `Restore: ${ARTICLE_TITLE}` }).click();
  const again = page.getByRole('dialog', { name: `Restore “${ARTICLE_TITLE}”` });
  await again.getByRole('button', { name: 'Keep both' }).click();
  await expect(again).toBeHidden();
  await expect(page.getByText('The trash is empty', { exact: false })).toBeVisible();

  await nav(page, 'Sources');
  await expect(sources(page).getByRole('option')).toHaveCount(2);
  await expect(sources(page).getByRole('option', { name: /My copy of the article/ })).toContainText('1 page');
  await sources(page).getByRole('option', { name: /Shining Path in the VRAEM/ }).click();
  await expect(sourceDetail(page).getByTestId('doc-state')).toHaveText('1 page');
});
