import path from 'node:path';
import type { Page } from '@playwright/test';
import { escapeRegExp, expect, test } from './fixtures';

/**
 * The global search end to end: Ctrl+K from anywhere, accent-free names and aliases,
 * a PDF's page found with the words marked in the snippet and in the viewer, a renamed
 * actor found again at once, phrases and a forgiven typo.
 */

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
// The article's title goes on with " (article text)".
const ARTICLE_TITLE = 'Shining Path in the VRAEM';

const box = (page: Page) => page.getByRole('combobox', { name: 'Search', exact: true });
const results = (page: Page) => page.getByRole('listbox', { name: 'Results' });
const group = (page: Page, kind: string) => results(page).getByRole('group', { name: new RegExp(`^${kind}\\b`) });

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+K');
  await expect(box(page)).toBeFocused();
  await box(page).fill(text);
}

async function addArticle(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sources' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles([ARTICLE]);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();
}

test('one box finds actors by any name, PDF pages with the words marked, renamed records at once, phrases and typos', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();

  // Ctrl+K from the actor list goes to the global box, not the list's filter.
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option').first().click();
  await page.keyboard.press('Control+K');
  await expect(box(page)).toBeFocused();

  // Without accents; the view shows the kind groups with counts.
  await box(page).fill('guzman');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(group(page, 'Actors').getByRole('option').first()).toContainText('Abimael Guzmán');
  await expect(page.getByText(/Search ready|Indexing/)).toBeVisible();

  // An alias: the primary name is shown with the name that matched (the alias the query is,
  // not the longer "Comandante Artemio" that also holds the word).
  await box(page).fill('artemio');
  const artemio = group(page, 'Actors').getByRole('option', { name: /Florindo Eleuterio Flores/ });
  await expect(artemio).toContainText('matched: Artemio');

  // A record matched outside its names: the part of the field that matched, labelled, as written.
  await box(page).fill('second-in-command');
  await expect(group(page, 'Actors').getByRole('option').first()).toContainText('Description: Second-in-command to Abimael Guzmán');

  // An event by when it happened: its date is searchable in either language, and shown as the field that matched.
  await box(page).fill('enfrentamiento agosto 2019');
  const clash = group(page, 'Events').getByRole('option').first();
  await expect(clash).toContainText('Clash between troops and a Shining Path cell in Chachaspata');
  await expect(clash).toContainText('Date: August 2019 · agosto 2019');
  // An event by an actor taking part, named only in its participants (here by the group's acronym).
  await box(page).fill('MPCP');
  await expect(group(page, 'Events').getByRole('option', { name: /Second clash in La Mar province/ })).toContainText('Actors involved: Shining Path · Sendero Luminoso');

  // A PDF's page: snippet with the term marked, opening the viewer there with the term marked.
  await addArticle(page);
  await search(page, 'apurimac');
  const pageHit = group(page, 'Pages').getByRole('option', { name: new RegExp(`^${escapeRegExp(ARTICLE_TITLE)}.* · p\\. 1(?!\\d)`) });
  await expect(pageHit).toContainText('p. 1');
  await expect(pageHit).toContainText(/ · \d+ match(es)?/);
  await expect(pageHit.locator('mark').first()).toHaveText('Apurímac');
  await pageHit.click();
  const dialog = page.getByRole('dialog', { name: new RegExp(ARTICLE_TITLE) });
  await expect(dialog.getByLabel('Page', { exact: true })).toHaveValue('1');
  await expect(dialog.locator('.textLayer mark.pdf-hit').first()).toHaveText(/Apurímac/);
  await dialog.getByRole('button', { name: 'Close viewer' }).click();
  await expect(dialog).toBeHidden();

  // Rename an actor; the new name is found within a second of saving.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Víctor Quispe Palomino/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Primary name').fill('Victorino Zaragoza Quispe');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { name: 'Victorino Zaragoza Quispe' })).toBeVisible();
  await search(page, 'zaragoza');
  await expect(group(page, 'Actors').getByRole('option', { name: /Victorino Zaragoza Quispe/ })).toBeVisible({ timeout: 1000 });

  // A phrase finds the article's page; a typo still finds Artemio.
  await box(page).fill('"Shining Path"');
  await expect(group(page, 'Pages').getByRole('option', { name: new RegExp(`^${escapeRegExp(ARTICLE_TITLE)}.* · p\\. 1(?!\\d)`) })).toBeVisible();
  await box(page).fill('Artmio');
  await expect(group(page, 'Actors').getByRole('option', { name: /Florindo Eleuterio Flores/ })).toContainText('matched: Artemio');
  await expect(group(page, 'Actors').getByRole('option', { name: /Florindo Eleuterio Flores/ })).toContainText('similar spelling: artemio');

  // Filters narrow the groups; when nothing is left, the view says to check them.
  await expect(group(page, 'Events')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Events' }).uncheck();
  await expect(group(page, 'Events')).toBeHidden();
  await expect(group(page, 'Actors')).toBeVisible();
  await page.getByLabel('Actor status').selectOption({ label: 'At large' });
  await expect(page.getByText('Nothing matches “Artmio”.')).toBeVisible();
  await expect(page.getByText(/Check the filters/)).toBeVisible();
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(group(page, 'Events')).toBeVisible();

  // The syntax popover; Escape in the box clears it, then leaves search.
  await page.getByRole('button', { name: 'Search syntax' }).click();
  await expect(page.getByRole('dialog', { name: 'How to search' })).toContainText('quisp*');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'How to search' })).toBeHidden();
  await box(page).focus();
  await page.keyboard.press('Escape');
  await expect(box(page)).toHaveValue('');
  await expect(page.getByText(/Type a name, a place or words from a source/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeHidden();
});
