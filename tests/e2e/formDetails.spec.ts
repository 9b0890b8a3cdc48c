import { expect, test } from './fixtures';

/**
 * Small form and feedback details: one "New event" button in the empty Events view, each
 * coordinate with its own hint, help telling an alias from a nom de guerre, and repeated
 * "Saved." toasts replacing each other instead of stacking over the form.
 */

test('the empty Events view offers one New event button; latitude and longitude each have their own hint', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Events' }).click();
  await expect(page.getByText(/No events yet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New event' })).toHaveCount(1);
  await page.getByRole('button', { name: 'New event' }).click();
  const form = page.getByRole('form', { name: 'New event' });
  await expect(form.getByLabel('Latitude')).toHaveAttribute('placeholder', 'e.g. -12.5');
  await expect(form.getByLabel('Longitude')).toHaveAttribute('placeholder', 'e.g. -74.0');
  await expect(form.getByLabel('Latitude')).toHaveAccessibleDescription(/south is negative/);
  await expect(form.getByLabel('Longitude')).toHaveAccessibleDescription(/west is negative/);
});

test('name types are explained, and saving again replaces the "Saved." toast', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded: 7 actors, 4 events\./)).toBeVisible();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option').first().click();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
    if (i === 0) {
      await page.getByRole('button', { name: 'Add name' }).click();
      await expect(page.getByText(/Nom de guerre: a name taken for armed or clandestine life/)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('name-type-help.png') });
      await page.getByRole('button', { name: /^Remove name/ }).last().click();
    }
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').getByText('Saved.')).toHaveCount(1);
  }
  await page.screenshot({ path: testInfo.outputPath('saved-toast.png') });
});

test('Settings lists the shortcuts the window acts on: "/" filters the list on screen', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
  const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.locator('dt')).toHaveText(['Ctrl/⌘ K', '/', 'A', 'E']);
  await expect(shortcuts.locator('dd').nth(1)).toHaveText('Filter the list on screen (actors, events, sources)');
  await shortcuts.screenshot({ path: testInfo.outputPath('shortcuts.png') });
  // And "/" does that: on the Actors view it focuses the list's filter box.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Filter by name or alias')).toBeFocused();
});
