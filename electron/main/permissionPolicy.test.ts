import { describe, expect, it } from 'vitest';
import { permissionAllowed } from './permissionPolicy';

describe('permissionAllowed', () => {
  it('grants persistent-storage to the app origin, given as an origin or a URL', () => {
    expect(permissionAllowed('persistent-storage', 'app://casefile')).toBe(true);
    expect(permissionAllowed('persistent-storage', 'app://casefile/')).toBe(true);
    expect(permissionAllowed('persistent-storage', 'app://casefile/index.html')).toBe(true);
    expect(permissionAllowed('persistent-storage', 'APP://CASEFILE')).toBe(true);
  });

  it.each([
    'https://example.com',
    'http://localhost:5173',
    'file://',
    'file:///home/user/report.html',
    'casefile-print://report/0123',
    'app://other',
    'app://casefile.example.com',
    'app://casefile:8080',
    'app://user@casefile',
    'null',
    '',
  ])('refuses persistent-storage to %s', (origin) => {
    expect(permissionAllowed('persistent-storage', origin)).toBe(false);
  });

  it('refuses a missing origin', () => {
    expect(permissionAllowed('persistent-storage', undefined)).toBe(false);
    expect(permissionAllowed('persistent-storage', null)).toBe(false);
  });

  it.each([
    'notifications', 'media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fileSystem',
    'fullscreen', 'hid', 'serial', 'usb', 'midi', 'storage-access', 'top-level-storage-access', 'unknown', 'Persistent-Storage', '',
  ])('refuses %s even to the app', (permission) => {
    expect(permissionAllowed(permission, 'app://casefile')).toBe(false);
  });
});
