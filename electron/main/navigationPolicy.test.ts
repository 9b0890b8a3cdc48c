import { describe, expect, it } from 'vitest';
import { isAppUrl } from './appOrigin';
import { externalLinkTarget, isAllowedNavigation, isAllowedPrintRequest } from './navigationPolicy';

describe('isAllowedNavigation', () => {
  it('allows our own origin only', () => {
    expect(isAllowedNavigation('app://casefile/index.html')).toBe(true);
    expect(isAllowedNavigation('app://casefile/cases/3')).toBe(true);
    for (const url of [
      'https://example.com',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://casefile.example.com/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'chrome://settings',
      '',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('isAppUrl tolerates non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  it('passes http and https links through, normalised', () => {
    expect(externalLinkTarget('https://acleddata.com/data')).toBe('https://acleddata.com/data');
    expect(externalLinkTarget('HTTP://Example.COM')).toBe('http://example.com/');
  });

  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['smb://server/share'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['vscode://file/etc/passwd'],
    ['app://casefile/index.html'],
    ['mailto:someone@example.com'],
    ['https://user:secret@example.com/'],
    ['https://'],
    ['//example.com'],
    ['relative/path'],
    [`https://example.com/${'a'.repeat(9000)}`],
  ])('refuses %s', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('isAllowedPrintRequest', () => {
  const doc = 'file:///tmp/casefile-print-abc/report.html';
  it('allows the document itself and inline data', () => {
    expect(isAllowedPrintRequest(doc, doc)).toBe(true);
    expect(isAllowedPrintRequest('data:image/png;base64,AAAA', doc)).toBe(true);
  });
  it('blocks remote and other local resources', () => {
    expect(isAllowedPrintRequest('https://tracker.example/pixel.gif', doc)).toBe(false);
    expect(isAllowedPrintRequest('file:///etc/passwd', doc)).toBe(false);
    expect(isAllowedPrintRequest('file:///tmp/casefile-print-abc/other.html', doc)).toBe(false);
  });
});
