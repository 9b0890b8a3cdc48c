import type { AgeKey } from './age';
import { ageHeader, ageKey, payloadKeyOf, sealPayload } from './age';
import type { ScryptFn } from './ageCrypto';
import { randomBytes } from './ageCrypto';
import type { ChunkSealer } from './ageStream';
import { BATCH_BYTES, sealInProcess, sealPieces, sealedSize } from './ageStream';
import { concatBytes } from './bytes';
import type { ByteParts, StreamedParts } from './parts';
import { readStreamedParts } from './parts';
import { makeBlob, throwIfAborted } from './stream';

/**
 * An age file not sealed yet: its header (with the nonce) ready, and the plaintext's parts
 * with the key their STREAM payload is to be sealed under. The desktop save seals the payload
 * as it writes the file (writeSealed), so the sealed bytes go straight to the disk: no Blob of
 * them is made and read back, and the plaintext's reads overlap the sealing. The bytes written
 * are those encryptParts (age.ts) would give for the same key and nonce: an ordinary age file.
 *
 * The payload key opens this one file only (it is derived from a fresh file key and nonce);
 * it stays in the renderer, like the passphrase the user typed there.
 */
export interface SealedParts {
  /** age's header then the 16-byte nonce: the file's first bytes. */
  readonly head: Uint8Array;
  /** The plaintext (the laid-out zip), in order, never assembled. */
  readonly plain: ByteParts;
  readonly payloadKey: Uint8Array;
  /** The age file's size: the head and the sealed payload. */
  readonly size: number;
}

export const isSealedParts = (x: unknown): x is SealedParts =>
  typeof x === 'object' && x !== null && 'payloadKey' in x && 'head' in x && 'plain' in x;

/**
 * The age file of `plain` for `passphrase`, to be sealed where it is written. Waits for the
 * stanza (scrypt, begun earlier by the caller as `key`, or now), as the header comes first.
 */
export async function sealAtSave(
  plain: ByteParts, passphrase: string, opts: { key?: AgeKey; scrypt?: ScryptFn; scryptWorkFactor?: number; signal?: AbortSignal } = {},
): Promise<SealedParts> {
  throwIfAborted(opts.signal);
  const key = opts.key ?? ageKey(passphrase, opts);
  const nonce = randomBytes(16);
  const [header, payloadKey] = await Promise.all([ageHeader(key), payloadKeyOf(key, nonce)]);
  throwIfAborted(opts.signal);
  const head = concatBytes([header, nonce]);
  return { head, plain, payloadKey, size: head.length + sealedSize(plain.size) };
}

/** Hands a sealed batch to `emit` as bytes: a batch that comes back as a Blob is read here. */
const emitSealed = (emit: (bytes: Uint8Array) => Promise<void>) => async (sealed: Uint8Array | Blob): Promise<void> => {
  await emit('byteLength' in sealed ? sealed : new Uint8Array(await sealed.arrayBuffer()));
};

/** What `write` emits, gathered into one Blob. */
async function collectBlob(write: (emit: (bytes: Uint8Array) => Promise<void>) => Promise<void>, type?: string): Promise<Blob> {
  const parts: Blob[] = [];
  await write(async (bytes) => { parts.push(makeBlob([bytes])); });
  return makeBlob(parts, type);
}

/**
 * The age file's bytes in order to `emit` (awaited): the head, then each sealed batch as
 * `sealer` gives it back (the app: workers returning bytes). A batch that comes back as a Blob
 * is read here.
 */
