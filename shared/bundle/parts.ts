import type { ByteStream } from './stream';
import { abortError, makeBlob, throwIfAborted } from './stream';

/**
 * A file's bytes in order, not assembled: byte arrays (zip headers, the deflated records) and
 * Blobs by reference (the PDFs, still in IndexedDB). A laid-out bundle is this: the desktop save
 * reads and writes it in order without ever making one Blob of it and reading that back
 * (docs/bundle-format.md, "Saving").
 */
export interface ByteParts {
  readonly parts: readonly (Blob | Uint8Array)[];
  /** The sum of the parts' sizes. */
  readonly size: number;
}

/**
 * A file's bytes as they are produced (an encrypted bundle, sealed on the way), in order, its
 * size known beforehand: read once. Cancelling the stream stops whatever produces it.
 */
export interface StreamedBytes {
  readonly stream: ByteStream;
  readonly size: number;
}

export type FileBytes = ByteParts | StreamedBytes;

/** A Blob as FileBytes (its one part); FileBytes as they are. (A Blob has a stream() method: not a StreamedBytes.) */
export function fileBytes(source: Blob | FileBytes): FileBytes {
  if ('parts' in source) return source;
  if ('stream' in source && typeof source.stream !== 'function') return source as StreamedBytes;
  return byteParts([source as Blob]);
}

export function byteParts(parts: readonly (Blob | Uint8Array)[]): ByteParts {
  return { parts, size: parts.reduce((sum, p) => sum + ('byteLength' in p ? p.byteLength : p.size), 0) };
}

/** The parts as one Blob (the browser build's download): the bytes stay where they are. */
export function partsBlob(p: ByteParts, type?: string): Blob {
  return makeBlob([...p.parts], type);
}

export interface ReadPartsOptions {
  /** Largest piece yielded: Blobs are read in slices of this size, byte arrays cut to it. */
  sliceBytes?: number;
  /** Reads in flight at once… */
  count?: number;
  /** …and no more than this many bytes of them (always at least one read). */
  bytes?: number;
  signal?: AbortSignal;
}

export const PART_SLICE_BYTES = 4 * 1024 * 1024;
/**
 * Reads in flight. A Blob read is a round trip to the browser process, and most of a bundle's
 * Blobs are small PDFs: several in flight keep that process busy (16 reads of whole files took
 * about 0.6× the time of the same bytes read as 4 MiB slices of one Blob, two in flight).
 */
const READS_IN_FLIGHT = 16;
const BYTES_IN_FLIGHT = 32 * 1024 * 1024;

type Piece = Uint8Array | { blob: Blob; start: number; end: number };

function* piecesOf(parts: readonly (Blob | Uint8Array)[], slice: number): Generator<Piece> {
  for (const part of parts) {
    if ('byteLength' in part) {
      for (let at = 0; at < part.byteLength; at += slice) yield part.subarray(at, Math.min(part.byteLength, at + slice));
    } else {
      for (let at = 0; at < part.size; at += slice) yield { blob: part, start: at, end: Math.min(part.size, at + slice) };
    }
  }
}

/**
 * The parts' bytes in order, as pieces of at most `sliceBytes`, with up to `count` Blob reads
 * (and `bytes` of them) in flight ahead of the one being used. Stopping early (a `break`, a
 * throw in the loop, an abort) waits for the reads still in flight, so none is left running.
 */
