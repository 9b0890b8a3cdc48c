import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The packaged app's security settings live in electron-builder.yml and a plist, where a
// typo or a dropped line would pass silently until someone inspected a release.
const root = new URL('../../', import.meta.url);
const config = yaml.load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown> & {
  electronFuses?: Record<string, unknown>;
  mac?: Record<string, unknown>;
  win?: { signtoolOptions?: Record<string, unknown> };
};

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s own schema validation', async () => {
    const require = createRequire(new URL('package.json', root));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does reject a misspelt fuse, so the line above means something.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('flips every security fuse the right way', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    // onlyLoadAppFromAsar and the integrity check need the app packed in an asar.
    expect(config.asar).toBe(true);
  });

  it('signs from the environment only, and builds unsigned without it', () => {
    const text = readFileSync(new URL('electron-builder.yml', root), 'utf8');
    expect(config.forceCodeSigning).toBe(false);
    // No certificate, password or Apple credential is ever written into the config.
    for (const key of ['certificateFile', 'certificatePassword', 'cscLink', 'cscKeyPassword', 'appleId', 'appleIdPassword', 'identity']) {
      expect(text).not.toMatch(new RegExp(`^\\s*${key}:`, 'm'));
    }
    expect(config.win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256']);
  });

  it('signs macOS with the hardened runtime and the minimal entitlements, notarising when credentials are set', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
      // true = notarise if APPLE_* are in the environment, skip with a warning if not.
      notarize: true,
    });
  });
});

describe('the Electron release', () => {
  it('is pinned exactly and no older than 45 (a supported major with current Chromium fixes)', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});

describe('resources/entitlements.mac.plist', () => {
  const plist = readFileSync(new URL('resources/entitlements.mac.plist', root), 'utf8');
  const keys = [...plist.matchAll(/<key>\s*([^<]+?)\s*<\/key>/g)].map((m) => m[1]);

  it('grants V8 its JIT and nothing else', () => {
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
  });

  it.each([
    'com.apple.security.cs.disable-library-validation',
    'com.apple.security.cs.allow-unsigned-executable-memory',
    'com.apple.security.cs.allow-dyld-environment-variables',
    'com.apple.security.cs.disable-executable-page-protection',
    'com.apple.security.get-task-allow',
    'com.apple.security.cs.debugger',
  ])('holds no %s', (forbidden) => {
    expect(plist).not.toContain(forbidden);
  });

  it('is a well-formed plist with a single dict', () => {
    expect(plist.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(plist.match(/<dict>/g)).toHaveLength(1);
    expect(plist.trimEnd().endsWith('</plist>')).toBe(true);
  });
});
