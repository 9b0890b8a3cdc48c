import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectNone, scan } from './axeScan';
import { addPdfs, exportTo, loadSample, nav, openCitePanel, openExportDialog, openImport } from './steps';
import { escapeRegExp, expect, test } from './fixtures';

/**
 * The accessibility scan over what opens on top of the main views (a11y.spec.ts scans the
 * views themselves): the article's mentions and the viewer's citation panel, the case editor,
 * and the bundle dialogs (export with a passphrase, an import preview with a difference to
 * decide, the passphrase prompt, a refused file).
 */

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
const ARTICLE_TITLE = 'Shining Path in the VRAEM (article text)';
const PASSPHRASE = 'correct horse battery staple';

let dir: string;
test.beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'casefile-a11y-dialogs-')); });
test.afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

test('the article\'s mentions, the viewer\'s citation panel, an actor\'s "Mentioned in" and the case editor', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  await addPdfs(page, ARTICLE);
  const detail = page.getByRole('region', { name: 'Source details' });
  await expect(detail.getByRole('list', { name: 'Actors mentioned' }).getByRole('button', { name: 'Cirilo', exact: true })).toBeVisible();
  found.push(...await scan(page, 'Sources, the article with its mentions'));

  const { viewer, panel } = await openCitePanel(page, ARTICLE_TITLE, 'Artemio');
  await panel.getByRole('combobox', { name: 'Actor' }).fill('Artemio');
  await expect(panel.getByRole('option', { name: /^Florindo Eleuterio Flores/ })).toBeVisible();
  found.push(...await scan(page, 'Viewer, citation panel with actor suggestions'));
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toBeHidden();
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();

  await page.getByRole('combobox', { name: 'Search' }).fill('guerrillas');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option', { name: new RegExp(`^${escapeRegExp(ARTICLE_TITLE)} · p\\. 1(?!\\d)`) })).toBeVisible();
  found.push(...await scan(page, 'Search, a page of the article'));
  await page.getByRole('combobox', { name: 'Search' }).press('Escape');

  await nav(page, 'Actors');
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /^Florindo Eleuterio Flores/ }).click();
  const profile = page.getByRole('article');
  await expect(profile.getByRole('button', { name: new RegExp(ARTICLE_TITLE.replace(/[()]/g, '\\$&')) }).first()).toBeVisible();
  found.push(...await scan(page, 'Actor profile, mentioned in the article'));

  await page.getByRole('button', { name: 'New case', exact: true }).click();
  await expect(page.getByRole('form', { name: 'New case' })).toBeVisible();
  found.push(...await scan(page, 'Case editor, new case'));
  expectNone(found);
});

test('bundles: the export dialog with a passphrase, an import preview with a difference, the passphrase prompt, a refused file', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  let dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: 'Selected actors and events' }).check();
  await dialog.getByRole('checkbox', { name: /^Cirilo/ }).check();
  found.push(...await scan(page, 'Export dialog, a selection'));
  await dialog.getByRole('radio', { name: 'The whole case' }).check();
  await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The two passphrases differ. Type the same one twice.');
  found.push(...await scan(page, 'Export dialog, passphrases that differ'));
  await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
  const sealed = await exportTo(page, dialog, path.join(dir, 'case.casefile.age'));

  dialog = await openExportDialog(page);
  const plain = await exportTo(page, dialog, path.join(dir, 'case.casefile'));
  // A local edit, so the plain bundle's copy of the actor differs from the library's.
  await nav(page, 'Actors');
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /^Cirilo/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Nationality').fill('Peruvian');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('button', { name: 'Edit' })).toBeVisible();

  let importing = await openImport(page, plain);
  await expect(importing.getByRole('heading', { name: /Differences to decide/ })).toBeVisible();
  found.push(...await scan(page, 'Import preview, a difference to decide'));
  await importing.getByRole('button', { name: 'Cancel' }).click();
  await expect(importing).toBeHidden();

  importing = await openImport(page, sealed);
  const prompt = importing.getByRole('form', { name: /protected with a passphrase/ });
  await prompt.getByLabel('Passphrase').fill('not the passphrase');
  await prompt.getByRole('button', { name: 'Open bundle' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('That passphrase is wrong. Check it and try again.');
  found.push(...await scan(page, 'Import, passphrase prompt after a wrong passphrase'));
  await importing.getByRole('button', { name: 'Cancel' }).click();
  await expect(importing).toBeHidden();

  const notABundle = path.join(dir, 'notes.casefile');
  await writeFile(notABundle, '<html><body>Not a bundle</body></html>');
  importing = await openImport(page, notABundle);
  await expect(importing.getByText(/not a Casefile bundle/i).first()).toBeVisible();
  found.push(...await scan(page, 'Import, a refused file'));
  expectNone(found);
});
