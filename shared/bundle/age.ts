import { Decrypter, Encrypter } from 'age-encryption';
import { fromUtf8 } from './bytes';
import { fail } from './manifest';
import type { ByteStream } from './stream';
import { chunkedStream, isAbortError, streamToBlob, throwIfAborted } from './stream';

/**
 * Passphrase encryption of a whole bundle in the age format (age-encryption.org/v1, scrypt
 * recipient), streamed: the plaintext is read in chunks and the ciphertext collected into a
 * Blob, so neither is held whole in the JS heap. The output is an ordinary age file: `age -d`
 * and `rage -d` open it with the same passphrase. The passphrase is only handed to the age
 * library; it is never stored, logged or put in an error.
 */

export const AGE_MAGIC = 'age-encryption.org/v1';
const ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';
/** age's own default; lower factors are for tests only (each step halves the attacker's cost). */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
const STREAM_CHUNK_BYTES = 1024 * 1024;

export interface AgeOptions {
  signal?: AbortSignal;
  /** Bytes of output produced so far, and the expected total. */
  onProgress?: (done: number, total: number) => void;
}

/** 'binary' age file, 'armored' (PEM-like text, not read), or not age at all. */
export async function ageKind(blob: Blob): Promise<'binary' | 'armored' | null> {
  const head = fromUtf8(new Uint8Array(await blob.slice(0, ARMOR_MAGIC.length).arrayBuffer())) ?? '';
  if (head.startsWith(`${AGE_MAGIC}\n`)) return 'binary';
  if (head.startsWith(ARMOR_MAGIC)) return 'armored';
  return null;
}

type SizedStream = ByteStream & { size(sourceSize: number): number };

export async function encryptBlob(plain: Blob, passphrase: string, opts: AgeOptions & { scryptWorkFactor?: number } = {}): Promise<Blob> {
  if (passphrase.length === 0) throw new Error('An empty passphrase cannot protect a bundle.');
  throwIfAborted(opts.signal);
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(opts.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
  const out = (await encrypter.encrypt(chunkedStream(plain, STREAM_CHUNK_BYTES, opts.signal) as never)) as unknown as SizedStream;
  const total = out.size(plain.size);
  let done = 0;
  return streamToBlob(out, { signal: opts.signal, onBytes: (n) => opts.onProgress?.((done += n), total) });
}

/**
 * Decrypts an age file with a passphrase into a Blob of the plaintext. Refusals, as
 * BundleFailure: `wrong-passphrase`, `unsupported-encryption` (encrypted to keys rather than
 * a passphrase, armored, or an absurd work factor) and `decryption-failed` (damaged or cut
 * short: age authenticates every 64 KiB chunk, so no altered byte goes unnoticed).
 */
export async function decryptBlob(cipher: Blob, passphrase: string, opts: AgeOptions = {}): Promise<Blob> {
  throwIfAborted(opts.signal);
  if ((await ageKind(cipher)) === 'armored') {
    fail('unsupported-encryption', 'This bundle is encrypted as armored (text) age; Casefile reads only the binary age files it writes. Decrypt it with `age -d` first.');
  }
  const header = await readHeaderLines(cipher);
  if (!header.some((line) => line.startsWith('-> scrypt '))) {
    fail('unsupported-encryption', 'This bundle is encrypted for someone\'s key, not with a passphrase; Casefile opens only passphrase-encrypted bundles.');
  }
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  let out: SizedStream;
  try {
    out = (await decrypter.decrypt(chunkedStream(cipher, STREAM_CHUNK_BYTES, opts.signal) as never)) as unknown as SizedStream;
  } catch (e) {
    if (isAbortError(e)) throw e;
    const message = e instanceof Error ? e.message : '';
    if (/no identity matched/.test(message)) fail('wrong-passphrase', 'The passphrase does not open this bundle.');
    if (/work factor is too high/.test(message)) fail('unsupported-encryption', 'This bundle was encrypted with a key-stretching setting far above age\'s default; Casefile will not spend that long on it.');
    return damaged();
  }
  let total = cipher.size;
  try {
    total = out.size(cipher.size);
  } catch {
    // A ciphertext of an impossible length: decrypting will fail on its last chunk.
  }
  let done = 0;
  try {
    return await streamToBlob(out, { signal: opts.signal, onBytes: (n) => opts.onProgress?.((done += n), total) });
  } catch (e) {
    if (isAbortError(e)) throw e;
    return damaged();
  }
}

function damaged(): never {
  return fail('decryption-failed', 'The encrypted bundle is damaged: part of it does not decrypt. It may have been cut short or altered on the way; ask for a new copy.');
}

/** The header's text lines (up to the MAC line), read from the first few KiB. */
async function readHeaderLines(blob: Blob): Promise<string[]> {
  const head = new Uint8Array(await blob.slice(0, 8192).arrayBuffer());
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0x0a) continue;
    const line = fromUtf8(head.subarray(start, i)) ?? '';
    if (line.startsWith('---')) return lines;
    lines.push(line);
    start = i + 1;
  }
  return damaged();
}
