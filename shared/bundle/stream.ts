import { Sha256, crc32Update } from './bytes';

/**
 * The few web-platform pieces the streaming bundle code uses: Blob, AbortSignal,
 * ReadableStream, DOMException and WebCrypto's digest. They exist in browsers, workers and
 * Node 22, but shared/ compiles without DOM or Node types, so they are declared here
 * structurally: the Blob and AbortSignal interfaces merge with the DOM's (same member
 * signatures), everything else is reached through `globalThis` with local types.
 */
declare global {
  interface Blob {
    readonly size: number;
    readonly type: string;
    slice(start?: number, end?: number, contentType?: string): Blob;
    arrayBuffer(): Promise<ArrayBuffer>;
  }
  interface AbortSignal {
    readonly aborted: boolean;
  }
}

export interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
export interface ByteStream {
  getReader(): ByteStreamReader;
}
interface StreamController {
  enqueue(chunk: Uint8Array): void;
  close(): void;
  error(reason: unknown): void;
}
interface Globals {
  Blob: new (parts: (Blob | Uint8Array)[], options?: { type?: string }) => Blob;
  ReadableStream: new (source: {
    pull?(controller: StreamController): Promise<void> | void;
    cancel?(reason: unknown): void;
  }, strategy?: { highWaterMark: number }) => ByteStream;
  DOMException: new (message: string, name: string) => Error;
  crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
}
const g = globalThis as unknown as Globals;

export const BUNDLE_MIME = 'application/octet-stream';

export function makeBlob(parts: (Blob | Uint8Array)[], type = BUNDLE_MIME): Blob {
  return new g.Blob(parts, { type });
}

export function blobStream(blob: Blob): ByteStream {
  return (blob as unknown as { stream(): ByteStream }).stream();
}

/** A pull stream over a Blob in `chunkBytes` reads, so a consumer never holds more than a few chunks. */
export function chunkedStream(blob: Blob, chunkBytes: number, signal?: AbortSignal): ByteStream {
  let at = 0;
  return new g.ReadableStream({
    async pull(controller) {
      if (signal?.aborted) {
        controller.error(abortError());
        return;
      }
      if (at >= blob.size) {
        controller.close();
        return;
      }
      const end = Math.min(blob.size, at + chunkBytes);
      const chunk = new Uint8Array(await blob.slice(at, end).arrayBuffer());
      at = end;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 1 });
}

/** Reads a stream to its end into a Blob, a part per `partBytes`, so the bytes leave the JS heap as they come. */
export async function streamToBlob(stream: ByteStream, opts: { partBytes?: number; signal?: AbortSignal; onBytes?: (n: number) => void } = {}): Promise<Blob> {
  const partBytes = opts.partBytes ?? 4 * 1024 * 1024;
  const reader = stream.getReader();
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pendingBytes > 0) parts.push(makeBlob(pending));
    pending = [];
    pendingBytes = 0;
  };
  try {
    for (;;) {
      if (opts.signal?.aborted) throw abortError();
      const { done, value } = await reader.read();
      if (done) break;
      if (!value || value.length === 0) continue;
      pending.push(value);
      pendingBytes += value.length;
      opts.onBytes?.(value.length);
      if (pendingBytes >= partBytes) flush();
    }
  } catch (e) {
    await reader.cancel(e).catch(() => undefined);
    throw e;
  }
  flush();
  return makeBlob(parts);
}

export function abortError(): Error {
  return new g.DOMException('The operation was cancelled.', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/** Random access to bytes: a Blob (read through slices) or bytes already in memory. */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
  /** The range as a Blob without copying, when the source is a Blob. */
  blob?(start: number, end: number): Blob;
}

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    blob: (start, end) => blob.slice(start, end),
  };
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

/** Chunk size for streamed checksums: large enough for fast Blob reads, small next to any heap. */
export const HASH_CHUNK_BYTES = 4 * 1024 * 1024;
/** Files up to this size are read in one piece and hashed by WebCrypto (native, ~10× the JS speed). */
export const WHOLE_FILE_DIGEST_BYTES = 32 * 1024 * 1024;

export interface Digest {
  sha256: string;
  crc: number;
  size: number;
}

const hex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of bytes in memory, natively where WebCrypto is there (the JS fallback is ~10× slower). */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const subtle = g.crypto?.subtle;
  return subtle ? hex(await subtle.digest('SHA-256', bytes)) : new Sha256().update(bytes).hex();
}

/**
 * Random access that reads ahead: the ranges the caller will ask for (`planned`, in file
 * order) are merged into windows of up to `maxWindow` bytes, and each window is fetched in
 * one read the first time any part of it is asked for. A Blob slice costs a round trip to
 * the browser process (~0.3 ms), so reading 2,000 small zip entries one by one would cost
 * more than their bytes. Reads outside the plan go straight to the source. `release(offset)`
 * forgets the windows that end before `offset`.
 */
