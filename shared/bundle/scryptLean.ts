// scrypt (RFC 7914) with half the memory: ROMix keeps every other block of V and computes an
// odd one from its even neighbour when the second loop asks for it. Same output as any
// scrypt (the test compares it with libsodium's and RFC 7914's vectors); at age's default
// work factor (N = 2^18, r = 8) it holds 128 MiB instead of 256 MiB, for about a quarter more
// time. The bundle import and export stay within their memory budget with it (docs/bundle-format.md).
// PBKDF2-HMAC-SHA256 with one iteration comes from WebCrypto; only the Salsa20/8 core is here.

// shared/ is typed without the DOM library: the part of WebCrypto used here.
interface Pbkdf2Subtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: 'PBKDF2', extractable: boolean, usages: string[]): Promise<unknown>;
  deriveBits(algorithm: { name: 'PBKDF2'; salt: Uint8Array; iterations: number; hash: string }, key: unknown, length: number): Promise<ArrayBuffer>;
}
const webCrypto = (globalThis as unknown as { crypto: { subtle: Pbkdf2Subtle } }).crypto;

async function pbkdf2(password: Uint8Array, salt: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await webCrypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await webCrypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 1, hash: 'SHA-256' }, key, bytes * 8));
}

/** Salsa20/8 of the 16 words at `b[bo…]` XOR `x` in place (x ^= b; x = salsa(x)). */
function salsaXor(x: Uint32Array, b: Uint32Array, bo: number): void {
  let x0 = (x[0]! ^= b[bo]!), x1 = (x[1]! ^= b[bo + 1]!), x2 = (x[2]! ^= b[bo + 2]!), x3 = (x[3]! ^= b[bo + 3]!);
  let x4 = (x[4]! ^= b[bo + 4]!), x5 = (x[5]! ^= b[bo + 5]!), x6 = (x[6]! ^= b[bo + 6]!), x7 = (x[7]! ^= b[bo + 7]!);
  let x8 = (x[8]! ^= b[bo + 8]!), x9 = (x[9]! ^= b[bo + 9]!), x10 = (x[10]! ^= b[bo + 10]!), x11 = (x[11]! ^= b[bo + 11]!);
  let x12 = (x[12]! ^= b[bo + 12]!), x13 = (x[13]! ^= b[bo + 13]!), x14 = (x[14]! ^= b[bo + 14]!), x15 = (x[15]! ^= b[bo + 15]!);
  let u: number;
  for (let i = 0; i < 8; i += 2) {
    u = (x0 + x12) | 0; x4 ^= (u << 7) | (u >>> 25); u = (x4 + x0) | 0; x8 ^= (u << 9) | (u >>> 23);
    u = (x8 + x4) | 0; x12 ^= (u << 13) | (u >>> 19); u = (x12 + x8) | 0; x0 ^= (u << 18) | (u >>> 14);
    u = (x5 + x1) | 0; x9 ^= (u << 7) | (u >>> 25); u = (x9 + x5) | 0; x13 ^= (u << 9) | (u >>> 23);
    u = (x13 + x9) | 0; x1 ^= (u << 13) | (u >>> 19); u = (x1 + x13) | 0; x5 ^= (u << 18) | (u >>> 14);
    u = (x10 + x6) | 0; x14 ^= (u << 7) | (u >>> 25); u = (x14 + x10) | 0; x2 ^= (u << 9) | (u >>> 23);
    u = (x2 + x14) | 0; x6 ^= (u << 13) | (u >>> 19); u = (x6 + x2) | 0; x10 ^= (u << 18) | (u >>> 14);
    u = (x15 + x11) | 0; x3 ^= (u << 7) | (u >>> 25); u = (x3 + x15) | 0; x7 ^= (u << 9) | (u >>> 23);
    u = (x7 + x3) | 0; x11 ^= (u << 13) | (u >>> 19); u = (x11 + x7) | 0; x15 ^= (u << 18) | (u >>> 14);
    u = (x0 + x3) | 0; x1 ^= (u << 7) | (u >>> 25); u = (x1 + x0) | 0; x2 ^= (u << 9) | (u >>> 23);
    u = (x2 + x1) | 0; x3 ^= (u << 13) | (u >>> 19); u = (x3 + x2) | 0; x0 ^= (u << 18) | (u >>> 14);
    u = (x5 + x4) | 0; x6 ^= (u << 7) | (u >>> 25); u = (x6 + x5) | 0; x7 ^= (u << 9) | (u >>> 23);
    u = (x7 + x6) | 0; x4 ^= (u << 13) | (u >>> 19); u = (x4 + x7) | 0; x5 ^= (u << 18) | (u >>> 14);
    u = (x10 + x9) | 0; x11 ^= (u << 7) | (u >>> 25); u = (x11 + x10) | 0; x8 ^= (u << 9) | (u >>> 23);
    u = (x8 + x11) | 0; x9 ^= (u << 13) | (u >>> 19); u = (x9 + x8) | 0; x10 ^= (u << 18) | (u >>> 14);
    u = (x15 + x14) | 0; x12 ^= (u << 7) | (u >>> 25); u = (x12 + x15) | 0; x13 ^= (u << 9) | (u >>> 23);
    u = (x13 + x12) | 0; x14 ^= (u << 13) | (u >>> 19); u = (x14 + x13) | 0; x15 ^= (u << 18) | (u >>> 14);
  }
  x[0] = (x[0]! + x0) | 0; x[1] = (x[1]! + x1) | 0; x[2] = (x[2]! + x2) | 0; x[3] = (x[3]! + x3) | 0;
  x[4] = (x[4]! + x4) | 0; x[5] = (x[5]! + x5) | 0; x[6] = (x[6]! + x6) | 0; x[7] = (x[7]! + x7) | 0;
  x[8] = (x[8]! + x8) | 0; x[9] = (x[9]! + x9) | 0; x[10] = (x[10]! + x10) | 0; x[11] = (x[11]! + x11) | 0;
  x[12] = (x[12]! + x12) | 0; x[13] = (x[13]! + x13) | 0; x[14] = (x[14]! + x14) | 0; x[15] = (x[15]! + x15) | 0;
}

