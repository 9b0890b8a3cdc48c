import { concatBytes, fromUtf8, utf8 } from './bytes';
import type { ScryptFn } from './ageCrypto';
import {
  hkdfSha256, hmacSha256, loadSodium, open, randomBytes, scryptInProcess, seal,
} from './ageCrypto';
import type { AgeHeader, Stanza } from './ageHeader';
import { AGE_MAGIC, ARMOR_BEGIN, AgeHeaderError, MAX_HEADER_BYTES, base64NoPad, fromBase64NoPad, headerBytes, headerMacInput, kindOf, parseHeader, recipientTypes } from './ageHeader';
import type { BundleErrorDetail } from './manifest';
import { fail } from './manifest';
import { makeBlob, throwIfAborted } from './stream';
import type { ByteParts } from './parts';
import { byteParts, partsBlob, readParts } from './parts';
import type { ChunkSealer } from './ageStream';
import { sealInProcess, sealPieces, sealedSize } from './ageStream';

/**
 * Passphrase encryption of a whole bundle in the age v1 format (age-encryption.org/v1: one
 * scrypt recipient stanza, the header MAC, then the STREAM payload of 64 KiB ChaCha20-Poly1305
 * chunks), streamed over Blobs: the input is read a few MiB at a time and the output collected
 * into Blob parts, so neither the plaintext nor the ciphertext is ever whole in memory. The
 * output is an ordinary age file (`age -d` opens it with the same passphrase) and any binary
 * age file made with `age -p` opens here. The passphrase is never stored, logged or put in an
 * error. Crypto: ageCrypto.ts (libsodium's WebAssembly and WebCrypto).
 */

export { AGE_MAGIC };
/** age's own default; lower factors are for tests only (each step halves the attacker's cost). */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
/** Above this, a file is refused before scrypt runs (2^20 KiB = 1 GiB of memory; age's own tools stop at 22). */
export const MAX_SCRYPT_WORK_FACTOR = 20;
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';
/** Output collected into Blob parts of about this size. */
const PART_BYTES = 4 * 1024 * 1024;

export interface AgeOptions {
  signal?: AbortSignal;
  /** Bytes of output produced so far, and the expected total. */
  onProgress?: (done: number, total: number) => void;
  /** Where scrypt runs (the app: a worker of its own, ended afterwards); in this realm otherwise. */
  scrypt?: ScryptFn;
}

/** 'binary' age file, 'armored' (PEM-like text), or not age at all. */
export async function ageKind(blob: Blob): Promise<'binary' | 'armored' | null> {
  const head = fromUtf8(new Uint8Array(await blob.slice(0, ARMOR_BEGIN.length).arrayBuffer())) ?? '';
  if (head.startsWith(`${AGE_MAGIC}\n`)) return 'binary';
  if (head.startsWith(ARMOR_BEGIN)) return 'armored';
  return null;
}

/**
 * Before asking for a passphrase: refuses an age file a passphrase cannot open (armored text,
 * or encrypted to keys), saying what it is and what to do. A passphrase file passes.
 */
export async function assertPassphraseFile(blob: Blob): Promise<void> {
  if ((await ageKind(blob)) === 'armored') {
    fail('age-armored', 'This bundle is an armored (text) age file. Casefile opens binary age files: decrypt it with `age -d -o bundle.casefile FILE` and import the result, or ask for it encrypted without -a/--armor.');
  }
  const header = await readHeader(blob);
  if (kindOf(header.stanzas) === 'key') keyFile(header.stanzas);
}

function keyFile(stanzas: readonly Stanza[]): never {
  const types = recipientTypes(stanzas).join(', ');
  return fail('age-recipient-key', `This bundle is encrypted to a key (${types}), not with a passphrase, so no passphrase can open it. Decrypt it with the matching key (\`age -d -i KEYFILE -o bundle.casefile FILE\`) and import the result, or ask for a copy protected with a passphrase.`, {
    detail: { key: 'bundles.age.keyTypes', values: { types } },
  });
}

/** A fresh file key and, under way, the scrypt stanza that wraps it for a passphrase. */
export interface AgeKey {
  readonly fileKey: Uint8Array;
  readonly stanza: Promise<Stanza>;
  /**
   * The header's length in bytes, known before scrypt ends (the stanza's salt, work factor and
   * sealed file key, and the MAC, each have a fixed length): a save that streams the file knows
   * its size from the plaintext's alone (ageSealed.ts, StreamedSealedParts).
   */
  readonly headerLength: number;
}

/**
 * Starts age's scrypt for `passphrase` at once (it needs nothing of the file): the stanza is
 * ready when the header is written, and a rejection is only seen by whoever awaits it.
 */
