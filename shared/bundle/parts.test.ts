import { describe, expect, it } from 'vitest';
import { byteParts, byteQueue, fileBytes, readBytes, readParts } from './parts';

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

  it('tells a Blob (which has a stream() method) from a stream of bytes', async () => {
    const blob = new Blob([bytes(5)]);
    expect('parts' in fileBytes(blob)).toBe(true);
    const q = byteQueue(4, () => undefined);
    const streamed = { stream: q.stream, size: 3 };
    expect(fileBytes(streamed)).toBe(streamed);
    void q.push(bytes(3)).then(() => q.close());
    const got: Uint8Array[] = [];
    for await (const p of readBytes(streamed)) got.push(p);
    expect(got.map((g) => g.length)).toEqual([3]);
  });

  it('a queue holds its pushes back once the reader is behind, and a cancel lets the producer stop', async () => {
    let stopped = false;
    const q = byteQueue(10, () => { stopped = true; });
    let second = false;
    await q.push(bytes(6));
    const pushing = q.push(bytes(6)).then(() => { second = true; });
    await new Promise((r) => setTimeout(r, 5));
    expect(second).toBe(false); // 12 bytes held > 10: the producer waits
    const reader = q.stream.getReader();
    await reader.read();
    await pushing;
    expect(second).toBe(true);
    await reader.cancel();
    expect(stopped).toBe(true);
    await q.push(bytes(100)); // dropped, never blocks
  });
});
