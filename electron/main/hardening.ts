import type { Session, WebContents } from 'electron';
import { externalLinkTarget, isAllowedNavigation } from './navigationPolicy';

/**
 * Deny every permission (camera, notifications, geolocation, clipboard reads, HID…).
 * The app needs none; should a feature need one, allow that one by name here.
 */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Applied to every WebContents ever created (app.on('web-contents-created')), so a
 * window we forgot about cannot become the weak spot.
 */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const openIfLink = (url: string): void => {
    const target = externalLinkTarget(url);
    if (target !== null) openExternal(target);
  };

  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    // A clicked web link belongs in the user's browser, never in our privileged window.
    if (event.isMainFrame) openIfLink(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfLink(url);
    return { action: 'deny' };
  });
}
