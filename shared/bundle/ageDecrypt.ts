import { SEALED_CHUNK_BYTES, TAG_BYTES, hkdfSha256, hmacSha256, loadSodium, open, sameBytes, scryptInProcess, streamNonce } from './ageCrypto';
import type { AgeOptions } from './age';
import { PartCollector, assertPassphraseFile, cutShort, damaged, readHeader, unwrapFileKey } from './age';
import type { ChunkOpener } from './ageStream';
import { openInProcess } from './ageStream';
import { makeBlob, throwIfAborted } from './stream';

/**
 * Decryption of a passphrase age file (age.ts encrypts). The payload's 64 KiB chunks open
 * independently, so they are read a few MiB at a time and opened by a ChunkOpener: in this realm,
 * or the app's sealing workers (one a core, renderer/workers/sealPool.ts), a few batches in
 * flight and the plaintext laid back in order. A batch that does not open is read again and
 * opened here chunk by chunk, to say which part is damaged and how.
 */

export interface DecryptOptions extends AgeOptions {
  /** Where the chunks are opened (the app: workers); in this realm otherwise. */
  opener?: ChunkOpener;
}

/** Sealed bytes read and opened per batch: 64 chunks (4 MiB), so a worker's message costs little next to its work. */
const BATCH_SEALED_BYTES = SEALED_CHUNK_BYTES * 64;

/**
 * Decrypts an age file with a passphrase into a Blob of the plaintext. Refusals, as
 * BundleFailure: `age-armored` and `age-recipient-key` (a passphrase cannot help),
 * `wrong-passphrase`, `unsupported-encryption` (an absurd work factor) and `decryption-failed`
 * with what is damaged: the header, its MAC, a chunk (and where), or the end (cut short).
 */
export async function decryptBlob(cipher: Blob, passphrase: string, opts: DecryptOptions = {}): Promise<Blob> {
  throwIfAborted(opts.signal);
  await assertPassphraseFile(cipher);
  const header = await readHeader(cipher);
  const fileKey = await unwrapFileKey(header, passphrase, opts.scrypt ?? scryptInProcess);
  throwIfAborted(opts.signal);
  const macKey = await hkdfSha256(fileKey, new Uint8Array(0), 'header', 32);
  if (!sameBytes(await hmacSha256(macKey, header.macInput), header.mac)) {
    damaged('The encrypted bundle\'s header has been altered: its MAC does not match, so none of it is trusted.', { key: 'bundles.age.mac' });
  }
  const payloadStart = header.payloadOffset + 16;
  if (cipher.size < payloadStart + TAG_BYTES) cutShort(cipher.size);
  const nonce = new Uint8Array(await cipher.slice(header.payloadOffset, payloadStart).arrayBuffer());
  const payloadKey = await hkdfSha256(fileKey, nonce, 'payload', 32);
  const payload = cipher.slice(payloadStart);
  const count = Math.ceil(payload.size / SEALED_CHUNK_BYTES);
  const lastSize = payload.size - (count - 1) * SEALED_CHUNK_BYTES;
  if (count > 1 && lastSize <= TAG_BYTES) {
    damaged(`The encrypted bundle ends with ${lastSize} stray bytes after byte ${cipher.size - lastSize}: it was altered or two files were joined.`, { key: 'bundles.age.trailing', values: { offset: cipher.size - lastSize } });
  }
  const total = payload.size - count * TAG_BYTES;
  const opener = opts.opener ?? openInProcess;
  const inFlight = Math.max(2, opener.lanes * 2);
  const out = new PartCollector();
  const opening: { at: number; length: number; plain: Promise<Uint8Array | Blob | null> }[] = [];
  const take = async (): Promise<void> => {
    const batch = opening.shift()!;
    const plain = await batch.plain;
    throwIfAborted(opts.signal);
    if (!plain) {
      // Read again (the opener took the bytes) and opened here, chunk by chunk, to say why.
      const sealed = new Uint8Array(await payload.slice(batch.at, batch.at + batch.length).arrayBuffer());
      await explainBatch(payloadKey, sealed, { at: batch.at, count, payloadStart, cipherSize: cipher.size });
    }
    out.push(plain!);
    opts.onProgress?.(out.size, total);
  };
  try {
    for await (const [at, sealed] of slices(payload, opts.signal, BATCH_SEALED_BYTES)) {
      // Its length now: the opener may take the bytes over (a worker detaches them).
      const length = sealed.length;
      const plain = opener.open(payloadKey, sealed, at / SEALED_CHUNK_BYTES, count - 1);
      plain.catch(() => undefined); // awaited in order by take()
      opening.push({ at, length, plain });
      while (opening.length >= inFlight) await take();
    }
    while (opening.length > 0) await take();
  } finally {
    await Promise.allSettled(opening.map((b) => b.plain));
  }
  return makeBlob(out.finish());
}

