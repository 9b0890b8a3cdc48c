import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function createGroup(page: Page, name: string) {
  await page.getByRole('button', { name: 'New actor' }).click();
  await page.getByRole('form').getByLabel('Kind').selectOption({ label: 'Armed group' });
  await page.getByLabel('Primary name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a person with three names, a rank in a group and a status history survives a reload, an edit, and the trash', async ({ page }) => {
  await page.goto('/');
  await createGroup(page, 'Shining Path');

  await page.keyboard.press('Escape');
  await page.locator('body').click();
  await page.keyboard.press('a'); // shortcut: new actor
  await expect(page.getByRole('heading', { name: 'New actor' })).toBeVisible();
  await page.getByLabel('Primary name').fill('Florindo Eleuterio Flores');
  for (const [i, [name, type]] of [['Comandante Artemio', 'Nom de guerre'], ['Artemio', 'Alias'], ['Florindo Flores', 'Spelling variant']].entries()) {
    await page.getByRole('button', { name: 'Add name' }).click();
    await page.getByLabel(`Other name ${i + 1}`).fill(name!);
    await page.getByLabel(`Type of name ${i + 1}`).selectOption({ label: type! });
  }
  await page.getByRole('button', { name: 'Add membership' }).click();
  await page.getByLabel('Group of membership 1').fill('shin');
  await page.getByRole('listbox', { name: 'Group of membership 1' }).getByRole('option', { name: 'Shining Path' }).click();
  await page.getByLabel('Role or rank 1').fill('second-in-command');
  await page.getByLabel('From (membership 1)').fill('early 1980s');
  await expect(page.getByText('Read as', { exact: false }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Add status' }).click();
  await page.getByLabel('Status 1', { exact: true }).selectOption({ label: 'At large' });
  await page.getByLabel('Date of status 1').fill('1992');
  await page.getByRole('button', { name: 'Add status' }).click();
  await page.getByLabel('Status 2', { exact: true }).selectOption({ label: 'Captured / arrested' });
  await page.getByLabel('Date of status 2').fill('February 2012');
  await page.getByLabel('Place of status 2').fill('Alto Huallaga');
  await page.getByRole('button', { name: 'Save' }).click();

  const profile = page.getByRole('article');
  await expect(profile.getByRole('heading', { name: 'Florindo Eleuterio Flores' })).toBeVisible();
  await expect(profile.getByTestId('current-status')).toHaveText('Captured / arrested');

  await page.reload();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Florindo Eleuterio Flores/ }).click();
  await expect(profile.getByText('Comandante Artemio').first()).toBeVisible();
  await expect(profile.getByRole('cell', { name: 'second-in-command' })).toBeVisible();
  await expect(profile.getByRole('button', { name: 'Shining Path' })).toBeVisible();
  await expect(profile.getByRole('list', { name: 'Status history' }).getByRole('listitem')).toHaveCount(2);
  await expect(profile.getByTestId('current-status')).toHaveText('Captured / arrested');

  // Edit: rename and keep everything else.
  await profile.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Primary name').fill('Florindo E. Flores');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('heading', { name: 'Florindo E. Flores' })).toBeVisible();
  await expect(profile.getByText('Comandante Artemio').first()).toBeVisible();

  // Delete moves to trash; restore brings it back whole.
  await profile.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Florindo/ })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Restore: Florindo E. Flores' }).click();
  await expect(page.getByText('The trash is empty', { exact: false })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Florindo/ }).click();
  await expect(profile.getByText('Comandante Artemio').first()).toBeVisible();
  await expect(profile.getByTestId('current-status')).toHaveText('Captured / arrested');
});

test('bad input is named inline and nothing is saved', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New actor' }).click();
  await page.getByRole('button', { name: 'Add name' }).click();
  await page.getByLabel('Date of birth').fill('31 February 1970');
  await expect(page.getByText('is not a real calendar day')).toBeVisible();
  await page.getByLabel('Date of birth').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Please correct 2 problems before saving.')).toBeVisible();
  await expect(page.getByLabel('Primary name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Other name 1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This field is required.')).toHaveCount(2);
  // Fixing the input keeps what was typed and saves.
  await page.getByLabel('Primary name').fill('Víctor Quispe Palomino');
  await page.getByLabel('Other name 1').fill('víctor quispe palomino');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('This appears twice.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove name 1' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { name: 'Víctor Quispe Palomino' })).toBeVisible();
  await expect(page.getByText('1 actor', { exact: true })).toBeVisible();
});

