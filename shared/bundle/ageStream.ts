import type Sodium from 'libsodium-wrappers-sumo';
import { CHUNK_BYTES, SEALED_CHUNK_BYTES, TAG_BYTES, loadSodium, open, seal, streamNonce } from './ageCrypto';
import { loadWasmOpener, loadWasmSealer } from './chachaSeal';
import { throwIfAborted } from './stream';

/**
 * age's STREAM payload in batches of whole 64 KiB chunks. Each chunk is sealed on its own
 * (its nonce is its index and a last-chunk flag), so batches can be sealed anywhere, in any
 * order, and laid back in order: the app spreads them over workers (one a core,
 * renderer/workers/sealPool.ts), tests and Node seal them here.
 */
export interface ChunkSealer {
  /**
   * Seals `plain` as STREAM chunks `first`, `first + 1`, …: 64 KiB each, the last shorter only
   * when it ends the payload; with `final`, the batch's last chunk is flagged the payload's last.
   * Resolves to the sealed chunks, one after another, as bytes or as a Blob of them (a worker
   * makes the Blob itself, so the bytes go to the browser process from there, not through the
   * caller's thread). (`plain` may be handed over to a worker: the caller does not use it again.)
   */
  seal(key: Uint8Array, plain: Uint8Array, first: number, final: boolean): Promise<Uint8Array | Blob>;
  /** Batches worth keeping in flight at once (its parallelism). */
  readonly lanes: number;
}

/**
 * Chunks per batch: 4 MiB, so a worker's message and the page's read of a batch cost little next
 * to its sealing (a quarter of the reads and messages of 1 MiB batches; docs/benchmarks.md, session 14).
 */
export const BATCH_CHUNKS = 64;
export const BATCH_BYTES = BATCH_CHUNKS * CHUNK_BYTES;

/** The size of `plainSize` bytes once sealed as a STREAM payload (an empty payload is one empty chunk). */
export function sealedSize(plainSize: number): number {
  return plainSize + Math.max(1, Math.ceil(plainSize / CHUNK_BYTES)) * TAG_BYTES;
}

/** libsodium's sealing of a batch: where WebAssembly SIMD is missing, and the reference chachaSeal.test.ts holds the WebAssembly to. */
export function sealBatch(s: typeof Sodium, key: Uint8Array, plain: Uint8Array, first: number, final: boolean): Uint8Array {
  const chunks = Math.max(1, Math.ceil(plain.length / CHUNK_BYTES));
  const out = new Uint8Array(plain.length + chunks * TAG_BYTES);
  const nonce = new Uint8Array(12);
  for (let i = 0; i < chunks; i++) {
    const chunk = plain.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES);
    out.set(seal(s, key, streamNonce(first + i, final && i === chunks - 1, nonce), chunk), i * SEALED_CHUNK_BYTES);
  }
  return out;
}

/**
 * Sealing in this realm, one batch at a time: by the project's WebAssembly (chachaSeal.ts, the
 * same bytes over twice as fast), or by libsodium (sealBatch) where WebAssembly SIMD is missing.
 */
export const sealInProcess: ChunkSealer = {
  lanes: 1,
  seal: async (key, plain, first, final) => {
    const wasm = await loadWasmSealer();
    return wasm ? wasm(key, plain, first, final) : sealBatch(await loadSodium(), key, plain, first, final);
  },
};

/**
 * The other way: chunks opened anywhere, in any order (decryption, age.ts's decryptBlob, spreads
 * batches over the same workers as sealing and lays the plaintext back in order).
 */
export interface ChunkOpener {
  /**
   * Opens STREAM chunks `first`, `first + 1`, … laid one after another in `sealed` (each whole,
   * the last shorter only when it ends the payload); chunk number `last` is the payload's last.
   * Resolves to the plaintext, as bytes or a Blob of them, or to null when a chunk does not open
   * or a chunk after the payload's first is empty: the caller finds which, and says why.
   * (`sealed` may be handed over to a worker: the caller does not use it again.)
   */
  open(key: Uint8Array, sealed: Uint8Array, first: number, last: number): Promise<Uint8Array | Blob | null>;
  readonly lanes: number;
}

