/** Growable byte buffer with LEB128 unsigned varints (postings and positions of compact segments). */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity = 1024) { this.bytes = new Uint8Array(capacity); }

  private grow(need: number): void {
    let cap = this.bytes.length * 2;
    while (cap < this.length + need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    let v = value >>> 0;
    while (v >= 0x80) { this.bytes[this.length++] = (v & 0x7f) | 0x80; v >>>= 7; }
    this.bytes[this.length++] = v;
  }

  /** A copy trimmed to the written length. */
  finish(): Uint8Array { return this.bytes.slice(0, this.length); }
}

/** Reads varints from `bytes` starting at `pos` (mutable cursor, no allocation per value). */
export class ByteReader {
  constructor(public bytes: Uint8Array, public pos = 0) {}
  varint(): number {
    const b = this.bytes;
    let byte = b[this.pos++]!;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let shift = 7;
    do {
      byte = b[this.pos++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte >= 0x80);
    return value >>> 0;
  }
}
