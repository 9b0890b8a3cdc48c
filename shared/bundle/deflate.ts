import { deflateSync } from 'fflate';

/**
 * Raw deflate (RFC 1951, zip method 8) of bytes in memory, by the platform's own zlib where
 * it has `CompressionStream('deflate-raw')` (Chromium, Electron, Node 22: native code, about
 * twice fflate's speed on the bundle's JSON), by fflate (level 6) elsewhere. The output is valid
 * deflate either way; its exact bytes depend on the zlib build (docs/bundle-format.md).
 */
interface TransformPair {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: unknown;
}
interface DeflateGlobals {
  CompressionStream?: new (format: string) => TransformPair;
  Response?: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
}
const g = globalThis as unknown as DeflateGlobals;

let native: boolean | undefined;
function hasNative(): boolean {
  if (native === undefined) {
    try {
      native = g.CompressionStream !== undefined && g.Response !== undefined && (new g.CompressionStream('deflate-raw'), true);
    } catch {
      native = false; // a runtime that knows the class but not 'deflate-raw'
    }
  }
  return native;
}

export async function deflateRaw(data: Uint8Array, opts: { forceFflate?: boolean } = {}): Promise<Uint8Array> {
  if (opts.forceFflate || !hasNative()) return deflateSync(data, { level: 6 });
  const stream = new g.CompressionStream!('deflate-raw');
  const writer = stream.writable.getWriter();
  // Not awaited before reading: the readable side must drain for the writes to complete.
  const written = Promise.all([writer.write(data), writer.close()]);
  written.catch(() => undefined);
  const out = new Uint8Array(await new g.Response!(stream.readable).arrayBuffer());
  await written;
  return out;
}
