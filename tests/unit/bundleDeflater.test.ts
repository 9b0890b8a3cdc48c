import { describe, expect, it } from 'vitest';
import { seededProfile } from './bundleFixtures';
import { byteParts, partsBlob } from '../../shared/bundle/parts';
import { readBundleBlob } from '../../shared/bundle';
import { deflateRaw } from '../../shared/bundle/deflate';
import type { BundleResponse } from '../../renderer/workers/bundleProtocol';
import type { BundleRequest } from '../../renderer/workers/bundleProtocol';
import { createBundleHost } from '../../renderer/workers/bundleHost';
import type { DeflatePool } from '../../renderer/workers/deflatePool';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const NOW = 1_900_000_000_000;

/**
 * A stand-in for the deflate worker (deflatePool.ts cannot start a Worker in Node): it takes
 * many entries in flight and answers them late and out of order, as a worker answering
 * batches does; `fail` makes every deflate fail, as a worker that stopped would.
 */
function lateDeflater(opts: { fail?: boolean } = {}) {
  const log = { calls: 0, closed: 0, most: 0, waiting: 0 };
  const pool: DeflatePool = {
    inFlight: 64,
    async deflate(data) {
      log.calls++;
      log.most = Math.max(log.most, ++log.waiting);
      await new Promise((r) => setTimeout(r, (data.length * 7) % 5));
      log.waiting--;
      if (opts.fail) throw new Error('The compression worker stopped: it may have run out of memory.');
      return deflateRaw(data);
    },
    close() { log.closed++; },
  };
  return { pool, log };
}

async function exportWith(db: Awaited<ReturnType<typeof seededProfile>>['db'], deflaters?: () => DeflatePool, message: Partial<BundleRequest> = {}) {
  const posted: BundleResponse[] = [];
  const host = createBundleHost({ openDb: async () => db, appVersion: '0.1.0', now: () => NOW, post: (m) => posted.push(m), ...(deflaters ? { deflaters } : {}) });
  host.handle({ type: 'export', id: 1, scope: { kind: 'library' }, as: 'streamed', ...message } as BundleRequest);
  await host.idle();
  const head = posted.find((m) => m.type === 'head');
  const rest = posted.find((m) => m.type === 'rest');
  const bytes = head?.type === 'head' && rest?.type === 'rest' ? await bytesOf(partsBlob(byteParts([...head.head.parts.parts, ...rest.parts.parts]))) : null;
  return { posted, bytes };
}

describe('an export whose JSON entries are deflated on a worker of their own', () => {
  it('writes the very bytes of the export deflated in its own realm, reads back whole, and ends the worker', async () => {
    const { db } = await seededProfile();
    const alone = await exportWith(db);
    const { pool, log } = lateDeflater();
    const helped = await exportWith(db, () => pool);
    expect(helped.bytes).not.toBeNull();
    expect(helped.bytes).toEqual(alone.bytes);
    // Every JSON entry went to the worker (manifest, cases, actors, events, documents, rules, charts, page lists), many at once.
    expect(log.calls).toBeGreaterThanOrEqual(7);
    expect(log.most).toBeGreaterThan(4);
    expect(log.closed).toBe(1);
    const read = await readBundleBlob(new Blob([helped.bytes!]));
    if (!read.ok) throw new Error(`${read.error.code}: ${read.error.message}`);
    expect(read.snapshot.actors.length).toBeGreaterThan(0);
  });

  it('the same for the parts export and the browser download', async () => {
    const { db } = await seededProfile();
    for (const as of ['parts', undefined] as const) {
      const posted: BundleResponse[][] = [[], []];
      const { pool, log } = lateDeflater();
      for (const [i, deflaters] of [undefined, () => pool].entries()) {
        const host = createBundleHost({ openDb: async () => db, appVersion: '0.1.0', now: () => NOW, post: (m) => posted[i]!.push(m), ...(deflaters ? { deflaters } : {}) });
        host.handle({ type: 'export', id: 1, scope: { kind: 'library' }, ...(as ? { as } : {}) } as BundleRequest);
        await host.idle();
      }
      const fileOf = async (m: BundleResponse[]) => {
        const done = m.find((x) => x.type === 'exported');
        if (done?.type !== 'exported') throw new Error(`expected an export, got ${JSON.stringify(m.at(-1))}`);
        const r = done.result as { blob?: Blob; parts?: { parts: (Blob | Uint8Array)[] } };
        return bytesOf(r.blob ?? partsBlob(byteParts(r.parts!.parts)));
      };
      expect(await fileOf(posted[1]!)).toEqual(await fileOf(posted[0]!));
      expect(log.closed).toBe(1);
    }
  });

  it('a worker that fails fails the export with its reason: no rest is sent (the save deletes what it began), and the worker is ended', async () => {
    const { db } = await seededProfile();
    const { pool, log } = lateDeflater({ fail: true });
    const { posted } = await exportWith(db, () => pool);
    expect(posted.some((m) => m.type === 'rest')).toBe(false);
    expect(posted.at(-1)).toMatchObject({ type: 'failed', message: expect.stringMatching(/compression worker stopped/) });
    expect(log.closed).toBe(1);
  });

  it('a cancelled export ends the worker and sends no rest', async () => {
    const { db } = await seededProfile();
    const { pool, log } = lateDeflater();
    const posted: BundleResponse[] = [];
    const host = createBundleHost({ openDb: async () => db, appVersion: '0.1.0', now: () => NOW, post: (m) => posted.push(m), deflaters: () => pool });
    host.handle({ type: 'export', id: 1, scope: { kind: 'library' }, as: 'streamed' });
    host.handle({ type: 'cancel', id: 1 });
    await host.idle();
    expect(posted.some((m) => m.type === 'rest')).toBe(false);
    expect(posted.at(-1)).toMatchObject({ type: 'cancelled' });
    expect(log.closed).toBe(1);
  });
});
