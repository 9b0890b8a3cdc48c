import { useLiveQuery } from 'dexie-react-hooks';
import { getActorsByIds } from '../../db/actors';
import { listCases } from '../../db/cases';
import { getEventsByIds } from '../../db/events';
import { useDb } from '../../db/dbContext';

/** Names of the given actors, live; a missing id means the actor was deleted. */
export function useActorNames(ids: readonly string[]): Map<string, string> | undefined {
  const db = useDb();
  const key = [...new Set(ids)].join(',');
  return useLiveQuery(async () => {
    const actors = await getActorsByIds(db, key ? key.split(',') : []);
    return new Map(actors.map((a) => [a.id, a.name]));
  }, [db, key]);
}

/** Titles of the given events, live, in the given order. */
export function useEventTitles(ids: readonly string[]): Map<string, string> | undefined {
  const db = useDb();
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const events = await getEventsByIds(db, key ? key.split(',') : []);
    return new Map(events.map((e) => [e.id, e.title]));
  }, [db, key]);
}

export function useCaseNames(): Map<string, string> | undefined {
  const db = useDb();
  return useLiveQuery(async () => new Map((await listCases(db)).map((c) => [c.id, c.name])), [db]);
}
