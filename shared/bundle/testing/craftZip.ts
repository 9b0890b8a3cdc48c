import { deflateSync } from 'fflate';
import { crc32, utf8 } from '../bytes';
import { concatBytes } from '../bytes';

/**
 * Test support only: builds zips that break the rules on purpose (unsafe names, lying
 * sizes, symlinks…), which zipWrite refuses to write. Pure, so it lives beside the code.
 */
export interface CraftEntry {
  name: string;
  data: Uint8Array;
  method?: 0 | 8;
  /** Overrides of what the headers declare. */
  size?: number;
  localSize?: number;
  crc?: number;
  flags?: number;
  madeBy?: number;
  externalAttr?: number;
  localName?: string;
  /** Raw compressed bytes to store instead of deflating `data`. */
  body?: Uint8Array;
  /** An extra field, in both headers (e.g. a ZIP64 one, id 0x0001). */
  extra?: Uint8Array;
  /** Sizes and CRC in a data descriptor after the data (flag bit 3), the local header's left at zero. */
  descriptor?: { crc?: number; compressedSize?: number; size?: number };
}

export function craftZip(entries: readonly CraftEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 0;
    const body = e.body ?? (method === 8 ? deflateSync(e.data) : e.data);
    const name = utf8(e.name);
    const localName = utf8(e.localName ?? e.name);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const flags = (e.flags ?? 0x0800) | (e.descriptor ? 0x0008 : 0);
    const extra = e.extra ?? new Uint8Array(0);
    const local = new Uint8Array(30 + localName.length + extra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    if (!e.descriptor) {
      lv.setUint32(14, crc, true);
      lv.setUint32(18, body.length, true);
      lv.setUint32(22, e.localSize ?? size, true);
    }
    lv.setUint16(26, localName.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(localName, 30);
    local.set(extra, 30 + localName.length);
    let trailer = new Uint8Array(0);
    if (e.descriptor) {
      trailer = new Uint8Array(16);
      const dv = new DataView(trailer.buffer);
      dv.setUint32(0, 0x08074b50, true);
      dv.setUint32(4, e.descriptor.crc ?? crc, true);
      dv.setUint32(8, e.descriptor.compressedSize ?? body.length, true);
      dv.setUint32(12, e.descriptor.size ?? size, true);
    }
    const c = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, e.madeBy ?? 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(38, e.externalAttr ?? 0, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    c.set(extra, 46 + name.length);
    parts.push(local, body, trailer);
    central.push(c);
    offset += local.length + body.length + trailer.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...parts, ...central, eocd]);
}