/**
 * Opens a batch that did not open chunk by chunk, and throws what is wrong with the first chunk
 * that does not: altered, cut short where a chunk ended, or going on after its end.
 */
async function explainBatch(
  payloadKey: Uint8Array, sealed: Uint8Array,
  where: { at: number; count: number; payloadStart: number; cipherSize: number },
): Promise<never> {
  const s = await loadSodium();
  const n = new Uint8Array(12);
  for (let o = 0; o < sealed.length || o === 0; o += SEALED_CHUNK_BYTES) {
    const chunk = sealed.subarray(o, o + SEALED_CHUNK_BYTES);
    const index = (where.at + o) / SEALED_CHUNK_BYTES;
    const last = index === where.count - 1;
    const plain = open(s, payloadKey, streamNonce(index, last, n), chunk);
    if (plain && (plain.length > 0 || index === 0)) continue;
    const offset = where.payloadStart + where.at + o;
    // A full last chunk that opens as a middle one: the file stops where a chunk did.
    if (last && chunk.length === SEALED_CHUNK_BYTES && open(s, payloadKey, streamNonce(index, false, n), chunk)) cutShort(where.cipherSize);
    // A middle chunk sealed as the last one: the file goes on after its real end.
    if (!last && open(s, payloadKey, streamNonce(index, true, n), chunk)) {
      const end = offset + chunk.length;
      damaged(`The encrypted bundle goes on after its end (byte ${end}): it was altered or two files were joined.`, { key: 'bundles.age.trailing', values: { offset: end } });
    }
    if (last) {
      damaged(`The encrypted bundle's last part (from byte ${offset}) does not decrypt: the file was cut short or its end altered.`, { key: 'bundles.age.end', values: { offset } });
    }
    damaged(`Part ${index + 1} of the encrypted bundle (64 KiB from byte ${offset}) does not decrypt: those bytes were altered.`, { key: 'bundles.age.chunk', values: { chunk: index + 1, offset } });
  }
  // The opener refused what opens here: its bytes changed under it (the file was altered while read).
  return damaged(`Part ${where.at / SEALED_CHUNK_BYTES + 1} of the encrypted bundle (from byte ${where.payloadStart + where.at}) does not decrypt: those bytes were altered.`, {
    key: 'bundles.age.chunk', values: { chunk: where.at / SEALED_CHUNK_BYTES + 1, offset: where.payloadStart + where.at },
  });
}

/** The Blob in reads of `step` bytes, the next read already under way while one is used. */
async function* slices(blob: Blob, signal: AbortSignal | undefined, step: number): AsyncGenerator<[number, Uint8Array]> {
  const read = (at: number): Promise<Uint8Array> | null => {
    if (at >= blob.size) return null;
    const p = blob.slice(at, Math.min(blob.size, at + step)).arrayBuffer().then((b) => new Uint8Array(b));
    p.catch(() => undefined);
    return p;
  };
  if (blob.size === 0) {
    yield [0, new Uint8Array(0)];
    return;
  }
  let next = read(0);
  for (let at = 0; next; at += step) {
    const bytes = await next;
    throwIfAborted(signal);
    next = read(at + step);
    yield [at, bytes];
  }
}
