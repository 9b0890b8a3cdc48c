import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The PDF viewer end to end: open from a citation, page and text layer, "Cite this page"
 * with the selected words, citations on the profile opening the viewer again, find in
 * page, locked files, and links in a PDF that never navigate.
 *
 * Documents are written straight into the app's IndexedDB (the tables of
 * renderer/db/db.ts, rows shaped like shared/model/document.ts), each cited on a sample
 * event, so this spec does not depend on the Sources view's import UI.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../../shared/fixtures');
const ARTICLE = path.join(fixtures, 'vraem-article.pdf');
const ARTICLE_TITLE = 'Shining Path in the VRAEM';
const EVENT = 'Fall of “Comandante Artemio”';
const ACTOR = 'Florindo Eleuterio Flores';

interface SeedInput {
  file: string;
  title: string;
  state: 'extracted' | 'password-required';
  pageCount: number;
  pageTexts: string[];
  /** The sample event that gets a citation of page 1, so the document can be opened from it. */
  eventTitle: string;
}

/** Adds a document (row, bytes, page texts) and a citation of it on an event, then reloads so the app reads them. */
async function seedCitedDocument(page: Page, input: SeedInput): Promise<void> {
  const bytes = readFileSync(input.file);
  const seed = {
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: path.basename(input.file),
    title: input.title,
    state: input.state,
    pageCount: input.pageCount,
    pageTexts: input.pageTexts,
    eventTitle: input.eventTitle,
  };
  await page.evaluate(async (s) => {
    const request = indexedDB.open('casefile');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const data = Uint8Array.from(atob(s.base64), (c) => c.charCodeAt(0));
    const blob = new Blob([data], { type: 'application/pdf' });
    const now = Date.now();
    const id = crypto.randomUUID();
    const words = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    const tx = db.transaction(['documents', 'documentFiles', 'pages', 'events'], 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const hasText = s.state === 'extracted';
    tx.objectStore('documents').add({
      id, createdAt: now, updatedAt: now, sha256: s.sha256, fileName: s.fileName, byteLength: data.byteLength,
      mimeType: 'application/pdf', title: s.title, author: '', publisher: '', publishedOn: null, url: '', language: '',
      reliability: 'unknown', notes: '', tags: [], caseIds: [],
      extraction: {
        state: s.state, pageCount: s.pageCount, message: '', extractedAt: hasText ? now : null,
        characters: s.pageTexts.reduce((n, t) => n + t.length, 0),
      },
      sortTitle: s.title.toLowerCase(), titleWords: [...new Set([...words(s.title), ...words(s.fileName)])], extractionState: s.state,
    });
    tx.objectStore('documentFiles').put({ sha256: s.sha256, blob, byteLength: data.byteLength });
    s.pageTexts.forEach((text, i) => tx.objectStore('pages').add({ documentId: id, page: i + 1, text }));
    const events = tx.objectStore('events');
    events.openCursor().onsuccess = (e) => {
      const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const row = cursor.value as { title: string; citations: unknown[]; citedDocumentIds: string[] };
      if (row.title === s.eventTitle) {
        row.citations = [...row.citations, { id: crypto.randomUUID(), documentId: id, page: 1, quote: '', note: '' }];
        row.citedDocumentIds = [...row.citedDocumentIds, id];
        cursor.update(row);
      } else {
        cursor.continue();
      }
    };
    await done;
    db.close();
  }, seed);
  await page.reload();
}

async function loadSampleWithArticle(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
  const text = readFileSync(path.join(fixtures, 'vraem-article.txt'), 'utf8');
  await seedCitedDocument(page, { file: ARTICLE, title: ARTICLE_TITLE, state: 'extracted', pageCount: 1, pageTexts: [text], eventTitle: EVENT });
}

async function openEvent(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Events', exact: true }).click();
  await page.getByRole('listbox', { name: 'Events' }).getByRole('option', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

const viewer = (page: Page, title: string) => page.getByRole('dialog', { name: title });
/** The page is on screen once the viewer has swapped in a drawn canvas and text layer. */
const drawnPage = (page: Page, n: number) => page.locator(`.pdf-page[data-drawn="${n}"]`);

/** Selects the first occurrence of `from` … `to` in the text layer with a DOM Range, as a mouse drag would. */
async function selectInTextLayer(page: Page, from: string, to: string) {
  await page.evaluate(([a, b]) => {
    const layer = document.querySelector('.pdf-page .textLayer');
    if (!layer) throw new Error('no text layer');
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const start = nodes.find((n) => n.data.includes(a!));
    if (!start) throw new Error(`"${a}" is not in the text layer`);
    const end = nodes.slice(nodes.indexOf(start)).find((n) => n.data.includes(b!, n === start ? start.data.indexOf(a!) : 0))!;
    const range = document.createRange();
    range.setStart(start, start.data.indexOf(a!));
    const endAt = end.data.indexOf(b!, end === start ? start.data.indexOf(a!) : 0) + b!.length;
    range.setEnd(end, endAt);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, [from, to]);
}

test('cites the selected words of a page on a nom de guerre, and the citation opens the page again', async ({ page }) => {
  await loadSampleWithArticle(page);
  await openEvent(page, EVENT);
  await page.getByRole('button', { name: `${ARTICLE_TITLE} · p. 1, open in the viewer` }).click();

  const dialog = viewer(page, ARTICLE_TITLE);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Page', { exact: true })).toHaveValue('1');
  await expect(dialog.getByText('of 1', { exact: true })).toBeVisible();
  await expect(drawnPage(page, 1)).toBeVisible();
  await expect(dialog.locator('.pdf-page canvas')).toHaveCount(1);
  await expect(dialog.locator('.textLayer')).toContainText('Artemio');
  await expect(dialog.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await selectInTextLayer(page, 'Comandante', 'Artemio');
  await dialog.getByRole('button', { name: 'Cite this page' }).click();
  const panel = dialog.getByRole('dialog', { name: 'Cite page 1' });
  await expect(panel.getByLabel('Quote')).toHaveValue('Comandante Artemio');
  await panel.getByRole('radio', { name: 'Actor' }).check();
  await panel.getByRole('combobox', { name: 'Actor' }).fill('Artemio');
  await panel.getByRole('option', { name: new RegExp(`^${ACTOR}`) }).click();
  await expect(panel.getByRole('combobox', { name: 'Actor' })).toHaveValue(ACTOR);
  await panel.getByLabel('Part of the record').selectOption({ label: 'Name: Comandante Artemio (Nom de guerre)' });
  await panel.getByLabel('Note').fill('InSight Crime, 2018');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Cited page 1 on ${ACTOR}.`)).toBeVisible();
  await expect(panel).toBeHidden();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: new RegExp(ACTOR) }).click();
  const nameRow = page.getByRole('article').getByRole('row', { name: /Comandante Artemio/ }).first();
  await expect(nameRow.getByRole('listitem')).toContainText(`${ARTICLE_TITLE} · p. 1 — Comandante Artemio (InSight Crime, 2018)`); // <q> adds the quotation marks
  const open = nameRow.getByRole('button', { name: `${ARTICLE_TITLE} · p. 1, open in the viewer` });
  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Page', { exact: true })).toHaveValue('1');
  await expect(drawnPage(page, 1)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close viewer' }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test('find in page marks every occurrence regardless of accents; zoom redraws the page', async ({ page }) => {
  await loadSampleWithArticle(page);
  await openEvent(page, EVENT);
  await page.getByRole('button', { name: `${ARTICLE_TITLE} · p. 1, open in the viewer` }).click();
  const dialog = viewer(page, ARTICLE_TITLE);
  await expect(drawnPage(page, 1)).toBeVisible();

  await dialog.getByLabel('Find in page').fill('apurimac');
  const marks = dialog.locator('.textLayer mark.pdf-hit');
  await expect(marks.first()).toHaveText(/Apurímac/);
  await expect(dialog.getByText(/^\d+ on this page$/)).toBeVisible();
  await dialog.getByLabel('Find in page').fill('no such words anywhere');
  await expect(marks).toHaveCount(0);
  await expect(dialog.getByText('Not on this page')).toBeVisible();

  // Zoom: a fixed 200% draws the page at twice its printed width (612 pt = 816 CSS px at 100%).
  const frame = dialog.locator('.pdf-page');
  await dialog.getByLabel('Zoom', { exact: true }).selectOption('2');
  await expect.poll(async () => Math.round((await frame.boundingBox())!.width)).toBe(Math.round(595 * 2 * 96 / 72));
  await dialog.locator('.viewer__body').focus();
  await page.keyboard.press('-');
  await expect(dialog.getByLabel('Zoom', { exact: true })).toHaveValue('1.5');
  await expect(dialog.locator('.pdf-page canvas')).toHaveCount(1);
});

test('a locked PDF shows its state; links and actions inside a PDF never navigate the app', async ({ page }) => {
  await loadSampleWithArticle(page);
  await seedCitedDocument(page, {
    file: path.join(fixtures, 'pdfcorpus/pr6531_2.pdf'), title: 'Locked report', state: 'password-required', pageCount: 0, pageTexts: [], eventTitle: EVENT,
  });
  // XFA form data, JavaScript and dozens of web links (pdf.js's test file from Wikipedia).
  await seedCitedDocument(page, {
    file: path.join(fixtures, 'pdfcorpus/pdfjs_wikipedia.pdf'), title: 'Wikipedia on pdf.js', state: 'extracted', pageCount: 1, pageTexts: ['PDF.js'], eventTitle: EVENT,
  });
  await openEvent(page, EVENT);

  await page.getByRole('button', { name: 'Locked report · p. 1, open in the viewer' }).click();
  const locked = viewer(page, 'Locked report');
  await expect(locked.getByText('This PDF is protected with a password.')).toBeVisible();
  await locked.getByRole('button', { name: 'Close viewer' }).click();

  await page.getByRole('button', { name: 'Wikipedia on pdf.js · p. 1, open in the viewer' }).click();
  const dialog = viewer(page, 'Wikipedia on pdf.js');
  await expect(drawnPage(page, 1)).toBeVisible();
  await expect(dialog.locator('a, iframe, object, embed, form')).toHaveCount(0);
  const url = page.url();
  // The page's banner is one big link to en.wikipedia.org (PDF rect 50–576 × 719–756 of 612 × 792).
  const box = (await dialog.locator('.pdf-page').boundingBox())!;
  const popups: unknown[] = [];
  page.on('popup', (p) => popups.push(p));
  await page.mouse.click(box.x + box.width * (300 / 612), box.y + box.height * (50 / 792));
  await page.mouse.click(box.x + box.width * (450 / 612), box.y + box.height * (200 / 792));
  await expect(dialog).toBeVisible();
  expect(page.url()).toBe(url);
  expect(popups).toEqual([]);
});
