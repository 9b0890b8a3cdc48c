import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { tamper } from '../../shared/bundle/testing/tamper';
import { expect, test } from './fixtures';
import { addPdfs, exportTo, loadSample, nav, openCitePanel, openExportDialog, openImport } from './steps';

/**
 * Case bundles end to end in Chromium: export a case with a PDF, wipe the profile, import
 * it again (plain and passphrase-protected), merge a bundle whose copy of an actor
 * differs, refuse a hostile file, the standard exports, and the backup reminder.
 */

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
const ARTICLE_TITLE = 'Shining Path in the VRAEM (article text)';
const ACTOR = 'Florindo Eleuterio Flores';
const PASSPHRASE = 'correct horse battery staple';
const DAY = 24 * 60 * 60 * 1000;

let dir: string;
test.beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'casefile-bundles-')); });
test.afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const actorList = (page: Page) => page.getByRole('listbox', { name: 'Actor list' });

const addArticle = (page: Page) => addPdfs(page, ARTICLE);

/** Cites page 1 of the article on the actor's nom de guerre, through the viewer's "Cite this page". */
async function citeArticleOnActor(page: Page) {
  const { viewer, panel } = await openCitePanel(page, ARTICLE_TITLE, 'Artemio');
  await panel.getByRole('combobox', { name: 'Actor' }).fill('Artemio');
  await panel.getByRole('option', { name: new RegExp(`^${ACTOR}`) }).click();
  await panel.getByLabel('Part of the record').selectOption({ label: 'Name: Comandante Artemio (Nom de guerre)' });
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Cited page 1 on ${ACTOR}.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
}

/** Saves the download the dialog's Export button starts and returns where it went. */
async function exportAndSave(page: Page, dialog: Locator, fileName: string): Promise<string> {
  return exportTo(page, dialog, path.join(dir, fileName));
}

/** A new, empty profile: the app unloaded, its origin's storage cleared, then opened again. */
async function wipeProfile(page: Page) {
  const origin = new URL(page.url()).origin;
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
  await page.goto('/');
  await expect(page.getByText('No actors yet', { exact: false })).toBeVisible();
}


/** The summary table's row for one kind, once the preview is there: [new, identical, different]. */
async function summaryRow(dialog: Locator, kind: string): Promise<string[]> {
  const row = dialog.getByRole('table', { name: 'What the bundle holds compared with your library' }).getByRole('row', { name: new RegExp(`^${kind}`) });
  await expect(row).toBeVisible();
  return row.getByRole('cell').allTextContents();
}

async function finishImport(page: Page, dialog: Locator) {
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('Import finished. The imported case is open.')).toBeVisible();
}

async function expectArtemioAndHisPage(page: Page) {
  await nav(page, 'Actors');
  await page.getByLabel('Filter by name or alias').fill('artemio');
  await actorList(page).getByRole('option', { name: new RegExp(ACTOR) }).click();
  const nameRow = page.getByRole('article').getByRole('row', { name: /Comandante Artemio/ }).first();
  await nameRow.getByRole('button', { name: `${ARTICLE_TITLE} · p. 1, open in the viewer` }).click();
  const viewer = page.getByRole('dialog', { name: ARTICLE_TITLE });
  await expect(viewer.getByLabel('Page', { exact: true })).toHaveValue('1');
  await expect(viewer.locator('.textLayer')).toContainText('Artemio');
  await page.keyboard.press('Escape');
}