export function ageKey(passphrase: string, opts: { scrypt?: ScryptFn; scryptWorkFactor?: number; signal?: AbortSignal } = {}): AgeKey {
  if (passphrase.length === 0) throw new Error('An empty passphrase cannot protect a bundle.');
  const logN = opts.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR;
  const fileKey = randomBytes(16);
  const salt = randomBytes(16);
  const stanza = (async (): Promise<Stanza> => {
    const key = await (opts.scrypt ?? scryptInProcess)(utf8(passphrase), concatBytes([utf8(SCRYPT_LABEL), salt]), logN, opts.signal);
    return { type: 'scrypt', args: [base64NoPad(salt), String(logN)], body: seal(await loadSodium(), key, new Uint8Array(12), fileKey) };
  })();
  stanza.catch(() => undefined); // awaited by encryptParts; an abort meanwhile must not leave it unhandled
  // The same header with zero bytes for the sealed file key (16 + its 16-byte tag) and the MAC (32).
  const shape: Stanza = { type: 'scrypt', args: [base64NoPad(salt), String(logN)], body: new Uint8Array(32) };
  return { fileKey, stanza, headerLength: headerBytes(headerMacInput([shape]), new Uint8Array(32)).length };
}

export async function encryptBlob(plain: Blob, passphrase: string, opts: EncryptOptions = {}): Promise<Blob> {
  return partsBlob(await encryptParts(byteParts([plain]), passphrase, opts));
}

/**
 * Encrypts bytes given as parts (a laid-out bundle: header arrays and PDF Blobs) into an age
 * file, also as parts: the header, the nonce, then the sealed payload as Blobs (each batch's own,
 * made by the sealing worker, or gathered here into parts of 4 MiB), never whole in memory. See
 * sealPayload for how the payload is sealed.
 */
export async function encryptParts(plain: ByteParts, passphrase: string, opts: EncryptOptions = {}): Promise<ByteParts> {
  const out = new PartCollector();
  const { header, nonce } = await sealInto(plain, passphrase, opts, (sealed) => { out.push(sealed); });
  return byteParts([header, nonce, ...out.finish()]);
}

export interface EncryptOptions extends AgeOptions {
  scryptWorkFactor?: number;
  /** Where the 64 KiB chunks are sealed (the app: workers); in this realm otherwise. */
  sealer?: ChunkSealer;
  /** A key begun earlier (ageKey), so scrypt has run while the bundle was laid out. */
  key?: AgeKey;
}

/**
 * Seals `plain` as age's STREAM payload and hands each sealed batch to `emit` in order, then
 * makes the header (scrypt's stanza, begun earlier or now, and the MAC).
 */
async function sealInto(
  plain: ByteParts, passphrase: string, opts: EncryptOptions,
  emit: (sealed: Uint8Array | Blob) => void | Promise<void>,
): Promise<{ header: Uint8Array; nonce: Uint8Array }> {
  if (passphrase.length === 0) throw new Error('An empty passphrase cannot protect a bundle.');
  throwIfAborted(opts.signal);
  // scrypt only wraps the file key for the header, so it runs while the payload is encrypted
  // (or, begun by the caller, while the bundle was laid out).
  const key = opts.key ?? ageKey(passphrase, opts);
  const nonce = randomBytes(16);
  const payloadKey = await hkdfSha256(key.fileKey, nonce, 'payload', 32);
  await sealPayload(plain, payloadKey, opts.sealer ?? sealInProcess, emit, opts);
  return { header: await ageHeader(key), nonce };
}

/** age's header for this key: its scrypt stanza (awaited) and the MAC. */
export async function ageHeader(key: AgeKey): Promise<Uint8Array> {
  const macKey = await hkdfSha256(key.fileKey, new Uint8Array(0), 'header', 32);
  const macInput = headerMacInput([await key.stanza]);
  return headerBytes(macInput, await hmacSha256(macKey, macInput));
}

/** The key the payload is sealed under for this file key and the 16-byte nonce that follows the header. */
export function payloadKeyOf(key: AgeKey, nonce: Uint8Array): Promise<Uint8Array> {
  return hkdfSha256(key.fileKey, nonce, 'payload', 32);
}

/**
 * The STREAM payload of `plain` under `payloadKey`, each sealed batch handed to `emit` in order
 * (awaited: a slow reader holds the sealing back). The input is read with several reads in
 * flight (parts.ts) and cut into batches of 64 KiB chunks that `sealer` seals,
 * `sealer.lanes` × 2 at once (the app: one worker a core), laid back in order.
 */
