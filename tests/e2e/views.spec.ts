import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The timeline and the map on the sample case: what they draw (read through their table
 * alternatives and the keyboard's announcements, which say the same), the place picker of the
 * event form, and that none of it asks the network for anything (the gazetteer and the
 * basemap ship with the app).
 */

async function loadSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name, exact: true }).click();

/** Every request the page and its workers make, by URL. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}

function expectOnlyLocal(urls: string[], origin: string) {
  const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign, 'requests to other origins').toEqual([]);
}

test('timeline: Guzmán’s capture over 1992 and the Chachaspata clash as a late-August span', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  await loadSample(page);
  await nav(page, 'Timeline');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  const chart = page.getByRole('application', { name: /Timeline chart, \d+ items from 1970 to 2019/ });
  await expect(chart).toBeVisible();

  // The chart by keyboard: N steps through items in time order, each announced with the date as written and its span.
  await chart.focus();
  const announced = page.locator('.timeline-canvas [aria-live="polite"]');
  const seen: string[] = [];
  for (let i = 0; i < 20 && !seen.some((s) => s.includes('Chachaspata')); i++) {
    await chart.press('n');
    seen.push(await announced.innerText());
  }
  expect(seen.find((s) => s.startsWith('Capture of Abimael Guzmán'))).toBe('Capture of Abimael Guzmán — 1992 (1992-01-01 … 1992-12-31)');
  expect(seen.find((s) => s.includes('Chachaspata'))).toBe('Clash between troops and a Shining Path cell in Chachaspata — late August 2019 (2019-08-21 … 2019-08-31)');
  // The tooltip shows the same for the focused item.
  await expect(page.locator('.timeline-tip')).toContainText('late August 2019');

  // The table alternative lists the same items with their bounds.
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const table = page.getByRole('table', { name: 'Timeline' });
  const capture = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Capture of Abimael Guzmán' }) }).first();
  const cells = capture.getByRole('cell');
  await expect(cells.nth(0)).toHaveText('1992');
  await expect(cells.nth(1)).toHaveText('1992-01-01');
  await expect(cells.nth(2)).toHaveText('1992-12-31');
  await expect(cells.nth(4)).toHaveText('Strategic developments');
  const clash = table.getByRole('row').filter({ has: page.getByRole('button', { name: /Chachaspata/ }) }).first();
  await expect(clash.getByRole('cell').nth(0)).toHaveText('late August 2019');
  await expect(clash.getByRole('cell').nth(1)).toHaveText('2019-08-21');
  await expect(clash.getByRole('cell').nth(2)).toHaveText('2019-08-31');

  // Undated memberships are listed apart, not dropped.
  await page.getByText(/undated items, not on the axis/).click();
  await expect(page.locator('.undated li').filter({ hasText: 'Florindo Eleuterio Flores' })).toHaveCount(1);

  // Rows by event type, filtered to a date range shared with the map.
  await page.getByRole('button', { name: 'Chart', exact: true }).click();
  await page.getByLabel('Rows').selectOption('type');
  await page.getByLabel('From', { exact: true }).fill('2019');
  await expect(page.getByRole('application', { name: /Timeline chart, \d+ items from 2019 to 2019/ })).toBeVisible();
  await nav(page, 'Map');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2019');
  expectOnlyLocal(urls, new URL(baseURL!).origin);
});

test('map: the clash drawn in Ayacucho, approximate, from the offline gazetteer', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  await loadSample(page);
  await nav(page, 'Map');
  await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible();
  // Both Ayacucho events have a region and no coordinates: drawn at the region's centre.
  await expect(page.getByText('2 of 4 events on the map')).toBeVisible({ timeout: 20_000 });
  const map = page.getByRole('application', { name: /Map of 2 events/ });
  await map.focus();
  const announced = page.locator('.map-canvas [aria-live="polite"]');
  // N steps through the events in time order, announcing each: the clash is the first of 2019.
  await map.press('n');
  await expect(announced).toContainText('Chachaspata — late August 2019 · Battles · Approximate: drawn at the centre of Ayacucho');

  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const row = page.getByRole('table', { name: 'Map' }).getByRole('row').filter({ has: page.getByRole('button', { name: /Chachaspata/ }) });
  await expect(row.getByRole('cell').nth(3)).toHaveText('Chachaspata, Ayacucho, Peru');
  await expect(row.getByRole('cell').nth(4)).toHaveText('Region centre (Ayacucho)');
  // Ayacucho region lies between 12° and 16° S, 72° and 76° W.
  const lat = Number(await row.getByRole('cell').nth(5).innerText());
  const lon = Number(await row.getByRole('cell').nth(6).innerText());
  expect(lat).toBeGreaterThan(-16);
  expect(lat).toBeLessThan(-12);
  expect(lon).toBeGreaterThan(-76);
  expect(lon).toBeLessThan(-72);
  // Events with only a country are listed apart.
  await expect(page.getByText('2 events not on the map')).toBeVisible();
  expect(urls.some((u) => u.endsWith('/gazetteer/places.tsv'))).toBe(true);
  // The first-level region borders (Natural Earth admin 1) ship with the app and load behind the countries.
  await expect.poll(() => urls.some((u) => /admin1\.topo[^/]*\.js$/.test(u)), { timeout: 20_000 }).toBe(true);
  expectOnlyLocal(urls, new URL(baseURL!).origin);
});

test('event form: a place picked by name fills coordinates, region and country', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  await loadSample(page);
  await nav(page, 'Events');
  await page.getByRole('button', { name: 'New event' }).first().click();
  const form = page.getByRole('form', { name: 'New event' });
  const find = form.getByRole('combobox', { name: 'Find a place' });
  // Typed without the accent and in lower case.
  await find.fill('apurimac');
  await expect(form.getByRole('option', { name: /^Apurímac, Peru region/ })).toBeVisible();
  await find.fill('pichari');
  await form.getByRole('option', { name: /^Pichari, Cusco, Peru/ }).click();
  await expect(form.getByLabel('Place name')).toHaveValue('Pichari');
  await expect(form.getByLabel('Latitude')).toHaveValue('-12.5');
  await expect(form.getByLabel('Longitude')).toHaveValue('-73.817');
  await expect(form.getByLabel('Region (admin 1)')).toHaveValue('Cusco');
  await expect(form.getByLabel('Country')).toHaveValue('Peru');
  expectOnlyLocal(urls, new URL(baseURL!).origin);
});

test('map: without its region layer (a file that will not load) it still draws the events, and says nothing alarming', async ({ page }) => {
  await page.route(/admin1\.topo[^/]*\.js$/, (route) => route.abort());
  await loadSample(page);
  await nav(page, 'Map');
  await expect(page.getByText('2 of 4 events on the map')).toBeVisible({ timeout: 20_000 });
  const map = page.getByRole('application', { name: /Map of 2 events/ });
  await map.focus();
  await map.press('n');
  await expect(page.locator('.map-canvas [aria-live="polite"]')).toContainText('Chachaspata');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
