import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The accessibility scan of the e2e suite (axe-core, WCAG 2.0/2.1 A and AA plus best
 * practices), shared by a11y.spec.ts (every main view) and a11yDialogs.spec.ts (dialogs and
 * panels that open over them). A test lists rule, impact, targets and help of every blocking
 * finding in all the views it visits, so the report alone says what to fix.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/**
 * Serious and critical findings fail a test, and so do these moderate best-practice rules
 * once fixed, so they stay fixed: no skipped heading level, unique landmark names, all
 * content within a landmark.
 */
const GUARDED = new Set(['heading-order', 'landmark-unique', 'region']);
/** `CASEFILE_A11Y_ALL=1` reports every finding, moderate and minor too, to look at. */
const ALL = Boolean(process.env.CASEFILE_A11Y_ALL);
const blocking = (v: { id: string; impact?: string | null }) =>
  ALL || v.impact === 'serious' || v.impact === 'critical' || GUARDED.has(v.id);
/** Scans the page as it is now; returns one readable line per blocking finding. */
export async function scan(page: Page, view: string): Promise<string[]> {
  // Colours are measured as the user sees them: not half-way through a transition (the search view's dimming).
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter(blocking)
    .map((v) => {
      // The first check's message says why, e.g. the contrast ratio found and the one needed.
      const nodes = v.nodes.map((n) => `${n.target.join(' ')}${n.any[0] ? ` (${n.any[0].message})` : ''}`);
      return `[${view}] ${v.id} (${v.impact}): ${v.help}\n    ${nodes.join('\n    ')}\n    ${v.helpUrl}`;
    });
}

/** Fails with every line collected, so one run lists all the views' problems at once. */
export function expectNone(found: string[]) {
  expect(found, `accessibility violations:\n${found.join('\n')}`).toEqual([]);
}