test('a case with its PDF goes out as a bundle and comes back whole into an empty profile', async ({ page }) => {
  await loadSample(page);
  // The list counts the sample's actors once its live query has run: wait for a real count.
  const count = page.getByText(/^[1-9]\d* actors$/);
  await expect(count).toBeVisible();
  const actorCount = await count.textContent();
  await addArticle(page);
  await citeArticleOnActor(page);

  const dialog = await openExportDialog(page);
  await expect(dialog.getByRole('radio', { name: /Casefile bundle/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'The whole case' })).toBeChecked();
  const file = await exportAndSave(page, dialog, 'case.casefile');
  await expect(page.getByRole('status').getByText(/^Saved “.+\.casefile”\.$/)).toBeVisible();
  expect((await readFile(file)).subarray(0, 2).toString('latin1')).toBe('PK');

  await wipeProfile(page);
  const preview = await openImport(page, file);
  await expect(preview.getByRole('form', { name: 'Import preview' })).toBeVisible();
  expect(await summaryRow(preview, 'Actors')).toEqual([actorCount!.replace(' actors', ''), '0', '0']);
  expect(await summaryRow(preview, 'Sources')).toEqual(['1', '0', '0']);
  await expect(preview.getByTestId('preview-files')).toHaveText(/PDF files: 1 new \([\d.]+ KB\), 0 already in your library/);
  await finishImport(page, preview);
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  await expect(page.getByText(actorCount!, { exact: true })).toBeVisible();
  await expectArtemioAndHisPage(page);
  await nav(page, 'Sources');
  await expect(page.getByRole('listbox', { name: 'Source list' }).getByRole('option', { name: new RegExp(ARTICLE_TITLE.replace(/[()]/g, '\\$&')) })).toContainText('1 page');

  // The same bundle again, dropped on the window this time, changes nothing.
  const bytes = Array.from(await readFile(file));
  const navigated = await page.evaluate(({ name, bytes }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name));
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
    document.querySelector('main')!.dispatchEvent(drop);
    return !drop.defaultPrevented;
  }, { name: path.basename(file), bytes });
  expect(navigated, 'the drop is taken by the app, not the browser').toBe(false);
  const again = page.getByRole('dialog', { name: 'Import bundle' });
  await expect(again.getByText('Everything in this bundle is already in your library: importing it changes nothing.')).toBeVisible();
  expect(await summaryRow(again, 'Actors')).toEqual(['0', actorCount!.replace(' actors', ''), '0']);
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();
});

test('name-matching rules go along with their actor and are in force after the import (bundle format 3)', async ({ page }) => {
  await loadSample(page);
  await nav(page, 'Actors');
  await page.getByLabel('Filter by name or alias').fill('artemio');
  await actorList(page).getByRole('option', { name: new RegExp(ACTOR) }).click();
  const rule = () => page.getByRole('region', { name: 'Matching in texts' }).getByRole('combobox', { name: 'Match rule for Comandante Artemio' });
  await expect(rule()).not.toHaveValue('never'); // the proposal, before the user's choice
  await rule().selectOption({ label: 'Never' });
  await expect(rule()).toHaveValue('never');
  const file = await exportAndSave(page, await openExportDialog(page), 'rules.casefile');

  await wipeProfile(page);
  const preview = await openImport(page, file);
  await finishImport(page, preview);
  await preview.getByRole('button', { name: 'Close' }).click();
  await nav(page, 'Actors');
  await page.getByLabel('Filter by name or alias').fill('artemio');
  await actorList(page).getByRole('option', { name: new RegExp(ACTOR) }).click();
  // The mentions worker matched the imported actor's names with the rule from the bundle.
  await expect(rule()).toHaveValue('never');
});

