/**
 * Set algebra over primary keys. Each filter is answered by one index read that
 * returns ids (getAllKeys under Dexie's hood, no record is deserialised); only
 * when several filters combine are the id sets intersected here.
 */

/** Above this many candidates it is cheaper to walk the full sorted id list than to read and sort rows. */
export const SMALL_SET = 500;

export function intersect(sets: readonly Set<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  const out = new Set<string>();
  for (const id of smallest) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

/** Union of id lists; a multi-entry index can return the same id once per matching entry. */
export function union(lists: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) for (const id of list) out.add(id);
  return out;
}

/** The ids of `keep`, in the order of `sorted`. */
export function pickInOrder(sorted: readonly string[], keep: ReadonlySet<string>): string[] {
  return sorted.filter((id) => keep.has(id));
}

/** The first `n` ids of `keep` in the order of `sorted`, reading `sorted` only as far as they go. */
export function firstInOrder(sorted: readonly string[], keep: ReadonlySet<string>, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < sorted.length && out.length < n; i++) if (keep.has(sorted[i]!)) out.push(sorted[i]!);
  return out;
}

/** Drops empty strings and duplicates; an empty list means "no filter" (nothing ticked = everything). */
export function present<T>(values: readonly T[] | undefined): T[] | null {
  if (!values || values.length === 0) return null;
  return [...new Set(values)];
}

/**
 * Same ids as `collection.reverse().primaryKeys()`. An index orders by (key, primary
 * key), so 'prev' is exactly the reverse of 'next'; but Dexie reads 'next' with one
 * getAllKeys and 'prev' with a cursor unless the browser has IndexedDB 3's getAll
 * options, which costs hundreds of ms on 50k rows.
 */
export async function descendingIds(collection: { primaryKeys(): PromiseLike<string[]> }): Promise<string[]> {
  return (await collection.primaryKeys()).reverse();
}
