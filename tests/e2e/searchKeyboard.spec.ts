import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeTextPdf } from '../fixtures/pdf/makePdfs';
import { expect, test } from './fixtures';

/**
 * The results reached from the keyboard alone (WAI-ARIA combobox + listbox): Ctrl+K, type,
 * the arrows move the active hit while focus stays in the box, Enter opens it as a click does,
 * Escape lets go of it first; the count is announced in a polite live region.
 */

const box = (page: Page) => page.getByRole('combobox', { name: 'Search', exact: true });
const results = (page: Page) => page.getByRole('listbox', { name: 'Results' });

test('keyboard only: the arrows walk the hits, Enter opens the active record, Escape lets go of it', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();

  await page.keyboard.press('Control+K');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('quispe palomino');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(box(page)).toHaveAttribute('aria-controls', await results(page).getAttribute('id') ?? 'missing');
  const options = results(page).getByRole('option');
  await expect(options.nth(1)).toBeVisible();
  // The count, with its plural, for screen readers; the timing stays on screen only.
  await expect(page.getByRole('status').filter({ hasText: /^\d+ results?$/ })).toHaveCount(1);

  await page.keyboard.press('ArrowDown');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id'))!);
  // The hits sit in groups named by their visible titles (listbox grouping pattern), so a
  // screen reader names the kind of the active hit: the first one is an actor.
  const actors = results(page).getByRole('group', { name: /^Actors\b/ });
  await expect(actors.getByRole('option').first()).toHaveAttribute('id', (await options.nth(0).getAttribute('id'))!);
  const titleId = (await actors.getAttribute('aria-labelledby'))!;
  await expect(page.locator(`[id="${titleId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${titleId}"]`)).toHaveText(/^Actors\s*\d+$/);
  await page.keyboard.press('ArrowDown');
  const second = options.nth(1);
  const secondId = (await second.getAttribute('id'))!;
  await expect(box(page)).toHaveAttribute('aria-activedescendant', secondId);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(second).toHaveClass(/is-active/);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await expect(box(page)).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('search-keyboard-active.png') });
  // The combobox and listbox roles hold together (ARIA rules only: colours are scanned elsewhere).
  const scan = await new AxeBuilder({ page }).include('.search-box').include('.search-view')
    .withRules(['aria-allowed-attr', 'aria-allowed-role', 'aria-required-children', 'aria-required-parent', 'aria-valid-attr-value', 'aria-input-field-name', 'nested-interactive', 'list', 'listitem'])
    .analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary).join(', ')}`)).toEqual([]);

  // Escape lets go of the active hit and keeps the text; a second one clears the text as before.
  await page.keyboard.press('Escape');
  await expect(box(page)).not.toHaveAttribute('aria-activedescendant', /.+/);
  await expect(box(page)).toHaveValue('quispe palomino');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', secondId);
  const name = (await second.locator('.search-hit__title').textContent())!.trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article').getByRole('heading', { name })).toBeVisible();
});

test('keyboard only: Enter on a page hit opens the viewer at that page', async ({ page }) => {
  await page.goto('/');
  const dir = await mkdtemp(path.join(tmpdir(), 'casefile-keys-'));
  try {
    const file = path.join(dir, 'tres-paginas.pdf');
    await writeFile(file, makeTextPdf(['Informe de la primera pagina', 'En Quillabamba se reunieron', 'Tercera pagina del informe'], { title: 'Informe de tres paginas' }));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sources' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add PDFs' }).click();
    await (await chooser).setFiles([file]);
    await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible({ timeout: 30_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  await page.keyboard.press('Control+K');
  await page.keyboard.type('quillabamba');
  const hit = results(page).getByRole('option', { name: /^Informe de tres paginas · p\. 2(?!\d)/ });
  await expect(hit).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: /^1 result$/ })).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Informe de tres paginas/ });
  await expect(dialog.getByLabel('Page', { exact: true })).toHaveValue('2');
});
