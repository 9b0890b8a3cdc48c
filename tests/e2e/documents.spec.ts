import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Fixtures } from '../fixtures/pdf/makePdfs';
import { FIXTURE_PASSWORD, makeTextPdf, writeFixtures } from '../fixtures/pdf/makePdfs';
import { expect, test } from './fixtures';

/** The real article from the field (one page of text). */
const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
/** Enough pages that reading it takes several seconds (about 0.6 ms a page here): time to cancel half-way. */
const LONG_PAGES = 6000;

let dir: string;
let pdfs: Fixtures;
let longPdf: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casefile-docs-'));
  pdfs = await writeFixtures(dir);
  longPdf = path.join(dir, 'long-report.pdf');
  await writeFile(longPdf, makeTextPdf(Array.from({ length: LONG_PAGES }, (_, i) => `Page ${i + 1} of the long VRAEM field report.\nSecond line of page ${i + 1}.`)));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function openSources(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
}

/** The "Add PDFs" button opens the platform's file input (the browser adapter's, here). */
async function addPdfs(page: Page, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(files);
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Source list' });
const importPanel = (page: Page) => page.getByRole('region', { name: 'Import progress' });
const detail = (page: Page) => page.getByRole('region', { name: 'Source details' });
const jobRow = (page: Page, fileName: string): Locator =>
  importPanel(page).getByRole('listitem').filter({ hasText: fileName });

test('PDFs are added by the picker, checked by hash, end in a clear state, unlock with a password, and keep their metadata', async ({ page }) => {
  await page.goto('/');
  await openSources(page);
  await expect(page.getByText('No sources yet')).toBeVisible();

  // The real article: text extracted from its one page.
  await addPdfs(page, [ARTICLE]);
  await expect(importPanel(page).getByText('Import finished')).toBeVisible();
  await expect(jobRow(page, 'vraem-article.pdf')).toContainText('1 page');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(list(page).getByRole('option', { name: /Shining Path in the VRAEM/ })).toContainText('1 page');
  await expect(detail(page).getByRole('heading', { level: 1, name: 'Shining Path in the VRAEM (article text)' })).toBeVisible();
  await expect(detail(page).getByTestId('doc-status')).toHaveText(/Text extracted from 1 page \([\d,]+ characters\)/);
  await expect(importPanel(page).getByRole('progressbar', { name: 'Overall progress' })).toHaveJSProperty('value', 1);

  // A truncated download and an HTML page saved as .pdf: both stored as Damaged, saying what pdf.js found.
  await addPdfs(page, [pdfs.truncated, pdfs.notAPdf]);
  await expect(importPanel(page)).toContainText('2 added');
  await expect(jobRow(page, 'truncated.pdf')).toContainText('Damaged');
  await expect(jobRow(page, 'notAPdf.pdf')).toContainText('Damaged');
  await expect(jobRow(page, 'notAPdf.pdf')).toContainText(/Not a valid PDF|Malformed PDF|damaged/i);
  await list(page).getByRole('option', { name: /truncated/ }).click();
  await expect(detail(page).getByTestId('doc-state')).toHaveText('Damaged');
  await expect(detail(page).getByTestId('doc-status')).toHaveText('This file could not be read. What pdf.js found:');
  await expect(detail(page).getByTestId('doc-status-detail')).not.toBeEmpty();
  await expect(detail(page).getByRole('button', { name: 'Open' })).toBeDisabled();
  await list(page).getByRole('option', { name: /notAPdf/ }).click();
  await expect(detail(page).getByTestId('doc-status-detail')).toHaveText(/^(Not a valid PDF|Malformed PDF|The PDF is damaged|pdf\.js could not read it): .+/);

  // The same bytes again: said to be there already, linked, and not stored twice.
  await addPdfs(page, [ARTICLE]);
  await expect(jobRow(page, 'vraem-article.pdf')).toContainText('Already in the library');
  await expect(importPanel(page)).toContainText('1 already in the library');
  await expect(page.getByText('3 sources', { exact: true })).toBeVisible();
  await expect(list(page).getByRole('option', { name: /Shining Path in the VRAEM/ })).toHaveCount(1);
  await jobRow(page, 'vraem-article.pdf').getByRole('button', { name: 'Show it: “Shining Path in the VRAEM (article text)”, already in the library' }).click();
  await expect(detail(page).getByRole('heading', { level: 1, name: 'Shining Path in the VRAEM (article text)' })).toBeVisible();
  await expect(list(page).getByRole('option', { name: /Shining Path in the VRAEM/ })).toHaveAttribute('aria-selected', 'true');
  await importPanel(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(importPanel(page)).toHaveCount(0);

  // The encrypted file: locked until the right password; a wrong one is refused and changes nothing.
  await addPdfs(page, [pdfs.encrypted]);
  await expect(jobRow(page, 'encrypted.pdf')).toContainText('Password required');
  await expect(detail(page).getByRole('heading', { level: 1, name: 'encrypted' })).toBeVisible();
  await expect(detail(page).getByTestId('doc-state')).toHaveText('Password required');
  const password = detail(page).getByLabel('Password', { exact: true });
  await password.fill('not-the-password');
  await detail(page).getByRole('button', { name: 'Unlock' }).click();
  await expect(detail(page).getByRole('alert').filter({ hasText: 'That password is wrong' })).toBeVisible();
  await expect(password).toHaveValue('');
  await expect(detail(page).getByTestId('doc-state')).toHaveText('Password required');
  await password.fill(FIXTURE_PASSWORD);
  await detail(page).getByRole('button', { name: 'Unlock' }).click();
  await expect(detail(page).getByTestId('doc-state')).toHaveText('1 page');
  await expect(detail(page).getByTestId('doc-status')).toHaveText(/Text extracted from 1 page/);
  await expect(detail(page).getByLabel('Password', { exact: true })).toHaveCount(0);
  await expect(jobRow(page, 'encrypted.pdf')).toContainText('1 page');

  // Metadata: bad input is named inline and not saved; good input is.
  const form = detail(page).getByRole('form', { name: 'Details' });
  await form.getByLabel('Title').fill('Witness list');
  await form.getByLabel('Source reliability').selectOption({ label: 'Fairly reliable' });
  await form.getByLabel('Web address (URL)').fill('example.org/witnesses');
  await form.getByLabel('Published').fill('late August 2018');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter a web address starting with http:// or https://.')).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'Please correct 1 problem' })).toBeVisible();
  await expect(list(page).getByRole('option', { name: /Witness list/ })).toHaveCount(0);
  await form.getByLabel('Title').fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('This field is required.')).toBeVisible();
  await form.getByLabel('Title').fill('Witness list');
  await form.getByLabel('Web address (URL)').fill('https://example.org/witnesses');
  await form.getByLabel('Author').fill('Fiscalía de Ayacucho');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').getByText('Saved.')).toBeVisible();
  await expect(form.getByText('Enter a web address', { exact: false })).toHaveCount(0);
  await expect(list(page).getByRole('option', { name: /Witness list/ })).toContainText('Fiscalía de Ayacucho');

  // After a reload everything is where it was, in the same states.
  await page.reload();
  await openSources(page);
  await expect(page.getByText('4 sources', { exact: true })).toBeVisible();
  const states: Array<[RegExp, string]> = [[/Shining Path in the VRAEM/, '1 page'], [/truncated/, 'Damaged'], [/notAPdf/, 'Damaged'], [/Witness list/, '1 page']];
  for (const [name, state] of states) await expect(list(page).getByRole('option', { name })).toContainText(state);
  await page.getByLabel('Text state', { exact: true }).selectOption({ label: 'Damaged' });
  await expect(list(page).getByRole('option')).toHaveCount(2);
  await page.getByLabel('Text state', { exact: true }).selectOption({ label: 'Any state' });
  await page.getByLabel('Filter by title, file, author or publisher').fill('witness');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await list(page).getByRole('option', { name: /Witness list/ }).click();
  await expect(form.getByLabel('Title')).toHaveValue('Witness list');
  await expect(form.getByLabel('Source reliability')).toHaveValue('fairly_reliable');
  await expect(form.getByLabel('Web address (URL)')).toHaveValue('https://example.org/witnesses');
  await expect(form.getByLabel('Published')).toHaveValue('late August 2018');
  await expect(detail(page).getByTestId('doc-state')).toHaveText('1 page');
  await expect(detail(page).getByText('No actor or event cites this source yet.')).toBeVisible();

  // Trash and undo.
  await detail(page).getByRole('button', { name: 'Move to trash' }).click();
  await expect(list(page)).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(detail(page).getByRole('heading', { level: 1, name: 'Witness list' })).toBeVisible();
});

test('PDFs dropped on the window are all added', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
  const files = [
    { name: 'report-one.pdf', bytes: Array.from(makeTextPdf(['First dropped report about Pichari.'])) },
    { name: 'report-two.pdf', bytes: Array.from(makeTextPdf(['Second dropped report.', 'Its second page.'])) },
  ];
  const url = page.url();
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/pdf' }));
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
    document.body.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    (window as unknown as { casefileDrop: DataTransfer }).casefileDrop = data;
  }, files);
  await expect(page.getByText('Drop PDFs to add them')).toBeVisible();
  const navigated = await page.evaluate(() => {
    const data = (window as unknown as { casefileDrop: DataTransfer }).casefileDrop;
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
    document.querySelector('main')!.dispatchEvent(drop);
    return !drop.defaultPrevented;
  });
  expect(navigated, 'the drop is taken by the app, not the browser').toBe(false);
  await expect(page.getByText('Drop PDFs to add them')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  await expect(importPanel(page)).toContainText('2 added');
  await expect(jobRow(page, 'report-one.pdf')).toContainText('1 page');
  await expect(jobRow(page, 'report-two.pdf')).toContainText('2 pages');
  await expect(list(page).getByRole('option')).toHaveCount(2);
  expect(page.url()).toBe(url);

  // A drag of something that is not files is none of the drop zone's business.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'just text');
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(page.getByText('Drop PDFs to add them')).toHaveCount(0);
});