export async function writeSealed(
  file: SealedParts, emit: (bytes: Uint8Array) => Promise<void>,
  opts: { sealer?: ChunkSealer; signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await emit(file.head);
  await sealPayload(file.plain, file.payloadKey, opts.sealer ?? sealInProcess, emitSealed(emit), { signal: opts.signal });
}

/** The age file as one Blob, sealed here (or by `sealer`): for a caller that needs the whole file (a browser download, tests). */
export async function sealedBlob(file: SealedParts, opts: { sealer?: ChunkSealer; signal?: AbortSignal; type?: string } = {}): Promise<Blob> {
  return collectBlob((emit) => writeSealed(file, emit, opts), opts.type);
}

/**
 * An age file whose plaintext is still being laid out (StreamedParts: a bundle's PDFs first, its
 * records when collected). The header comes when scrypt has made it, and the save seals nothing
 * before it: the reads, the sealing workers and scrypt's 128 MiB together took the renderer past
 * its memory budget (docs/benchmarks.md, session 7), and on two cores the overlap gained nothing.
 * The file is the same as SealedParts' for the same key and nonce.
 */
export interface StreamedSealedParts {
  /** The header's length, known before scrypt ends (AgeKey): the file's size is known with the rest. */
  readonly headerLength: number;
  /** age's header (scrypt's stanza and the MAC): exactly `headerLength` bytes. */
  readonly header: Promise<Uint8Array>;
  /** The 16-byte nonce that follows the header. */
  readonly nonce: Uint8Array;
  readonly payloadKey: Uint8Array;
  readonly plain: StreamedParts;
}

/** Plaintext read ahead of the sealing in a streamed age save (sealing, not reading, sets the pace). */
const SEALED_READ_AHEAD_BYTES = 8 * 1024 * 1024;

export const isStreamedSealedParts = (x: unknown): x is StreamedSealedParts =>
  typeof x === 'object' && x !== null && 'payloadKey' in x && 'headerLength' in x && 'plain' in x;

/** The streamed age file for `key` (scrypt under way) and a plaintext still being laid out. */
export async function streamedSealed(key: AgeKey, plain: StreamedParts, header: Promise<Uint8Array>): Promise<StreamedSealedParts> {
  const nonce = randomBytes(16);
  return { headerLength: key.headerLength, header, nonce, payloadKey: await payloadKeyOf(key, nonce), plain };
}

/**
 * The streamed age file's bytes in order to `emit` (awaited): the header (when scrypt has made
 * it), the nonce, then each sealed batch as the plaintext comes. A header of another length than
 * announced is refused.
 */
export async function writeStreamedSealed(
  file: StreamedSealedParts, emit: (bytes: Uint8Array) => Promise<void>,
  opts: { sealer?: ChunkSealer; signal?: AbortSignal | undefined; onRest?: (restSize: number) => void } = {},
): Promise<void> {
  throwIfAborted(opts.signal);
  const header = await file.header;
  throwIfAborted(opts.signal);
  if (header.length !== file.headerLength) throw new Error(`The encrypted bundle's header came to ${header.length} bytes, not the ${file.headerLength} announced, so it was not saved.`);
  await emit(concatBytes([header, file.nonce]));
  // The plaintext read in runs of exactly one sealing batch (4 MiB), each one read of a Blob made of
  // its pieces, handed to the sealer as it is: no copy into a batch, a read per batch rather than per
  // PDF, and half the short-lived buffers on this thread (docs/benchmarks.md, session 11).
  const pieces = readStreamedParts(file.plain, {
    signal: opts.signal, bytes: SEALED_READ_AHEAD_BYTES, sliceBytes: BATCH_BYTES, gather: true, fresh: true, onRest: (rest) => opts.onRest?.(rest.size),
  });
  await sealPieces(pieces, file.payloadKey, opts.sealer ?? sealInProcess, emitSealed(emit), { signal: opts.signal, owned: true });
}

/** The streamed age file as one Blob, sealed here (or by `sealer`): for a caller that needs the whole file (a browser download, tests). */
export async function streamedSealedBlob(file: StreamedSealedParts, opts: { sealer?: ChunkSealer; signal?: AbortSignal; type?: string } = {}): Promise<Blob> {
  return collectBlob((emit) => writeStreamedSealed(file, emit, opts), opts.type);
}
