import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { imagePdf } from '../../scripts/bench-ocr-corpus.mjs';
import type { StoredPageOcr } from '../../shared/ocr';
import { escapeRegExp, expect, test } from './fixtures';

/**
 * A scanned page read by OCR, in the viewer: the OCR words make its text layer, so find in
 * page, a search hit's marks and "Cite this page" with a quote work as on a text page; a page
 * OCR could not read says so. The scan is drawn here with ImageMagick in Liberation Mono, whose
 * every character is 0.6 em wide, so each word's box is known exactly; the page row carries
 * those boxes as OCR would (shared/ocr StoredPageOcr), written straight into IndexedDB.
 */

const EVENT = 'Fall of “Comandante Artemio”';
const ACTOR = 'Florindo Eleuterio Flores';
const TITLE = 'Acta escaneada de 1993';
const FONT = '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf';
const DPI = 300;
const PX = DPI / 72;
/** A6 at 300 dpi. */
const [W_PX, H_PX] = [1240, 1748];
const SIZE = 14; // points
const ADVANCE = 0.6 * SIZE;
const LEFT = 24;
const LINES = ['Declaró Comandante Artemio', 'ante el juez de Puerto Nuevo', 'que los testigos mintieron'];
const baseline = (i: number) => 60 + i * 30;

/** Each line's words with their boxes in points from the top left of the page as displayed, as OCR reports them. */
function ocrOfScan(rotate: 0 | 90 = 0): Extract<StoredPageOcr, { status: 'read' }> {
  const words: Extract<StoredPageOcr, { status: 'read' }>['words'] = [];
  const lines: Extract<StoredPageOcr, { status: 'read' }>['lines'] = [];
  LINES.forEach((text, i) => {
    const top = baseline(i) - 0.75 * SIZE;
    const height = SIZE;
    const first = words.length;
    for (const match of text.matchAll(/\S+/g)) {
      words.push({ text: match[0], box: { x: LEFT + match.index * ADVANCE, y: top, width: match[0].length * ADVANCE, height }, confidence: 87, line: i });
    }
    lines.push({ box: { x: LEFT, y: top, width: text.length * ADVANCE, height }, firstWord: first, wordCount: words.length - first, paragraph: 0 });
  });
  return {
    status: 'read', words, lines, width: (rotate ? H_PX : W_PX) / PX, height: (rotate ? W_PX : H_PX) / PX, at: Date.UTC(2026, 0, 5),
    provenance: { engine: 'tesseract.js', version: '7.0.0', languages: ['spa', 'eng'], confidence: 87.2, rotation: 0, dpi: DPI },
  };
}

/**
 * The scan (page 1) and a page of grey noise OCR found nothing in (page 2), as a PDF. With
 * `rotate` 90, the page is stored turned a quarter counter-clockwise with /Rotate 90, as a
 * scanner does with a landscape page: shown the right way up, its text reads across.
 */
function scanPdf(rotate: 0 | 90 = 0): Buffer {
  const draw = LINES.flatMap((text, i) => ['-annotate', `+${LEFT * PX}+${baseline(i) * PX}`, text]);
  const grey = (args: string[]) => execFileSync('convert', [...args, '-depth', '8', 'gray:-'], { maxBuffer: 8 * 2 ** 20 });
  const [w, h] = rotate ? [H_PX, W_PX] : [W_PX, H_PX];
  const scan = grey(['-density', String(DPI), '-size', `${w}x${h}`, 'xc:white', '-font', FONT, '-pointsize', String(SIZE), '-fill', 'black', ...draw, ...(rotate ? ['-rotate', '-90'] : [])]);
  const noise = grey(['-size', `${W_PX}x${H_PX}`, 'xc:gray80', '-attenuate', '0.6', '+noise', 'Gaussian', '-colorspace', 'Gray']);
  const pdf = imagePdf([scan, noise].map((data) => ({ width: W_PX, height: H_PX, filter: 'FlateDecode', data: deflateSync(data) })), DPI);
  return rotate ? withRotate(pdf, rotate) : pdf;
}