export async function* readParts(p: ByteParts, opts: ReadPartsOptions = {}): AsyncGenerator<Uint8Array> {
  const slice = opts.sliceBytes ?? PART_SLICE_BYTES;
  const count = opts.count ?? READS_IN_FLIGHT;
  const budget = opts.bytes ?? BYTES_IN_FLIGHT;
  const source = piecesOf(p.parts, slice);
  const queue: { size: number; bytes: Promise<Uint8Array> | Uint8Array }[] = [];
  let inFlight = 0;
  let reads = 0;
  let ended = false;
  const fill = (): void => {
    while (!ended && reads < count && (reads === 0 || inFlight < budget)) {
      const next = source.next();
      if (next.done) { ended = true; return; }
      const piece = next.value;
      if (piece instanceof Uint8Array) { queue.push({ size: 0, bytes: piece }); continue; }
      const size = piece.end - piece.start;
      const whole = piece.start === 0 && piece.end === piece.blob.size;
      const bytes = (whole ? piece.blob : piece.blob.slice(piece.start, piece.end)).arrayBuffer().then((b) => new Uint8Array(b));
      bytes.catch(() => undefined); // awaited in order below; an abandoned read must not be unhandled
      inFlight += size;
      reads++;
      queue.push({ size, bytes });
    }
  };
  try {
    for (;;) {
      throwIfAborted(opts.signal);
      fill();
      const head = queue.shift();
      if (!head) return;
      const bytes = await head.bytes;
      if (!(head.bytes instanceof Uint8Array)) reads--;
      inFlight -= head.size;
      throwIfAborted(opts.signal);
      fill();
      yield bytes;
    }
  } finally {
    await Promise.allSettled(queue.map((q) => q.bytes));
  }
}

/**
 * The bytes of either kind of source in order, as pieces of at most `sliceBytes` (see
 * readParts). A stream is cancelled if the reading stops before its end (an abort, a failed
 * write), so what produces it stops too.
 */
export async function* readBytes(source: FileBytes, opts: ReadPartsOptions = {}): AsyncGenerator<Uint8Array> {
  if ('parts' in source) {
    yield* readParts(source, opts);
    return;
  }
  const slice = opts.sliceBytes ?? PART_SLICE_BYTES;
  const reader = source.stream.getReader();
  let finished = false;
  try {
    for (;;) {
      throwIfAborted(opts.signal);
      const { done, value } = await reader.read();
      if (done) { finished = true; return; }
      if (!value) continue;
      for (let at = 0; at < value.length; at += slice) yield value.subarray(at, Math.min(value.length, at + slice));
    }
  } finally {
    if (!finished) await reader.cancel(abortError()).catch(() => undefined);
    reader.releaseLock();
  }
}

/** Stops what produces a source that will not be read (the save dialog was dismissed). */
export async function discardBytes(source: FileBytes): Promise<void> {
  if (!('parts' in source)) await source.stream.getReader().cancel(abortError()).catch(() => undefined);
}

interface QueueController {
  enqueue(chunk: Uint8Array): void;
  close(): void;
  error(reason: unknown): void;
  readonly desiredSize: number | null;
}
interface QueueGlobals {
  ReadableStream: new (source: {
    start(controller: QueueController): void;
    pull(): void;
    cancel(reason: unknown): void;
  }, strategy: { highWaterMark: number; size(chunk: Uint8Array): number }) => ByteStream;
  AbortSignal: { any(signals: AbortSignal[]): AbortSignal };
  AbortController: new () => { readonly signal: AbortSignal; abort(reason?: unknown): void };
}
const q = globalThis as unknown as QueueGlobals;

/**
 * A byte stream fed by pushes: `push` resolves once the stream holds less than `highWater`
 * bytes ahead of its reader (backpressure). Cancelling calls `onCancel` and lets every push
 * through (they are dropped), so the producer stops at its next abort check.
 */
export function byteQueue(highWater: number, onCancel: () => void): { stream: ByteStream; push(bytes: Uint8Array): Promise<void>; close(): void; fail(e: unknown): void } {
  let controller!: QueueController;
  let wake: (() => void) | null = null;
  let cancelled = false;
  const stream = new q.ReadableStream({
    start: (c) => { controller = c; },
    pull: () => { wake?.(); wake = null; },
    cancel: () => { cancelled = true; wake?.(); wake = null; onCancel(); },
  }, { highWaterMark: highWater, size: (chunk) => chunk.byteLength });
  return {
    stream,
    async push(bytes) {
      if (cancelled) return;
      controller.enqueue(bytes);
      if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => { wake = resolve; });
    },
    close: () => { if (!cancelled) controller.close(); },
    fail: (e) => { if (!cancelled) controller.error(e); },
  };
}

/** A signal that aborts when any of the given ones does. */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal {
  return q.AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
}

/** An AbortController (shared/ compiles without the DOM's types). */
export function stopper(): { readonly signal: AbortSignal; abort(reason?: unknown): void } {
  return new q.AbortController();
}
