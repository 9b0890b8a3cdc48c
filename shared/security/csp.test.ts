import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy();
  const directives = parse(policy);

  it('never allows eval or inline code', () => {
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('names no remote origin and no wildcard', () => {
    for (const sources of directives.values()) {
      for (const source of sources) {
        expect(source).not.toContain('*');
        expect(source).not.toMatch(/^(https?|wss?|ftp):/);
        expect(source).not.toMatch(/\.[a-z]{2,}(:\d+)?$/i);
        expect(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:']).toContain(source);
      }
    }
  });

  it('locks down plugins, base, forms and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) {
      expect(directives.get(name)).toEqual(["'none'"]);
    }
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('is a single header-safe line', () => {
    expect(policy).not.toMatch(/[\r\n]/);
    expect(policy.endsWith(';')).toBe(false);
  });
});
