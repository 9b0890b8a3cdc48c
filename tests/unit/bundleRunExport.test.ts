import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessClient, seededProfile, CASE_ID } from './bundleFixtures';
import type { BundleClientHandle } from '../../renderer/bundle/bundleClient';
import type { BundleProgress } from '../../renderer/bundle/types';
import type { DesktopApi } from '../../shared/desktopApi';
import type { Platform } from '../../renderer/platform/types';
import { saveBlobDesktop } from '../../renderer/platform/blobFiles';
import { readBundleBlob } from '../../shared/bundle';
import { getSetting } from '../../renderer/db/settings';

// runExport's desktop path (a platform that saves parts), with the real host in this thread.
let client: BundleClientHandle & { sent: { type: string }[] };
let platform: Platform;
vi.mock('../../renderer/bundle/bundleClient', async (original) => ({ ...(await original<object>()), getBundleClient: () => client }));
vi.mock('../../renderer/platform', () => ({ getPlatform: () => platform }));
const { runExport } = await import('../../renderer/features/bundles/runExport');

function desktopSaving(opts: { dismiss?: boolean } = {}) {
  const chunks: Uint8Array[] = [];
  const calls: string[] = [];
  const api = {
    beginSave: async () => { calls.push('begin'); return opts.dismiss ? null : { token: 't' }; },
    writeChunk: async (_t: string, c: Uint8Array) => { calls.push('write'); chunks.push(c.slice()); },
    commitSave: async (_t: string, end?: { byteLength?: number }) => { calls.push(`commit ${end?.byteLength}`); return { saved: true, path: '/home/u/b.casefile' }; },
    abortSave: async () => { calls.push('abort'); },
  } as unknown as DesktopApi;
  platform = { kind: 'desktop', savesParts: true, saveBlob: (req) => saveBlobDesktop(api, req) } as Platform;
  return { chunks, calls };
}

afterEach(() => client?.dispose());

describe('runExport on the desktop: the bundle saved as it is made', () => {
  it('saves a bundle that reads back whole, its length announced at commit; once saving, only the save\'s progress is shown', async () => {
    const { db } = await seededProfile();
    client = inProcessClient(db);
    const saving = desktopSaving();
    const phases: BundleProgress['phase'][] = [];
    const result = await runExport(db, {
      scope: { kind: 'library' }, format: 'bundle', caseName: 'x', lang: 'en', signal: new AbortController().signal,
      onProgress: (p) => phases.push(p.phase), now: () => 1_900_000_000_000,
    });
    expect(result).toMatchObject({ saved: true, path: '/home/u/b.casefile' });
    expect(result.fileName).toMatch(/^casefile-backup-.*\.casefile$/);
    const file = new Blob(saving.chunks as Uint8Array<ArrayBuffer>[]);
    expect(saving.calls.at(-1)).toBe(`commit ${file.size}`);
    const read = await readBundleBlob(file);
    expect(read.ok && read.snapshot.files.length > 0 && read.snapshot.cases.some((c) => c.id === CASE_ID)).toBe(true);
    const firstSave = phases.indexOf('saving');
    expect(firstSave).toBeGreaterThan(0);
    expect(phases.slice(firstSave).every((p) => p === 'saving')).toBe(true);
    expect(await getSetting(db, 'lastBackupAt')).toBe(1_900_000_000_000);
  });

  it('a dismissed save dialog saves nothing and stops the worker\'s export', async () => {
    const { db } = await seededProfile();
    client = inProcessClient(db);
    const saving = desktopSaving({ dismiss: true });
    const result = await runExport(db, {
      scope: { kind: 'case', caseId: CASE_ID }, format: 'bundle', caseName: 'x', lang: 'en', signal: new AbortController().signal, onProgress: () => undefined,
    });
    expect(result.saved).toBe(false);
    expect(saving.calls).toEqual(['begin']);
    expect(client.sent.map((m) => m.type)).toEqual(['export', 'cancel']);
    expect(await getSetting(db, 'lastBackupAt')).toBeUndefined();
  });
});
