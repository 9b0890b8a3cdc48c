/**
 * The oldest pdf.js Casefile will open a file with. Two advisories set it:
 * - CVE-2024-4367 (fixed in 4.2.67): a crafted font's FontMatrix reached a `new Function`
 *   glyph path;
 * - GHSA-hq66-cqwq-w95j / CVE-2026-16633 (pdfjs-dist >= 5.6.83 and < 6.2.108): arbitrary
 *   JavaScript execution upon opening a malicious PDF.
 * We also open with `isEvalSupported: false` and a CSP without unsafe-eval, but refuse an
 * older pdf.js outright.
 */
export const MIN_PDFJS_VERSION = '6.2.108';
export const PDFJS_ADVISORIES = 'GHSA-hq66-cqwq-w95j / CVE-2026-16633, CVE-2024-4367';

function parts(version: string): number[] {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!match) throw new Error(`Not a pdf.js version: "${version}"`);
  return match.slice(1, 4).map(Number);
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` (major.minor.patch). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function isSafePdfjsVersion(version: string): boolean {
  try {
    return compareVersions(version, MIN_PDFJS_VERSION) >= 0;
  } catch {
    return false;
  }
}

/** Throws unless `version` (pdf.js's exported `version`) is at least MIN_PDFJS_VERSION. */
export function assertSafePdfjsVersion(version: string): void {
  if (!isSafePdfjsVersion(version)) {
    throw new Error(`pdf.js ${version} is older than ${MIN_PDFJS_VERSION} and unsafe to use (${PDFJS_ADVISORIES}).`);
  }
}