/** The PDF with `/Rotate` on its first page, the cross-reference table moved along. */
function withRotate(pdf: Buffer, degrees: number): Buffer {
  const text = pdf.toString('latin1');
  const at = text.indexOf('/Type /Page /Parent') + '/Type /Page'.length;
  const insert = ` /Rotate ${degrees}`;
  const out = text.slice(0, at) + insert + text.slice(at);
  const xref = out.lastIndexOf('xref\n');
  const fixed = out.slice(0, xref) + out.slice(xref)
    .replace(/^(\d{10}) 00000 n $/gm, (_, o: string) => `${String(Number(o) > at ? Number(o) + insert.length : Number(o)).padStart(10, '0')} 00000 n `)
    .replace(/startxref\n(\d+)/, (_, o: string) => `startxref\n${Number(o) + insert.length}`);
  return Buffer.from(fixed, 'latin1');
}

/** Adds the scan as a document whose page 1 was read by OCR and page 2 failed, cited on the event; then reloads. */
async function seedScan(page: Page, title = TITLE, rotate: 0 | 90 = 0): Promise<void> {
  const bytes = scanPdf(rotate);
  const ocr = ocrOfScan(rotate);
  const seed = {
    base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex'), byteLength: bytes.length, title, eventTitle: EVENT,
    pages: [
      { page: 1, text: LINES.join('\n'), state: 'ocr', ocr },
      { page: 2, text: '', state: 'image-only', ocr: { status: 'failed', reason: 'no-text', message: 'No words were found.', provenance: { ...ocr.provenance, confidence: 0 }, at: ocr.at } },
    ],
  };
  await page.evaluate(async (s) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const data = Uint8Array.from(atob(s.base64), (c) => c.charCodeAt(0));
    const now = Date.now();
    const id = crypto.randomUUID();
    const tx = db.transaction(['documents', 'documentFiles', 'pages', 'events'], 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    tx.objectStore('documents').add({
      id, createdAt: now, updatedAt: now, sha256: s.sha256, fileName: 'acta-1993.pdf', byteLength: s.byteLength,
      mimeType: 'application/pdf', title: s.title, author: '', publisher: '', publishedOn: null, url: '', language: 'es',
      reliability: 'unknown', notes: '', tags: [], caseIds: [],
      extraction: { state: 'needs-ocr', pageCount: 2, message: '', extractedAt: now, characters: s.pages[0]!.text.length, textLayer: 'partly-scanned', ocrPages: 1, annotationChars: 0 },
      sortTitle: s.title.toLowerCase(), titleWords: ['acta', 'escaneada', 'de', '1993'], extractionState: 'needs-ocr', textState: 'partly-scanned',
    });
    tx.objectStore('documentFiles').put({ sha256: s.sha256, blob: new Blob([data], { type: 'application/pdf' }), byteLength: data.byteLength });
    for (const p of s.pages) tx.objectStore('pages').put({ documentId: id, ...p });
    tx.objectStore('events').openCursor().onsuccess = (e) => {
      const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const row = cursor.value as { title: string; citations: unknown[]; citedDocumentIds: string[] };
      if (row.title !== s.eventTitle) { cursor.continue(); return; }
      row.citations = [...row.citations, { id: crypto.randomUUID(), documentId: id, page: 1, quote: '', note: '' }];
      row.citedDocumentIds = [...row.citedDocumentIds, id];
      cursor.update(row);
    };
    await done;
    db.close();
  }, seed);
  await page.reload();
}

async function openFromEvent(page: Page, title = TITLE) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Events', exact: true }).click();
  await page.getByRole('listbox', { name: 'Events' }).getByRole('option', { name: /^Fall of “Comandante Artemio”/ }).click();
  await page.getByRole('button', { name: `${title} · p. 1, open in the viewer` }).click();
}

