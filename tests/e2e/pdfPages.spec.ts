import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makePagesPdf, PROSE } from '../fixtures/pdf/makePagePdfs';
import { expect, test } from './fixtures';

/**
 * What each page is, in the user's words: a partly scanned source says which pages need
 * OCR, the list filters by text state, and form-field and comment text shows under its
 * page in the viewer. In English and Spanish.
 */

let dir: string;
let mixed: string;
let drawings: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casefile-pages-'));
  mixed = path.join(dir, 'insurance-certificate.pdf');
  drawings = path.join(dir, 'site-plan.pdf');
  await writeFile(mixed, makePagesPdf([
    {
      lines: PROSE,
      fields: [{ name: 'insured', value: 'Compañía Minera Quellaveco', tooltip: 'Name of the insured' }],
      comment: { author: 'A. Pérez', text: 'Check this date against the police report.' },
    },
    { imageShare: 0.9 },
    {},
  ]));
  await writeFile(drawings, makePagesPdf([{ drawing: true }, {}]));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function addPdfs(page: Page, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(files);
}

test('a partly scanned source names the pages that need OCR, the list filters by text state, and field and comment text shows under the page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sources' }).click();
  await addPdfs(page, [mixed, drawings]);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();

  const list = page.getByRole('listbox', { name: 'Source list' });
  const detail = page.getByRole('region', { name: 'Source details' });
  await list.getByRole('option', { name: /insurance-certificate/ }).click();
  await expect(detail.getByTestId('doc-state')).toHaveText('Partly scanned');
  await expect(detail.getByTestId('doc-status')).toHaveText(/^Partly scanned: 1 of 3 pages have no readable text and need OCR\./);
  await expect(detail.getByTestId('doc-ocr-pages')).toHaveText('Pages that need OCR: 2.');

  const state = page.getByLabel('Text state', { exact: true });
  await state.selectOption({ label: 'Needs OCR (partly or wholly scanned)' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('insurance-certificate');
  await state.selectOption({ label: 'No text (blank or drawings)' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await list.getByRole('option', { name: /site-plan/ }).click();
  await expect(detail.getByTestId('doc-status')).toHaveText(/^No text: every page is blank or holds drawings only \(2 pages\)/);
  await state.selectOption({ label: 'Scanned' });
  await expect(page.getByText('No source matches these filters')).toBeVisible();
  await state.selectOption({ label: 'Any state' });

  await list.getByRole('option', { name: /insurance-certificate/ }).click();
  await detail.getByRole('button', { name: 'Open', exact: true }).click();
  const extra = page.getByRole('dialog').getByRole('region', { name: 'Text outside the page content' });
  await expect(extra.getByRole('listitem').filter({ hasText: 'Form field' })).toContainText('Name of the insured');
  await expect(extra.getByRole('listitem').filter({ hasText: 'Form field' })).toContainText('Compañía Minera Quellaveco');
  await expect(extra.getByRole('listitem').filter({ hasText: 'Comment' })).toContainText('Check this date against the police report.');
  await expect(extra.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Close viewer' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('button', { name: 'Fuentes' }).click();
  await page.getByRole('listbox').getByRole('option', { name: /insurance-certificate/ }).click();
  const detalle = page.getByRole('region', { name: 'Detalles de la fuente' });
  await expect(detalle.getByTestId('doc-state')).toHaveText('Escaneado en parte');
  await expect(detalle.getByTestId('doc-status')).toHaveText(/^Escaneado en parte: 1 de 3 páginas no tienen texto legible y necesitan OCR\./);
  await expect(detalle.getByTestId('doc-ocr-pages')).toHaveText('Páginas que necesitan OCR: 2.');
  await detalle.getByRole('button', { name: 'Abrir', exact: true }).click();
  const fuera = page.getByRole('dialog').getByRole('region', { name: 'Texto fuera del contenido de la página' });
  await expect(fuera.getByRole('listitem').filter({ hasText: 'Campo de formulario' })).toContainText('Compañía Minera Quellaveco');
  await expect(fuera.getByRole('listitem').filter({ hasText: 'Comentario' })).toContainText('police report');
});
