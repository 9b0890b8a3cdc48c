import { deflateSync } from 'fflate';
import { crc32 } from './bytes';

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
  return compress('deflate-raw', data);
}

/** Raw deflate of some bytes, with the CRC-32 of those bytes (what a zip entry needs of them). */
export interface Deflated {
  readonly bytes: Uint8Array;
  readonly crc: number;
}

/**
 * deflateRaw and the input's CRC-32 in one pass of the platform's zlib: a gzip stream
 * (`CompressionStream('gzip')`) is the same raw deflate between a header and a trailer that
 * holds the CRC-32 zlib computed natively as it read (RFC 1952), so the bundle's ~14 MB of JSON
 * are not also run through the CRC in JavaScript (docs/benchmarks.md, session 11). The deflate
 * is byte for byte deflateRaw's (tested). Where there is no native zlib, or the stream is not
 * the gzip expected, fflate and the JavaScript CRC as before.
 */
export async function deflateWithCrc(data: Uint8Array): Promise<Deflated> {
  if (hasNative()) {
    const gz = await compress('gzip', data);
    const body = gzipBody(gz, data.length);
    if (body) return body;
  }
  return { bytes: deflateSync(data, { level: 6 }), crc: crc32(data) };
}

/** `data` through the platform's CompressionStream in `format`, as one array. */
async function compress(format: string, data: Uint8Array): Promise<Uint8Array> {
  const stream = new g.CompressionStream!(format);
  const writer = stream.writable.getWriter();
  // Not awaited before reading: the readable side must drain for the writes to complete.
  const written = Promise.all([writer.write(data), writer.close()]);
  written.catch(() => undefined);
  const out = new Uint8Array(await new g.Response!(stream.readable).arrayBuffer());
  await written;
  return out;
}

/** The deflate and CRC-32 in a gzip member of `size` input bytes; null for anything else. */
export function gzipBody(gz: Uint8Array, size: number): Deflated | null {
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) return null;
  const flags = gz[3]!;
  const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
  let at = 10;
  if (flags & 4) at += 2 + view.getUint16(at, true); // FEXTRA
  for (const bit of [8, 16]) { // FNAME, FCOMMENT: zero-terminated
    if (!(flags & bit)) continue;
    while (at < gz.length && gz[at] !== 0) at++;
    at++;
  }
  if (flags & 2) at += 2; // FHCRC
  const end = gz.length - 8;
  if (at > end || view.getUint32(end + 4, true) !== size % 2 ** 32) return null;
  return { bytes: gz.subarray(at, end), crc: view.getUint32(end, true) };
}
