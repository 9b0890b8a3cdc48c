import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeTextPdf } from '../fixtures/pdf/makePdfs';
import { expectNone, scan } from './axeScan';
import { expect, test } from './fixtures';
import { addPdfs, loadSample } from './steps';

/**
 * Mentions end to end, on the sample case and the article it was drawn from: the article
 * on Artemio's profile, the actors the article names (the Quispe Palomino brothers as one
 * shared mention), a new alias appearing without a reload, "Create actor" from a suggested
 * name, and a mention cited in one step.
 */
const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/fixtures/vraem-article.pdf');
const TITLE = 'Shining Path in the VRAEM (article text)';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name }).click();
const detail = (page: Page) => page.getByRole('region', { name: 'Source details' });
const mentioned = (page: Page) => detail(page).getByRole('list', { name: 'Actors mentioned' });

async function sampleWithArticle(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText('Sample case loaded: 7 actors, 4 events.')).toBeVisible();
  await nav(page, 'Sources');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles([ARTICLE]);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished')).toBeVisible();
  await expect(detail(page).getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

async function openActor(page: Page, name: string) {
  await nav(page, 'Actors');
  await page.getByLabel('Filter by name or alias').fill(name);
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: new RegExp(name) }).first().click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(name);
}

test('the article lists the actors it names, and Artemio\'s profile lists the article with its page', async ({ page }) => {
  await sampleWithArticle(page);
  const list = mentioned(page);
  for (const name of ['Abimael Guzmán', 'Florindo Eleuterio Flores', 'Cirilo', 'Víctor Quispe Palomino', 'Jorge Quispe Palomino']) {
    await expect(list.getByRole('listitem').filter({ has: page.getByRole('button', { name, exact: true }) })).toBeVisible();
  }
  // "brothers Víctor and Jorge Quispe Palomino" names both at once.
  const victor = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Víctor Quispe Palomino', exact: true }) });
  await expect(victor).toContainText('“Quispe Palomino”: shared with Jorge Quispe Palomino');
  await expect(list.getByRole('button', { name: 'p. 1: Florindo Eleuterio Flores' })).toBeVisible();
  await detail(page).screenshot({ path: 'test-results/mentions-source.png' });

  await openActor(page, 'Florindo Eleuterio Flores');
  const section = page.getByRole('region', { name: /Mentioned in/ });
  await expect(section).toContainText(TITLE);
  await expect(section).toContainText('1 source');
  await expect(section.getByRole('button', { name: `p. 1 of ${TITLE}` })).toBeVisible();
  // Both of his names are found: the legal name and the nom de guerre.
  await expect(section.locator('mark').first()).toHaveText(/Florindo Eleuterio Flores|Comandante Artemio/);
  await expect(section).toContainText('2 mentions');
  await page.getByRole('article').screenshot({ path: 'test-results/mentions-profile.png' });

  // The page opens in the viewer with the name marked.
  await section.getByRole('button', { name: `p. 1 of ${TITLE}` }).click();
  const viewer = page.getByRole('dialog', { name: TITLE });
  await expect(viewer.locator('.pdf-page mark, .pdf-page .highlight').first()).toBeVisible();
  await expect(viewer.getByRole('list', { name: 'On this page' })).toContainText('Florindo Eleuterio Flores');
  await page.screenshot({ path: 'test-results/mentions-viewer.png' });
});