test('the sample case loads, and Artemio is found under his alias in the actor list filter', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText('Sample case loaded: 7 actors, 4 events.')).toBeVisible();
  await expect(page.getByLabel('Case')).toHaveValue(/.+/);
  await page.getByLabel('Filter by name or alias').fill('artemio');
  const list = page.getByRole('listbox', { name: 'Actor list' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('Florindo Eleuterio Flores');
  await expect(list.getByRole('option')).toContainText('matched “Artemio”');
  // Accent-insensitive, and the status filter.
  await page.getByLabel('Filter by name or alias').fill('guzman');
  await expect(list.getByRole('option')).toHaveText(/Abimael Guzmán/);
  await page.getByLabel('Filter by name or alias').fill('');
  await page.getByLabel('Current status').selectOption({ label: 'At large' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list).toContainText('Jorge Quispe Palomino');
  await expect(list).toContainText('Víctor Quispe Palomino');
  await expect(page.getByText('2 actors', { exact: true })).toBeVisible();
  // The filtered list and its count stay live: one of them to the trash and back.
  await list.getByRole('option', { name: /Jorge Quispe Palomino/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Move to trash' }).click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByText('1 actor', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Restore: Jorge Quispe Palomino' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  // The keyboard moves through the list and opens each profile.
  await page.getByLabel('Current status').selectOption({ label: 'Any status' });
  await list.focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Abimael Guzmán');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Cirilo');
  await page.keyboard.press('End');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Víctor Quispe Palomino');
  // Loading it again changes nothing.
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await page.getByLabel('Current status').selectOption({ label: 'Any status' });
  await expect(page.getByText('7 actors', { exact: true })).toBeVisible();
});

test('a status filter (its ids held in memory) follows edits, new actors and the sort', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText('Sample case loaded: 7 actors, 4 events.')).toBeVisible();
  // Every case: a status alone is the filter whose ids the list holds in memory.
  await page.getByLabel('Case').selectOption({ label: 'All cases' });
  const list = page.getByRole('listbox', { name: 'Actor list' });
  const status = page.getByLabel('Current status');
  const names = () => list.getByRole('option').locator('.row__title');
  await status.selectOption({ label: 'At large' });
  await expect(names()).toHaveText(['Jorge Quispe Palomino', 'Víctor Quispe Palomino']);
  await status.selectOption({ label: 'Killed' });
  await expect(names()).toHaveText(['Cirilo']);
  await status.selectOption({ label: 'Any status' });
  await expect(names().first()).toHaveText('Abimael Guzmán');

  // A later status entry moves Víctor from "At large" to "Killed".
  await status.selectOption({ label: 'At large' });
  await list.getByRole('option', { name: /Víctor Quispe Palomino/ }).click();
  await addSecondStatus(page, 'Killed', '2020');
  await expect(names()).toHaveText(['Jorge Quispe Palomino']);
  await expect(page.getByText('1 actor', { exact: true })).toBeVisible();
  await status.selectOption({ label: 'Killed' });
  await expect(names()).toHaveText(['Cirilo', 'Víctor Quispe Palomino']);
  await expect(page.getByText('2 actors', { exact: true })).toBeVisible();

  // A new actor at large joins that list, first when sorted by last change.
  await page.getByRole('button', { name: 'New actor' }).click();
  await page.getByLabel('Primary name').fill('Aaron Nuevo');
  await page.getByRole('button', { name: 'Add status' }).click();
  await page.getByLabel('Status 1', { exact: true }).selectOption({ label: 'At large' });
  await page.getByLabel('Date of status 1').fill('2001');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { name: 'Aaron Nuevo' })).toBeVisible();
  await status.selectOption({ label: 'At large' });
  await expect(names()).toHaveText(['Aaron Nuevo', 'Jorge Quispe Palomino']);
  await page.getByLabel('Sort').selectOption({ label: 'Last changed' });
  await expect(names()).toHaveText(['Aaron Nuevo', 'Jorge Quispe Palomino']);
  await status.selectOption({ label: 'Killed' });
  await expect(names()).toHaveText(['Víctor Quispe Palomino', 'Cirilo']);
  // Back to every status by name: the first screen as it is now, not as it was last shown.
  await page.getByLabel('Sort').selectOption({ label: 'Name' });
  await status.selectOption({ label: 'Any status' });
  await expect(names().first()).toHaveText('Aaron Nuevo');
  await expect(page.getByText('8 actors', { exact: true })).toBeVisible();
  // Within the sample case (a status and a case: the statuses from memory, the case read), after an edit.
  await page.getByLabel('Case').selectOption({ index: 1 });
  await status.selectOption({ label: 'Killed' });
  await expect(names()).toHaveText(['Cirilo', 'Víctor Quispe Palomino']);
  await list.getByRole('option', { name: /Cirilo/ }).click();
  await addSecondStatus(page, 'Deceased', '2021');
  await expect(names()).toHaveText(['Víctor Quispe Palomino']);
  await status.selectOption({ label: 'Deceased' });
  await expect(names()).toHaveText(['Cirilo']);
});

/** Edits the open actor: a second status entry, saved; the profile then shows it as current. */
async function addSecondStatus(page: Page, label: string, date: string): Promise<void> {
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Add status' }).click();
  await page.getByLabel('Status 2', { exact: true }).selectOption({ label });
  await page.getByLabel('Date of status 2').fill(date);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByTestId('current-status')).toHaveText(label);
}

test('the interface switches to Spanish and stays Spanish after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('persistence')).not.toHaveText('Loading…');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('heading', { name: 'Ajustes', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('button', { name: 'Actores' })).toBeVisible();
  await page.getByRole('button', { name: 'Actores' }).click();
  await expect(page.getByRole('button', { name: 'Nuevo actor' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
