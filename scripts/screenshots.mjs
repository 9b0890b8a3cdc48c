// Takes screenshots of the main views with the sample case loaded, for the README and
// for looking at the UI as a user would. Usage: npm run build:renderer && node scripts/screenshots.mjs [outDir]
import './pinnedNode.mjs';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const outDir = process.argv[2] ?? 'docs/screenshots';
const port = Number(process.env.CASEFILE_SCREENSHOT_PORT ?? 4181);
// In a process group of its own: npx starts vite as a child, which a kill of npx alone left serving.
const server = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}/`;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

const nav = (page, name) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name, exact: true }).click();

/** Case bundles: the export dialog, an import preview with a conflict, and the backup reminder. */
async function bundleScreens(page) {
  await nav(page, 'Import & export');
  await page.getByRole('button', { name: 'Export case…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export case' });
  await exportDialog.getByRole('radio', { name: 'Selected actors and events' }).check();
  await exportDialog.getByRole('checkbox', { name: /Florindo/ }).check();
  await exportDialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/bundle-export.png` });
  // A bundle of the case as it is now, then a local edit, so importing it shows a conflict.
  await exportDialog.getByRole('radio', { name: 'The whole case' }).check();
  await exportDialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).uncheck();
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const saved = await download;
  const bundleDir = await mkdtemp(path.join(tmpdir(), 'casefile-shots-'));
  const bundlePath = path.join(bundleDir, saved.suggestedFilename());
  await saved.saveAs(bundlePath);
  await nav(page, 'Actors');
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Florindo/ }).click();
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Primary name').fill('Florindo E. Flores');
  await page.getByLabel('Nationality').fill('Peruvian');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('article').getByRole('heading', { name: 'Florindo E. Flores' }).waitFor();
  await nav(page, 'Import & export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles(bundlePath);
  const importDialog = page.getByRole('dialog', { name: 'Import bundle' });
  await importDialog.getByRole('heading', { name: /Differences to decide/ }).waitFor();
  await importDialog.getByRole('radio', { name: 'Take theirs' }).first().check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/bundle-import-preview.png` });
  await importDialog.getByRole('button', { name: 'Cancel' }).click();
  // The reminder is decided at start-up: a library with data and no backup yet.
  await page.reload();
  await page.getByRole('region', { name: 'Backup reminder' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/bundle-reminder.png` });
  await rm(bundleDir, { recursive: true, force: true });
}

try {
  await waitForServer();
  // Views showing the third-party article's text go apart, never into the repository.
  const articleDir = `${outDir}/with-article`;
  await mkdir(articleDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(base);
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await page.getByRole('listbox', { name: 'Actor list' }).getByRole('option', { name: /Florindo/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/actor-profile.png` });
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/actor-form.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Events' }).click();
  await page.getByText('Clash between troops', { exact: false }).first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/event-detail.png` });
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/event-form.png`, fullPage: true });
  await page.keyboard.press('Escape');
  // Sources: attach the article (read from ../shared, never copied into the repository).
  const article = new URL('../../shared/fixtures/vraem-article.pdf', import.meta.url);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sources' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).first().click();
  await (await chooser).setFiles(fileURLToPath(article));
  await page.getByText('1 page', { exact: false }).first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${articleDir}/sources.png` });
  await page.getByRole('button', { name: 'Open', exact: true }).first().click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${articleDir}/viewer.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('artemio');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${articleDir}/search.png` });
  await page.keyboard.press('Escape');
  await bundleScreens(page);
  await browser.close();
  console.log(`screenshots written to ${outDir}`);
} finally {
  process.kill(-server.pid, 'SIGTERM');
}
