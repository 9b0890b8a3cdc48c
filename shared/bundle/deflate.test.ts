import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRaw, deflateWithCrc, gzipBody } from './deflate';
import { crc32, utf8 } from './bytes';

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

  it('with the CRC-32: the same deflate bytes as deflateRaw, and the CRC-32 of the input, whatever its size', async () => {
    for (const input of [text, text.subarray(7, 4000), new Uint8Array(0), utf8('ñandú')]) {
      const { bytes, crc } = await deflateWithCrc(input);
      expect(bytes).toEqual(await deflateRaw(input));
      expect(crc).toBe(crc32(input));
      expect(inflateSync(bytes)).toEqual(input);
    }
  });

  it('reads a gzip member\'s deflate and CRC-32 past optional header fields, and refuses anything else', () => {
    const body = new Uint8Array([3, 0]); // an empty final block
    const trailer = (crc: number, size: number) => { const t = new Uint8Array(8); new DataView(t.buffer).setUint32(0, crc, true); new DataView(t.buffer).setUint32(4, size, true); return t; };
    const member = (flags: number, extra: number[]) => new Uint8Array([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3, ...extra, ...body, ...trailer(0, 0)]);
    expect(gzipBody(member(0, []), 0)).toEqual({ bytes: body, crc: 0 });
    // FEXTRA (2 bytes), FNAME and FCOMMENT (zero-terminated), FHCRC.
    expect(gzipBody(member(4 | 8 | 16 | 2, [2, 0, 9, 9, 0x61, 0x62, 0, 0x63, 0, 7, 7]), 0)).toEqual({ bytes: body, crc: 0 });
    expect(gzipBody(member(0, []), 1)).toBeNull(); // another size than the input's
    expect(gzipBody(new Uint8Array([0x1f, 0x8b, 9, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0)).toBeNull(); // not deflate
    expect(gzipBody(new Uint8Array(10), 0)).toBeNull();
  });
});
