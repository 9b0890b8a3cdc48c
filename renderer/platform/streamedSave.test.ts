import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../shared/desktopApi';
import { saveBlobDesktop } from './blobFiles';
import type { ByteParts } from '../../shared/bundle/parts';
import { byteParts } from '../../shared/bundle/parts';
import type { StreamedSealedParts } from '../../shared/bundle/ageSealed';
import { ageHeader, ageKey, payloadKeyOf } from '../../shared/bundle/age';
import { decryptBlob } from '../../shared/bundle/ageDecrypt';

/** A desktop save that records what main is told: the begin request, the chunks, the commit. */
function fakeSave(opts: { failAfterChunks?: number } = {}) {
  const state = { chunks: [] as Uint8Array[], begun: undefined as unknown, committed: undefined as unknown, aborted: false };
  const api = {
    beginSave: vi.fn(async (req: unknown) => { state.begun = req; return { token: 't' }; }),
    writeChunk: vi.fn(async (_t: string, chunk: Uint8Array) => {
      if (opts.failAfterChunks !== undefined && state.chunks.length >= opts.failAfterChunks) throw new Error('Could not save "b.casefile": the disk is full.');
      state.chunks.push(chunk.slice());
    }),
    commitSave: vi.fn(async (_t: string, end?: unknown) => { state.committed = end ?? {}; return { saved: true, path: '/home/u/b.casefile' }; }),
    abortSave: vi.fn(async () => { state.aborted = true; }),
  } as unknown as DesktopApi;
  return { api, state };
}

const blobOf = (n: number, seed: number) => new Blob([new Uint8Array(n).map((_, i) => (i * 7 + seed) % 251)]);
const bytesOf = async (parts: (Blob | Uint8Array)[]) => new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer());
const later = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
};
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('desktop save of a bundle still being made (StreamedParts)', () => {
  it('writes the head before the rest exists, then the rest, and announces the length at commit', async () => {
    const { api, state } = fakeSave();
    const head = byteParts([new Uint8Array(30).fill(1), blobOf(9000, 1), new Uint8Array(30).fill(2), blobOf(5000, 2)]);
    const rest = later<ByteParts>();
    const progress: { done: number; total: number }[] = [];
    const saving = saveBlobDesktop(api, { suggestedName: 'b.casefile', mimeType: 'application/zip', blob: { head, rest: rest.promise }, onProgress: (p) => progress.push(p) }, 4096);
    await tick();
    // The dialog came first, with no length: the rest is not laid out yet.
    expect(state.begun).toEqual(expect.not.objectContaining({ byteLength: expect.anything() }));
    expect(state.chunks.reduce((n, c) => n + c.length, 0)).toBeGreaterThanOrEqual(head.size - 4096);
    expect(state.committed).toBeUndefined();
    const tail = byteParts([new Uint8Array(700).fill(3), blobOf(3000, 3), new Uint8Array(22).fill(4)]);
    rest.resolve(tail);
    expect(await saving).toEqual({ saved: true, path: '/home/u/b.casefile' });
    expect(state.committed).toEqual({ byteLength: head.size + tail.size });
    expect(await bytesOf(state.chunks)).toEqual(await bytesOf([...head.parts, ...tail.parts]));
    expect(Math.max(...state.chunks.map((c) => c.length))).toBeLessThanOrEqual(4096);
    expect(progress.at(-1)).toEqual({ done: head.size + tail.size, total: head.size + tail.size });
    expect(progress.every((p) => p.done <= p.total)).toBe(true);
  });

  it('a rest that fails (the records could not be collected) aborts the save: no file is left, the reason passed on', async () => {
    const { api, state } = fakeSave();
    const rest = later<ByteParts>();
    const saving = saveBlobDesktop(api, { suggestedName: 'b.casefile', mimeType: 'application/zip', blob: { head: byteParts([blobOf(10_000, 5)]), rest: rest.promise } }, 4096);
    await tick();
    rest.reject(new Error('This case no longer exists'));
    await expect(saving).rejects.toThrow('This case no longer exists');
    expect(state.aborted).toBe(true);
    expect(state.committed).toBeUndefined();
  });

  it('a cancel while the rest is awaited, or a failed write, aborts the save', async () => {
    const cancelled = fakeSave();
    const controller = new AbortController();
    const rest = later<ByteParts>();
    const saving = saveBlobDesktop(cancelled.api, { suggestedName: 'b.casefile', mimeType: 'application/zip', blob: { head: byteParts([blobOf(100, 6)]), rest: rest.promise }, signal: controller.signal });
    await tick();
    controller.abort();
    rest.resolve(byteParts([new Uint8Array(10)]));
    await expect(saving).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled.state.aborted).toBe(true);
    expect(cancelled.state.committed).toBeUndefined();

    const full = fakeSave({ failAfterChunks: 1 });
    await expect(saveBlobDesktop(full.api, { suggestedName: 'b.casefile', mimeType: 'application/zip', blob: { head: byteParts([blobOf(10_000, 7)]), rest: Promise.resolve(byteParts([])) } }, 4096))
      .rejects.toThrow('the disk is full');
    expect(full.state.aborted).toBe(true);
  });
});

