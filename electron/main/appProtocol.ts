import { readFile as fsReadFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { mimeTypeFor } from './mimeTypes';
import { plainBytes } from './plainBytes';
import { resolveAppPath } from './protocolPath';

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/** Headers on every app:// response, errors included, so no document ever escapes the CSP. */
export function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The files change only with an app update; stale caches after an update are worse than a re-read from disk.
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The protocol.handle callback without Electron: request in, Response out. */
export async function serveAppRequest(
  rootDir: string,
  request: { url: string; method: string },
  readFile: ReadFile = fsReadFile,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed');
  }
  const resolved = resolveAppPath(rootDir, request.url);
  if (!resolved.ok) return textResponse(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not found');

  let body: Uint8Array;
  try {
    body = await readFile(resolved.filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'Not found');
    return textResponse(500, 'Could not read file');
  }
  const headers = { ...baseHeaders(), 'Content-Type': mimeTypeFor(resolved.filePath) };
  return new Response(request.method === 'HEAD' ? null : plainBytes(body), { status: 200, headers });
}
