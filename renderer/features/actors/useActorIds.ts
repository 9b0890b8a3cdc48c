import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Actor } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import type { ActorFilter, ActorSort } from '../../db/actors';
import { firstActors, getActorsByIds, queryActorIds } from '../../db/actors';

/** Rows enough to fill the first screen of the list, and a little more. */
const FIRST_SCREEN = 40;

export interface ActorIds {
  /** Ids in display order; only the first screen's until the rest has loaded. */
  ids: string[];
  /** How many actors match in all, once counted; until then the first screen's length. */
  total: number;
  /** False until `total` is the real count. */
  counted: boolean;
  /** The first screen's rows, read with its ids, so the list need not ask again. */
  firstRows: Actor[];
}

/**
 * The actor list's ids, fast at 50,000 actors. IndexedDB serves requests in turn and
 * reading every id (or counting them) costs most of a second there, so the first screen
 * comes from one limited index read of whole rows; the count, the unfiltered sorted id
 * list (held once, live so edits refresh it) and the filtered full list follow after.
 * Filters that combine indexes order their matches by the held list instead of reading an
 * index again. Each answer carries the filter it was for, so a late answer never shows
 * under a newer filter.
 */
export function useActorIds(filter: ActorFilter, sort: ActorSort): ActorIds | undefined {
  const db = useDb();
  const key = JSON.stringify([filter, sort]);
  const [all, setAll] = useState<{ sort: ActorSort; ids: string[] } | undefined>();
  const sortedAll = all?.sort === sort ? all.ids : undefined;

  const head = useLiveQuery(async () => {
    const rows = await firstActors(db, filter, sort, FIRST_SCREEN);
    if (rows) return { key, rows, ids: undefined };
    // A combined filter has no single index to read in order: it is answered whole,
    // ordered by the held sorted list when there is one.
    const ids = await queryActorIds(db, filter, sort, { sortedAll });
    return { key, rows: await getActorsByIds(db, ids.slice(0, FIRST_SCREEN)), ids };
  }, [db, key, sortedAll]);
  const headReady = head !== undefined;

  // Started once the first screen is read, so its long read does not queue ahead of it.
  const allNow = useLiveQuery(async () => (headReady ? { sort, ids: await queryActorIds(db, {}, sort) } : undefined), [db, sort, headReady]);
  if (allNow && allNow !== all) setAll(allNow);

  const full = useLiveQuery(async () => {
    if (head?.key !== key || head.ids || !sortedAll) return undefined;
    const isAll = Object.keys(filter).length === 0;
    return { key, ids: isAll ? sortedAll : await queryActorIds(db, filter, sort) };
  }, [db, key, sortedAll, head]);

  if (head?.key !== key) return undefined;
  const firstRows = head.rows;
  const ids = head.ids ?? (full?.key === key ? full.ids : undefined);
  if (ids) return { ids, total: ids.length, counted: true, firstRows };
  return { ids: firstRows.map((a) => a.id), total: firstRows.length, counted: firstRows.length < FIRST_SCREEN, firstRows };
}
