import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The events feature end to end: the form (with approximate dates, casualties, seizures
 * and participants), inline validation, the filtered list, and trash with restore.
 * Each test starts on an empty profile; most load the sample case for its actors.
 */

const TITLE = 'Troops clash with a rebel cell near Chachaspata';

async function loadSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
}

async function openEvents(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Events', exact: true }).click();
}

const eventList = (page: Page) => page.getByRole('listbox', { name: 'Events' });
const eventOption = (page: Page, title: string | RegExp) =>
  eventList(page).getByRole('option', { name: typeof title === 'string' ? new RegExp(`^${escape(title)}`) : title });
const eventForm = (page: Page, name: 'New event' | 'Edit event') => page.getByRole('form', { name });
const detail = (page: Page) => page.locator('article.event-detail');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks an actor in an ActorPicker combobox inside `scope` by typing part of a name. */
async function pickActor(scope: Locator, label: string, typed: string, name: string) {
  await scope.getByRole('combobox', { name: label }).fill(typed);
  await scope.getByRole('option', { name, exact: true }).click();
  await expect(scope.getByRole('combobox', { name: label })).toHaveValue(name);
}

test('records an event in full, keeps it across a reload, and edits it', async ({ page }) => {
  await loadSample(page);
  await openEvents(page);
  await page.getByRole('button', { name: 'New event' }).first().click();

  const form = eventForm(page, 'New event');
  await form.getByLabel('Title', { exact: true }).fill(TITLE);
  await form.getByLabel('Date', { exact: true }).fill('late August 2019');
  await expect(form.getByText(/Read as/)).toBeVisible();
  await form.getByLabel('Event type').selectOption({ label: 'Battles' });
  await form.getByLabel('Sub-type').selectOption({ label: 'Armed clash' });
  await form.getByLabel('Place name').fill('Chachaspata');
  await form.getByLabel('Region (admin 1)').fill('Ayacucho');
  await form.getByLabel('Country').fill('Peru');
  await form.getByLabel('Location precision').selectOption({ label: 'Near the place' });

  await form.getByLabel('Total killed').fill('6');
  await form.getByRole('button', { name: 'Add side' }).click();
  await form.getByRole('button', { name: 'Add side' }).click();
  const side1 = form.getByRole('group', { name: 'Side 1' });
  await pickActor(side1, 'Actor', 'Shining', 'Shining Path');
  await side1.getByLabel('Killed').fill('4');
  const side2 = form.getByRole('group', { name: 'Side 2' });
  await side2.getByLabel('Or a label').fill('soldiers');
  await side2.getByLabel('Killed').fill('2');

  await form.getByRole('button', { name: 'Add seizure' }).click();
  const seizure = form.getByRole('group', { name: 'Seizure 1' });
  await seizure.getByLabel('Item').fill('cocaine');
  await seizure.getByLabel('Quantity').fill('79');
  await seizure.getByLabel('Unit').fill('kg');

  await form.getByRole('button', { name: 'Add participant' }).click();
  await form.getByRole('button', { name: 'Add participant' }).click();
  const p1 = form.getByRole('group', { name: 'Participant 1' });
  await pickActor(p1, 'Actor', 'Peruvian', 'Peruvian Armed Forces');
  await p1.getByLabel('Role').selectOption({ label: 'Attacker' });
  const p2 = form.getByRole('group', { name: 'Participant 2' });
  await pickActor(p2, 'Actor', 'Shining', 'Shining Path');
  await p2.getByLabel('Role').selectOption({ label: 'Target' });
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(form).toBeHidden();
  await expect(detail(page).getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(eventOption(page, TITLE)).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await openEvents(page);
  await eventOption(page, TITLE).click();
  const shown = detail(page);
  await expect(shown.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(shown).toContainText('Battles · Armed clash');
  await expect(shown).toContainText('late August 2019');
  await expect(shown).toContainText(/Read as Aug 21\s*–\s*31, 2019/);
  await expect(shown).toContainText('Chachaspata');
  await expect(shown).toContainText('Ayacucho');
  await expect(shown).toContainText('Near the place');
  await expect(shown).toContainText('6 killed in total');
  const fatalities = shown.getByRole('region', { name: 'Fatalities' });
  await expect(fatalities.getByRole('listitem')).toHaveCount(2);
  await expect(fatalities.getByRole('listitem').nth(0)).toContainText(/4\s*Shining Path/);
  await expect(fatalities.getByRole('listitem').nth(1)).toContainText(/2\s*soldiers/);
  await expect(shown.getByRole('region', { name: 'Seizures' })).toContainText('79 kg cocaine');
  const participants = shown.getByRole('region', { name: 'Participants' }).getByRole('listitem');
  await expect(participants).toHaveCount(2);
  await expect(participants.nth(0)).toContainText('Peruvian Armed Forces');
  await expect(participants.nth(0)).toContainText('Attacker');
  await expect(participants.nth(1)).toContainText('Shining Path');
  await expect(participants.nth(1)).toContainText('Target');

  await shown.getByRole('button', { name: 'Edit' }).click();
  const edit = eventForm(page, 'Edit event');
  await expect(edit.getByLabel('Total killed')).toHaveValue('6');
  await expect(edit.getByRole('group', { name: 'Seizure 1' }).getByLabel('Quantity')).toHaveValue('79');
  await edit.getByLabel('Title', { exact: true }).fill('Ambush near Chachaspata');
  await edit.getByRole('combobox', { name: 'Find an event to link' }).fill('guzman');
  await edit.getByRole('option', { name: /^Capture of Abimael Guzmán/ }).click();
  await expect(edit.getByRole('button', { name: 'Remove the link to Capture of Abimael Guzmán' })).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(detail(page).getByRole('heading', { name: 'Ambush near Chachaspata' })).toBeVisible();
  await expect(eventOption(page, 'Ambush near Chachaspata')).toBeVisible();
  await expect(eventOption(page, TITLE)).toHaveCount(0);
  await detail(page).getByRole('region', { name: 'Related events' }).getByRole('button', { name: 'Capture of Abimael Guzmán' }).click();
  await expect(detail(page).getByRole('heading', { name: 'Capture of Abimael Guzmán' })).toBeVisible();
  await eventOption(page, 'Ambush near Chachaspata').click();

  // An actor's name in the event opens the actor.
  await detail(page).getByRole('region', { name: 'Participants' }).getByRole('button', { name: 'Peruvian Armed Forces' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' })).toHaveAttribute('aria-current', 'page');
});

test('shows each problem beside its field, keeps the input, and saves nothing', async ({ page }) => {
  await page.goto('/');
  await openEvents(page);
  await expect(page.getByText('0 events', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'New event' }).first().click();

  const form = eventForm(page, 'New event');
  await form.getByLabel('Latitude').fill('200');
  await form.getByLabel('Total killed').fill('-3');
  await form.getByRole('button', { name: 'Add seizure' }).click();
  await form.getByRole('group', { name: 'Seizure 1' }).getByLabel('Quantity').fill('abc');
  await form.getByRole('button', { name: 'Add participant' }).click();
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(form.getByText(/Please correct 7 problems/)).toBeVisible();
  await expect(form.getByLabel('Title', { exact: true })).toHaveAccessibleDescription('This field is required.');
  await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Latitude')).toHaveAccessibleDescription('Latitude must be between −90 and 90.');
  await expect(form.getByLabel('Longitude')).toHaveAccessibleDescription('Give both latitude and longitude, or neither.');
  await expect(form.getByLabel('Total killed')).toHaveAccessibleDescription('This cannot be negative.');
  const seizure = form.getByRole('group', { name: 'Seizure 1' });
  await expect(seizure.getByLabel('Quantity')).toHaveAccessibleDescription('Enter a whole number.');
  await expect(seizure.getByLabel('Item')).toHaveAccessibleDescription('This field is required.');
  await expect(form.getByRole('group', { name: 'Participant 1' }).getByLabel('Actor')).toHaveAccessibleDescription('This field is required.');
  // Nothing typed was lost.
  await expect(form.getByLabel('Latitude')).toHaveValue('200');
  await expect(seizure.getByLabel('Quantity')).toHaveValue('abc');

  // Messages follow the fixes; removing rows removes their problems.
  await form.getByLabel('Title', { exact: true }).fill('Checkpoint shooting');
  await form.getByLabel('Latitude').fill('');
  await form.getByRole('button', { name: 'Remove seizure 1' }).click();
  await form.getByRole('button', { name: 'Remove participant 1' }).click();
  await expect(form.getByText(/Please correct 1 problem before/)).toBeVisible();
  await expect(form.getByLabel('Title', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');

  // Escape closes without saving.
  await form.getByLabel('Title', { exact: true }).press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByText('0 events', { exact: true })).toBeVisible();
  await expect(eventList(page)).toHaveCount(0);

  // So does Cancel, even with a valid event typed in.
  await page.getByRole('button', { name: 'New event' }).first().click();
  await eventForm(page, 'New event').getByLabel('Title', { exact: true }).fill('Never saved');
  await eventForm(page, 'New event').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('0 events', { exact: true })).toBeVisible();
});

test('filters the list by type and by a date range that approximate dates overlap', async ({ page }) => {
  await loadSample(page);
  await openEvents(page);
  await expect(page.getByText('4 events', { exact: true })).toBeVisible();
  await expect(eventList(page).getByRole('option')).toHaveCount(4);

  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Battles' });
  await expect(page.getByText('2 events', { exact: true })).toBeVisible();
  await expect(eventOption(page, 'Clash between troops and a Shining Path cell in Chachaspata')).toBeVisible();
  await expect(eventOption(page, 'Second clash in La Mar province')).toBeVisible();

  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'All types' });
  await page.getByLabel('From', { exact: true }).fill('2010');
  await page.getByLabel('To', { exact: true }).fill('2015');
  // "A decade after Guzmán's capture" (2000–2012) overlaps 2010–2015.
  await expect(page.getByText('1 event', { exact: true })).toBeVisible();
  await expect(eventOption(page, /^Fall of “Comandante Artemio”/)).toBeVisible();

  await page.getByLabel('From', { exact: true }).fill('1990');
  await page.getByLabel('To', { exact: true }).fill('1995');
  await expect(eventOption(page, 'Capture of Abimael Guzmán')).toBeVisible();
  await expect(eventList(page).getByRole('option')).toHaveCount(1);

  await page.getByLabel('To', { exact: true }).fill('no such day');
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('4 events', { exact: true })).toBeVisible();
  await page.getByLabel('Sort').selectOption({ label: 'Oldest first' });
  await expect(eventList(page).getByRole('option').first()).toHaveText(/^Capture of Abimael Guzmán/);

  await page.getByLabel('Search titles').fill('clash');
  await expect(page.getByText('2 events', { exact: true })).toBeVisible();
});

test('moves an event to the trash, undoes it, and restores it from the Trash view', async ({ page }) => {
  await loadSample(page);
  await openEvents(page);
  const title = 'Capture of Abimael Guzmán';
  await eventOption(page, title).click();
  await detail(page).getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText(`“${title}” moved to trash.`)).toBeVisible();
  await expect(eventOption(page, title)).toHaveCount(0);
  await expect(page.getByText('3 events', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(eventOption(page, title)).toBeVisible();
  await expect(detail(page).getByRole('heading', { name: title })).toBeVisible();

  await detail(page).getByRole('button', { name: 'Move to trash' }).click();
  await expect(eventOption(page, title)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: `Restore: ${title}` }).click();
  await expect(page.getByText('The trash is empty.', { exact: false })).toBeVisible();
  await openEvents(page);
  await eventOption(page, title).click();
  await expect(detail(page)).toContainText('Strategic developments · Arrests');
});

test('speaks Spanish, including the ACLED vocabulary', async ({ page }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('button', { name: 'Eventos', exact: true }).click();
  await page.getByRole('listbox', { name: 'Eventos' }).getByRole('option', { name: /^Second clash in La Mar province/ }).click();
  await expect(page.locator('article.event-detail')).toContainText('Batallas · Enfrentamiento armado');
  await page.getByRole('button', { name: 'Editar' }).click();
  const form = page.getByRole('form', { name: 'Editar evento' });
  await expect(form.getByLabel('Subtipo')).toHaveValue('armed_clash');
  await expect(form.getByLabel('Subtipo').locator('option:checked')).toHaveText('Enfrentamiento armado');
  await expect(form.getByRole('button', { name: 'Añadir participante' })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Quitar participante 1' })).toBeVisible();
});