test('cancelling stops the file being read, writes nothing for it and starts no later file', async ({ page }) => {
  await page.goto('/');
  await openSources(page);
  await addPdfs(page, [longPdf, pdfs.encrypted]);
  const progress = importPanel(page).getByRole('progressbar', { name: 'Pages read in long-report.pdf' });
  await expect(progress).toBeVisible();
  await expect(jobRow(page, 'encrypted.pdf')).toContainText('Waiting');
  await expect.poll(() => progress.evaluate((el: HTMLProgressElement) => el.value)).toBeGreaterThan(LONG_PAGES / 10);
  // The window stays usable while the file is read (how long its tasks take is measured by
  // `npm run bench:documents`, not asserted here).
  await page.getByLabel('Filter by title, file, author or publisher').fill('report');
  await expect(page.getByLabel('Filter by title, file, author or publisher')).toHaveValue('report');
  await page.getByLabel('Filter by title, file, author or publisher').fill('');
  await importPanel(page).getByRole('button', { name: 'Cancel import' }).click();
  await expect(jobRow(page, 'long-report.pdf')).toContainText('Cancelled: nothing was saved');
  await expect(jobRow(page, 'encrypted.pdf')).toContainText('Cancelled: nothing was saved');
  await expect(importPanel(page)).toContainText('2 cancelled');
  await expect(importPanel(page).getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await expect(page.getByText('No sources yet')).toBeVisible();
  await page.reload();
  await openSources(page);
  await expect(page.getByText('No sources yet')).toBeVisible();

  // The extractor is still usable after a cancel.
  await addPdfs(page, [pdfs.text]);
  await expect(jobRow(page, 'text.pdf')).toContainText('3 pages');
});
