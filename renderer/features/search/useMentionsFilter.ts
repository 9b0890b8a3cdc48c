import { useLiveQuery } from 'dexie-react-hooks';
import { allNames } from '../../../shared/model';
import { foldText } from '../../../shared/text/fold';
import { getActorsByIds } from '../../db/actors';
import { queryActorIds } from '../../db/actorList';
import { useDb } from '../../db/dbContext';
import { pagesMentioning } from '../../db/mentions';
import { useMentionsRead } from '../../mentions/useMentions';

export interface ResolvedMentionsFilter {
  /** Actors whose name is the one typed (else every actor the words find). */
  actorIds: string[];
  /** "document:page" keys of the pages mentioning any of them. */
  pages: Set<string>;
  /** Names typed that no actor bears. */
  unknown: string[];
}

/**
 * The actors and pages a `mentions:` filter stands for; null when there is no filter, undefined
 * while loading. The actors are a live query of the actors (a rename or a new actor is seen at
 * once); their pages are read as "Mentioned in" reads them (useMentionsRead): again when the
 * mentions worker says its mentions changed, not after every chunk of rows it writes.
 */
export function useMentionsFilter(names: readonly string[]): ResolvedMentionsFilter | null | undefined {
  const db = useDb();
  const key = names.join('\u0001');
  const actors = useLiveQuery(async () => {
    if (!key) return null;
    const actorIds = new Set<string>();
    const unknown: string[] = [];
    for (const name of key.split('\u0001')) {
      const found = await getActorsByIds(db, (await queryActorIds(db, { text: name }, 'name')).slice(0, 50));
      const exact = found.filter((a) => allNames(a).some((n) => foldText(n) === foldText(name)));
      for (const a of exact.length ? exact : found) actorIds.add(a.id);
      if (!found.length) unknown.push(name);
    }
    return { key, actorIds: [...actorIds], unknown };
  }, [db, key]);
  const current = actors && actors.key === key ? actors : undefined;
  const idsKey = current ? current.actorIds.join('\u0001') : '';
  const pages = useMentionsRead(async () => {
    const found = new Set<string>();
    for (const id of idsKey ? idsKey.split('\u0001') : []) for (const page of await pagesMentioning(db, id)) found.add(page);
    return found;
  }, [db, idsKey]);
  if (!key) return null;
  if (!current || !pages) return undefined;
  return { actorIds: current.actorIds, pages, unknown: current.unknown };
}
