import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertSafePdfjsVersion, compareVersions, isSafePdfjsVersion, MIN_PDFJS_VERSION } from '../../shared/pdf';
import { version as loadedVersion } from 'pdfjs-dist/legacy/build/pdf.mjs';

const installed = JSON.parse(readFileSync(new URL('../../node_modules/pdfjs-dist/package.json', import.meta.url), 'utf8')) as { version: string };

describe('pdf.js version guard (GHSA-hq66-cqwq-w95j / CVE-2026-16633, CVE-2024-4367)', () => {
  it('the installed pdfjs-dist is at least 6.2.108', () => {
    expect(MIN_PDFJS_VERSION).toBe('6.2.108');
    expect(() => assertSafePdfjsVersion(installed.version)).not.toThrow();
    expect(isSafePdfjsVersion(installed.version)).toBe(true);
    expect(loadedVersion).toBe(installed.version);
  });

  it('refuses every version inside the advisory and anything older, including malformed versions', () => {
    expect(() => assertSafePdfjsVersion('6.2.107')).toThrow(/GHSA-hq66-cqwq-w95j/);
    expect(() => assertSafePdfjsVersion('5.6.205')).toThrow(/CVE-2026-16633/);
    expect(() => assertSafePdfjsVersion('5.6.83')).toThrow();
    expect(() => assertSafePdfjsVersion('4.2.66')).toThrow(/CVE-2024-4367/);
    expect(() => assertSafePdfjsVersion('3.11.174')).toThrow();
    expect(() => assertSafePdfjsVersion('not a version')).toThrow();
    expect(() => assertSafePdfjsVersion('6.2.108')).not.toThrow();
    expect(() => assertSafePdfjsVersion('6.5.438')).not.toThrow();
  });

  it('compares numerically, not as strings', () => {
    expect(compareVersions('4.10.0', '4.2.67')).toBeGreaterThan(0);
    expect(compareVersions('4.2.67', '4.2.67')).toBe(0);
    expect(compareVersions('4.2.9', '4.2.67')).toBeLessThan(0);
  });

  it('the shipped pdf.js builds hold no eval or new Function call', () => {
    for (const file of ['build/pdf.mjs', 'build/pdf.worker.mjs', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs']) {
      const code = readFileSync(new URL(`../../node_modules/pdfjs-dist/${file}`, import.meta.url), 'utf8');
      expect(code, file).not.toMatch(/\bnew Function\s*\(/);
      expect(code, file).not.toMatch(/(?<![\w.$])eval\s*\(/);
    }
  });
});
