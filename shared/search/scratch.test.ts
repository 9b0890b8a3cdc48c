import { describe, expect, it } from 'vitest';
import { Scratch } from './scratch';

describe('a query\'s scratch arrays', () => {
  it('lends zeroed arrays, zeroed again when one comes back dirty, never one array to two queries at once', () => {
    const a = new Scratch();
    const scores = a.f32(1000);
    const counts = a.u16(1000);
    scores[3] = 1.5;
    counts[999] = 7;
    const b = new Scratch();
    // Still lent to `a`: `b` gets other arrays.
    expect(b.f32(1000)).not.toBe(scores);
    expect(b.u16(1000)).not.toBe(counts);
    a.release();
    const again = new Scratch();
    const f = again.f32(1000);
    const u = again.u16(1000);
    expect([f, u]).toEqual([new Float32Array(1000), new Uint16Array(1000)]);
    // Reused, not made anew: the pool is what saves the allocations.
    expect(f).toBe(scores);
    expect(u).toBe(counts);
    expect(again.u8(10)).toEqual(new Uint8Array(10));
    again.release();
    b.release();
  });
});
