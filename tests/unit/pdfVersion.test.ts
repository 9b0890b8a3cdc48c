import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertSafePdfjsVersion, compareVersions, isSafePdfjsVersion, MIN_PDFJS_VERSION } from '../../shared/pdf';
import { version as loadedVersion } from 'pdfjs-dist/legacy/build/pdf.mjs';

const installed = JSON.parse(readFileSync(new URL('../../node_modules/pdfjs-dist/package.json', import.meta.url), 'utf8')) as { version: string };

describe('pdf.js version guard (CVE-2024-4367)', () => {
  it('the installed pdfjs-dist is at least 4.2.67', () => {
    expect(MIN_PDFJS_VERSION).toBe('4.2.67');
    expect(() => assertSafePdfjsVersion(installed.version)).not.toThrow();
    expect(isSafePdfjsVersion(installed.version)).toBe(true);
    expect(loadedVersion).toBe(installed.version);
  });

  it('refuses anything older, including malformed versions', () => {
    expect(() => assertSafePdfjsVersion('4.2.66')).toThrow(/CVE-2024-4367/);
    expect(() => assertSafePdfjsVersion('3.11.174')).toThrow();
    expect(() => assertSafePdfjsVersion('not a version')).toThrow();
    expect(() => assertSafePdfjsVersion('4.2.67')).not.toThrow();
    expect(() => assertSafePdfjsVersion('5.6.205')).not.toThrow();
  });

  it('compares numerically, not as strings', () => {
    expect(compareVersions('4.10.0', '4.2.67')).toBeGreaterThan(0);
    expect(compareVersions('4.2.67', '4.2.67')).toBe(0);
    expect(compareVersions('4.2.9', '4.2.67')).toBeLessThan(0);
  });
});
