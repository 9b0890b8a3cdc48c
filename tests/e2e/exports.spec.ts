import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The standard exports as a browser user gets them: the printable report as a real file
 * (an HTML download that stands alone), the ACLED CSV with ACLED's columns and no
 * invented dates. shared/export's unit tests cover the mappings in detail.
 */

const CASE = 'Shining Path in the VRAEM';
const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name, exact: true }).click();
const sample = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../resources/sample-case/vraem.json'), 'utf8')) as {
  actors: { name: string }[]; events: { title: string }[];
};

let dir: string;
test.beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'casefile-exports-')); });
test.afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function loadSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
}

async function openExportDialog(page: Page, format: RegExp): Promise<Locator> {
  await nav(page, 'Import & export');
  await page.getByRole('button', { name: 'Export case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export case' });
  await dialog.getByRole('radio', { name: format }).check();
  return dialog;
}

async function exportAndRead(page: Page, dialog: Locator): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = await download;
  const file = path.join(dir, done.suggestedFilename());
  await done.saveAs(file);
  await expect(dialog).toBeHidden();
  return { name: done.suggestedFilename(), text: await readFile(file, 'utf8') };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

test("the browser's printable report is a downloaded HTML file that holds the case and stands alone", async ({ page, context }) => {
  await loadSample(page);
  const dialog = await openExportDialog(page, /Printable report/);
  // The dialog says what the browser will do: a file, not a PDF it cannot make.
  await expect(dialog.getByText('as an HTML file to open, read or print to PDF')).toBeVisible();
  const { name, text } = await exportAndRead(page, dialog);
  expect(name).toMatch(/^shining-path-in-the-vraem-\d{4}-\d{2}-\d{2}\.html$/);
  await expect(page.getByRole('status').getByText(`Saved “${name}”: open it in the browser to read it`, { exact: false })).toBeVisible();

  // Every actor and event of the case is in it.
  expect(text).toContain(escapeHtml(CASE));
  for (const actor of sample.actors) expect(text).toContain(escapeHtml(actor.name));
  for (const event of sample.events) expect(text).toContain(escapeHtml(event.title));
  // Self-contained and inert: no scripts, nothing to fetch, its own strict policy.
  expect(text).not.toMatch(/<script|\bsrc=|<link\b|@import|url\(/i);
  expect(text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);

  // Opened on its own, it is styled by its own stylesheet, asks for nothing and breaks no policy.
  const viewer = await context.newPage();
  const requests: string[] = [];
  const cspMessages: string[] = [];
  viewer.on('request', (r) => requests.push(r.url()));
  viewer.on('console', (m) => { if (/Content Security Policy|violates/i.test(m.text())) cspMessages.push(m.text()); });
  await viewer.setContent(text);
  await expect(viewer.getByRole('heading', { level: 1, name: CASE })).toBeVisible();
  // The report's h1 is 20pt = 26.6667px, not the browser's 2em = 32px.
  expect(await viewer.locator('h1').evaluate((h) => getComputedStyle(h).fontSize)).toBe('26.6667px');
  expect(await viewer.locator('section.section').count()).toBe(3);
  expect(requests.filter((u) => u !== 'about:blank')).toEqual([]);
  expect(cspMessages).toEqual([]);
  await viewer.screenshot({ path: path.join(tmpdir(), 'casefile-report-web.png') });
  await viewer.close();
});

test("the ACLED CSV has ACLED's columns in ACLED's order, actor 1 always filled, and no made-up dates", async ({ page }) => {
  await loadSample(page);
  const dialog = await openExportDialog(page, /ACLED-style events/);
  const { text } = await exportAndRead(page, dialog);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe([
    'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
    'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
    'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale',
    'notes', 'fatalities', 'tags', 'timestamp', 'date_as_reported', 'date_earliest', 'date_latest',
  ].join(','));
  const capture = lines.find((l) => l.includes('Capture of Abimael'))!;
  // Dated "1992": no day, no precision code, the year and the period as reported.
  expect(capture).toMatch(/^[^,]+,,1992,,Strategic developments,Strategic developments,Arrests,Shining Path,Abimael Guzmán,2,,,,20,,604,South America,Peru,/);
  expect(capture).toMatch(/,1992,1992-01-01,1992-12-31$/);
  expect(lines.join('\n')).not.toMatch(/1992-07-01|2006-07-02/);
  // The dialog's message says how many events ACLED's date columns could not hold.
  await expect(page.getByRole('status').getByText('3 of 4 events are dated more coarsely than a month', { exact: false })).toBeVisible();
});

test('the FollowTheMoney export links each actor to the sources that name them, as "mentioned", apart from citations', async ({ page }) => {
  await loadSample(page);
  await nav(page, 'Sources');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles([ARTICLE]);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();
  const mentioned = page.getByRole('region', { name: 'Source details' }).getByRole('list', { name: 'Actors mentioned' });
  await expect(mentioned.getByRole('button', { name: 'p. 1: Florindo Eleuterio Flores' })).toBeVisible();

  const dialog = await openExportDialog(page, /FollowTheMoney/);
  const { text } = await exportAndRead(page, dialog);
  const entities = text.trim().split('\n').map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
  const person = (name: string) => entities.find((e) => e.schema === 'Person' && e.properties.name?.[0] === name)!;
  const links = entities.filter((e) => e.schema === 'Documentation' && e.properties.role?.[0] === 'mentioned');
  const florindo = links.find((e) => e.properties.entity?.[0] === person('Florindo Eleuterio Flores').id)!;
  expect(florindo.properties.document).toEqual([entities.find((e) => e.schema === 'Pages')!.id]);
  expect(florindo.properties.summary?.[0]).toMatch(/^Pages? 1(, \d+)*\b.*not a citation/);
  // Named together ("the Quispe Palomino brothers"), each brother is mentioned.
  for (const name of ['Víctor Quispe Palomino', 'Jorge Quispe Palomino']) {
    expect(links.some((e) => e.properties.entity?.[0] === person(name).id), name).toBe(true);
  }
});
