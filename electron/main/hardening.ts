import type { Session, WebContents } from 'electron';
import { isAllowedNavigation } from './navigationPolicy';
import { permissionAllowed } from './permissionPolicy';

type SessionHandlers = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * The app's own session: everything is refused (camera, notifications, geolocation,
 * clipboard reads, HID, openExternal…) except what permissionAllowed grants by name.
 */
export function applyAppPermissions(ses: SessionHandlers): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
}

/** For sessions that need nothing at all, such as the print window's. */
export function denyAllPermissions(ses: SessionHandlers): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Applied to every WebContents ever created (app.on('web-contents-created')), so a
 * window we forgot about cannot become the weak spot. The app has no external links:
 * navigation and window.open to anything but our own origin are simply refused, and
 * no URL is ever handed to the operating system's handlers, so a script in the page
 * cannot launch a browser, a mail client or a protocol handler.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
