// Actor records: save (validated), read, delete to the Trash, and the small lists pickers use
// (groups, tags, members). The actor list's filtered, sorted id lists are in ./actorList.ts.
import Dexie from 'dexie';
import type { Actor, Validated } from '../../shared/model';
import { ACTOR_KINDS, actorSchema, isGroupKind, validateWith } from '../../shared/model';
import { foldText } from '../../shared/text/fold';
import type { CasefileDb } from './db';
import type { ActorRow } from './derive';
import { actorRow, cmp, compareActorRows, toActor } from './derive';
import { moveToTrash } from './trash';

/**
 * Validates, then writes in one transaction. `updatedAt` becomes `now`; `createdAt`
 * is kept from the stored record when there is one, so a stale form cannot rewrite it.
 */
export async function saveActor(db: CasefileDb, actor: Actor, now = Date.now()): Promise<Validated<Actor>> {
  const checked = validateWith(actorSchema, actor);
  if (!checked.ok) return checked;
  const value = checked.value;
  const saved = await db.transaction('rw', db.actors, async () => {
    const existing = await db.actors.get(value.id);
    const record: Actor = { ...value, createdAt: existing?.createdAt ?? value.createdAt, updatedAt: now };
    await db.actors.put(actorRow(record));
    return record;
  });
  return { ok: true, value: saved };
}

export async function getActor(db: CasefileDb, id: string): Promise<Actor | undefined> {
  const row = await db.actors.get(id);
  return row && toActor(row);
}

/** Rows for the given ids in the same order; ids with no actor (deleted meanwhile) are skipped. */
export async function getActorsByIds(db: CasefileDb, ids: readonly string[]): Promise<Actor[]> {
  const rows = await db.actors.bulkGet([...ids]);
  return rows.filter((row): row is ActorRow => row !== undefined).map(toActor);
}
/** Every non-person actor, by name, for group pickers. */
export async function listGroups(db: CasefileDb): Promise<Actor[]> {
  const groupKinds = ACTOR_KINDS.filter(isGroupKind);
  const perKind = await Promise.all(
    groupKinds.map((k) => db.actors.where('[kind+sortName]').between([k, Dexie.minKey], [k, Dexie.maxKey]).toArray()),
  );
  return perKind.flat().sort(compareActorRows).map(toActor);
}

/** Distinct tags used on actors and events, sorted as a reader expects (accent- and case-insensitive). */
export async function listTags(db: CasefileDb): Promise<string[]> {
  const [actorTags, eventTags] = await db.transaction('r', db.actors, db.events, () =>
    Promise.all([db.actors.orderBy('tags').uniqueKeys(), db.events.orderBy('tags').uniqueKeys()]),
  );
  const tags = [...new Set([...actorTags, ...eventTags].map(String))];
  return tags.sort((a, b) => cmp(foldText(a), foldText(b)) || cmp(a, b));
}

/** Actors with a membership in the group, by name. */
export async function groupMembers(db: CasefileDb, groupId: string): Promise<Actor[]> {
  const rows = await db.actors.where('groupIds').equals(groupId).toArray();
  return rows.sort(compareActorRows).map(toActor);
}

/**
 * Moves the actor to the trash. References to it (memberships, event participants)
 * are left in place so a restore brings everything back; readers skip missing ids.
 */
export async function deleteActor(db: CasefileDb, id: string, now = Date.now()): Promise<boolean> {
  return moveToTrash(db, 'actors', id, now);
}
