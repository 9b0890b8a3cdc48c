import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';

export type AppPathResult =
  | { ok: true; filePath: string }
  | { ok: false; status: 403 | 404; reason: string };

const deny = (reason: string): AppPathResult => ({ ok: false, status: 403, reason });

/**
 * Maps an app:// request URL to a file under rootDir, or refuses it.
 * The URL parser already folds `..` and `%2e%2e` segments, but every check is repeated
 * on the decoded path so a parser quirk can never turn into a file-system escape.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return deny('malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return deny('wrong scheme');
  // Chromium lowercases hosts of standard schemes; Node leaves non-special hosts as written.
  if (url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return deny('wrong host');
  }

  // Node leaves the path of a non-special URL empty where Chromium would give '/'.
  const rawPath = url.pathname === '' ? '/' : url.pathname;
  // Encoded separators and NUL would let one segment smuggle several.
  if (/%(2f|5c|00)/i.test(rawPath)) return deny('encoded separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return deny('malformed percent-encoding');
  }
  if (decoded.includes('\0')) return deny('NUL in path');
  if (decoded.includes('\\')) return deny('backslash in path');
  // Double encoding (%252e) has no use in our own URLs and is a classic filter bypass.
  if (decoded.includes('%')) return deny('double-encoded path');
  if (!decoded.startsWith('/')) return deny('relative path');

  const segments = decoded.slice(1).split('/');
  const last = segments.pop() ?? '';
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) return deny(problem);
  }
  if (last !== '') {
    const problem = segmentProblem(last);
    if (problem) return deny(problem);
  }

  let relative: string[];
  if (last === '') {
    // A directory URL: serve its index.html.
    relative = [...segments, 'index.html'];
  } else if (path.posix.extname(last) === '') {
    // A client-side route (no extension): the SPA entry handles it.
    relative = ['index.html'];
  } else {
    relative = [...segments, last];
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return deny('outside root');
  return { ok: true, filePath };
}

function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'empty path segment';
  if (segment === '.' || segment === '..') return 'dot segment';
  // Dotfiles are never part of the build output we mean to serve.
  if (segment.startsWith('.')) return 'hidden file';
  // Drive letters (C:), Windows alternate data streams (file::$DATA).
  if (segment.includes(':')) return 'colon in path';
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(segment)) return 'control character';
  return undefined;
}
