import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { hasNativeInflate, inflateNative } from './inflate';
import { craftZip } from './testing/craftZip';
import { bytesSource } from './stream';
import { readZip } from './zipRead';

const READ_STEP = 1024 * 1024;
const text = utf8(JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ id: `actor-${i}`, name: `Name ${i % 97}`, tags: ['a', 'b'] }))));
const deflated = deflateSync(text, { level: 6 });
const inflate = (raw: Uint8Array, size: number, readStep = READ_STEP) => inflateNative(bytesSource(raw), 0, raw.length, size, readStep);

describe('inflateNative (the platform zlib, bounded)', () => {
  it('is there in Node 22, as in Chromium and Electron', () => {
    expect(hasNativeInflate()).toBe(true);
  });

  it('gives the exact bytes of a sound entry, whatever the read step', async () => {
    expect(await inflate(deflated, text.length)).toEqual(text);
    expect(await inflate(deflated, text.length, 1000)).toEqual(text);
  });

  it('stops at the first byte past the declared size: too long', async () => {
    expect(await inflate(deflated, text.length - 1)).toBe('too-long');
    // A bomb: 16 MiB of zeros declared as 1 KiB stops after a step, not after 16 MiB.
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024), { level: 9 });
    expect(await inflate(bomb, 1024)).toBe('too-long');
  });

  it('leaves every other outcome to fflate (null): short, truncated, garbage, empty', async () => {
    expect(await inflate(deflated, text.length + 1)).toBeNull();
    expect(await inflate(deflated.subarray(0, deflated.length - 10), text.length)).toBeNull();
    expect(await inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00]), 10)).toBeNull();
    expect(await inflate(new Uint8Array(0), 0)).toBeNull();
  });

  it('bytes after the end of the stream: the bytes (Node ignores them, as fflate does) or null (Chromium refuses them), never another answer', async () => {
    const got = await inflate(new Uint8Array([...deflated, 1, 2, 3]), text.length);
    if (got !== null) expect(got).toEqual(text);
  });

  it('leaves an unreadable source to fflate', async () => {
    const failing = { size: deflated.length, read: async () => { throw new Error('gone'); } };
    expect(await inflateNative(failing, 0, deflated.length, text.length, READ_STEP)).toBeNull();
  });
});

describe('readZip gives the same verdicts with native inflate', () => {
  const entry = (data: Uint8Array, over: Partial<{ size: number; body: Uint8Array }> = {}) =>
    craftZip([{ name: 'actors.json', data, method: 8, ...over }]);

  it('reads a deflated entry', async () => {
    const read = await readZip(entry(text));
    expect(read.ok && read.entries[0]!.data).toEqual(text);
  });

  it('accepts bytes after the end of the deflate stream, as fflate always did', async () => {
    const read = await readZip(entry(text, { body: new Uint8Array([...deflated, 0, 0, 0]) }));
    expect(read.ok && read.entries[0]!.data).toEqual(text);
  });

  it('refuses an entry that unpacks past its size, or a stream that ends early, with the codes it had', async () => {
    const long = await readZip(entry(text, { size: text.length - 5 }));
    expect(!long.ok && long.error.code).toBe('size-mismatch');
    const short = await readZip(entry(text, { body: deflated.subarray(0, deflated.length >> 1) }));
    expect(!short.ok && short.error.code).toBe('corrupt-data');
  });
});
