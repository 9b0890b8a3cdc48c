/**
 * A query's dense per-row arrays (scores, AND counts, seen marks: one slot per row of a
 * segment), borrowed zeroed from pools kept across queries and given back when the query is
 * done with the segment. Allocating them fresh cost more than using them: a new 18,000-slot
 * Float32Array took 19–56 µs in Node (its backing store, then its share of garbage
 * collection) against 2–3 µs to zero a kept one, and a two-word query over the 100k layout
 * makes dozens (docs/benchmarks-search.md, session 14). The arrays are the same zeroed arrays
 * either way, so every score is the same.
 *
 * An array is either in a pool or borrowed by one Scratch: queries running at once (the
 * search is async) never share one.
 */
type Dense = Float32Array | Uint16Array | Uint8Array;
interface DenseClass<T extends Dense> { new (length: number): T }

/** Arrays kept per type and length; past this many lengths (merges changed the segments), the pools start over. */
const MAX_LENGTHS = 64;
/** Arrays kept per type and length (a query holds at most a few per segment at once). */
const MAX_PER_LENGTH = 8;
const pools = new Map<DenseClass<Dense>, Map<number, Dense[]>>();

export class Scratch {
  private readonly borrowed: [DenseClass<Dense>, Dense][] = [];

  f32(length: number): Float32Array { return this.take(Float32Array, length); }
  u16(length: number): Uint16Array { return this.take(Uint16Array, length); }
  u8(length: number): Uint8Array { return this.take(Uint8Array, length); }

  /** Gives every borrowed array back: none of them may be used after this. */
  release(): void {
    for (const [type, array] of this.borrowed.splice(0)) {
      let byLength = pools.get(type);
      if (!byLength) { byLength = new Map(); pools.set(type, byLength); }
      let list = byLength.get(array.length);
      if (!list) {
        if (byLength.size >= MAX_LENGTHS) byLength.clear();
        list = [];
        byLength.set(array.length, list);
      }
      if (list.length < MAX_PER_LENGTH) list.push(array);
    }
  }

  private take<T extends Dense>(type: DenseClass<T>, length: number): T {
    const kept = pools.get(type)?.get(length)?.pop() as T | undefined;
    const array = kept ? (kept.fill(0), kept) : new type(length);
    this.borrowed.push([type, array]);
    return array;
  }
}
