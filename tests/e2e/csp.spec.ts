import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The app runs under the policy in shared/security/csp.ts (style-src 'self', no inline
 * anything). The fixtures fail every test on a violation; this proves the detector sees a
 * violation when there is one. (The report, a file of its own with its own policy, is
 * checked in exports.spec.ts.)
 */

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
