import { describe, expect, it } from 'vitest';
import { encryptBlob } from './age';
import { SEALED_CHUNK_BYTES } from './ageCrypto';
import { decryptBlob } from './ageDecrypt';
import { parseHeader } from './ageHeader';
import type { ChunkOpener } from './ageStream';
import { openInProcess } from './ageStream';
import { BundleFailure } from './manifest';

/**
 * A passphrase import's chunks opened on several lanes (the app: the sealing workers), batches
 * finishing in any order: the plaintext is the same bytes, and damage is still said for the
 * first chunk that does not open, whichever batch its lane finished first.
 */

const PASSPHRASE = 'correct horse battery staple ñ';
const FAST = { scryptWorkFactor: 10 };
const K = 64 * 1024;
/** A batch: 64 chunks (decryptBlob's reads). */
const BATCH = 64 * K;

const pattern = (seed: number, n: number): Uint8Array => new Uint8Array(n).map((_, i) => (i * 7 + seed + (i >> 12)) % 253);
const blobOf = (b: Uint8Array): Blob => new Blob([b as Uint8Array<ArrayBuffer>]);
const bytesOf = async (b: Blob): Promise<Uint8Array> => new Uint8Array(await b.arrayBuffer());
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Takes the bytes over as a worker does: the caller's copy is detached. */
function takeOver(sealed: Uint8Array): Uint8Array {
  const own = sealed.slice();
  structuredClone(sealed.buffer, { transfer: [sealed.buffer as ArrayBuffer] });
  return own;
}

/** Three lanes whose batches come back in reverse order of asking, some as Blobs, recording what they were given. */
function lanes(asked: number[] = []): ChunkOpener {
  let delay = 15;
  return {
    lanes: 3,
    open: (key, sealed, first, last) => {
      asked.push(first);
      const own = takeOver(sealed);
      const wait = (delay = delay > 3 ? delay - 4 : 15);
      return new Promise((resolve) => setTimeout(() => resolve(openInProcess.open(key, own, first, last).then((p) => (p instanceof Uint8Array && (first / 64) % 2 ? blobOf(p) : p))), wait));
    },
  };
}

async function refusal(work: Promise<unknown>) {
  const e: unknown = await work.then(() => null, (err: unknown) => err);
  if (!(e instanceof BundleFailure)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e.error;
}

describe('a passphrase bundle opened on several lanes', () => {
  it('gives the same bytes at every batch boundary, whatever order the lanes finish in', async () => {
    for (const size of [0, 1, K, BATCH - 1, BATCH, BATCH + 1, 3 * BATCH + 5 * K + 3]) {
      const plain = pattern(size, size);
      const cipher = await encryptBlob(blobOf(plain), PASSPHRASE, FAST);
      const asked: number[] = [];
      const out = await bytesOf(await decryptBlob(cipher, PASSPHRASE, { opener: lanes(asked) }));
      expect(sameBytes(out, plain), `${size} bytes`).toBe(true);
      expect(asked, `${size} bytes: one request a batch`).toEqual(Array.from({ length: Math.max(1, Math.ceil(size / BATCH)) }, (_, i) => i * 64));
    }
  }, 60_000);

  it('names the first damaged chunk even when a later batch failed first', async () => {
    const cipher = await bytesOf(await encryptBlob(blobOf(pattern(1, 4 * BATCH)), PASSPHRASE, FAST));
    const payloadAt = parseHeader(cipher).payloadOffset + 16;
    // Chunk 140 (in the third batch) and chunk 250 (in the fourth, which finishes first).
    cipher[payloadAt + 139 * SEALED_CHUNK_BYTES + 9]! ^= 1;
    cipher[payloadAt + 249 * SEALED_CHUNK_BYTES + 9]! ^= 1;
    const e = await refusal(decryptBlob(blobOf(cipher), PASSPHRASE, { opener: lanes() }));
    expect(e.code).toBe('decryption-failed');
    expect(e.detail).toEqual({ key: 'bundles.age.chunk', values: { chunk: 140, offset: payloadAt + 139 * SEALED_CHUNK_BYTES } });
  }, 60_000);

  it('says a file cut short in a later batch is cut short, and one with bytes after its end goes on', async () => {
    const whole = await bytesOf(await encryptBlob(blobOf(pattern(2, 2 * BATCH)), PASSPHRASE, FAST));
    const payloadAt = parseHeader(whole).payloadOffset + 16;
    const cut = payloadAt + 100 * SEALED_CHUNK_BYTES;
    expect((await refusal(decryptBlob(blobOf(whole.slice(0, cut)), PASSPHRASE, { opener: lanes() }))).detail).toEqual({ key: 'bundles.age.truncated', values: { size: cut } });
    const joined = new Uint8Array(whole.length + 3 * SEALED_CHUNK_BYTES);
    joined.set(whole);
    expect((await refusal(decryptBlob(blobOf(joined), PASSPHRASE, { opener: lanes() }))).detail).toEqual({ key: 'bundles.age.trailing', values: { offset: whole.length } });
  }, 60_000);

  it('refuses a batch its opener could not open even if it opens here, naming where that batch starts', async () => {
    const cipher = await encryptBlob(blobOf(pattern(3, 2 * BATCH + 10)), PASSPHRASE, FAST);
    const payloadAt = parseHeader(await bytesOf(cipher)).payloadOffset + 16;
    const flaky: ChunkOpener = { lanes: 2, open: (key, sealed, first, last) => (first === 64 ? Promise.resolve(null) : openInProcess.open(key, takeOver(sealed), first, last)) };
    const e = await refusal(decryptBlob(cipher, PASSPHRASE, { opener: flaky }));
    expect(e.detail).toEqual({ key: 'bundles.age.chunk', values: { chunk: 65, offset: payloadAt + 64 * SEALED_CHUNK_BYTES } });
  }, 60_000);

  it('a lane that fails fails the decryption with its reason; a cancel stops it', async () => {
    const cipher = await encryptBlob(blobOf(pattern(4, 3 * BATCH)), PASSPHRASE, FAST);
    const broken: ChunkOpener = { lanes: 2, open: (key, sealed, first, last) => (first === 128 ? Promise.reject(new Error('An encryption worker stopped: out of memory.')) : openInProcess.open(key, sealed, first, last)) };
    await expect(decryptBlob(cipher, PASSPHRASE, { opener: broken })).rejects.toThrow('An encryption worker stopped: out of memory.');
    const c = new AbortController();
    await expect(decryptBlob(cipher, PASSPHRASE, { opener: lanes(), signal: c.signal, onProgress: () => c.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  }, 60_000);
});