test('a passphrase-protected bundle opens only with its passphrase; a wrong one is said to be wrong', async ({ page }) => {
  await loadSample(page);
  await addArticle(page);
  await citeArticleOnActor(page);

  const dialog = await openExportDialog(page);
  await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
  await expect(dialog.getByText('if it is lost, nobody can open the file again', { exact: false })).toBeVisible();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The two passphrases differ. Type the same one twice.');
  await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
  const file = await exportAndSave(page, dialog, 'case.casefile.age');
  expect((await readFile(file)).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');

  await wipeProfile(page);
  const importing = await openImport(page, file);
  const prompt = importing.getByRole('form', { name: /protected with a passphrase/ });
  await prompt.getByLabel('Passphrase').fill('not the passphrase');
  await prompt.getByRole('button', { name: 'Open bundle' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('That passphrase is wrong. Check it and try again.');
  await expect(prompt.getByLabel('Passphrase')).toHaveValue('');
  await prompt.getByLabel('Passphrase').fill(PASSPHRASE);
  await prompt.getByRole('button', { name: 'Open bundle' }).click();
  await expect(importing.getByText('Passphrase-protected')).toBeVisible();
  expect(await summaryRow(importing, 'Sources')).toEqual(['1', '0', '0']);
  await finishImport(page, importing);
  await importing.getByRole('button', { name: 'Close' }).click();
  await expectArtemioAndHisPage(page);
});

test('a passphrase is stretched while it is typed, once: Export and "Open bundle" take that key, and the file opens with it', async ({ page }) => {
  await loadSample(page);
  const scrypts: string[] = [];
  page.on('worker', (w) => { if (/scrypt/.test(w.url())) scrypts.push(w.url()); });
  const dialog = await openExportDialog(page);
  await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(`${PASSPHRASE} old`);
  await dialog.getByLabel('Passphrase again').fill(`${PASSPHRASE} old`);
  await expect.poll(() => scrypts.length).toBe(1);
  // Changed before Export: the first key is dropped and the new passphrase stretched.
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
  await expect.poll(() => scrypts.length).toBe(2);
  const file = await exportAndSave(page, dialog, 'case.casefile.age');
  // The export took the prepared key: no third scrypt.
  expect(scrypts.length).toBe(2);

  // Opening it: the passphrase is stretched as it is typed, and "Open bundle" takes that key.
  await wipeProfile(page);
  const importing = await openImport(page, file);
  const prompt = importing.getByRole('form', { name: /protected with a passphrase/ });
  await prompt.getByLabel('Passphrase').fill(PASSPHRASE);
  await expect.poll(() => scrypts.length).toBe(3);
  await prompt.getByRole('button', { name: 'Open bundle' }).click();
  await expect(importing.getByText('Passphrase-protected')).toBeVisible();
  expect(scrypts.length).toBe(3);
  await finishImport(page, importing);
});

test('merge: a bundle whose copy of an actor differs shows the field side by side; Take theirs replaces mine, which goes to the Trash', async ({ page }) => {
  await loadSample(page);
  const file = await exportAndSave(page, await openExportDialog(page), 'before-edit.casefile');

  await nav(page, 'Actors');
  await actorList(page).getByRole('option', { name: new RegExp(ACTOR) }).click();
  const profile = page.getByRole('article');
  await profile.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Primary name').fill('Florindo E. Flores');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('heading', { name: 'Florindo E. Flores' })).toBeVisible();

  const preview = await openImport(page, file);
  expect(await summaryRow(preview, 'Actors')).toEqual(['0', expect.any(String), '1']);
  await expect(preview.getByRole('heading', { name: 'Differences to decide: 1' })).toBeVisible();
  const diff = preview.getByRole('table', { name: /^Differences in Florindo/ });
  await expect(diff.getByRole('row', { name: /^Name/ }).getByRole('cell')).toHaveText(['Florindo E. Flores', ACTOR]);
  const choice = preview.getByRole('group', { name: /^Which version of Florindo .* to keep$/ });
  await expect(choice.getByRole('radio', { name: 'Keep mine' })).toBeChecked();
  await choice.getByRole('radio', { name: 'Take theirs' }).check();
  await expect(preview.getByText('Keep mine: 0 · Take theirs: 1 · Keep both: 0')).toBeVisible();
  await finishImport(page, preview);
  await expect(preview.getByRole('definition').nth(1)).toHaveText('1'); // Replaced
  await expect(preview.getByText('The versions that were replaced are in the Trash', { exact: false })).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();

  await nav(page, 'Actors');
  await expect(actorList(page).getByRole('option', { name: new RegExp(ACTOR) })).toHaveCount(1);
  await expect(actorList(page).getByRole('option', { name: /Florindo E\. Flores/ })).toHaveCount(0);
  await nav(page, 'Trash');
  await expect(page.getByRole('button', { name: 'Restore: Florindo E. Flores' })).toBeVisible();
});

test('a file that is not a bundle is refused in plain words, naming it, and nothing is imported', async ({ page }) => {
  await loadSample(page);
  // The list counts the sample's actors once its live query has run: wait for a real count.
  const count = page.getByText(/^[1-9]\d* actors$/);
  await expect(count).toBeVisible();
  const actorCount = await count.textContent();
  const hostile = path.join(dir, 'field-notes.casefile');
  await writeFile(hostile, 'These are my notes, not a bundle.\n'.repeat(20));

  const dialog = await openImport(page, hostile);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('“field-notes.casefile” was not imported.');
  await expect(alert).toContainText('This file is not a Casefile bundle: Casefile cannot read it as a zip archive.');
  await expect(alert).toContainText('Nothing in your library was changed.');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Import bundle…' })).toBeFocused();

  await nav(page, 'Actors');
  await expect(page.getByText(actorCount!, { exact: true })).toBeVisible();
  await nav(page, 'Trash');
  await expect(page.getByText('The trash is empty', { exact: false })).toBeVisible();
});

test('a bundle citing a page its PDF does not have is refused, each problem said in words (English and Spanish), and nothing is imported', async ({ page }) => {
  await loadSample(page);
  await addArticle(page);
  await citeArticleOnActor(page);
  const file = await exportAndSave(page, await openExportDialog(page), 'page-999.casefile');
  // The citation made in the viewer now points at page 999 of the 1-page article; the manifest
  // is brought back in line, so only the page is wrong.
  const bytes = await tamper(new Uint8Array(await readFile(file)), (entries) => {
    const actors = JSON.parse(new TextDecoder().decode(entries.get('records/actors.json'))) as { names: { citations: { page: number | null }[] }[] }[];
    const cited = actors.flatMap((a) => a.names).flatMap((n) => n.citations).find((c) => c.page === 1)!;
    cited.page = 999;
    entries.set('records/actors.json', new TextEncoder().encode(JSON.stringify(actors)));
  });
  const hostile = path.join(dir, 'page-999.casefile');
  await writeFile(hostile, bytes);

  const dialog = await openImport(page, hostile);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('“page-999.casefile” was not imported.');
  await expect(alert).toContainText('Some records in the bundle point to things the bundle does not hold.');
  await expect(alert.getByRole('listitem')).toHaveText([/^Actor “[0-9a-f-]{36}”, names\.\d+\.citations\.0\.page: It cites a page that the document does not have\.$/]);
  await expect(alert).not.toContainText('bundle.');
  await page.screenshot({ path: '/tmp/hostile-refusal-en.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await nav(page, 'Settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.getByRole('navigation').getByRole('button', { name: 'Importar y exportar', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importar paquete…' }).click();
  await (await chooser).setFiles(hostile);
  const es = page.getByRole('dialog').getByRole('alert');
  await expect(es.getByRole('listitem')).toHaveText([/^Actor “[0-9a-f-]{36}”, names\.\d+\.citations\.0\.page: Cita una página que el documento no tiene\.$/]);
  await expect(es).toContainText('No se cambió nada en su biblioteca.');
  await expect(es).not.toContainText('nothing was imported'); // no English sentence in a Spanish refusal
  await page.screenshot({ path: '/tmp/hostile-refusal-es.png' });
});

test('FollowTheMoney and ACLED-style CSV exports download with the expected first lines; a selection exports only what was chosen', async ({ page }) => {
  await loadSample(page);

  let dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /ACLED-style events/ }).check();
  const csv = await readFile(await exportAndSave(page, dialog, 'events.csv'), 'utf8');
  const [header, firstRow] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(header).toMatch(/^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,/);
  // The oldest event is dated only by its year: no made-up day (exports.spec.ts has the rest).
  expect(firstRow).toMatch(/^[^,]*,,1992,,/);

  dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: 'Selected actors and events' }).check();
  await expect(dialog.getByText('The sources that the chosen actors and events cite go along with them.')).toBeVisible();
  await dialog.getByLabel('Filter actors and events').fill('artemio');
  await dialog.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: ACTOR }).check();
  await expect(dialog.getByText('Actors chosen: 1 · Events chosen: 0')).toBeVisible();
  await dialog.getByRole('radio', { name: /FollowTheMoney/ }).check();
  const ftm = await readFile(await exportAndSave(page, dialog, 'case.ftm'), 'utf8');
  const entities = ftm.trim().split('\n').map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
  expect(entities[0]!.id).toMatch(/^casefile-/);
  const people = entities.filter((e) => e.schema === 'Person');
  expect(people.map((p) => p.properties.name)).toEqual([[ACTOR]]);
  expect(people[0]!.properties.alias).toContain('Comandante Artemio');

  // The report is a file here too: an HTML download in the browser (desktop saves a PDF).
  dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /Printable report/ }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Protect with a passphrase' })).toHaveCount(0);
  const report = await readFile(await exportAndSave(page, dialog, 'report.html'), 'utf8');
  expect(report).toContain(ACTOR);
});

