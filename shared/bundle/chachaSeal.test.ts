import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { chachaSealBase64, chachaSealWat } from '../../scripts/chacha-wasm.mjs';
import { CHACHA_SEAL_WASM } from './chachaSealWasm';
import { CHUNK_BYTES, loadSodium } from './ageCrypto';
import { BATCH_BYTES, openBatch, openInProcess, sealBatch, sealInProcess } from './ageStream';
import { loadWasmOpener, loadWasmSealer } from './chachaSeal';

/** Deterministic bytes (xorshift), so a failure names a case that can be run again. */
function bytes(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Where two byte arrays first differ (their length when one is a prefix of the other), or -1: fast on megabytes, unlike toEqual. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

describe('the sealing WebAssembly (chachaSeal.wat)', () => {
  it('is the text scripts/chacha-wasm.mjs writes', () => {
    expect(readFileSync(new URL('./chachaSeal.wat', import.meta.url), 'utf8')).toBe(chachaSealWat());
  });

  it('ships exactly the bytes wat2wasm makes of that text (regenerate with `node scripts/chacha-wasm.mjs`)', () => {
    expect(CHACHA_SEAL_WASM).toBe(chachaSealBase64(chachaSealWat()));
  });

  it('runs here (WebAssembly SIMD), so the tests below hold it and not libsodium to libsodium', async () => {
    expect(await loadWasmSealer()).not.toBeNull();
  });

  it('seals every chunk length byte for byte as libsodium does: each side of every block, tail and chunk boundary', async () => {
    const wasm = (await loadWasmSealer())!;
    const s = await loadSodium();
    // Poly1305 takes whole blocks two at a time (two SIMD lanes) and the rest one at a time: no pair,
    // one pair, a pair and an odd block (47–49: 2 blocks and a tail, 3 blocks, 3 and a tail), many.
    const lengths = [0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 79, 80, 81, 127, 128, 129, 191, 192, 193, 255, 256, 257, 511, 512, 513, 1000, 4095, 4096, 65_519, 65_520, 65_535, CHUNK_BYTES];
    let seed = 1;
    for (const length of lengths) {
      for (const key of [bytes(seed++, 32), new Uint8Array(32).fill(0xff), new Uint8Array(32)]) {
        for (const plain of [bytes(seed++, length), new Uint8Array(length).fill(0xff)]) {
          const first = seed * 7919;
          expect(firstDifference(wasm(key, plain, first, true), sealBatch(s, key, plain, first, true)), `${length} bytes, seed ${seed}`).toBe(-1);
        }
      }
    }
  });

  it('seals whole batches as libsodium does: 16 chunks, a short last chunk, the last flag, counters past 2^32', async () => {
    const wasm = (await loadWasmSealer())!;
    const s = await loadSodium();
    const key = bytes(99, 32);
    for (const [size, first, final] of [[BATCH_BYTES, 0, false], [BATCH_BYTES, 16, true], [BATCH_BYTES - 5, 32, true], [3 * CHUNK_BYTES + 1, 2 ** 32 + 3, true], [BATCH_BYTES, 2 ** 40, false]] as const) {
      const plain = bytes(size + first, size);
      const sealed = wasm(key, plain, first, final);
      expect(firstDifference(sealed, sealBatch(s, key, plain, first, final)), `${size} bytes from chunk ${first}`).toBe(-1);
      expect(firstDifference(openBatch(s, key, sealed, first, final ? first + Math.ceil(size / CHUNK_BYTES) - 1 : -1)!, plain)).toBe(-1);
    }
  });

  it('agrees with libsodium on many random keys and texts (Poly1305\'s carries and its final reduction)', async () => {
    const wasm = (await loadWasmSealer())!;
    const s = await loadSodium();
    for (let seed = 1000; seed < 1400; seed++) {
      const key = bytes(seed, 32);
      const plain = bytes(seed * 3, (seed * 2654435761) % 3000);
      expect(firstDifference(wasm(key, plain, seed, seed % 2 === 0), sealBatch(s, key, plain, seed, seed % 2 === 0)), `seed ${seed}`).toBe(-1);
    }
  });

  it('is what sealing in this realm uses, and leaves the caller\'s plaintext as it was', async () => {
    const s = await loadSodium();
    const key = bytes(5, 32);
    const plain = bytes(6, BATCH_BYTES);
    const copy = plain.slice();
    const sealed = await sealInProcess.seal(key, plain, 48, false);
    expect(firstDifference(sealed as Uint8Array, sealBatch(s, key, copy, 48, false))).toBe(-1);
    expect(firstDifference(plain, copy)).toBe(-1);
  });
});

describe('opening by the same WebAssembly', () => {
  it('opens every chunk length libsodium sealed, as libsodium opens it: each side of every block, tail and chunk boundary', async () => {
    const wasm = (await loadWasmOpener())!;
    const s = await loadSodium();
    let seed = 500;
    for (const length of [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 255, 256, 257, 4095, 65_519, 65_535, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17]) {
      const key = bytes(seed++, 32);
      const plain = bytes(seed++, length);
      const first = length === 0 ? 0 : seed;
      const last = first + Math.max(1, Math.ceil(length / CHUNK_BYTES)) - 1;
      const sealed = sealBatch(s, key, plain, first, true);
      expect(firstDifference(wasm(key, sealed, first, last)!, plain), `${length} bytes`).toBe(-1);
      expect(firstDifference(wasm(key, sealed, first, last)!, openBatch(s, key, sealed, first, last)!), `${length} bytes`).toBe(-1);
    }
  });

  it('opens nothing libsodium would not: a changed bit of text or tag in any chunk, the wrong key, index or last flag, a cut chunk, an empty chunk after the first', async () => {
    const wasm = (await loadWasmOpener())!;
    const s = await loadSodium();
    const key = bytes(41, 32);
    const plain = bytes(42, 3 * CHUNK_BYTES + 100);
    const sealed = sealBatch(s, key, plain, 7, true);
    const flipped = (at: number): Uint8Array => { const b = sealed.slice(); b[at]! ^= 1; return b; };
    const cases: [string, Uint8Array, Uint8Array, number, number][] = [
      ['a bit of chunk 1\'s text', key, flipped(5), 7, 10],
      ['a bit of chunk 2\'s tag', key, flipped(2 * (CHUNK_BYTES + 16) - 1), 7, 10],
      ['a bit of the last chunk\'s tag', key, flipped(sealed.length - 16), 7, 10],
      ['another key', bytes(43, 32), sealed, 7, 10],
      ['another first index', key, sealed, 8, 11],
      ['not flagged last', key, sealed, 7, 11],
      ['flagged last too soon', key, sealed, 7, 9],
      ['the last chunk cut shorter than a tag', key, sealed.subarray(0, 3 * (CHUNK_BYTES + 16) + 9), 7, 10],
      ['an empty chunk after the first', key, sealBatch(s, key, new Uint8Array(0), 1, true), 1, 1],
      ['nothing at all', key, new Uint8Array(0), 0, 0],
    ];
    for (const [what, k, batch, first, last] of cases) {
      expect(openBatch(s, k, batch, first, last), `libsodium: ${what}`).toBeNull();
      expect(wasm(k, batch, first, last), what).toBeNull();
    }
    const copy = sealed.slice();
    expect(firstDifference(wasm(key, sealed, 7, 10)!, plain)).toBe(-1);
    expect(firstDifference(sealed, copy), 'the sealed bytes are left as they were').toBe(-1);
  });

  it('agrees with libsodium on many random keys and texts, and refuses each with one bit changed', async () => {
    const wasm = (await loadWasmOpener())!;
    const s = await loadSodium();
    for (let seed = 2000; seed < 2200; seed++) {
      const key = bytes(seed, 32);
      const plain = bytes(seed * 5, (seed * 2654435761) % 3000);
      const sealed = sealBatch(s, key, plain, seed, true);
      expect(firstDifference(wasm(key, sealed, seed, seed)!, plain), `seed ${seed}`).toBe(-1);
      const bad = sealed.slice();
      bad[(seed * 40503) % bad.length]! ^= 1 << (seed % 8);
      expect(wasm(key, bad, seed, seed), `seed ${seed}, one bit changed`).toBeNull();
    }
  });

  it('is what opening in this realm uses', async () => {
    const s = await loadSodium();
    const key = bytes(44, 32);
    const plain = bytes(45, BATCH_BYTES);
    const sealed = sealBatch(s, key, plain, 64, false);
    expect(await loadWasmOpener()).not.toBeNull();
    expect(firstDifference(await openInProcess.open(key, sealed, 64, -1) as Uint8Array, plain)).toBe(-1);
  });
});

describe('where WebAssembly SIMD is missing', () => {
  it('libsodium seals and opens instead, the same bytes', async () => {
    const key = bytes(7, 32);
    const plain = bytes(8, 3 * 65536 + 17);
    const expected = sealBatch(await loadSodium(), key, plain, 3, true);
    vi.resetModules();
    // This runtime refuses the sealing module (as one without SIMD would); libsodium still loads.
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      const fresh = await import('./chachaSeal');
      expect(await fresh.loadWasmSealer()).toBeNull();
      expect(await fresh.loadWasmOpener()).toBeNull();
      const { sealInProcess: fallback, openInProcess: fallbackOpener } = await import('./ageStream');
      expect(firstDifference(await fallback.seal(key, plain, 3, true) as Uint8Array, expected)).toBe(-1);
      expect(firstDifference(await fallbackOpener.open(key, expected, 3, 6) as Uint8Array, plain)).toBe(-1);
      expect(await fallbackOpener.open(key, expected, 3, 5)).toBeNull();
    } finally {
      validate.mockRestore();
      vi.resetModules();
    }
  });
});
