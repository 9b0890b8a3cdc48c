import { describe, expect, it } from 'vitest';
import { readRowsAhead, startupReadOrder } from './startupRead';

describe('start-up read of stored segment rows', () => {
  it('reads records segments first, then the rest in stored order', () => {
    expect(startupReadOrder(['document:a:3', 'merged:7', 'records-delta:9', 'records:1'])).toEqual(['records-delta:9', 'records:1', 'document:a:3', 'merged:7']);
  });

  it('hands rows over in order while at most `ahead` reads are in flight', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let inFlight = 0, most = 0;
    const resolvers = new Map<string, () => void>();
    const read = (id: string) => new Promise<string>((resolve) => {
      inFlight++;
      most = Math.max(most, inFlight);
      resolvers.set(id, () => { inFlight--; resolve(id.toUpperCase()); });
    });
    const used: string[] = [];
    const done = readRowsAhead(ids, read, (row, i) => used.push(`${i}:${row}`), 2);
    // Rows arrive out of order: later ones wait for the earlier.
    for (const id of ['b', 'a', 'd', 'c', 'e']) {
      await Promise.resolve();
      while (!resolvers.has(id)) await new Promise((r) => setTimeout(r, 0));
      resolvers.get(id)!();
    }
    await done;
    expect(used).toEqual(['0:A', '1:B', '2:C', '3:D', '4:E']);
    expect(most).toBe(2);
  });

  it('a failed read fails the whole read, with no unhandled rejection from the reads ahead', async () => {
    const read = (id: string) => (id === 'a' ? new Promise<string>((r) => setTimeout(() => r('A'), 5)) : Promise.reject(new Error(`lost ${id}`)));
    await expect(readRowsAhead(['a', 'b', 'c'], read, () => undefined, 3)).rejects.toThrow('lost b');
  });
});
