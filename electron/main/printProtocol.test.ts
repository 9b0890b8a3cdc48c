import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { PRINT_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { configurePrintSession, PRINT_SCHEME, printDocumentUrl, PrintDocuments, type PrintSession } from './printProtocol';

const report = '<!DOCTYPE html><html><head><style>h1{}</style></head><body><h1>Report</h1></body></html>';

function sequentialIds(): () => string {
  let n = 0;
  return () => (n++).toString(16).padStart(32, '0');
}

describe('PrintDocuments', () => {
  it('serves the report from memory at a casefile-print://report/<id> URL, with the print CSP', async () => {
    const docs = new PrintDocuments();
    const seen = await docs.print(report, async (url) => {
      expect(url).toMatch(/^casefile-print:\/\/report\/[0-9a-f]{32}$/);
      const response = docs.respond({ url, method: 'GET' });
      return { url, status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    });
    expect(seen.status).toBe(200);
    expect(seen.body).toBe(report);
    expect(seen.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(seen.headers['content-security-policy']).toBe(PRINT_CONTENT_SECURITY_POLICY);
    expect(seen.headers['x-content-type-options']).toBe('nosniff');
    expect(seen.headers['cache-control']).toBe('no-store');
    // Once printed, the document is gone.
    expect(docs.respond({ url: seen.url, method: 'GET' }).status).toBe(404);
    expect(docs.isAllowedRequest(seen.url)).toBe(false);
  });

  it('gives every print a fresh unguessable id', async () => {
    const docs = new PrintDocuments();
    const urls = [await docs.print(report, async (u) => u), await docs.print(report, async (u) => u)];
    expect(urls[0]).not.toBe(urls[1]);
  });

  it('answers only the current document id: other ids, hosts, paths and methods are refused', async () => {
    const docs = new PrintDocuments(sequentialIds());
    await docs.print(report, async (url) => {
      const other = printDocumentUrl('1'.padStart(32, '0'));
      for (const bad of [other, `${url}/x`, `${url}?q=1`, url.replace('report', 'other'), 'casefile-print://report/', `${url}.html`]) {
        const response = docs.respond({ url: bad, method: 'GET' });
        expect(response.status, bad).toBe(404);
        expect(response.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
        expect(await response.text()).not.toContain('Report');
      }
      expect(docs.respond({ url, method: 'POST' }).status).toBe(405);
    });
  });

  it('the request filter lets through the current document only: no file://, no network, no data:', async () => {
    const docs = new PrintDocuments();
    expect(docs.isAllowedRequest('casefile-print://report/anything')).toBe(false);
    await docs.print(report, async (url) => {
      expect(docs.isAllowedRequest(url)).toBe(true);
      for (const bad of ['file:///etc/passwd', 'file:///tmp/report.html', 'https://tracker.example/pixel.gif', 'http://127.0.0.1:8080/', 'data:image/png;base64,AAAA', 'app://casefile/index.html']) {
        expect(docs.isAllowedRequest(bad), bad).toBe(false);
      }
    });
  });

  it('runs prints one at a time, each seeing its own document, and forgets a failed one', async () => {
    const docs = new PrintDocuments(sequentialIds());
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = docs.print('<p>first</p>', async (url) => {
      order.push('first:start');
      await gate;
      order.push(`first:${await docs.respond({ url, method: 'GET' }).text()}`);
    });
    const second = docs.print('<p>second</p>', async (url) => {
      order.push(`second:${await docs.respond({ url, method: 'GET' }).text()}`);
      throw new Error('printToPDF failed');
    });
    const third = docs.print('<p>third</p>', async (url) => docs.respond({ url, method: 'GET' }).text());
    await Promise.resolve();
    release();
    await first;
    await expect(second).rejects.toThrow('printToPDF failed');
    expect(await third).toBe('<p>third</p>');
    expect(order).toEqual(['first:start', 'first:<p>first</p>', 'second:<p>second</p>']);
    expect(docs.isAllowedRequest(printDocumentUrl('1'.padStart(32, '0')))).toBe(false);
  });
});

describe('configurePrintSession', () => {
  it('registers the in-memory scheme, cancels every other request and denies every permission', async () => {
    const calls: { scheme?: string; handler?: (r: Request) => Response; filter?: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void } = {};
    const denied: string[] = [];
    const fake = {
      protocol: { handle: (scheme: string, handler: (r: Request) => Response) => Object.assign(calls, { scheme, handler }) },
      webRequest: { onBeforeRequest: (filter: typeof calls.filter) => void (calls.filter = filter) },
      setPermissionRequestHandler: (h: (c: unknown, p: string, cb: (g: boolean) => void) => void) => h(null, 'persistent-storage', (g) => void (g ? null : denied.push('request'))),
      setPermissionCheckHandler: (h: () => boolean) => void (h() ? null : denied.push('check')),
      setDevicePermissionHandler: (h: () => boolean) => void (h() ? null : denied.push('device')),
    };
    const docs = new PrintDocuments();
    configurePrintSession(fake as unknown as PrintSession & Session, docs);
    expect(calls.scheme).toBe(PRINT_SCHEME);
    expect(denied.sort()).toEqual(['check', 'device', 'request']);

    const cancelled = (url: string): boolean => {
      let answer: boolean | undefined;
      calls.filter?.({ url }, (r) => void (answer = r.cancel));
      return answer ?? false;
    };
    await docs.print(report, async (url) => {
      expect(cancelled(url)).toBe(false);
      expect(cancelled('file:///etc/passwd')).toBe(true);
      expect(cancelled('https://example.com/x.png')).toBe(true);
      const response = calls.handler?.(new Request(url));
      expect(await response?.text()).toBe(report);
    });
  });
});
