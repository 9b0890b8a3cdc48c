import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** One Content-Security-Policy violation as the page, a worker or the console reported it. */
export interface CspViolation {
  source: 'event' | 'console';
  /** The effective directive (e.g. `style-src-attr`), or the console message's text. */
  directive: string;
  blockedURI: string;
  where: string;
}

/**
 * Records every CSP violation in the page, its same-origin frames and its workers. Tests
 * that cause one on purpose (to prove this detector works) `take()` what they caused; the
 * `cspGuard` fixture fails any test that leaves a violation behind.
 */
export class CspDetector {
  readonly violations: CspViolation[] = [];
  record(violation: CspViolation): void {
    this.violations.push(violation);
  }
  /** Returns and forgets what was recorded so far. */
  take(): CspViolation[] {
    return this.violations.splice(0);
  }
}

const BINDING = '__casefileCspViolation';

/**
 * Runs in every frame whose scripts may run, before the app's scripts. A srcdoc frame
 * sandboxed without scripts (the report's print frame) cannot run it; Chromium's console
 * message about the violation covers that case.
 */
function listenForViolations(binding: string): void {
  const report = (globalThis as unknown as Record<string, (v: unknown) => void>)[binding];
  document.addEventListener('securitypolicyviolation', (e) => {
    report?.({
      source: 'event',
      directive: e.effectiveDirective || e.violatedDirective,
      blockedURI: e.blockedURI,
      where: `${e.sourceFile || e.documentURI}:${e.lineNumber}:${e.columnNumber}${e.sample ? ` sample "${e.sample}"` : ''}`,
    });
  }, true);
}

const CSP_CONSOLE = /Content Security Policy|violates/i;

/**
 * Init scripts do not run in workers, and Chromium writes a worker's violations only to
 * that worker's DevTools log, which Playwright does not read. So the app's worker scripts
 * (vite names them `<name>.worker-<hash>.js`) are served with a listener put in front
 * that reports a violation on the worker's console, which the page's console handler
 * sees. The listener runs after the module's imports: a violation while those are first
 * evaluated, or in a blob: worker, is not seen.
 */
const WORKER_SCRIPT = /\.worker-[\w-]+\.js$/;
const WORKER_LISTENER = "self.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation in a worker: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));";

async function listenInWorkers(page: Page): Promise<void> {
  await page.route(WORKER_SCRIPT, async (route) => {
    try {
      const response = await route.fetch();
      // No newline: the source map's lines still match.
      await route.fulfill({ response, body: WORKER_LISTENER + (await response.text()) });
    } catch (error) {
      // The test ended (the page closed) while a worker script was in flight: nothing to check.
      if (!page.isClosed()) throw error;
    }
  });
}

async function installCspDetector(page: Page, detector: CspDetector): Promise<void> {
  await page.exposeBinding(BINDING, (_source, violation: CspViolation) => detector.record(violation));
  await page.addInitScript(listenForViolations, BINDING);
  page.on('console', (msg) => {
    if (!CSP_CONSOLE.test(msg.text())) return;
    const { url, lineNumber } = msg.location();
    detector.record({ source: 'console', directive: msg.text(), blockedURI: '', where: `${url}:${lineNumber}` });
  });
  await listenInWorkers(page);
}

/**
 * Every spec uses this `test`: it fails the test if the page asks any origin other
 * than the local server (Casefile is offline by design), logs an uncaught error, or
 * violates the Content-Security-Policy the app ships with (shared/security/csp.ts).
 */
export const test = base.extend<{ offlineGuard: void; cspViolations: CspDetector; cspGuard: void }>({
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

  cspViolations: async ({ page }, use) => {
    const detector = new CspDetector();
    await installCspDetector(page, detector);
    await use(detector);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  },

  cspGuard: [async ({ cspViolations }, use) => {
    await use();
    expect(cspViolations.violations, 'Content-Security-Policy violations (directive, blocked URI, where)').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** A literal text as a regular expression's pattern (titles hold parentheses and dots). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
