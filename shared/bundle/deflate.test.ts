import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRaw } from './deflate';
import { utf8 } from './bytes';

describe('deflateRaw', () => {
  const text = utf8(JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: `actor-${i}`, name: `Name ${i % 97}`, note: 'á'.repeat(i % 13) }))));

  it('gives raw deflate that inflates back to the input, natively and by fflate', async () => {
    const native = await deflateRaw(text);
    const fallback = await deflateRaw(text, { forceFflate: true });
    expect(inflateSync(native)).toEqual(text);
    expect(inflateSync(fallback)).toEqual(text);
    expect(native.length).toBeLessThan(text.length / 4);
    // The same input twice, the same bytes (same zlib).
    expect(await deflateRaw(text)).toEqual(native);
  });

  it('handles empty input and a view into a larger buffer', async () => {
    expect(inflateSync(await deflateRaw(new Uint8Array(0)))).toEqual(new Uint8Array(0));
    const view = text.subarray(100, 5100);
    expect(inflateSync(await deflateRaw(view))).toEqual(view);
  });

  it('runs on the platform zlib in Node 22 (CompressionStream deflate-raw)', () => {
    expect(() => new CompressionStream('deflate-raw')).not.toThrow();
  });
});
