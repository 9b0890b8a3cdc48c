// The per-actor rows beside the mentions: the names as matched (with proposals) and the
// number of sources naming the actor. Written by the engine (engine.ts).
import type { CasefileDb } from '../db/db';
import type { MentionNamesRow } from '../db/mentionTypes';
import { withoutActor } from '../db/pageMentions';
import { PendingOverlay } from '../db/pendingMentions';

/** Writes the entries of actors whose names changed (keeping their source counts) and removes deleted actors' rows. */
export async function writeNames(db: CasefileDb, info: (actorId: string) => MentionNamesRow['entries'], changed: readonly string[],
  deleted: readonly string[], yieldNow: () => Promise<void>): Promise<void> {
  for (let i = 0; i < changed.length; i += 500) {
    const batch = changed.slice(i, i + 500);
    await db.transaction('rw', db.mentionNames, async () => {
      const stored = await db.mentionNames.bulkGet(batch);
      await db.mentionNames.bulkPut(batch.map((actorId, j) => ({ actorId, entries: info(actorId), sources: stored[j]?.sources ?? 0 })));
    });
    await yieldNow();
  }
  // A deleted actor leaves the page rows naming it (in chunks: an actor can be on thousands of pages).
  for (const id of deleted) {
    const keys = await db.pageMentions.where('actorIds').equals(id).primaryKeys();
    for (let i = 0; i < keys.length; i += 500) {
      await db.transaction('rw', db.pageMentions, async () => {
        const rows = (await db.pageMentions.bulkGet(keys.slice(i, i + 500))).filter((r) => r !== undefined);
        const kept = rows.map((r) => withoutActor(r, id));
        await db.pageMentions.bulkPut(kept.filter((r) => r !== null));
        await db.pageMentions.bulkDelete(rows.filter((_, j) => kept[j] === null).map((r): [string, number] => [r.documentId, r.page]));
      });
      await yieldNow();
    }
  }
  if (deleted.length) await db.mentionNames.bulkDelete([...deleted]);
}

/**
 * Recounts how many documents mention each actor (one index range per actor, with the engine's
 * pending rows merged) and stores it.
 * Stops before the next actor once `stop()` says a sync is waiting (a common surname can be on
 * thousands of pages) and returns the ids it did not count.
 */
export async function writeSources(db: CasefileDb, ids: readonly string[], stop: () => boolean = () => false,
  pending: PendingOverlay = new PendingOverlay()): Promise<string[]> {
  const counted: string[] = [];
  const sources: number[] = [];
  for (const actorId of ids) {
    if (counted.length && stop()) break;
    const keys = pending.mergeActorKeys(await db.pageMentions.where('actorIds').equals(actorId).primaryKeys(), actorId);
    counted.push(actorId);
    sources.push(new Set(keys.map((k) => k[0])).size);
  }
  await db.transaction('rw', db.mentionNames, async () => {
    const stored = await db.mentionNames.bulkGet(counted);
    await db.mentionNames.bulkPut(counted.flatMap((actorId, j) => (stored[j] ? [{ ...stored[j]!, sources: sources[j]! }] : [])));
  });
  return ids.slice(counted.length);
}
