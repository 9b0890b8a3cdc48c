import type { ByteSource } from './stream';
import { throwIfAborted } from './stream';

/**
 * Raw inflate (zip method 8) by the platform's own zlib (`DecompressionStream('deflate-raw')`:
 * Chromium, Electron, Node 22), bounded like the reader's fflate path (zipRead.ts,
 * inflateBounded): the compressed bytes go in NATIVE_STEP at a time, each step awaited before
 * the next, so at most one step's output (≤ ~16 MiB even at deflate's maximum ratio) is made
 * before its size is checked, and the first byte past `size` stops it.
 *
 * It only ever answers for a sound entry: the bytes, exactly `size` of them, from a stream that
 * ended where its compressed bytes end. Any other outcome — a broken or short stream, bytes after
 * its end, an unreadable source, a cancel — is `null`: the caller then inflates the entry again
 * with fflate, whose verdict (and message) is the reader's, so what a damaged or hostile bundle is
 * told does not depend on the platform. Output past `size` is `'too-long'` (fflate, fed the same
 * stream, makes the same bytes and would pass `size` too).
 *
 * On the import's JSON entries, native inflate is several times fflate's speed (benchmarks.md,
 * session 8).
 */
interface TransformPair {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> } };
}
interface InflateGlobals {
  DecompressionStream?: new (format: string) => TransformPair;
}
const g = globalThis as unknown as InflateGlobals;

/** Compressed bytes handed to zlib at a time: a step's output is at most ~1032× this. */
const NATIVE_STEP = 16 * 1024;

let native: boolean | undefined;
export function hasNativeInflate(): boolean {
  if (native === undefined) {
    try {
      native = g.DecompressionStream !== undefined && (new g.DecompressionStream('deflate-raw'), true);
    } catch {
      native = false; // a runtime that knows the class but not 'deflate-raw'
    }
  }
  return native;
}

export type NativeInflate = Uint8Array | 'too-long' | null;

/**
 * Inflates `compressedSize` bytes of `source` from `start` into exactly `size` bytes, natively;
 * `null` when the platform has no native inflate or the entry is not sound (see above).
 */
export async function inflateNative(source: ByteSource, start: number, compressedSize: number, size: number, readStep: number, signal?: AbortSignal): Promise<NativeInflate> {
  if (!hasNativeInflate() || compressedSize === 0) return null;
  const stream = new g.DecompressionStream!('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let length = 0;
  let tooLong = false;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    reader.cancel().catch(() => undefined);
    writer.abort().catch(() => undefined);
  };
  const drain = async (): Promise<void> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!value) continue;
      if (length + value.length > size) {
        tooLong = true;
        throw new Error('too long');
      }
      out.set(value, length);
      length += value.length;
    }
  };
  const feed = async (): Promise<void> => {
    const end = start + compressedSize;
    for (let from = start; from < end; from += readStep) {
      throwIfAborted(signal);
      const raw = await source.read(from, Math.min(end, from + readStep));
      for (let i = 0; i < raw.length; i += NATIVE_STEP) {
        if (stopped) return;
        await writer.write(raw.subarray(i, i + NATIVE_STEP));
      }
    }
    await writer.close();
  };
  const drained = drain();
  const fed = feed();
  // Whichever side fails first stops the other (a write waiting on a reader that gave up, or the reverse).
  drained.catch(stop);
  fed.catch(stop);
  const [d, f] = await Promise.allSettled([drained, fed]);
  if (tooLong) return 'too-long';
  if (d.status === 'rejected' || f.status === 'rejected' || length !== size) return null;
  return out;
}
