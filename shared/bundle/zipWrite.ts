import { deflateSync } from 'fflate';
import { concatBytes, crc32, utf8 } from './bytes';
import { ZipFailure, unsafeNameReason } from './zipErrors';

/**
 * Writes a plain zip (no ZIP64, no data descriptors, no extra fields): the same inputs
 * always give the same bytes, so a bundle can be hashed and compared. (writeBundleBlob hands
 * in its JSON entries deflated by the platform's zlib: the same bytes for the same build of
 * the browser, not across builds; see docs/bundle-format.md, "Deterministic".)
 */

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** 'store' for data that is already compressed (PDFs), 'deflate' for text. */
  method: 'store' | 'deflate';
  /**
   * With 'deflate': `data` already deflated (raw deflate, e.g. by the platform's native zlib
   * through deflateRaw in deflate.ts); without it, fflate deflates `data` here, synchronously.
   */
  deflated?: Uint8Array;
  /** With `deflated`: the CRC-32 of `data`, when the deflater computed it (deflateWithCrc); computed here otherwise. */
  crc?: number;
}

/** A stored entry whose bytes stay in a Blob: written by reference, its CRC-32 computed beforehand. */
export interface ZipBlobInput {
  name: string;
  blob: Blob;
  crc: number;
  method: 'store';
}

export type ZipPart = Uint8Array | Blob;

const UTF8_NAMES = 0x0800;

/** MS-DOS date and time (2-second resolution, 1980–2107), from UTC so output does not depend on the time zone. */
export function dosDateTime(ms: number): { date: number; time: number } {
  const d = new Date(Math.min(Math.max(ms, Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)));
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** Writes a zip in memory (tests and small archives). */
export function writeZip(inputs: readonly ZipInput[], modifiedAt: number): Uint8Array {
  return concatBytes(zipParts(inputs, modifiedAt) as Uint8Array[]);
}

/**
 * The zip as a list of parts in file order: headers as small byte arrays, entry bodies as
 * they are (a Blob input stays a Blob, so the caller can assemble the archive without
 * copying it). Same inputs, same parts, same bytes.
 */
export function zipParts(inputs: readonly (ZipInput | ZipBlobInput)[], modifiedAt: number): ZipPart[] {
  const zip = new ZipLayout(modifiedAt);
  return [...zip.add(inputs), zip.finish()];
}

/**
 * A zip laid out a few entries at a time, in file order: what `add` returns are the bytes that
 * follow the ones it returned before, so the first entries can be written while the later ones
 * are still being made (a bundle's PDFs go out while its records are still being collected).
 * `finish` gives the directory and end record. The same inputs in the same order give the same
 * bytes however they were split between calls.
 */
export class ZipLayout {
  private readonly date: number;
  private readonly time: number;
  private readonly seen = new Set<string>();
  private readonly central: Uint8Array[] = [];
  private offset = 0;
  private count = 0;
  private finished = false;

  constructor(modifiedAt: number) {
    ({ date: this.date, time: this.time } = dosDateTime(modifiedAt));
  }

  /** Bytes laid out so far: where the next entry's local header begins. */
  get size(): number {
    return this.offset;
  }

  add(inputs: readonly (ZipInput | ZipBlobInput)[]): ZipPart[] {
    if (this.finished) throw new Error('ZipLayout: the directory has already been written.');
    if (this.count + inputs.length > 0xfffe) throw new ZipFailure('too-many-entries', 'Too many entries for a zip without ZIP64.');
    const { date, time, seen, central } = this;
    const parts: ZipPart[] = [];
    for (const input of inputs) {
      const name = utf8(input.name);
      const reason = unsafeNameReason(input.name, 255, name.length);
      if (reason) throw new ZipFailure('unsafe-name', `Entry "${input.name}" ${reason}.`, input.name);
      const key = input.name.normalize('NFC').toLowerCase();
      if (seen.has(key)) throw new ZipFailure('duplicate-name', `Entry "${input.name}" is written twice.`, input.name);
      seen.add(key);

      let crc: number, body: ZipPart, bodyLength: number, size: number;
      if ('blob' in input) {
        crc = input.crc;
        body = input.blob;
        bodyLength = size = input.blob.size;
      } else {
        crc = input.deflated && input.crc !== undefined ? input.crc : crc32(input.data);
        const bytes = input.method === 'deflate' ? (input.deflated ?? deflateSync(input.data, { level: 6 })) : input.data;
        body = bytes;
        bodyLength = bytes.length;
        size = input.data.length;
      }
      const method = input.method === 'deflate' ? 8 : 0;
      const needed = method === 8 ? 20 : 10;
      if (this.offset + 30 + name.length + bodyLength > 0xfffffffe) throw new ZipFailure('zip64-unsupported', 'The bundle would exceed 4 GiB, which needs ZIP64.');

      const local = new Uint8Array(30 + name.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, needed, true);
      lv.setUint16(6, UTF8_NAMES, true);
      lv.setUint16(8, method, true);
      lv.setUint16(10, time, true);
      lv.setUint16(12, date, true);
      lv.setUint32(14, crc, true);
      lv.setUint32(18, bodyLength, true);
      lv.setUint32(22, size, true);
      lv.setUint16(26, name.length, true);
      local.set(name, 30);

      const entry = new Uint8Array(46 + name.length);
      const cv = new DataView(entry.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, needed, true); // made by: MS-DOS host, so no Unix mode bits are implied
      cv.setUint16(6, needed, true);
      cv.setUint16(8, UTF8_NAMES, true);
      cv.setUint16(10, method, true);
      cv.setUint16(12, time, true);
      cv.setUint16(14, date, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, bodyLength, true);
      cv.setUint32(24, size, true);
      cv.setUint16(28, name.length, true);
      cv.setUint32(42, this.offset, true);
      entry.set(name, 46);

      parts.push(local, body);
      central.push(entry);
      this.offset += local.length + bodyLength;
      this.count++;
    }
    return parts;
  }

  /** The directory and end record as one part (fewer, larger parts for a Blob); nothing may be added after. */
  finish(): Uint8Array {
    this.finished = true;
    const cdSize = this.central.reduce((sum, c) => sum + c.length, 0);
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, this.count, true);
    ev.setUint16(10, this.count, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, this.offset, true);
    return concatBytes([...this.central, eocd]);
  }
}
