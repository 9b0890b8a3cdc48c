// How many actors there are, by current status and by kind, kept in one row of `meta` (since
// version 11) so that the actor list learns a count from one `get` instead of a walk of the
// index (a native count of 10,000 `[status+sortName]` entries costs what reading their keys
// does: 120–300 ms on two loaded cores, docs/benchmarks.md, session 12). Every write of an actor
// keeps the row in its own transaction (./actorCountsMiddleware.ts); where the row is missing or
// does not add up, readers count by walking the indexes as before and it is counted again.
import Dexie from 'dexie';
import type { Table } from 'dexie';
import { ACTOR_KINDS } from '../../shared/model/actor';
import { STATUSES } from '../../shared/model/statuses';
import type { FastPath } from './actorFilter';

/** The `meta` row's key. */
export const ACTOR_COUNTS_KEY = 'actorCounts';

/** The actors in all, and by current status and by kind; a status or kind no actor holds has no entry. */
export interface ActorCounts {
  total: number;
  status: Record<string, number>;
  kind: Record<string, number>;
}

export function emptyCounts(): ActorCounts {
  return { total: 0, status: {}, kind: {} };
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  const next = (counts[key] ?? 0) + by;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

/** Counts one actor row in (`by` 1) or out (-1). Zero entries are dropped, so equal libraries have equal rows. */
export function tally(counts: ActorCounts, row: { status?: unknown; kind?: unknown }, by: 1 | -1): void {
  counts.total += by;
  bump(counts.status, String(row.status), by);
  bump(counts.kind, String(row.kind), by);
}

const wholeCounts = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
  && Object.values(value).every((n) => Number.isSafeInteger(n) && (n as number) > 0);

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The stored value, if the list can trust it: whole, positive counts, the statuses and the kinds
 * each adding up to the total. Anything else (no row, a row written wrong) is undefined.
 */
export function validCounts(value: unknown): ActorCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { total, status, kind } = value as Partial<ActorCounts>;
  if (!Number.isSafeInteger(total) || total! < 0 || !wholeCounts(status) || !wholeCounts(kind)) return undefined;
  if (sum(status) !== total || sum(kind) !== total) return undefined;
  return { total: total!, status: { ...status }, kind: { ...kind } };
}

/** How many actors a filter one index answers holds (none, one status, one kind); undefined for any other. */
export function countOf(counts: ActorCounts, fast: FastPath): number | undefined {
  if (fast?.kind === 'all') return counts.total;
  if (fast?.kind === 'range') return (fast.field === 'status' ? counts.status : counts.kind)[fast.value] ?? 0;
  return undefined;
}

/**
 * The counts by walking the indexes: one native count of the table and one of each status's
 * and each kind's range. For the upgrade to version 11 and for a row found missing or wrong;
 * in the caller's transaction. An actor of a status or kind outside the model's lists leaves
 * the breakdowns short of the total, and the row is then never trusted (the walk stays).
 */
export async function countActorsByWalk(actors: Table): Promise<ActorCounts> {
  const range = (field: 'status' | 'kind', value: string) =>
    actors.where(`[${field}+sortName]`).between([value, Dexie.minKey], [value, Dexie.maxKey]).count();
  const [total, byStatus, byKind] = await Promise.all([
    actors.count(),
    Promise.all(STATUSES.map((s) => range('status', s))),
    Promise.all(ACTOR_KINDS.map((k) => range('kind', k))),
  ]);
  const counts: ActorCounts = { total, status: {}, kind: {} };
  STATUSES.forEach((s, i) => { if (byStatus[i]) counts.status[s] = byStatus[i]!; });
  ACTOR_KINDS.forEach((k, i) => { if (byKind[i]) counts.kind[k] = byKind[i]!; });
  return counts;
}
