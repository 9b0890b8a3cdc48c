/**
 * How the search worker reads its stored segment rows at start-up. Imports nothing, so the
 * search bench's raw-read reference (tests/bench/segmentsRead.ts) reads exactly alike
 * without loading the search engine.
 */

/**
 * The order start-up reads stored segment rows in: records segments first (the biggest header
 * to parse, so its parse overlaps the reads of the others), then the rest as stored. Used by
 * the worker's `load` and by the bench's raw-read reference, which must read alike.
 */
export function startupReadOrder(ids: readonly string[]): string[] {
  const records = ids.filter((id) => id.startsWith('records'));
  return [...records, ...ids.filter((id) => !id.startsWith('records'))];
}

/**
 * Stored segment rows read at once while one is being loaded (start-up read-ahead). 8, not 3:
 * the worker's first reads are asked for before its main chunk compiles (one long task, during
 * which no new read can be asked for), so the database keeps reading meanwhile; a bare page's
 * raw read took the same time with 3 or 8 (docs/benchmarks-search.md, session 6).
 */
export const STARTUP_READ_AHEAD = 8;

/**
 * Reads `ids` with up to `ahead` reads in flight, and hands each row to `take` in `ids` order
 * as soon as it and every row before it has arrived: the worker decodes one row while the
 * next ones are read. `ahead` bounds how many rows are alive at once (rows of an old format
 * held tens of MB of JSON each).
 */
export async function readRowsAhead<T>(ids: readonly string[], read: (id: string) => Promise<T>, take: (row: T, index: number) => void,
  ahead = STARTUP_READ_AHEAD): Promise<void> {
  const pending: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (next < ids.length && pending.length < ahead) {
      const row = read(ids[next++]!);
      row.catch(() => undefined); // a read failing before its turn is reported when awaited
      pending.push(row);
    }
  };
  fill();
  for (let i = 0; i < ids.length; i++) {
    const row = await pending.shift()!;
    fill();
    take(row, i);
  }
}