/** The on-screen rectangle where a word's OCR box lands, from the drawn page's frame. */
async function boxOnScreen(page: Page, word: string, rotate: 0 | 90 = 0) {
  const frame = (await page.locator('.pdf-page[data-drawn]').boundingBox())!;
  const ocr = ocrOfScan(rotate);
  const box = ocr.words.find((w) => w.text === word)!.box;
  const scale = frame.width / ocr.width;
  return { x: frame.x + box.x * scale, y: frame.y + box.y * scale, width: box.width * scale, height: box.height * scale };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
  await seedScan(page);
});

test('a page read by OCR: its words are the text layer, find marks a word at its box, a quote is cited', async ({ page }, testInfo) => {
  await openFromEvent(page);
  const dialog = page.getByRole('dialog', { name: TITLE });
  await expect(page.locator('.pdf-page[data-drawn="1"][data-text="ocr"]')).toBeVisible();
  await expect(dialog.getByRole('note')).toHaveText('Text from OCR (confidence 87%)');
  await expect(dialog.locator('.textLayer')).toContainText('Comandante');

  await dialog.getByLabel('Find in page').fill('testigos');
  const mark = dialog.locator('.textLayer mark.pdf-hit');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText('testigos');
  await expect(dialog.getByText('1 on this page')).toBeVisible();
  const at = (await mark.boundingBox())!;
  const want = await boxOnScreen(page, 'testigos');
  // On the drawn word: centres within a fifth of its width and half its height.
  expect(Math.abs(at.x + at.width / 2 - (want.x + want.width / 2))).toBeLessThan(want.width / 5);
  expect(Math.abs(at.y + at.height / 2 - (want.y + want.height / 2))).toBeLessThan(want.height / 2);
  expect(at.width).toBeGreaterThan(want.width * 0.8);
  expect(at.width).toBeLessThan(want.width * 1.2);
  await page.screenshot({ path: testInfo.outputPath('ocr-find.png') });

  // A phrase over two words and across a line break is found as one.
  await dialog.getByLabel('Find in page').fill('artemio ante');
  await expect(dialog.getByText('1 on this page')).toBeVisible();
  await dialog.getByLabel('Find in page').fill('');

  // Zoom redraws the OCR layer with the page: the word stays on its box.
  const frame = page.locator('.pdf-page[data-drawn]');
  await dialog.getByLabel('Zoom', { exact: true }).selectOption('2');
  // 200%: the A6 page at twice its printed width (points × 96/72 CSS px), once redrawn.
  await expect.poll(async () => (await frame.boundingBox())!.width).toBeCloseTo(((W_PX / PX) * 2 * 96) / 72, 0);
  await dialog.getByLabel('Find in page').fill('Puerto');
  await expect(mark).toHaveText('Puerto');
  const zoomed = (await mark.boundingBox())!;
  const wantZoomed = await boxOnScreen(page, 'Puerto');
  expect(Math.abs(zoomed.x - wantZoomed.x)).toBeLessThan(wantZoomed.width / 5);
  await dialog.getByLabel('Find in page').fill('');
  // Back to fit width; the frame takes its new size when the redrawn page and layer are swapped in.
  const zoomedWidth = (await frame.boundingBox())!.width;
  await dialog.getByLabel('Zoom', { exact: true }).selectOption('fit');
  await expect.poll(async () => (await frame.boundingBox())!.width).not.toBeCloseTo(zoomedWidth, 0);

  // Select "Comandante Artemio" in the OCR layer and cite it.
  await page.evaluate(() => {
    const spans = [...document.querySelectorAll<HTMLElement>('.pdf-page .textLayer span')];
    const from = spans.find((s) => s.textContent?.startsWith('Comandante'))!.firstChild!;
    const to = spans.find((s) => s.textContent === 'Artemio')!.firstChild!;
    const range = document.createRange();
    range.setStart(from, 0);
    range.setEnd(to, 'Artemio'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await dialog.getByRole('button', { name: 'Cite this page' }).click();
  const panel = dialog.getByRole('dialog', { name: 'Cite page 1' });
  await expect(panel.getByLabel('Quote')).toHaveValue('Comandante Artemio');
  await panel.getByRole('radio', { name: 'Actor' }).check();
  await panel.getByRole('combobox', { name: 'Actor' }).fill('Artemio');
  await panel.getByRole('option', { name: new RegExp(`^${ACTOR}`) }).click();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Cited page 1 on ${ACTOR}.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Actors' }).click();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: new RegExp(ACTOR) }).click();
  // The citation, with its quote (the profile also lists the scan under "Mentioned in": OCR text is matched too).
  await expect(page.getByRole('article').getByRole('listitem').filter({ hasText: `${TITLE} · p. 1 — Comandante Artemio` })).toBeVisible();
  await expect(page.getByRole('article').locator('li.mentions__source').filter({ hasText: TITLE })).toContainText('Comandante Artemio');
});

test('a search hit on OCR text opens the scan with the word marked; a page OCR could not read says why', async ({ page }, testInfo) => {
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search', exact: true }).fill('mintieron');
  const results = page.getByRole('listbox', { name: 'Results' });
  const hit = results.getByRole('option', { name: new RegExp(`^${escapeRegExp(TITLE)}.* · p\\. 1(?!\\d)`) });
  await expect(hit.locator('mark').first()).toHaveText('mintieron');
  await hit.click();
  const dialog = page.getByRole('dialog', { name: TITLE });
  const mark = dialog.locator('.textLayer mark.pdf-hit');
  await expect(mark).toHaveText('mintieron');
  const at = (await mark.boundingBox())!;
  const want = await boxOnScreen(page, 'mintieron');
  expect(Math.abs(at.x + at.width / 2 - (want.x + want.width / 2))).toBeLessThan(want.width / 5);
  expect(Math.abs(at.y + at.height / 2 - (want.y + want.height / 2))).toBeLessThan(want.height / 2);
  await page.screenshot({ path: testInfo.outputPath('ocr-search-hit.png') });

  await dialog.getByRole('button', { name: 'Next page' }).click();
  await expect(page.locator('.pdf-page[data-drawn="2"][data-text="pdf"]')).toBeVisible();
  await expect(dialog.getByRole('note')).toHaveText('OCR could not read this page: no words were found on it.');
  await expect(dialog.locator('.pdf-page canvas')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('ocr-failed.png') });
});

test('on a page with /Rotate 90 the OCR words land on the words as shown, the right way up', async ({ page }, testInfo) => {
  const title = 'Acta apaisada';
  await seedScan(page, title, 90);
  await openFromEvent(page, title);
  const dialog = page.getByRole('dialog', { name: title });
  await expect(page.locator('.pdf-page[data-drawn="1"][data-text="ocr"]')).toBeVisible();
  await expect(dialog.locator('.textLayer')).toHaveAttribute('data-main-rotation', '90');
  // The page is shown landscape.
  const frame = (await page.locator('.pdf-page[data-drawn]').boundingBox())!;
  expect(frame.width).toBeGreaterThan(frame.height);
  await dialog.getByLabel('Find in page').fill('Puerto');
  const mark = dialog.locator('.textLayer mark.pdf-hit');
  await expect(mark).toHaveText('Puerto');
  const at = (await mark.boundingBox())!;
  const want = await boxOnScreen(page, 'Puerto', 90);
  expect(Math.abs(at.x + at.width / 2 - (want.x + want.width / 2))).toBeLessThan(want.width / 5);
  expect(Math.abs(at.y + at.height / 2 - (want.y + want.height / 2))).toBeLessThan(want.height / 2);
  // Upright: wider than tall, as the word is on screen.
  expect(at.width).toBeGreaterThan(at.height);
  await page.screenshot({ path: testInfo.outputPath('ocr-rotated.png') });
});
