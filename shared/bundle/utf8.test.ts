import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';

/** utf8() gives exactly TextEncoder's bytes, whatever the text, in an array of exactly their length. */
describe('utf8', () => {
  const encoder = new TextEncoder();
  const same = (text: string) => {
    const bytes = utf8(text);
    expect(bytes).toEqual(encoder.encode(text));
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  };

  it('short and long ASCII, across the size where it switches to encodeInto', () => {
    for (const n of [0, 1, 4095, 4096, 4097, 100_000]) same('a'.repeat(n));
    same(JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, text: 'page text' }))));
  });

  it('accented Spanish text (2 bytes a letter), within the room it starts with and beyond it', () => {
    same(`${'a'.repeat(9000)}${'ñ'.repeat(1000)}`); // 10 % more bytes than units: fits
    same('Asháninka, Ayacucho, Huallaga — peñón, acción. '.repeat(2000));
    same('ñ'.repeat(10_000)); // twice the units: encoded again
  });

  it('three- and four-byte characters, a surrogate pair at the edge of the first buffer, and lone surrogates', () => {
    same('漢字'.repeat(5000));
    const room = 8192 + (8192 >> 3);
    same(`${'a'.repeat(room - 1)}😀${'a'.repeat(7000)}`.slice(0, 8192));
    same(`${'a'.repeat(room - 2)}😀😀${'b'.repeat(100)}`);
    same(`${'x'.repeat(5000)}\ud800 and \udc00 alone`);
  });
});
