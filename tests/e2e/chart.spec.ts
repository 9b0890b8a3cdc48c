import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The link chart on the sample case (issue 14): from Artemio to the Shining Path and the
 * Quispe Palomino brothers, the shortest path, the chart at a date, keyboard use, saving and
 * reopening a chart, and the SVG export; the fixtures fail any external request or CSP breach.
 */

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name, exact: true }).click();

async function chartFromArtemio(page: Page, depth: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
  await nav(page, 'Link chart');
  await page.getByRole('combobox', { name: 'Start from' }).fill('Artemio');
  await page.getByRole('option', { name: /Florindo Eleuterio Flores/ }).click();
  await page.getByLabel('Reach').selectOption({ label: depth });
  await page.getByRole('button', { name: 'Show chart' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Laid out \d+ nodes/ })).toBeVisible();
}

const nodesTable = (page: Page) => page.getByRole('table', { name: /Nodes/ });
const edgesTable = (page: Page) => page.getByRole('table', { name: /Links \(/ });

test('from Artemio the chart reaches the Shining Path and the Quispe Palomino brothers', async ({ page }) => {
  await chartFromArtemio(page, 'Links away: 1');
  await page.getByRole('button', { name: 'Tables', exact: true }).click();
  await expect(nodesTable(page).getByRole('rowheader')).toHaveText(['Florindo Eleuterio Flores', 'Shining Path', 'Fall of “Comandante Artemio”']);
  // Expanding the Shining Path brings its members.
  await nodesTable(page).getByRole('button', { name: 'Shining Path' }).click();
  await page.getByRole('complementary', { name: 'Selected node' }).getByRole('button', { name: 'Expand' }).click();
  await expect(nodesTable(page).getByRole('button', { name: 'Víctor Quispe Palomino' })).toBeVisible();
  await expect(nodesTable(page).getByRole('button', { name: 'Jorge Quispe Palomino' })).toBeVisible();
  await expect(edgesTable(page).getByRole('row').filter({ hasText: 'Jorge Quispe Palomino' }).filter({ hasText: 'Membership' })).toContainText('leader');

  // The chart itself is drawn (a canvas with pixels on it), then a screenshot to look at.
  await page.getByRole('button', { name: 'Chart', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Laid out/ })).toBeVisible();
  const inked = await page.locator('.chart-canvas canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(2000);
  await page.screenshot({ path: '/tmp/chart-artemio.png' });
});

test('the shortest path, the chart at a date, and the keyboard', async ({ page }) => {
  await chartFromArtemio(page, 'Links away: 2');
  const panel = page.getByRole('complementary', { name: 'Selected node' });
  await expect(panel.getByRole('heading', { level: 2, name: 'Florindo Eleuterio Flores' })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Shortest path to' }).fill('Jorge');
  await panel.getByRole('option', { name: /Jorge Quispe Palomino/ }).click();
  await panel.getByRole('button', { name: 'Find path' }).click();
  await expect(panel.getByText('Florindo Eleuterio Flores → Shining Path → Jorge Quispe Palomino')).toBeVisible();
  await page.screenshot({ path: '/tmp/chart-path.png' });

  // At a date: Guzmán's membership (1970s–1992) held in 1985, Cirilo's (to late August 2019) not in 2020.
  await page.getByRole('button', { name: 'Tables', exact: true }).click();
  const membership = (name: string) => edgesTable(page).getByRole('row').filter({ hasText: name }).filter({ hasText: 'Membership' });
  await expect(membership('Cirilo')).toHaveCount(1);
  await page.getByLabel('At a date').fill('2020-01-01');
  await expect(membership('Cirilo')).toHaveCount(0);
  await expect(membership('Abimael Guzmán')).toHaveCount(0);
  await page.getByLabel('At a date').fill('1985-06-01');
  await expect(membership('Abimael Guzmán')).toContainText('certain');
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(membership('Cirilo')).toHaveCount(1);

  // Keyboard: arrows move between nodes, H hides, Enter opens the record.
  await page.getByRole('button', { name: 'Chart', exact: true }).click();
  const canvas = page.getByRole('application', { name: /Link chart/ });
  await canvas.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  const selected = panel.getByRole('heading', { level: 2 }).first();
  await expect(selected).not.toHaveText('');
  const first = await selected.textContent();
  await page.keyboard.press('h');
  await expect(panel.getByRole('button', { name: `Show ${first}` })).toBeVisible();
  await panel.getByRole('button', { name: `Show ${first}` }).click();
  await canvas.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('0');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  const name = (await selected.textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // Coming back finds the chart as it was left.
  await nav(page, 'Link chart');
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
});

test('save a chart, reopen it after a restart, and export it as SVG', async ({ page }) => {
  await chartFromArtemio(page, 'Links away: 2');
  await page.getByRole('complementary', { name: 'Selected node' }).getByRole('button', { name: 'Pin' }).click();
  await page.getByLabel('Chart name').fill('Artemio network');
  await page.getByRole('button', { name: 'Save chart' }).click();
  await expect(page.getByText('Saved “Artemio network”.')).toBeVisible();
  const saved = await page.getByRole('button', { name: 'Tables', exact: true }).click().then(() => nodesTable(page).getByRole('rowheader').allTextContents());

  await page.reload();
  await nav(page, 'Link chart');
  await expect(page.getByText('Choose a record to start from')).toBeVisible();
  await page.getByRole('combobox', { name: 'Case' }).selectOption({ label: 'Shining Path in the VRAEM' });
  await page.getByRole('button', { name: 'Open chart Artemio network' }).click();
  await expect(page.getByText('Opened “Artemio network”.')).toBeVisible();
  await page.getByRole('button', { name: 'Tables', exact: true }).click();
  await expect(nodesTable(page).getByRole('rowheader')).toHaveText(saved);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Artemio network');

  await page.getByRole('button', { name: 'Chart', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const file = await (await download).path();
  const svg = await readFile(file, 'utf8');
  expect((await download).suggestedFilename()).toBe('Artemio-network.svg');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const label of ['Shining Path', 'Jorge Quispe Palomino', 'Víctor Quispe Palomino']) expect(svg).toContain(`<title>${label}</title>`);

  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const bytes = await readFile(await (await png).path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('after panning and zooming the chart is repainted sharp, as a fresh drawing of the same view', async ({ page }) => {
  await chartFromArtemio(page, 'Links away: 2');
  const canvas = page.locator('.chart-canvas canvas');
  const pixels = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const box = (await canvas.boundingBox())!;
  // A drag pans, the wheel zooms: frames move the kept picture until the motion stops.
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 90, box.y + 70, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -240);
  await page.mouse.wheel(0, -240);
  await page.waitForTimeout(400);
  const settled = await pixels();
  // A resize there and back repaints the whole chart at the same view: the same picture.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width - 100, height: size.height });
  await page.waitForTimeout(200);
  await page.setViewportSize(size);
  await expect.poll(pixels).toBe(settled);
});
