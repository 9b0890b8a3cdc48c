import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeTextPdf } from '../fixtures/pdf/makePdfs';
import { expectNone, scan } from './axeScan';
import { addPdfs, loadSample, nav } from './steps';
import { expect, test } from './fixtures';

/**
 * An automated accessibility scan (axe-core, WCAG 2.0/2.1 A and AA plus best practices)
 * of every main view, empty and with the sample case. A test lists rule, impact, targets
 * and help of every blocking finding in all the views it visits, so the report alone
 * says what to fix.
 */

const PDF_TITLE = 'Field notes from Ayacucho';

let dir: string;
let pdfFile: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casefile-a11y-'));
  pdfFile = path.join(dir, 'field-notes.pdf');
  await writeFile(pdfFile, makeTextPdf([
    'Field notes, 14 March 2024.\nComandante Artemio was seen near the river.',
    'Second page of the field notes.',
  ], { title: PDF_TITLE }));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('empty library: every view', async ({ page }) => {
  await page.goto('/');
  const found: string[] = [];
  await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
  found.push(...await scan(page, 'Actors, empty'));
  await nav(page, 'Events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  found.push(...await scan(page, 'Events, empty'));
  await nav(page, 'Sources');
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  found.push(...await scan(page, 'Sources, empty'));
  await nav(page, 'Import & export');
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
  found.push(...await scan(page, 'Import & export, empty'));
  await nav(page, 'Trash');
  await expect(page.getByText('The trash is empty', { exact: false })).toBeVisible();
  found.push(...await scan(page, 'Trash, empty'));
  await nav(page, 'Settings');
  await expect(page.getByTestId('persistence')).not.toHaveText('Loading…');
  found.push(...await scan(page, 'Settings, empty'));
  expectNone(found);
});

test('sample case: actor list, profile and form', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  const list = page.getByRole('listbox', { name: 'Actor list' });
  await list.getByRole('option', { name: /Florindo Eleuterio Flores/ }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Florindo Eleuterio Flores');
  found.push(...await scan(page, 'Actors, profile'));
  await page.getByRole('button', { name: 'New actor' }).first().click();
  await expect(page.getByRole('form', { name: 'New actor' })).toBeVisible();
  found.push(...await scan(page, 'Actor form (new)'));
  expectNone(found);
});

test('sample case: events list, detail and form', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  await nav(page, 'Events');
  await page.getByRole('listbox', { name: 'Events' }).getByRole('option').first().click();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
  found.push(...await scan(page, 'Events, detail'));
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('form', { name: 'Edit event' })).toBeVisible();
  found.push(...await scan(page, 'Event form (edit)'));
  await page.getByRole('form', { name: 'Edit event' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'New event' }).first().click();
  await expect(page.getByRole('form', { name: 'New event' })).toBeVisible();
  found.push(...await scan(page, 'Event form (new)'));
  expectNone(found);
});

test('sources: list, detail and the PDF viewer on a page', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  await addPdfs(page, pdfFile);
  const detail = page.getByRole('region', { name: 'Source details' });
  await expect(detail.getByRole('heading', { level: 1, name: PDF_TITLE })).toBeVisible();
  found.push(...await scan(page, 'Sources, detail'));
  await detail.getByRole('button', { name: 'Open', exact: true }).click();
  const viewer = page.getByRole('dialog', { name: PDF_TITLE });
  await expect(viewer.locator('.pdf-page[data-drawn="1"]')).toBeVisible();
  await expect(viewer.locator('.textLayer')).toContainText('Artemio');
  found.push(...await scan(page, 'PDF viewer, page 1'));
  expectNone(found);
});

test('search with results', async ({ page }) => {
  await loadSample(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search' }).fill('artemio');
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('option', { name: /^Florindo Eleuterio Flores/ })).toBeVisible();
  // With a hit made active from the keyboard too (aria-activedescendant).
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expectNone(await scan(page, 'Search, results'));
});

test('sample case: import & export, trash and settings, and one view in Spanish', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  // Something in the Trash: a deleted actor.
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /^Cirilo/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Move to trash' }).click();
  await nav(page, 'Import & export');
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
  found.push(...await scan(page, 'Import & export'));
  await nav(page, 'Trash');
  // Not just the name: the "moved to the trash" toast says it too, before the view has loaded.
  await expect(page.getByRole('button', { name: 'Restore: Cirilo' })).toBeVisible();
  found.push(...await scan(page, 'Trash'));
  await nav(page, 'Settings');
  await expect(page.getByTestId('persistence')).not.toHaveText('Loading…');
  found.push(...await scan(page, 'Settings'));
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('heading', { name: 'Ajustes', level: 1 })).toBeVisible();
  await nav(page, 'Actores');
  await page.getByRole('listbox', { name: /Lista de actores/ }).getByRole('option').first().click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...await scan(page, 'Actores (es), profile'));
  expectNone(found);
});

test('sample case: timeline and map, chart and table, and the place picker', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  await nav(page, 'Timeline');
  const chart = page.getByRole('application', { name: /Timeline chart/ });
  await expect(chart).toBeVisible();
  // A selected item shows its card beside the chart.
  await chart.focus();
  await chart.press('n');
  await chart.press(' ');
  await expect(page.getByRole('complementary', { name: 'Selected' })).toBeVisible();
  found.push(...await scan(page, 'Timeline, chart'));
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Timeline' })).toBeVisible();
  await page.getByText(/undated items, not on the axis/).click();
  found.push(...await scan(page, 'Timeline, table'));
  await nav(page, 'Map');
  await expect(page.getByText('2 of 4 events on the map')).toBeVisible({ timeout: 20_000 });
  found.push(...await scan(page, 'Map, chart'));
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Map' })).toBeVisible();
  found.push(...await scan(page, 'Map, table'));
  await nav(page, 'Events');
  await page.getByRole('button', { name: 'New event' }).first().click();
  const form = page.getByRole('form', { name: 'New event' });
  await form.getByRole('combobox', { name: 'Find a place' }).fill('ayacucho');
  await expect(form.getByRole('listbox', { name: 'Places' }).getByRole('option').first()).toBeVisible();
  found.push(...await scan(page, 'Event form, place suggestions'));
  await form.getByRole('combobox', { name: 'Find a place' }).press('Escape');
  await form.getByRole('button', { name: 'Pick on the map' }).click();
  await expect(page.getByRole('dialog', { name: 'Click the place on the map' })).toBeVisible();
  found.push(...await scan(page, 'Event form, map picker'));
  expectNone(found);
});

test('sample case: the link chart, as a chart and as tables', async ({ page }) => {
  await loadSample(page);
  const found: string[] = [];
  await nav(page, 'Link chart');
  await expect(page.getByRole('heading', { level: 1, name: 'Link chart' })).toBeVisible();
  found.push(...await scan(page, 'Link chart, empty'));
  await page.getByRole('combobox', { name: 'Start from' }).fill('Artemio');
  await page.getByRole('option', { name: /Florindo Eleuterio Flores/ }).click();
  await page.getByRole('button', { name: 'Show chart' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Laid out/ })).toBeVisible();
  await page.getByRole('application', { name: /Link chart/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('complementary', { name: 'Selected node' }).getByRole('heading', { level: 2 }).first()).toBeVisible();
  found.push(...await scan(page, 'Link chart, chart with a node selected'));
  await page.getByRole('button', { name: 'Tables', exact: true }).click();
  await expect(page.getByRole('table', { name: /Nodes/ })).toBeVisible();
  found.push(...await scan(page, 'Link chart, tables'));
  expectNone(found);
});
