/**
 * The search worker's start-up reads, kept going before anyone asks for them: its small first
 * chunk (renderer/workers/searchEarlyRead.ts) reads the stored segment rows in start-up order
 * with `inFlight` reads at once, each arrival starting the next, while the engine's chunk is
 * still fetched and compiled (20–100 ms, more on a busy machine). Before this, the first chunk
 * asked for the first `inFlight` rows and the rest waited for the engine's chunk to ask.
 * Imports nothing: it is part of that first chunk.
 */
export interface RowPrefetch<T> {
  /** The row's read: the one already made, or one made now. Each id is taken once. */
  take(id: string): Promise<T>;
}

/**
 * Reads `order` ahead: at most `inFlight` reads outstanding and at most `held` rows read (or
 * being read) and not yet taken, so rows of an old format (tens of MB of JSON each) do not pile
 * up while nobody takes them. A row taken before its turn is read at once, and not again.
 */
export function prefetchRows<T>(order: readonly string[], read: (id: string) => Promise<T>, inFlight: number, held: number): RowPrefetch<T> {
  const ready = new Map<string, Promise<T>>();
  const taken = new Set<string>();
  let next = 0;
  let outstanding = 0;
  const fill = () => {
    while (outstanding < inFlight && ready.size < held && next < order.length) {
      const id = order[next++]!;
      if (taken.has(id)) continue;
      const row = read(id);
      outstanding++;
      const settled = () => { outstanding--; fill(); };
      row.then(settled, settled); // a failed read is reported when taken
      ready.set(id, row);
    }
  };
  fill();
  return {
    take(id) {
      taken.add(id);
      const row = ready.get(id);
      if (!row) return read(id);
      ready.delete(id);
      fill();
      return row;
    },
  };
}
