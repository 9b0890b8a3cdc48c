import { isAppUrl } from './appOrigin';

/** In-window navigation is allowed only within our own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}
