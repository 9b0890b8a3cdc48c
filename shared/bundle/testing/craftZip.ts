import { deflateSync } from 'fflate';
import { crc32, utf8 } from '../bytes';
import { concat } from '../zipWrite';

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
    const flags = e.flags ?? 0x0800;
    const local = new Uint8Array(30 + localName.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, e.localSize ?? size, true);
    lv.setUint16(26, localName.length, true);
    local.set(localName, 30);
    const c = new Uint8Array(46 + name.length);
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
    cv.setUint32(38, e.externalAttr ?? 0, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    parts.push(local, body);
    central.push(c);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...parts, ...central, eocd]);
}
