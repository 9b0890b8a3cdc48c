import { isAppUrl } from './appOrigin';

/** In-window navigation is allowed only within our own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The URL to hand to the system browser, or null. Only plain http(s) links qualify:
 * file:, javascript:, custom schemes and credential-bearing URLs could launch local
 * handlers or leak secrets, so shell.openExternal never sees them.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

/**
 * Requests the hidden print window may make: its own HTML file and inline data.
 * Anything else (remote images, other local files) is cancelled, so printing cannot
 * phone home or pull arbitrary local files into a PDF.
 */
export function isAllowedPrintRequest(url: string, documentUrl: string): boolean {
  if (url === documentUrl) return true;
  return url.startsWith('data:');
}
