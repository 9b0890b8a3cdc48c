import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256OfBlob } from './sha256';

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors, as 64 lowercase hex digits', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe(EMPTY);
    expect(await sha256Hex(utf8('abc'))).toBe(ABC);
    expect(await sha256Hex(utf8('abc').buffer)).toBe(ABC);
    expect(await sha256Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes only the bytes a view covers, not its whole buffer', async () => {
    const whole = utf8('xxabcyy');
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(ABC);
  });

  it('hashes a Blob by its content', async () => {
    expect(await sha256OfBlob(new Blob([utf8('a'), utf8('bc')]))).toBe(ABC);
  });
});
