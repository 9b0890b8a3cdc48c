import { isAppUrl } from './appOrigin';

/**
 * The one permission the app asks for: `persistent-storage`, so the browser never evicts
 * the IndexedDB that holds the user's case files under storage pressure. Only our own
 * origin gets it; every other permission, and every other origin, is refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * `requestingOrigin` is an origin ("app://casefile") from the check handler or a URL
 * ("app://casefile/index.html") from a request's details; both name our origin or not.
 */
export function permissionAllowed(permission: string, requestingOrigin: string | undefined | null): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin);
}
