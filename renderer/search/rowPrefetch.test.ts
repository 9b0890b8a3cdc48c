import { describe, expect, it } from 'vitest';
import { prefetchRows } from './rowPrefetch';

/** Reads that settle when the test says so, in any order. */
function manualReads() {
  const asked: string[] = [];
  const settle = new Map<string, { resolve(row: string): void; reject(error: Error): void }>();
  const read = (id: string) => {
    asked.push(id);
    return new Promise<string>((resolve, reject) => { settle.set(id, { resolve, reject }); });
  };
  const arrive = async (id: string) => { settle.get(id)!.resolve(`row ${id}`); await Promise.resolve(); await Promise.resolve(); };
  return { asked, read, arrive, fail: (id: string) => settle.get(id)!.reject(new Error(`disk error on ${id}`)) };
}

describe('prefetchRows (start-up reads kept going before the engine asks)', () => {
  it('starts the next read as each one arrives, whether or not any row was taken', async () => {
    const io = manualReads();
    prefetchRows(['a', 'b', 'c', 'd', 'e'], io.read, 2, 10);
    expect(io.asked).toEqual(['a', 'b']);
    await io.arrive('a');
    expect(io.asked).toEqual(['a', 'b', 'c']);
    await io.arrive('c'); // out of order: still one more
    expect(io.asked).toEqual(['a', 'b', 'c', 'd']);
  });

  it('hands over the read already made, reads nothing twice, and reads a row taken before its turn at once', async () => {
    const io = manualReads();
    const rows = prefetchRows(['a', 'b', 'c', 'd'], io.read, 1, 10);
    await io.arrive('a');
    await expect(rows.take('a')).resolves.toBe('row a');
    const d = rows.take('d'); // before its turn
    expect(io.asked).toEqual(['a', 'b', 'd']);
    await io.arrive('d');
    await expect(d).resolves.toBe('row d');
    await io.arrive('b');
    await io.arrive('c');
    expect(io.asked).toEqual(['a', 'b', 'd', 'c']); // d not read again in its turn
    await expect(rows.take('b')).resolves.toBe('row b');
    await expect(rows.take('c')).resolves.toBe('row c');
  });

  it('holds at most `held` rows nobody took, and reads on as they are taken', async () => {
    const io = manualReads();
    const rows = prefetchRows(['a', 'b', 'c', 'd'], io.read, 4, 2);
    expect(io.asked).toEqual(['a', 'b']);
    await io.arrive('a');
    await io.arrive('b');
    expect(io.asked).toEqual(['a', 'b']);
    await rows.take('a');
    expect(io.asked).toEqual(['a', 'b', 'c']);
  });

  it('reports a failed read to whoever takes that row, and keeps reading the others', async () => {
    const io = manualReads();
    const rows = prefetchRows(['a', 'b', 'c'], io.read, 1, 10);
    io.fail('a');
    await Promise.resolve(); await Promise.resolve();
    expect(io.asked).toEqual(['a', 'b']);
    await expect(rows.take('a')).rejects.toThrow('disk error on a');
  });
});