/** BlockMix(Salsa20/8) of the 32·r words at `src[so…]` into `dst[do…]` (RFC 7914 §4); `x` is scratch. */
function blockMix(src: Uint32Array, so: number, dst: Uint32Array, dOff: number, r: number, x: Uint32Array): void {
  const last = so + (2 * r - 1) * 16;
  for (let k = 0; k < 16; k++) x[k] = src[last + k]!;
  for (let i = 0; i < 2 * r; i++) {
    salsaXor(x, src, so + i * 16);
    // Even blocks to the first half, odd ones to the second.
    dst.set(x, dOff + ((i & 1) * r + (i >> 1)) * 16);
  }
}

function xorInto(dst: Uint32Array, src: Uint32Array, so: number, words: number): void {
  for (let i = 0; i < words; i++) dst[i]! ^= src[so + i]!;
}

/**
 * scrypt(password, salt, N = 2^logN, r, p = 1) → `length` bytes, holding one block of V in
 * `keep` (128·r·N/keep bytes: 128 MiB at logN 18, r = 8, keep 2; 64 MiB at keep 4). A block
 * not kept is computed from the kept one before it when the second loop asks for it: the
 * second loop then costs (keep + 1)/2 times as much, the whole 1.25× at keep 2, 1.75× at 4.
 */
export async function scryptLean(password: Uint8Array, salt: Uint8Array, logN: number, r = 8, length = 32, keep = 2): Promise<Uint8Array> {
  if (!Number.isInteger(logN) || logN < 1 || logN > 30) throw new RangeError('scrypt: work factor out of range');
  if (![1, 2, 4, 8].includes(keep) || 2 ** logN < keep) throw new RangeError('scrypt: keep one block in 1, 2, 4 or 8');
  const n = 2 ** logN;
  const words = 32 * r;
  const b = await pbkdf2(password, salt, 128 * r);
  // Little-endian words (every platform this runs on is little-endian; checked below).
  const bw = new Uint32Array(b.buffer, b.byteOffset, words);
  const x = new Uint32Array(words);
  x.set(bw);
  const y = new Uint32Array(words);
  const t = new Uint32Array(words);
  const u = new Uint32Array(words);
  const s = new Uint32Array(16);
  const v = new Uint32Array((n / keep) * words);
  // Loop 1: X_i for every i; keep one in `keep`.
  for (let i = 0; i < n; i++) {
    if (i % keep === 0) v.set(x, (i / keep) * words);
    blockMix(x, 0, y, 0, r, s);
    x.set(y);
  }
  // Loop 2: X = BlockMix(X ^ V_j); a block not kept is BlockMix applied to the kept one before it.
  const mask = n - 1;
  for (let i = 0; i < n; i++) {
    const j = x[(2 * r - 1) * 16]! & mask;
    const steps = j % keep;
    const base = ((j - steps) / keep) * words;
    if (steps === 0) xorInto(x, v, base, words);
    else {
      blockMix(v, base, t, 0, r, s);
      for (let k = 1; k < steps; k++) {
        blockMix(t, 0, u, 0, r, s);
        t.set(u);
      }
      xorInto(x, t, 0, words);
    }
    blockMix(x, 0, y, 0, r, s);
    x.set(y);
  }
  return pbkdf2(password, new Uint8Array(x.buffer, 0, 128 * r), length);
}

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('scryptLean needs a little-endian platform');
