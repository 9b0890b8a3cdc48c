import { describe, expect, it } from 'vitest';
import { createBundleClient } from '../../renderer/bundle/bundleClient';
import type { BundleWorkerLike } from '../../renderer/bundle/bundleClient';
import { PROGRESS_INTERVAL_MS, createBundleHost, suggestedName } from '../../renderer/workers/bundleHost';
import type { BundleRequest, BundleResponse } from '../../renderer/workers/bundleProtocol';
import { CASE_ID, inProcessClient, seededProfile } from './bundleFixtures';
import { partsBlob } from '../../shared/bundle/parts';
import { isSealedParts, readBundleBlob, sealedBlob } from '../../shared/bundle';
import type { ByteParts } from '../../shared/bundle';

describe('bundle worker host', () => {
  it('sends progress at most every 100 ms per phase, and always the first and last of a phase', async () => {
    const { db } = await seededProfile();
    const posted: BundleResponse[] = [];
    let t = 0;
    // The clock advances 10 ms per reading: ~10 progress calls fit in one interval.
    const host = createBundleHost({ openDb: async () => db, appVersion: '0.1.0', post: (m) => posted.push(m), clock: () => (t += 10) });
    host.handle({ type: 'export', id: 1, scope: { kind: 'library' } });
    await host.idle();
    const progress = posted.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(posted.at(-1)?.type).toBe('exported');
    expect(progress[0]).toEqual({ phase: 'collecting', done: 0, total: 1 });
    // Writing reports after each of the two files; the one 10 ms after the start is dropped, the last never is.
    const writing = progress.filter((p) => p.phase === 'writing');
    const total = writing[0]!.total;
    expect(total).toBeGreaterThan(0);
    expect(writing).toEqual([{ phase: 'writing', done: 0, total }, { phase: 'writing', done: total, total }]);
    expect(PROGRESS_INTERVAL_MS).toBe(100);
  });

  it('exports for the desktop save as parts: the same bytes as the Blob export; with a passphrase the age header ready and the zip to seal at the save', async () => {
    const { db } = await seededProfile();
    const client = inProcessClient(db, { scryptWorkFactor: 10 });
    const blob = await client.exportBundle({ kind: 'case', caseId: CASE_ID });
    const parts = await client.exportBundleParts({ kind: 'case', caseId: CASE_ID });
    expect(client.sent.at(-1)).toMatchObject({ type: 'export', as: 'parts' });
    expect(parts.suggestedName).toBe(blob.suggestedName);
    expect(isSealedParts(parts.parts)).toBe(false);
    const bytes = new Uint8Array(await partsBlob(parts.parts as ByteParts).arrayBuffer());
    expect(bytes).toEqual(new Uint8Array(await blob.blob.arrayBuffer()));
    // Encrypted: the age header and the zip's parts, sealed as they are saved; the zip is the same
    // bytes as the plain export, and sealed, the age file of the same bundle.
    const sealed = await client.exportBundleParts({ kind: 'case', caseId: CASE_ID }, { passphrase: 'correct horse' });
    expect(sealed.encrypted).toBe(true);
    if (!isSealedParts(sealed.parts)) throw new Error('expected the parts to seal at the save');
    expect(sealed.parts.head.length).toBeLessThan(sealed.parts.size - sealed.parts.plain.size);
    expect(new Uint8Array(await partsBlob(sealed.parts.plain).arrayBuffer()).length).toBe(bytes.length);
    const cipher = await sealedBlob(sealed.parts);
    expect(cipher.size).toBe(sealed.parts.size);
    const [read, plain] = [await readBundleBlob(cipher, { passphrase: 'correct horse' }), await readBundleBlob(blob.blob)];
    expect(read.ok && plain.ok && read.snapshot.actors.length > 0 && read.snapshot.actors.length === plain.snapshot.actors.length).toBe(true);
    client.dispose();
  });

  it('a cancelled export rejects at once with an AbortError and the worker is told to stop', async () => {
    const { db } = await seededProfile();
    const client = inProcessClient(db);
    const controller = new AbortController();
    const job = client.exportBundle({ kind: 'case', caseId: CASE_ID }, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.sent.map((m) => m.type)).toEqual(['export', 'cancel']);
    await expect(client.exportBundle({ kind: 'library' }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a worker that dies rejects what was pending with a plain message, and the next task gets a new worker', async () => {
    const workers: BundleWorkerLike[] = [];
    const client = createBundleClient(() => {
      const w: BundleWorkerLike = { onmessage: null, onerror: null, terminate() {}, postMessage(_m: BundleRequest) {} };
      workers.push(w);
      return w;
    });
    const job = client.inspectBundle(new Blob(['x']));
    workers[0]!.onerror?.({} as ErrorEvent);
    await expect(job).rejects.toMatchObject({ code: 'crashed', message: expect.stringMatching(/stopped unexpectedly/) });
    void client.inspectBundle(new Blob(['y'])).catch(() => undefined);
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('warms up ahead of an export: the database opened once, for the warm-up and the export after it', async () => {
    const { db } = await seededProfile();
    let opened = 0;
    const client = inProcessClient(db, { openDb: async () => { opened++; return db; } });
    await client.warm();
    expect(opened).toBe(1);
    const blob = await client.exportBundle({ kind: 'case', caseId: CASE_ID });
    expect(blob.counts.files).toBe(2);
    expect(opened).toBe(1);
    expect(client.sent.map((m) => m.type)).toEqual(['warm', 'export']);
    client.dispose();
  });

  it('a database that failed to open for the warm-up is opened again by the export', async () => {
    const { db } = await seededProfile();
    let attempts = 0;
    const client = inProcessClient(db, { openDb: async () => { if (attempts++ === 0) throw new Error('blocked'); return db; } });
    await client.warm();
    const blob = await client.exportBundle({ kind: 'case', caseId: CASE_ID });
    expect(attempts).toBe(2);
    expect(blob.counts.actors).toBeGreaterThan(0);
    client.dispose();
  });

  it('names the file after the case and the day', () => {
    const day = Date.UTC(2026, 10, 27, 12);
    expect(suggestedName({ kind: 'case', caseId: CASE_ID }, 'Sendero Luminoso: ¡el VRAEM!', day, false)).toBe('sendero-luminoso-el-vraem-2026-11-27.casefile');
    expect(suggestedName({ kind: 'library' }, 'whatever', day, true)).toBe('casefile-backup-2026-11-27.casefile.age');
    expect(suggestedName({ kind: 'case', caseId: CASE_ID }, '四川', day, false)).toBe('case-2026-11-27.casefile');
  });
});