export function openBatch(s: typeof Sodium, key: Uint8Array, sealed: Uint8Array, first: number, last: number): Uint8Array | null {
  const chunks = Math.max(1, Math.ceil(sealed.length / SEALED_CHUNK_BYTES));
  // The last chunk shorter than a tag does not open (nor, so, does the batch).
  if (sealed.length - (chunks - 1) * SEALED_CHUNK_BYTES < TAG_BYTES) return null;
  const out = new Uint8Array(sealed.length - chunks * TAG_BYTES);
  const nonce = new Uint8Array(12);
  for (let i = 0; i < chunks; i++) {
    const index = first + i;
    const plain = open(s, key, streamNonce(index, index === last, nonce), sealed.subarray(i * SEALED_CHUNK_BYTES, (i + 1) * SEALED_CHUNK_BYTES));
    if (!plain || (plain.length === 0 && index > 0)) return null;
    out.set(plain, i * CHUNK_BYTES);
  }
  return out;
}

/**
 * Opening in this realm, one batch at a time: by the project's WebAssembly (chachaSeal.ts: what
 * libsodium opens and nothing else, over twice as fast), or by libsodium (openBatch) where WebAssembly SIMD is missing.
 */
export const openInProcess: ChunkOpener = {
  lanes: 1,
  open: async (key, sealed, first, last) => {
    const wasm = await loadWasmOpener();
    return wasm ? wasm(key, sealed, first, last) : openBatch(await loadSodium(), key, sealed, first, last);
  },
};

/**
 * The STREAM payload of the bytes `pieces` yields, however many there turn out to be: each full
 * batch is held back until a byte after it arrives, so the last chunk is always the one flagged
 * last, and the bytes are those sealPayload gives for the same plaintext. Resolves to the
 * plaintext's size.
 */
export async function sealPieces(
  pieces: AsyncIterable<Uint8Array>, payloadKey: Uint8Array, sealer: ChunkSealer,
  emit: (sealed: Uint8Array | Blob) => void | Promise<void>,
  opts: {
    signal?: AbortSignal | undefined; onSealed?: (done: number) => void; onTaken?: (taken: number) => void;
    /**
     * Each piece is a fresh buffer of its own that nothing else holds (readParts' `fresh`): one that
     * is exactly a batch, at a batch's start, is handed to the sealer as it is, not copied into one.
     */
    owned?: boolean;
  } = {},
): Promise<number> {
  throwIfAborted(opts.signal);
  const sealing: Promise<Uint8Array | Blob>[] = [];
  const inFlight = Math.max(2, sealer.lanes * 2);
  let done = 0;
  let first = 0;
  let taken = 0;
  // Made when a piece is copied into it; null while none is (a whole piece may become the batch).
  let batch: Uint8Array | null = null;
  let filled = 0;
  const collect = async (): Promise<void> => {
    const sealed = await sealing.shift()!;
    await emit(sealed);
    done += 'byteLength' in sealed ? sealed.byteLength : sealed.size;
    opts.onSealed?.(done);
  };
  const send = async (final: boolean): Promise<void> => {
    const p = sealer.seal(payloadKey, (batch ?? new Uint8Array(0)).subarray(0, filled), first, final);
    p.catch(() => undefined); // awaited in order by collect()
    sealing.push(p);
    first += BATCH_CHUNKS;
    batch = null;
    filled = 0;
    while (sealing.length >= inFlight) await collect();
  };
  const whole = (b: Uint8Array): boolean => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
  try {
    for await (const piece of pieces) {
      opts.onTaken?.(taken + piece.length);
      for (let at = 0; at < piece.length;) {
        // A full batch goes out only now that a byte follows it: it is not the last.
        if (filled === BATCH_BYTES) await send(false);
        if (opts.owned && filled === 0 && at === 0 && piece.length === BATCH_BYTES && whole(piece)) {
          batch = piece;
          filled = BATCH_BYTES;
          taken += BATCH_BYTES;
          at = BATCH_BYTES;
          continue;
        }
        batch ??= new Uint8Array(BATCH_BYTES);
        const n = Math.min(piece.length - at, BATCH_BYTES - filled);
        batch.set(piece.subarray(at, at + n), filled);
        filled += n;
        taken += n;
        at += n;
      }
      throwIfAborted(opts.signal);
    }
    // The last batch, flagged last (an empty payload is one empty chunk).
    await send(true);
    while (sealing.length > 0) await collect();
  } finally {
    await Promise.allSettled(sealing);
  }
  return taken;
}
