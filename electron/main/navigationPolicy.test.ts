import { describe, expect, it } from 'vitest';
import { isAppUrl } from './appOrigin';
import { isAllowedNavigation } from './navigationPolicy';

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