export function plannedSource(source: ByteSource, planned: readonly (readonly [number, number])[], maxWindow = 4 * 1024 * 1024, maxGap = 64 * 1024): ByteSource & { release(offset: number): void } {
  const windows: { start: number; end: number; data?: Promise<Uint8Array> }[] = [];
  for (const [start, end] of [...planned].sort((a, b) => a[0] - b[0])) {
    if (end - start > maxWindow || start < 0 || end > source.size || end <= start) continue;
    const last = windows.at(-1);
    if (last && start - last.end <= maxGap && Math.max(end, last.end) - last.start <= maxWindow) last.end = Math.max(end, last.end);
    else windows.push({ start, end });
  }
  const find = (start: number, end: number) => {
    let lo = 0, hi = windows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = windows[mid]!;
      if (w.end <= start) lo = mid + 1;
      else if (w.start > start) hi = mid - 1;
      else return end <= w.end ? w : undefined;
    }
    return undefined;
  };
  return {
    size: source.size,
    blob: source.blob?.bind(source),
    read: async (start, end) => {
      const w = find(start, end);
      if (!w) return source.read(start, end);
      w.data ??= source.read(w.start, w.end);
      return (await w.data).subarray(start - w.start, end - w.start);
    },
    release: (offset) => {
      for (const w of windows) if (w.end <= offset) delete w.data;
    },
  };
}

/**
 * SHA-256 and CRC-32 of a Blob's bytes in one pass. Small files are read whole and digested
 * natively (memory: the file once); larger ones stream in HASH_CHUNK_BYTES chunks, the next
 * read already under way while the current one is hashed.
 */
export async function digestBlob(blob: Blob, opts: { signal?: AbortSignal; onBytes?: (n: number) => void } = {}): Promise<Digest> {
  throwIfAborted(opts.signal);
  const subtle = g.crypto?.subtle;
  if (subtle && blob.size <= WHOLE_FILE_DIGEST_BYTES) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    throwIfAborted(opts.signal);
    const [digest, crc] = [subtle.digest('SHA-256', bytes), crc32Update(0, bytes)];
    const sha256 = hex(await digest);
    opts.onBytes?.(bytes.length);
    return { sha256, crc, size: bytes.length };
  }
  const sha = new Sha256();
  let crc = 0;
  let size = 0;
  const read = (at: number): Promise<Uint8Array> | null => {
    if (at >= blob.size) return null;
    const p = blob.slice(at, Math.min(blob.size, at + HASH_CHUNK_BYTES)).arrayBuffer().then((b) => new Uint8Array(b));
    p.catch(() => undefined); // awaited below; this only keeps an abandoned read from being an unhandled rejection
    return p;
  };
  let next = read(0);
  for (let at = 0; next; at += HASH_CHUNK_BYTES) {
    const chunk = await next;
    throwIfAborted(opts.signal);
    next = read(at + HASH_CHUNK_BYTES);
    sha.update(chunk);
    crc = crc32Update(crc, chunk);
    size += chunk.length;
    opts.onBytes?.(chunk.length);
  }
  return { sha256: sha.hex(), crc, size };
}

/** How many items `inOrder` runs at once: a count, or a count and a budget of bytes in flight. */
export type InFlight<T> = number | { count: number; bytes: number; sizeOf: (item: T) => number };

/**
 * Runs `work` over the items with at most `limit` in flight (and, with a byte budget, no more
 * than that many bytes of them, though always at least one item) and hands each result to
 * `use` in the items' order; the first failure (of `work` or `use`) stops it. Results still in
 * flight then are awaited and dropped, so nothing runs on after this rejects.
 */
export async function inOrder<T, R>(items: readonly T[], limit: InFlight<T>, work: (item: T) => Promise<R>, use: (item: T, result: R) => void): Promise<void> {
  const count = typeof limit === 'number' ? limit : limit.count;
  const sizeOf = typeof limit === 'number' ? () => 0 : limit.sizeOf;
  const budget = typeof limit === 'number' ? Infinity : limit.bytes;
  const running: Promise<R>[] = [];
  let next = 0;
  let finished = 0;
  let bytes = 0;
  const start = (): void => {
    while (next < items.length && next - finished < count && (next === finished || bytes + sizeOf(items[next]!) <= budget)) {
      const item = items[next++]!;
      bytes += sizeOf(item);
      const p = work(item);
      // Awaited in order below; a later one failing first (an abort) must not count as unhandled meanwhile.
      p.catch(() => undefined);
      running.push(p);
    }
  };
  try {
    start();
    for (let i = 0; i < items.length; i++) {
      const result = await running[i]!;
      finished++;
      bytes -= sizeOf(items[i]!);
      start();
      use(items[i]!, result);
    }
  } finally {
    await Promise.allSettled(running);
  }
}