export async function sealPayload(
  plain: ByteParts, payloadKey: Uint8Array, sealer: ChunkSealer,
  emit: (sealed: Uint8Array | Blob) => void | Promise<void>,
  opts: { signal?: AbortSignal | undefined; onProgress?: ((done: number, total: number) => void) | undefined } = {},
): Promise<void> {
  const total = sealedSize(plain.size);
  const taken = await sealPieces(readParts(plain, { signal: opts.signal }), payloadKey, sealer, emit, {
    signal: opts.signal,
    onSealed: (done) => opts.onProgress?.(done, total),
    onTaken: (n) => { if (n > plain.size) throw new Error(`The bundle's parts hold more than the ${plain.size} bytes announced.`); },
  });
  if (taken !== plain.size) throw new Error(`The bundle's parts held ${taken} bytes, not the ${plain.size} announced.`);
}

/** The passphrase stanza's scrypt salt (with age's label, as scrypt takes it) and work factor, checked; refuses what is not one. */
function scryptStanza(header: AgeHeader): { stanza: Stanza; salt: Uint8Array; logN: number } {
  const { stanzas } = header;
  const bad = (what: string): never => damaged(`The encrypted bundle's header is damaged: ${what}.`, { key: 'bundles.age.header' });
  if (stanzas.length !== 1) bad('a passphrase-protected age file has exactly one recipient stanza');
  const [st] = stanzas as [Stanza];
  const [saltText, logText] = st.args;
  const salt = st.args.length === 2 ? fromBase64NoPad(saltText!) : null;
  if (!salt || salt.length !== 16 || !/^[1-9][0-9]?$/.test(logText!) || st.body.length !== 32) bad('its scrypt stanza is malformed');
  const logN = Number(logText);
  if (logN > MAX_SCRYPT_WORK_FACTOR) {
    fail('unsupported-encryption', `This bundle was encrypted with a key-stretching setting (scrypt 2^${logN}) far above age's default (2^18); Casefile will not spend that long and that much memory on it.`);
  }
  return { stanza: st, salt: concatBytes([utf8(SCRYPT_LABEL), salt!]), logN };
}

/**
 * What scrypt is run on for `passphrase` to open the age file `cipher` (the same arguments
 * decryptBlob gives its ScryptFn), or null when the file is not one a passphrase opens or its
 * header is unsound: a caller may stretch the passphrase ahead, while it is being typed.
 */
export async function passphraseScryptArgs(cipher: Blob, passphrase: string): Promise<{ password: Uint8Array; salt: Uint8Array; logN: number } | null> {
  try {
    if ((await ageKind(cipher)) !== 'binary') return null;
    const { salt, logN } = scryptStanza(await readHeader(cipher));
    return { password: utf8(passphrase), salt, logN };
  } catch {
    return null;
  }
}

/** The file key, unwrapped from the passphrase stanza (decryption, ageDecrypt.ts). */
export async function unwrapFileKey(header: AgeHeader, passphrase: string, scrypt: ScryptFn): Promise<Uint8Array> {
  const { stanza: st, salt, logN } = scryptStanza(header);
  const key = await scrypt(utf8(passphrase), salt, logN);
  const fileKey = open(await loadSodium(), key, new Uint8Array(12), st.body);
  if (!fileKey) fail('wrong-passphrase', 'The passphrase does not open this bundle.');
  return fileKey;
}

/** The header, or the refusal that says what is wrong with it. */
export async function readHeader(blob: Blob): Promise<AgeHeader> {
  const head = new Uint8Array(await blob.slice(0, MAX_HEADER_BYTES).arrayBuffer());
  try {
    return parseHeader(head);
  } catch (e) {
    if (!(e instanceof AgeHeaderError)) throw e;
    if (e.message === 'the file ends inside its header') cutShort(blob.size);
    return damaged(`The encrypted bundle's header is damaged: ${e.message}.`, { key: 'bundles.age.header' });
  }
}

export function damaged(message: string, detail: BundleErrorDetail): never {
  return fail('decryption-failed', message, { detail });
}

export function cutShort(size: number): never {
  return damaged(`The encrypted bundle was cut short: it stops after ${size} bytes, before its end. Copy or download it again.`, { key: 'bundles.age.truncated', values: { size } });
}

/** Output chunks gathered into Blob parts, so they leave the JS heap as they come. */
export class PartCollector {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  size = 0;

  push(bytes: Uint8Array | Blob): void {
    if (!('byteLength' in bytes)) {
      // Already a Blob (a sealing worker made it): kept as a part of its own, in order.
      this.flush();
      this.parts.push(bytes);
      this.size += bytes.size;
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.size += bytes.length;
    if (this.pendingBytes >= PART_BYTES) this.flush();
  }

  finish(): Blob[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.pendingBytes === 0 && this.pending.length === 0) return;
    this.parts.push(makeBlob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
