import { useLiveQuery } from 'dexie-react-hooks';
import { allNames } from '../../../shared/model';
import { foldText } from '../../../shared/text/fold';
import { getActorsByIds } from '../../db/actors';
import { queryActorIds } from '../../db/actorList';
import { useDb } from '../../db/dbContext';
import { pagesMentioning } from '../../db/mentions';

export interface ResolvedMentionsFilter {
  /** Actors whose name is the one typed (else every actor the words find). */
  actorIds: string[];
  /** "document:page" keys of the pages mentioning any of them. */
  pages: Set<string>;
  /** Names typed that no actor bears. */
  unknown: string[];
}

/** The actors and pages a `mentions:` filter stands for; null while loading or when there is no filter. */
export function useMentionsFilter(names: readonly string[]): ResolvedMentionsFilter | null | undefined {
  const db = useDb();
  const key = names.join('\u0001');
  return useLiveQuery(async () => {
    if (!key) return null;
    const actorIds = new Set<string>();
    const unknown: string[] = [];
    for (const name of key.split('\u0001')) {
      const found = await getActorsByIds(db, (await queryActorIds(db, { text: name }, 'name')).slice(0, 50));
      const exact = found.filter((a) => allNames(a).some((n) => foldText(n) === foldText(name)));
      for (const a of exact.length ? exact : found) actorIds.add(a.id);
      if (!found.length) unknown.push(name);
    }
    const pages = new Set<string>();
    for (const id of actorIds) for (const page of await pagesMentioning(db, id)) pages.add(page);
    return { actorIds: [...actorIds], pages, unknown };
  }, [db, key]);
}
