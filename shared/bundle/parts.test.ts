import { describe, expect, it } from 'vitest';
import { asParts, byteParts, readParts } from './parts';

const bytes = (n: number, fill = n % 251) => new Uint8Array(n).fill(fill);

/** A Blob whose reads are counted and resolve only when released, to see how many are in flight. */
function slowBlob(size: number, log: { inFlight: number; most: number }): Blob {
  const blob = new Blob([bytes(size)]);
  const wrap = (b: Blob): Blob => ({
    size: b.size, type: '',
    slice: (s?: number, e?: number) => wrap(b.slice(s, e)),
    arrayBuffer: async () => {
      log.inFlight++;
      log.most = Math.max(log.most, log.inFlight);
      await new Promise((r) => setTimeout(r, 2));
      log.inFlight--;
      return b.arrayBuffer();
    },
  }) as unknown as Blob;
  return wrap(blob);
}

describe('reading a file given as parts', () => {
  it('yields every byte in order, Blobs in slices and arrays cut to the slice size', async () => {
    const parts = [bytes(10, 1), new Blob([bytes(25, 2)]), bytes(3, 3), new Blob([]), bytes(0), new Blob([bytes(8, 4)])];
    const pieces: Uint8Array[] = [];
    for await (const p of readParts(byteParts(parts), { sliceBytes: 8 })) pieces.push(p);
    expect(pieces.every((p) => p.length <= 8)).toBe(true);
    const joined = new Uint8Array(await new Blob(pieces as Uint8Array<ArrayBuffer>[]).arrayBuffer());
    expect(joined).toEqual(new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
    expect(byteParts(parts).size).toBe(46);
  });

  it('keeps several reads in flight, within the count and the bytes allowed', async () => {
    const log = { inFlight: 0, most: 0 };
    const parts = Array.from({ length: 20 }, () => slowBlob(100, log));
    let n = 0;
    for await (const p of readParts(byteParts(parts), { count: 4 })) n += p.length;
    expect(n).toBe(2000);
    expect(log.most).toBe(4);
    const budget = { inFlight: 0, most: 0 };
    for await (const _ of readParts(byteParts(Array.from({ length: 20 }, () => slowBlob(100, budget))), { count: 16, bytes: 250 })) void _;
    expect(budget.most).toBe(3); // a read starts while fewer than 250 bytes are out: 0, 100, 200, then no more
  });

  it('stops on an abort and leaves no read running', async () => {
    const log = { inFlight: 0, most: 0 };
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _ of readParts(byteParts(Array.from({ length: 50 }, () => slowBlob(10, log))), { signal: controller.signal })) controller.abort();
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.inFlight).toBe(0);
  });

  it('takes a Blob as parts of one', () => {
    const blob = new Blob([bytes(5)]);
    expect(asParts(blob)).toEqual({ parts: [blob], size: 5 });
    const parts = byteParts([bytes(2)]);
    expect(asParts(parts)).toBe(parts);
  });
});

describe('reading parts gathered into runs (the desktop save)', () => {
  it('yields runs of exactly the slice size (the last shorter), the same bytes, one Blob read per run holding a Blob', async () => {
    const parts = [bytes(10, 1), new Blob([bytes(25, 2)]), bytes(3, 3), new Blob([]), bytes(0), new Blob([bytes(8, 4)]), bytes(40, 5), new Blob([bytes(3, 6)])];
    const reads = { n: 0 };
    const original = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function (this: Blob) { reads.n++; return original.call(this); };
    const pieces: Uint8Array[] = [];
    try {
      for await (const p of readParts(byteParts(parts), { sliceBytes: 16, gather: true })) pieces.push(p);
    } finally {
      Blob.prototype.arrayBuffer = original;
    }
    const size = byteParts(parts).size;
    expect(pieces.map((p) => p.length)).toEqual([...Array(Math.floor(size / 16)).fill(16), size % 16].filter((n) => n > 0));
    const joined = new Uint8Array(await new Blob(pieces as Uint8Array<ArrayBuffer>[]).arrayBuffer());
    expect(joined).toEqual(new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
    // Runs [0,16) [16,32) [32,48) and [80,89) hold Blob bytes: one read each; [48,64) and [64,80) are bytes alone, not read.
    expect(pieces.length).toBe(6);
    expect(reads.n).toBe(4);
  });

  it('keeps its reads within the count and the bytes allowed, and stops on an abort with none running', async () => {
    const parts = Array.from({ length: 40 }, (_, i) => new Blob([bytes(100, i)]));
    let n = 0;
    for await (const p of readParts(byteParts(parts), { sliceBytes: 256, bytes: 600, gather: true })) n += p.length;
    expect(n).toBe(4000);
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _ of readParts(byteParts(parts), { sliceBytes: 256, gather: true, signal: controller.signal })) controller.abort();
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
