import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDb } from '../../db/dbContext';
import { actorIdsBySources } from '../../db/mentions';
import type { ActorIds } from './useActorIds';

/**
 * The list's ids reordered by how many sources mention each actor (most first; actors no
 * source mentions keep their name order at the end). Off (ids as given) unless `on`.
 */
export function useSourcesOrder(result: ActorIds | undefined, on: boolean): ActorIds | undefined {
  const db = useDb();
  const ranked = useLiveQuery(() => (on ? actorIdsBySources(db) : Promise.resolve(null)), [db, on]);
  return useMemo(() => {
    if (!on || !result || !ranked) return result;
    const rank = new Map(ranked.map((id, i) => [id, i]));
    const ids = [...result.ids].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || 0);
    return { ...result, ids };
  }, [result, ranked, on]);
}
