// The actor list's filters as index reads: which single index answers a filter in display
// order (no filter, one status, one kind), and which index ranges a combined filter is read by.
// The reads themselves: ./actorList.ts (the live list), ./actorsAhead.ts (reads started ahead).
import Dexie from 'dexie';
import type { ActorKind, ActorStatus } from '../../shared/model';
import { foldedWords } from '../../shared/text/fold';
import type { HeldStatuses } from './heldStatuses';
import { intersect, present, union } from './idSets';
import type { IndexRange } from './rawReads';

export interface ActorFilter {
  /** Every folded word must prefix-match one of the actor's name words (primary name or any other name). */
  text?: string;
  kinds?: ActorKind[];
  statuses?: ActorStatus[];
  groupId?: string;
  caseId?: string;
  tag?: string;
}

/** 'name': by folded primary name; 'updated': most recently saved first. */
export type ActorSort = 'name' | 'updated';

export type FastPath = { kind: 'all' } | { kind: 'range'; field: 'status' | 'kind'; value: string } | null;

/** A filter one index answers on its own, already in display order. */
export function fastPath(filter: ActorFilter): FastPath {
  const others = foldedWords(filter.text ?? '').length > 0 || !!filter.groupId || !!filter.caseId || !!filter.tag;
  const kinds = present(filter.kinds);
  const statuses = present(filter.statuses);
  if (others) return null;
  if (!kinds && !statuses) return { kind: 'all' };
  if (!kinds && statuses?.length === 1) return { kind: 'range', field: 'status', value: statuses[0]! };
  if (!statuses && kinds?.length === 1) return { kind: 'range', field: 'kind', value: kinds[0]! };
  return null;
}

/** True where one index answers the filter in display order (no filter, one status, one kind). */
export function isSingleIndexFilter(filter: ActorFilter): boolean {
  return fastPath(filter) !== null;
}

/**
 * The index ranges a filter no single index answers is read by, grouped: the ids in any range
 * of a group match that part of the filter (several statuses, several kinds; a multi-entry
 * index may give an id more than once), and a match is in every group.
 */
export function combinedGroups(filter: ActorFilter, sort: ActorSort, statusesInMemory = false): IndexRange[][] {
  const words = [...new Set(foldedWords(filter.text ?? ''))];
  const kinds = present(filter.kinds);
  const statuses = present(filter.statuses);
  const { groupId, caseId, tag } = filter;
  const groups: IndexRange[][] = [];
  if (statuses && !statusesInMemory) groups.push(statuses.map((v) => statusOrKind('status', v, sort)));
  if (kinds) groups.push(kinds.map((v) => statusOrKind('kind', v, sort)));
  if (groupId) groups.push([{ index: 'groupIds', lower: groupId, upper: groupId }]);
  if (caseId) groups.push([{ index: 'caseIds', lower: caseId, upper: caseId }]);
  if (tag) groups.push([{ index: 'tags', lower: tag, upper: tag }]);
  for (const word of words) groups.push([{ index: 'nameWords', lower: word, upper: `${word}${MAX_CHAR}` }]);
  return groups;
}

export const combinedRanges = (filter: ActorFilter, sort: ActorSort): IndexRange[] => combinedGroups(filter, sort).flat();

/**
 * The ids holding any of a filter's statuses, from the sets held in memory; undefined where the
 * filter names no status or nothing is held (its statuses are then read like its other parts).
 */
export function statusesHeld(filter: ActorFilter, held: HeldStatuses | undefined): Set<string> | undefined {
  const statuses = present(filter.statuses);
  if (!statuses || !held) return undefined;
  const lists = statuses.map((s) => held.byStatus.get(s));
  return lists.every((l) => l !== undefined) ? union(lists as string[][]) : undefined;
}

/** `combinedMatches` of keys already read: `keys` holds each range of `groups` in turn. */
export function matchesOfKeys(groups: IndexRange[][], keys: readonly string[][], inMemory?: Set<string>): Set<string> {
  let at = 0;
  const sets = groups.map((ranges) => union(ranges.map(() => keys[at++]!)));
  if (inMemory) sets.push(inMemory);
  return sets.length === 1 ? sets[0]! : intersect(sets);
}

/** The highest UTF-16 code unit: `word` to `word + MAX_CHAR` holds every key starting with `word` (Dexie's startsWith). */
export const MAX_CHAR = String.fromCharCode(65535);

/**
 * The index range whose first rows are a filter's first screen by name; null where the
 * filter is one index's but in the other sort (read in reverse), undefined where no single
 * index answers it.
 */
export function firstScreenRange(filter: ActorFilter, sort: ActorSort): IndexRange | null | undefined {
  const fast = fastPath(filter);
  if (!fast) return undefined;
  if (sort !== 'name') return null;
  return fast.kind === 'all' ? { index: 'sortName', lower: Dexie.minKey, upper: Dexie.maxKey } : statusOrKind(fast.field, fast.value, 'name');
}

/** One status's (or kind's) index range, for the sort: [status+sortName] and friends. */
export function statusOrKind(field: 'status' | 'kind', value: string, sort: ActorSort): IndexRange {
  return { index: `[${field}+${sort === 'name' ? 'sortName' : 'updatedAt'}]`, lower: [value, Dexie.minKey], upper: [value, Dexie.maxKey] };
}
