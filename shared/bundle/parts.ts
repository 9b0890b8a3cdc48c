import { concatBytes } from './bytes';
import { makeBlob, throwIfAborted } from './stream';

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

/** A Blob as ByteParts (its one part); ByteParts as they are. */
export function asParts(source: Blob | ByteParts): ByteParts {
  return 'parts' in source ? source : byteParts([source]);
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
  /**
   * Pieces gathered into runs of exactly `sliceBytes` (the last one shorter), each read as one
   * Blob made of its parts (headers and PDFs alike) in one read: the browser process lays the
   * run out in the buffer it hands over, so a file of many small PDFs costs a read per run, not
   * per PDF, and no copy on this thread to gather them. A run of byte arrays alone is joined here.
   */
  gather?: boolean;
  /**
   * With `gather`: every piece yielded is a buffer of its own (a run of byte arrays alone is
   * copied even when it is one array), so the consumer may hand it to a worker (transfer it).
   */
  fresh?: boolean;
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

/** The parts cut into runs of `slice` bytes (the last shorter), each run its pieces in order. */
function* runsOf(parts: readonly (Blob | Uint8Array)[], slice: number): Generator<Piece[]> {
  let run: Piece[] = [];
  let room = slice;
  for (const part of parts) {
    const size = 'byteLength' in part ? part.byteLength : part.size;
    for (let at = 0; at < size;) {
      const end = Math.min(size, at + room);
      run.push('byteLength' in part ? part.subarray(at, end) : { blob: part, start: at, end });
      room -= end - at;
      at = end;
      if (room === 0) {
        yield run;
        run = [];
        room = slice;
      }
    }
  }
  if (run.length > 0) yield run;
}

const blobOf = (p: { blob: Blob; start: number; end: number }): Blob => (p.start === 0 && p.end === p.blob.size ? p.blob : p.blob.slice(p.start, p.end));

/** A run's bytes: one read of a Blob made of its pieces, or, with no Blob among them, the pieces joined here. */
function readRun(run: readonly Piece[], fresh = false): { size: number; bytes: Promise<Uint8Array> | Uint8Array } {
  const size = run.reduce((sum, p) => sum + (p instanceof Uint8Array ? p.byteLength : p.end - p.start), 0);
  if (run.every((p) => p instanceof Uint8Array)) return { size: 0, bytes: run.length === 1 && !fresh ? run[0] as Uint8Array : concatBytes(run as Uint8Array[]) };
  const only = run.length === 1 ? run[0] as { blob: Blob; start: number; end: number } : null;
  const blob = only ? blobOf(only) : makeBlob(run.map((p) => (p instanceof Uint8Array ? p : blobOf(p))));
  return { size, bytes: blob.arrayBuffer().then((b) => new Uint8Array(b)) };
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
  const source: Iterator<Piece | Piece[]> = opts.gather ? runsOf(p.parts, slice) : piecesOf(p.parts, slice);
  const queue: { size: number; bytes: Promise<Uint8Array> | Uint8Array }[] = [];
  let inFlight = 0;
  let reads = 0;
  let ended = false;
  const fill = (): void => {
    while (!ended && reads < count && (reads === 0 || inFlight < budget)) {
      const next = source.next();
      if (next.done) { ended = true; return; }
      const piece = next.value;
      if (Array.isArray(piece)) {
        const run = readRun(piece, opts.fresh);
        if (run.bytes instanceof Uint8Array) { queue.push(run); continue; }
        run.bytes.catch(() => undefined); // awaited in order below
        inFlight += run.size;
        reads++;
        queue.push(run);
        continue;
      }
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
 * A file whose first bytes are known before the rest (a bundle: its PDFs' entries, laid out while
 * its records are still being collected): `head` can be read and written at once, `rest` follows.
 * Its size is `head.size` plus the rest's, known when the rest is.
 */
export interface StreamedParts {
  readonly head: ByteParts;
  readonly rest: Promise<ByteParts>;
}

export const isStreamedParts = (x: unknown): x is StreamedParts =>
  typeof x === 'object' && x !== null && 'head' in x && 'rest' in x && !('payloadKey' in x);

/**
 * readParts over the head, then over the rest once it is there (its reads begin when the head's
 * last piece is taken). `onRest` is told the rest when it arrives, before its first piece.
 */
export async function* readStreamedParts(p: StreamedParts, opts: ReadPartsOptions & { onRest?: (rest: ByteParts) => void } = {}): AsyncGenerator<Uint8Array> {
  yield* readParts(p.head, opts);
  const rest = await p.rest;
  throwIfAborted(opts.signal);
  opts.onRest?.(rest);
  yield* readParts(rest, opts);
}
