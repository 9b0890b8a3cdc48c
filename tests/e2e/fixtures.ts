import { test as base, expect } from '@playwright/test';

/**
 * Every spec uses this `test`: it fails the test if the page asks any origin other
 * than the local server (Casefile is offline by design), or logs an uncaught error.
 */
export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const pageErrors: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await use();
    expect(foreign, 'requests to origins other than the local server').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  }, { auto: true }],
});

export { expect };
