/**
 * Byte helpers for the bundle format: CRC-32 (zip), SHA-256 (manifest) and strict UTF-8.
 * Both checksums are incremental, so large files are hashed in chunks. The streaming code
 * (stream.ts) uses WebCrypto's digest instead where it exists and a file fits in one read.
 */

const CRC_TABLES = (() => {
  // Slicing-by-8: eight tables, eight bytes a step (several times the byte-at-a-time speed).
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  }
  return t;
})();

/** Continues a CRC-32: `crc32Update(crc32Update(0, a), b) === crc32(a ++ b)`. */
export function crc32Update(previous: number, data: Uint8Array): number {
  const t = CRC_TABLES;
  let crc = (previous ^ 0xffffffff) >>> 0;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const a = (crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    crc = t[1792 + (a & 0xff)]! ^ t[1536 + ((a >>> 8) & 0xff)]! ^ t[1280 + ((a >>> 16) & 0xff)]! ^ t[1024 + (a >>> 24)]!
      ^ t[768 + data[i + 4]!]! ^ t[512 + data[i + 5]!]! ^ t[256 + data[i + 6]!]! ^ t[data[i + 7]!]!;
  }
  for (; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function crc32(data: Uint8Array): number {
  return crc32Update(0, data);
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Incremental SHA-256: update() with chunks of any size, then hex(). Pure TypeScript. */
export class Sha256 {
  private readonly h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly w = new Uint32Array(64);
  private readonly pending = new Uint8Array(64);
  private pendingLength = 0;
  private length = 0;

  update(data: Uint8Array): this {
    this.length += data.length;
    let at = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(64 - this.pendingLength, data.length);
      this.pending.set(data.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      at = take;
      if (this.pendingLength < 64) return this;
      this.block(this.pending, 0);
      this.pendingLength = 0;
    }
    const blocks = Math.floor((data.length - at) / 64);
    for (let i = 0; i < blocks; i++) this.block(data, at + i * 64);
    at += blocks * 64;
    this.pending.set(data.subarray(at), 0);
    this.pendingLength = data.length - at;
    return this;
  }

  hex(): string {
    // The tail: remaining bytes, 0x80, zero padding and the 64-bit big-endian bit length.
    const tailLength = this.pendingLength + 9 > 64 ? 128 : 64;
    const tail = new Uint8Array(tailLength);
    tail.set(this.pending.subarray(0, this.pendingLength));
    tail[this.pendingLength] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tailLength - 8, Math.floor(this.length / 0x20000000));
    view.setUint32(tailLength - 4, (this.length * 8) >>> 0);
    for (let i = 0; i < tailLength; i += 64) this.block(tail, i);
    return Array.from(this.h, (x) => x.toString(16).padStart(8, '0')).join('');
  }

  private block(bytes: Uint8Array, offset: number): void {
    const { h, w } = this;
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = ((bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!) >>> 0;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!, b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0; h[1] = (h[1]! + b) >>> 0; h[2] = (h[2]! + c) >>> 0; h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0; h[5] = (h[5]! + f) >>> 0; h[6] = (h[6]! + g) >>> 0; h[7] = (h[7]! + hh) >>> 0;
  }
}

/** SHA-256 of the bytes, lowercase hex. */
export function sha256Hex(data: Uint8Array): string {
  return new Sha256().update(data).hex();
}

// TextEncoder/TextDecoder exist in browsers, workers and Node 22; shared/ has no DOM types, hence the cast.
interface Utf8Globals {
  TextEncoder: new () => { encode(text: string): Uint8Array; encodeInto(text: string, into: Uint8Array): { read: number; written: number } };
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM?: boolean }) => { decode(bytes: Uint8Array): string };
}
const g = globalThis as unknown as Utf8Globals;
const encoder = new g.TextEncoder();
const strictDecoder = new g.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Below this many UTF-16 units, encode() (one call, exact size) is as quick as anything. */
const ENCODE_INTO_FROM = 4096;

/**
 * The text as UTF-8, the bytes TextEncoder.encode gives. A long text (the bundle's record lists
 * and page lists, megabytes of JSON) is encoded with encodeInto into a buffer sized for mostly-ASCII
 * text, then copied to its exact length: in Chromium several times quicker than encode() on
 * multi-megabyte strings (docs/benchmarks.md, session 10). A text that needs more room (much
 * non-ASCII) is encoded again into a buffer of the worst case, 3 bytes per UTF-16 unit.
 */
export function utf8(text: string): Uint8Array {
  if (text.length < ENCODE_INTO_FROM) return encoder.encode(text);
  const room = new Uint8Array(text.length + (text.length >> 3));
  const first = encoder.encodeInto(text, room);
  if (first.read === text.length) return room.slice(0, first.written);
  const worst = new Uint8Array(text.length * 3);
  return worst.slice(0, encoder.encodeInto(text, worst).written);
}

/** Decodes UTF-8, or returns null for bytes that are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The chunks' bytes back to back, in one new array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