describe('desktop save of an encrypted bundle still being made (StreamedSealedParts)', () => {
  it('writes nothing before the age header, then the header, nonce and payload; the file opens with the passphrase', async () => {
    const { api, state } = fakeSave();
    const key = ageKey('pass phrase', { scryptWorkFactor: 10 });
    const nonce = crypto.getRandomValues(new Uint8Array(16));
    const header = later<Uint8Array>();
    const rest = later<ByteParts>();
    const head = byteParts([new Uint8Array(40).fill(9), blobOf(200_000, 8)]);
    const file: StreamedSealedParts = { headerLength: key.headerLength, header: header.promise, nonce, payloadKey: await payloadKeyOf(key, nonce), plain: { head, rest: rest.promise } };
    const saving = saveBlobDesktop(api, { suggestedName: 'b.casefile.age', mimeType: 'application/octet-stream', blob: file }, 65536);
    await tick();
    expect(state.chunks).toEqual([]);
    header.resolve(await ageHeader(key));
    await tick();
    const tail = byteParts([new Uint8Array(500).fill(5), blobOf(70_000, 9)]);
    rest.resolve(tail);
    expect((await saving).saved).toBe(true);
    const cipher = new Blob(state.chunks as Uint8Array<ArrayBuffer>[]);
    expect(state.committed).toEqual({ byteLength: cipher.size });
    expect(Math.max(...state.chunks.map((c) => c.length))).toBeLessThanOrEqual(65536);
    expect(new Uint8Array(await (await decryptBlob(cipher, 'pass phrase')).arrayBuffer())).toEqual(await bytesOf([...head.parts, ...tail.parts]));
  });
});

describe('desktop save of many small PDFs', () => {
  it('writes chunks of the full size, each read as one Blob: a read per chunk, not per PDF', async () => {
    const { api, state } = fakeSave();
    // A zip's head: a local header before each of 300 small PDFs.
    const head = byteParts(Array.from({ length: 300 }, (_, i) => [new Uint8Array(46).fill(i % 251), blobOf(700 + ((i * 37) % 900), i)]).flat());
    const tail = byteParts([new Uint8Array(5000).fill(9), new Uint8Array(22).fill(8)]);
    const reads = { n: 0 };
    const original = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function (this: Blob) { reads.n++; return original.call(this); };
    try {
      expect(await saveBlobDesktop(api, { suggestedName: 'b.casefile', mimeType: 'application/zip', blob: { head, rest: Promise.resolve(tail) } }, 65536)).toEqual({ saved: true, path: '/home/u/b.casefile' });
    } finally {
      Blob.prototype.arrayBuffer = original;
    }
    expect(await bytesOf(state.chunks)).toEqual(await bytesOf([...head.parts, ...tail.parts]));
    const full = Math.floor(head.size / 65536);
    expect(state.chunks.slice(0, full).every((c) => c.length === 65536)).toBe(true);
    expect(reads.n).toBe(Math.ceil(head.size / 65536));
    expect(state.committed).toEqual({ byteLength: head.size + tail.size });
  });
});