test('a new alias appears in the article\'s list without a reload; a mention becomes a citation in one step', async ({ page }) => {
  await sampleWithArticle(page);
  await expect(mentioned(page).getByRole('button', { name: 'Cirilo', exact: true })).toBeVisible();
  await expect(mentioned(page).getByRole('button', { name: 'Peruvian Armed Forces', exact: true })).toHaveCount(0);

  // The article calls them "Peruvian security forces": give the armed forces that name.
  await openActor(page, 'Peruvian Armed Forces');
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Add name' }).click();
  await page.getByLabel('Other name 2').fill('Peruvian security forces');
  await page.getByRole('button', { name: 'Save' }).click();
  await nav(page, 'Sources');
  await page.getByRole('listbox', { name: 'Source list' }).getByRole('option').first().click();
  await expect(mentioned(page).getByRole('button', { name: 'Peruvian Armed Forces', exact: true })).toBeVisible();

  // Cite: the sentence around the mention becomes the quote.
  await openActor(page, 'Cirilo');
  const section = page.getByRole('region', { name: /Mentioned in/ });
  await section.getByRole('button', { name: `Cite page 1 of ${TITLE}` }).click();
  await expect(page.getByText(`Cited page 1 of ${TITLE}`)).toBeVisible();
  // The profile's own citations (its details list), not the mention snippet above them.
  await expect(page.getByRole('article').locator('dl').getByText(/^A late August battle .*left four rebel fighters dead, including alias “Cirilo," a local leader\.$/)).toBeVisible();

  // The match rule: "Never" takes his mentions away; the proposal stays beside it.
  const matching = page.getByRole('region', { name: 'Matching in texts' });
  await expect(matching).toContainText('proposed: Anywhere (rare word)');
  await matching.getByRole('combobox', { name: 'Match rule for Cirilo' }).selectOption({ label: 'Never' });
  await expect(section).toContainText('No source mentions this actor yet.');
  await matching.getByRole('combobox', { name: 'Match rule for Cirilo' }).selectOption({ label: 'Anywhere' });
  await expect(section).toContainText(TITLE);
});

test('"Add as a name of…" a suggested name makes it that actor\'s mention', async ({ page }) => {
  await sampleWithArticle(page);
  const suggestions = detail(page).getByRole('region', { name: 'Names not yet in the case' });
  await suggestions.getByRole('button', { name: 'Add as a name of an actor: InSight Crime' }).click();
  await suggestions.getByRole('combobox', { name: 'Add as a name of an actor: InSight Crime' }).fill('Shining');
  await suggestions.getByRole('option', { name: /^Shining Path/ }).click();
  await expect(page.getByText('Added “InSight Crime” to Shining Path')).toBeVisible();
  await expect(suggestions).not.toContainText('InSight Crime');
  // People the article names once, by given name and surname, and the agencies it defines with
  // their acronyms, are still to be added.
  await expect(suggestions.getByRole('listitem')).toHaveText([
    /^Alberto Fujimori\s*once/,
    /^Dirección Contra el Terrorismo\s*alias DIRCOTE, Counter-Terrorism Directorate\s*once/,
    /^Pedro Yaranga\s*once/,
    /^United Nations Office on Drugs and Crime\s*alias UNODC\s*once/,
  ]);
  const shiningPath = mentioned(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Shining Path', exact: true }) });
  // 11 before, and the article says "InSight Crime" three times.
  await expect(shiningPath).toContainText('14 mentions');
});

test('"Create actor" from a name the case does not have yet', async ({ page }) => {
  await sampleWithArticle(page);
  const suggestions = detail(page).getByRole('region', { name: 'Names not yet in the case' });
  await suggestions.getByRole('button', { name: 'Create actor: InSight Crime' }).click();
  await expect(page.getByLabel('Primary name')).toHaveValue('InSight Crime');
  await page.getByRole('form', { name: 'New actor' }).getByLabel('Kind').selectOption({ label: 'Other group' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('InSight Crime');
  await expect(page.getByRole('region', { name: /Mentioned in/ })).toContainText(TITLE);
  await nav(page, 'Sources');
  await page.getByRole('listbox', { name: 'Source list' }).getByRole('option').first().click();
  await expect(mentioned(page).getByRole('button', { name: 'InSight Crime', exact: true })).toBeVisible();
  await expect(detail(page).getByRole('region', { name: 'Names not yet in the case' })).not.toContainText('InSight Crime');
});

test('"Create actor" from a name the article defines with its acronym: a group, the acronym its other name', async ({ page }) => {
  await sampleWithArticle(page);
  const suggestions = detail(page).getByRole('region', { name: 'Names not yet in the case' });
  await suggestions.getByRole('button', { name: 'Create actor: United Nations Office on Drugs and Crime' }).click();
  const form = page.getByRole('form', { name: 'New actor' });
  await expect(form.getByLabel('Primary name')).toHaveValue('United Nations Office on Drugs and Crime');
  await expect(form.getByLabel('Kind')).toHaveValue('other_group');
  await expect(form.getByRole('textbox', { name: 'Other name 1' })).toHaveValue('UNODC');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('United Nations Office on Drugs and Crime');
  await expect(page.getByRole('region', { name: /Mentioned in/ })).toContainText(TITLE);
});

test('a name and the alias a source gives it: one new actor with both, or the alias added to the actor it names', async ({ page }) => {
  await loadSample(page);
  const dir = await mkdtemp(path.join(tmpdir(), 'casefile-alias-'));
  try {
    const file = path.join(dir, 'parte-policial.pdf');
    await writeFile(file, makeTextPdf([
      'Parte policial. Florindo Eleuterio Flores, alias Dalmiro, fue visto en Pichari.\n' +
      'Fue detenido Juan Carlos Mamani, alias Rolo, su enlace.',
    ], { title: 'Parte policial' }));
    await addPdfs(page, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await page.getByRole('listbox', { name: 'Source list' }).getByRole('option', { name: /Parte policial/ }).click();
  const suggestions = detail(page).getByRole('region', { name: 'Names not yet in the case' });
  // "Rolo" is listed with the new name it was given, not on its own.
  const mamani = suggestions.getByRole('listitem').filter({ hasText: 'Juan Carlos Mamani' });
  await expect(mamani).toContainText('alias Rolo');
  await expect(suggestions.getByRole('listitem').filter({ hasText: /^Rolo/ })).toHaveCount(0);
  expectNone(await scan(page, 'Names not yet in the case, with aliases'));
  await suggestions.screenshot({ path: 'test-results/name-suggestions.png' });

  // "Dalmiro" was given to an actor the case has: one click adds it to him.
  await suggestions.getByRole('button', { name: 'Add to Florindo Eleuterio Flores: Dalmiro' }).click();
  await expect(page.getByText('Added “Dalmiro” to Florindo Eleuterio Flores')).toBeVisible();
  await expect(suggestions).not.toContainText('Dalmiro');

  await mamani.getByRole('button', { name: 'Create actor: Juan Carlos Mamani' }).click();
  const form = page.getByRole('form', { name: 'New actor' });
  await expect(form.getByLabel('Primary name')).toHaveValue('Juan Carlos Mamani');
  await expect(form.getByRole('textbox', { name: 'Other name 1' })).toHaveValue('Rolo');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Juan Carlos Mamani');
  await expect(page.getByRole('article')).toContainText('Rolo');
});

test('search keeps only the pages mentioning an actor; the actor list sorts by sources mentioning', async ({ page }) => {
  await sampleWithArticle(page);
  const box = page.getByRole('combobox', { name: 'Search', exact: true });
  await page.keyboard.press('Control+K');
  await box.fill('cocaine mentions:"Comandante Artemio"');
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('option', { name: /Shining Path in the VRAEM/ }).first()).toBeVisible();
  await expect(results.getByRole('group', { name: /^Pages/ })).toBeVisible();
  // Nobody in the case is called Pedro Yaranga: no page can mention him; records still match.
  await box.fill('cocaine mentions:"Pedro Yaranga"');
  await expect(page.getByText('No actor of the case is called “Pedro Yaranga”.')).toBeVisible();
  await expect(results.getByRole('group', { name: /^Pages/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/mentions-search.png' });
  // The filter alone lists where the actor is mentioned.
  await box.fill('mentions:Cirilo');
  await expect(page.getByRole('region', { name: /Mentioned in: Cirilo/ })).toContainText(TITLE);

  await nav(page, 'Actors');
  await page.getByLabel('Sort').selectOption({ label: 'Sources mentioning' });
  const list = page.getByRole('listbox', { name: 'Actor list' });
  // The seven actors: the six the article names first, the armed forces (not named) last.
  await expect(list.getByRole('option').last()).toContainText('Peruvian Armed Forces');

  // An actor made after the filter was first typed is found by it, its pages too, without a reload.
  await page.getByRole('button', { name: 'New actor' }).click();
  await page.getByRole('form', { name: 'New actor' }).getByLabel('Primary name').fill('Pedro Yaranga');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Pedro Yaranga');
  await page.keyboard.press('Control+K');
  await box.fill('cocaine mentions:"Pedro Yaranga"');
  await expect(results.getByRole('group', { name: /^Pages/ })).toBeVisible();
  await expect(page.getByText('No actor of the case is called “Pedro Yaranga”.')).toHaveCount(0);
});