test('the export dialog is reached and left with the keyboard; focus returns to what opened it', async ({ page }) => {
  await loadSample(page);
  await nav(page, 'Import & export');
  const open = page.getByRole('button', { name: 'Export case…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export case' });
  await expect(dialog).toBeVisible();
  // Focus starts on the title (read out first), and Tab goes on to the first control.
  await expect(dialog.getByRole('heading', { name: 'Export case' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Case', { exact: true })).toBeFocused();
  // Single-letter shortcuts do not act behind the dialog.
  await dialog.getByRole('radio', { name: 'The whole case' }).focus();
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'New actor' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test('the backup reminder: shown once when a library with data was never backed up, gone after a backup, back after a week; the backup restores into an empty profile', async ({ page }) => {
  await loadSample(page);
  // Decided when the app starts, not the moment the first records arrive.
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await expect(reminder).toHaveCount(0);

  await page.reload();
  await expect(reminder).toContainText('This library has never been backed up.');
  await nav(page, 'Events');
  await nav(page, 'Actors');
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button', { name: 'Back up now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Back up everything' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save backup' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.casefile$/);
  const backup = path.join(dir, 'backup.casefile');
  await (await download).saveAs(backup);
  await expect(page.getByRole('status').getByText(/^Backup saved as/)).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await nav(page, 'Settings');
  await expect(page.getByTestId('last-backup')).toHaveText(/^Last backup: .+\.$/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
  await expect(reminder).toHaveCount(0);

  await page.clock.setFixedTime(Date.now() + 8 * DAY);
  await page.reload();
  await expect(reminder).toContainText('Your last backup is 8 days old.');
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await expect(reminder).toHaveCount(0);
  await nav(page, 'Events');
  await expect(reminder).toHaveCount(0);

  // Restore: the same import flow; into an empty profile everything is new.
  await wipeProfile(page);
  await nav(page, 'Settings');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await (await chooser).setFiles(backup);
  const restore = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(restore.getByRole('heading', { name: /Differences to decide/ })).toHaveCount(0);
  const [newActors, identical, different] = await summaryRow(restore, 'Actors');
  expect(Number(newActors)).toBeGreaterThan(0);
  expect([identical, different]).toEqual(['0', '0']);
  await finishImport(page, restore);
  await restore.getByRole('button', { name: 'Close' }).click();
  await nav(page, 'Actors');
  await expect(page.getByText(`${newActors} actors`, { exact: true })).toBeVisible();
});
