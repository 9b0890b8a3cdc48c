import type { Table } from 'dexie';

/**
 * Reads for background work (the search and mentions workers): a whole table, or all its
 * primary keys, in primary-key order, `size` at a time, each chunk in its own short readonly
 * transaction with `yieldNow` between chunks. Chromium's IndexedDB backend serves one
 * request at a time: a single `getAll` of 50,000 actors holds it for a second or more (several
 * on a loaded machine), and the window's list and filter reads queue behind it. In chunks,
 * a window read waits for one chunk at most.
 *
 * Not a snapshot: rows written while the chunks are read may or may not be in the answer.
 * Callers catch those with the change notification that follows every write.
 */
export const READ_CHUNK = 500;
export const KEY_CHUNK = 5000;

const noYield = () => Promise.resolve();

export async function readAllInChunks<T, K extends string, I>(
  table: Table<T, K, I>, keyOf: (row: T) => K, yieldNow: () => Promise<void> = noYield, size = READ_CHUNK,
): Promise<T[]> {
  const out: T[] = [];
  for (let after: K | undefined; ;) {
    const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(size).toArray();
    for (const row of rows) out.push(row);
    if (rows.length < size) return out;
    after = keyOf(rows[rows.length - 1]!);
    await yieldNow();
  }
}

export async function readKeysInChunks<T, K extends string, I>(
  table: Table<T, K, I>, yieldNow: () => Promise<void> = noYield, size = KEY_CHUNK,
): Promise<K[]> {
  const out: K[] = [];
  for (let after: K | undefined; ;) {
    const keys = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(size).primaryKeys();
    for (const key of keys) out.push(key);
    if (keys.length < size) return out;
    after = keys[keys.length - 1]!;
    await yieldNow();
  }
}
