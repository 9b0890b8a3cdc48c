import type Sodium from 'libsodium-wrappers-sumo';
import { utf8 } from './bytes';

/**
 * The primitives of age v1 at native-like speed: ChaCha20-Poly1305 and scrypt from libsodium
 * (WebAssembly; its build uses no eval, so it runs under the app's CSP with 'wasm-unsafe-eval'
 * only), HKDF-SHA-256 and HMAC-SHA-256 from WebCrypto. libsodium is loaded on first use.
 */

interface Subtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: unknown, extractable: boolean, usages: string[]): Promise<unknown>;
  deriveBits(algorithm: unknown, key: unknown, length: number): Promise<ArrayBuffer>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
const webCrypto = (globalThis as unknown as { crypto: { subtle: Subtle; getRandomValues<T extends Uint8Array>(a: T): T } }).crypto;

type Sodium = typeof Sodium;
let ready: Promise<Sodium> | null = null;
/**
 * libsodium, loaded on first use and instantiated once per realm: a worker that never meets an
 * encrypted bundle never loads its 400 KB or compiles its WebAssembly.
 */
export function loadSodium(): Promise<Sodium> {
  return (ready ??= import('libsodium-wrappers-sumo').then(async (m) => {
    const sodium = m.default;
    await sodium.ready;
    return sodium;
  }));
}

export function randomBytes(n: number): Uint8Array {
  return webCrypto.getRandomValues(new Uint8Array(n));
}

export async function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: string, length: number): Promise<Uint8Array> {
  const key = await webCrypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await webCrypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: utf8(info) }, key, length * 8));
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await webCrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await webCrypto.subtle.sign('HMAC', k, data));
}

/** Constant-time comparison of two MACs. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/**
 * scrypt(password, salt, N = 2^logN, r = 8, p = 1) → 32 bytes. It needs 2^logN KiB of memory
 * (256 MiB at age's default 18), which a WebAssembly instance never gives back: the app runs
 * it in a worker of its own that is ended afterwards (renderer/workers/scryptClient.ts).
 * `signal` lets a caller that no longer needs the key stop it where it can be stopped (a worker
 * is ended); in this realm it runs to its end.
 */
export type ScryptFn = (password: Uint8Array, salt: Uint8Array, logN: number, signal?: AbortSignal) => Promise<Uint8Array>;

export const scryptInProcess: ScryptFn = async (password, salt, logN) => {
  const s = await loadSodium();
  return s.crypto_pwhash_scryptsalsa208sha256_ll(password, salt, 2 ** logN, 8, 1, 32);
};

/** ChaCha20-Poly1305 (IETF, 12-byte nonce), no associated data. */
export function seal(s: Sodium, key: Uint8Array, nonce: Uint8Array, plain: Uint8Array): Uint8Array {
  return s.crypto_aead_chacha20poly1305_ietf_encrypt(plain, null, null, nonce, key);
}

/** The plaintext, or null when the tag does not verify. */
export function open(s: Sodium, key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  try {
    return s.crypto_aead_chacha20poly1305_ietf_decrypt(null, sealed, null, nonce, key);
  } catch {
    return null;
  }
}

export const TAG_BYTES = 16;
/** age's STREAM: 64 KiB of plaintext per chunk, each sealed on its own. */
export const CHUNK_BYTES = 64 * 1024;
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

/** The STREAM nonce of chunk `index`: an 11-byte big-endian counter, then 1 on the last chunk. */
export function streamNonce(index: number, last: boolean, into = new Uint8Array(12)): Uint8Array {
  into.fill(0);
  let n = index;
  for (let i = 10; i >= 0 && n > 0; i--) {
    into[i] = n % 256;
    n = Math.floor(n / 256);
  }
  into[11] = last ? 1 : 0;
  return into;
}
