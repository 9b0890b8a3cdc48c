// The renderer is served from app://casefile/ rather than file:// so it has a real,
// stable origin (IndexedDB lives there), a CSP from response headers, and no access
// to the rest of the file system.
export const APP_SCHEME = 'app';
export const APP_HOST = 'casefile';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs on our own origin. Compares parts: Node gives non-special schemes an opaque 'null' origin. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
