import { useLiveQuery } from 'dexie-react-hooks';
import { getActorsByIds } from '../../db/actors';
import { useDb } from '../../db/dbContext';

/** Names of the given actors, by id (kept current). */
export function useActorNames(ids: readonly string[]): Map<string, string> {
  const db = useDb();
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(async () => new Map((await getActorsByIds(db, key ? key.split(',') : [])).map((a) => [a.id, a.name])), [db, key])
    ?? new Map<string, string>();
}
