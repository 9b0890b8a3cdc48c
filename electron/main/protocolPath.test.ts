import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from './protocolPath';

const root = path.resolve('/srv/casefile/dist/renderer');
const file = (...parts: string[]) => path.join(root, ...parts);

function ok(url: string): string {
  const result = resolveAppPath(root, url);
  if (!result.ok) throw new Error(`expected ${url} to resolve, got ${result.status} ${result.reason}`);
  return result.filePath;
}

function refused(url: string): number {
  const result = resolveAppPath(root, url);
  if (result.ok) throw new Error(`expected ${url} to be refused, got ${result.filePath}`);
  return result.status;
}

describe('resolveAppPath: files under the root', () => {
  it('serves files by path', () => {
    expect(ok('app://casefile/index.html')).toBe(file('index.html'));
    expect(ok('app://casefile/assets/index-abc123.js')).toBe(file('assets', 'index-abc123.js'));
    expect(ok('app://casefile/pdfjs/cmaps/UniJIS-UCS2-H.bcmap')).toBe(file('pdfjs', 'cmaps', 'UniJIS-UCS2-H.bcmap'));
  });

  it('serves index.html for the root and for directories', () => {
    expect(ok('app://casefile/')).toBe(file('index.html'));
    expect(ok('app://casefile')).toBe(file('index.html'));
    expect(ok('app://casefile/assets/')).toBe(file('assets', 'index.html'));
  });

  it('serves the SPA entry for extension-less routes', () => {
    expect(ok('app://casefile/cases/42')).toBe(file('index.html'));
    expect(ok('app://casefile/settings')).toBe(file('index.html'));
  });

  it('ignores query strings and fragments', () => {
    expect(ok('app://casefile/assets/app.js?v=3#x')).toBe(file('assets', 'app.js'));
  });

  it('decodes ordinary percent-encoding', () => {
    expect(ok('app://casefile/assets/my%20font.woff2')).toBe(file('assets', 'my font.woff2'));
  });

  it('never returns a path outside the root for URLs the parser normalises', () => {
    // The WHATWG parser folds these before we see them; whatever it produces must stay inside.
    for (const url of [
      'app://casefile/../../etc/passwd',
      'app://casefile/assets/../../../etc/passwd',
      'app://casefile/%2e%2e/%2e%2e/etc/passwd',
      'app://casefile/.%2e/secret.txt',
      'app://casefile/assets/%2E%2E/%2E%2E/x.js',
    ]) {
      const result = resolveAppPath(root, url);
      if (result.ok) expect(result.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('resolveAppPath: refusals', () => {
  it('refuses other schemes and hosts', () => {
    expect(refused('file:///etc/passwd')).toBe(403);
    expect(refused('https://casefile/index.html')).toBe(403);
    expect(refused('app://evil/index.html')).toBe(403);
    expect(refused('app://casefile.evil/index.html')).toBe(403);
    expect(refused('app://casefile:8080/index.html')).toBe(403);
    expect(refused('app://user:pw@casefile/index.html')).toBe(403);
    expect(refused('not a url')).toBe(403);
  });

  it('refuses encoded slashes, backslashes and NUL', () => {
    expect(refused('app://casefile/..%2f..%2fetc%2fpasswd')).toBe(403);
    expect(refused('app://casefile/assets%2F..%2F..%2Fsecret.js')).toBe(403);
    expect(refused('app://casefile/..%5c..%5cwindows%5cwin.ini')).toBe(403);
    expect(refused('app://casefile/%5C%5Cserver%5Cshare.js')).toBe(403);
    expect(refused('app://casefile/index.html%00.js')).toBe(403);
  });

  it('refuses dot segments that survive parsing in decoded form', () => {
    // %252e decodes once to %2e, which is not a dot segment for the parser but must not be trusted either.
    expect(refused('app://casefile/%252e%252e/x.js')).toBe(403);
  });

  it('refuses drive letters, alternate data streams and absolute paths', () => {
    expect(refused('app://casefile/C:/Windows/win.ini')).toBe(403);
    expect(refused('app://casefile/c%3a/Windows/win.ini')).toBe(403);
    expect(refused('app://casefile/index.html::$DATA')).toBe(403);
    expect(refused('app://casefile//etc/passwd')).toBe(403);
    expect(refused('app://casefile/assets//app.js')).toBe(403);
  });

  it('refuses hidden files, control characters and malformed escapes', () => {
    expect(refused('app://casefile/.env')).toBe(403);
    expect(refused('app://casefile/.vite/manifest.json')).toBe(403);
    expect(refused('app://casefile/assets/%0aevil.js')).toBe(403);
    expect(refused('app://casefile/assets/%E0%A4%A.js')).toBe(403);
  });
});
