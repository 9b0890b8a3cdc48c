import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { baseHeaders, serveAppRequest } from './appProtocol';
import { FALLBACK_MIME_TYPE, mimeTypeFor } from './mimeTypes';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'casefile-protocol-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><h1>Casefile</h1>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'decoder.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(outside, 'top secret');
});

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('serveAppRequest', () => {
  it('serves files with the right type, the CSP and nosniff', async () => {
    const res = await get('app://casefile/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves wasm as application/wasm with exact bytes', async () => {
    const res = await get('app://casefile/assets/decoder.wasm');
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 97, 115, 109]);
  });

  it('serves the SPA entry for routes', async () => {
    const res = await get('app://casefile/cases/7');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('Casefile');
  });

  it('answers 404 for missing files and directories, still with the CSP', async () => {
    for (const url of ['app://casefile/assets/missing.js', 'app://casefile/assets.js']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
  });

  it('refuses traversal attempts without reading outside the root', async () => {
    const reads: string[] = [];
    const res = await serveAppRequest(root, { url: 'app://casefile/..%2fsecret.txt', method: 'GET' }, async (p) => {
      reads.push(p);
      return new Uint8Array();
    });
    expect(res.status).toBe(403);
    expect(reads).toEqual([]);
    const normalised = await get('app://casefile/../secret.txt');
    expect(await normalised.text()).not.toContain('top secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://casefile/index.html', 'POST')).status).toBe(405);
    const head = await get('app://casefile/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('turns unexpected read errors into 500 without details', async () => {
    const res = await serveAppRequest(root, { url: 'app://casefile/index.html', method: 'GET' }, async () => {
      throw Object.assign(new Error('EIO: /home/user/secret path'), { code: 'EIO' });
    });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('/home/user');
  });

  it('baseHeaders carries the security headers', () => {
    expect(baseHeaders()).toMatchObject({ 'X-Content-Type-Options': 'nosniff' });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['pdf.worker.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.PNG', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['openjpeg.wasm', 'application/wasm'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['Adobe-Japan1-UCS2.bcmap', 'application/octet-stream'],
    ['FoxitSans.pfb', 'application/x-font-type1'],
    ['LiberationSans-Regular.ttf', 'font/ttf'],
    ['unknown.xyz', FALLBACK_MIME_TYPE],
    ['no-extension', FALLBACK_MIME_TYPE],
  ])('%s → %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});
