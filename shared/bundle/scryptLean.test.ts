// The half-memory scrypt must give exactly scrypt's output: RFC 7914's vectors (p = 1 ones,
// and the first component of the p = 16 one is not checkable with p = 1), and libsodium's
// scrypt for age's parameters at several work factors, salts and passwords.
import { describe, expect, it } from 'vitest';
import { scryptInProcess } from './ageCrypto';
import { scryptLean } from './scryptLean';

const hex = (u: Uint8Array): string => Array.from(u, (b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scryptLean (half the memory)', () => {
  it('gives RFC 7914 test vector 1 (N = 16, r = 1, p = 1)', async () => {
    expect(hex(await scryptLean(utf8(''), utf8(''), 4, 1, 64))).toBe(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906');
  });

  it('equals libsodium\'s scrypt for age\'s r = 8 at several work factors, passwords and salts', async () => {
    const cases: [string, string, number][] = [
      ['correct horse battery staple', 'age-encryption.org/v1/scrypt\u0001salt', 10],
      ['', 'x', 1],
      ['contraseña ñandú «¿?»', 'age-encryption.org/v1/scrypt0123456789abcdef', 12],
      ['p'.repeat(300), '', 14],
    ];
    for (const [password, salt, logN] of cases) {
      const full = hex(await scryptInProcess(utf8(password), utf8(salt), logN));
      for (const keep of [1, 2, 4, 8]) {
        if (2 ** logN < keep) continue;
        expect(hex(await scryptLean(utf8(password), utf8(salt), logN, 8, 32, keep)), `logN ${logN}, keep ${keep}`).toBe(full);
      }
    }
  });

  it('refuses a work factor it cannot hold', async () => {
    await expect(scryptLean(utf8('a'), utf8('b'), 0)).rejects.toThrow(RangeError);
    await expect(scryptLean(utf8('a'), utf8('b'), 31)).rejects.toThrow(RangeError);
    await expect(scryptLean(utf8('a'), utf8('b'), 10, 8, 32, 3)).rejects.toThrow(RangeError);
  });
});
