import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The app runs under the policy in shared/security/csp.ts (style-src 'self', no inline
 * anything). The fixtures fail every test on a violation; these prove the report's print
 * path keeps to it and that the detector sees a violation when there is one.
 */

const CASE = 'Shining Path in the VRAEM';

async function loadSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample case' }).click();
  await expect(page.getByText(/Sample case loaded/)).toBeVisible();
}

test('the printable report is styled in its print frame without breaking the Content-Security-Policy', async ({ page, cspViolations }) => {
  await loadSample(page);
  // The print frame is removed a second after printing; note what it showed when it loaded.
  await page.evaluate(() => {
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        if (!(node instanceof HTMLIFrameElement)) continue;
        node.addEventListener('load', () => {
          const doc = node.contentDocument!;
          const h1 = doc.querySelector('h1');
          (window as unknown as { printed: unknown }).printed = {
            title: h1?.textContent,
            h1FontSize: h1 && getComputedStyle(h1).fontSize,
            inlineStyleElements: doc.querySelectorAll('style').length,
            sections: doc.querySelectorAll('section.section').length,
          };
        });
      }
    }).observe(document.body, { childList: true });
  });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Import & export', exact: true }).click();
  await page.getByRole('button', { name: 'Export case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export case' });
  await dialog.getByRole('radio', { name: /Printable report/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('status').getByText('The report is in the print dialog', { exact: false })).toBeVisible();

  const printed = await page.waitForFunction(() => (window as unknown as { printed?: unknown }).printed).then((h) => h.jsonValue());
  // The report's own stylesheet applies: h1 is 20pt = 26.6667px, not the browser's 2em = 32px.
  expect(printed).toEqual({ title: CASE, h1FontSize: '26.6667px', inlineStyleElements: 0, sections: 3 });
  expect(cspViolations.violations).toEqual([]);
});

test('the CSP detector records violations in the page, in a script-less sandboxed frame and in a worker', async ({ page, cspViolations }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Load sample case' })).toBeVisible();
  expect(cspViolations.violations).toEqual([]);

  // An inline style attribute written as markup: style-src-attr 'self' blocks it.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
  });
  await expect.poll(() => cspViolations.violations.filter((v) => v.source === 'event').map((v) => v.directive)).toEqual(['style-src-attr']);

  // A <style> block in a srcdoc frame that may not run scripts (what the report's print
  // frame once did): only Chromium's console message reports it.
  cspViolations.take();
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin');
    frame.srcdoc = '<!DOCTYPE html><style>h1 { color: red }</style><h1>probe</h1>';
    document.body.append(frame);
  });
  await expect.poll(() => cspViolations.violations.map((v) => v.source === 'console' && /style-src/.test(v.directive))).toContain(true);

  // In one of the app's workers (search starts when the search box is focused): a request
  // to another origin is refused by connect-src. (Not eval: code that DevTools evaluates may eval.)
  cspViolations.take();
  await page.getByRole('combobox', { name: 'Search', exact: true }).focus();
  const isSearch = (w: Worker) => /search\.worker/.test(w.url());
  await expect.poll(() => page.workers().some(isSearch)).toBe(true);
  await page.workers().find(isSearch)!.evaluate(() => fetch('http://192.0.2.1/probe').catch(() => undefined));
  await expect.poll(() => cspViolations.violations.map((v) => v.directive)).toContainEqual(expect.stringMatching(/in a worker: connect-src blocked http:\/\/192\.0\.2\.1\/probe/));

  // All of these were caused on purpose; taking them keeps the guard from failing this test.
  cspViolations.take();
});
