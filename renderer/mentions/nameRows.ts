// The per-actor rows beside the mentions: the names as matched (with proposals) and the
// number of sources naming the actor. Written by the engine (engine.ts).
import Dexie from 'dexie';
import type { CasefileDb } from '../db/db';
import type { MentionNamesRow } from '../db/mentionTypes';

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
  if (deleted.length) {
    await db.transaction('rw', db.mentions, db.mentionNames, async () => {
      for (const id of deleted) {
        await db.mentions.where('[actorId+documentId+page]').between([id, Dexie.minKey, Dexie.minKey], [id, Dexie.maxKey, Dexie.maxKey]).delete();
      }
      await db.mentionNames.bulkDelete([...deleted]);
    });
  }
}

/** Recounts how many documents mention each actor (one key range per actor) and stores it. */
export async function writeSources(db: CasefileDb, ids: readonly string[]): Promise<void> {
  const sources: number[] = [];
  for (const actorId of ids) {
    const keys = await db.mentions.where('[actorId+documentId+page]').between([actorId, Dexie.minKey, Dexie.minKey], [actorId, Dexie.maxKey, Dexie.maxKey]).keys();
    sources.push(new Set(keys.map((k) => (k as unknown as [string, string, number])[1])).size);
  }
  await db.transaction('rw', db.mentionNames, async () => {
    const stored = await db.mentionNames.bulkGet([...ids]);
    await db.mentionNames.bulkPut(ids.flatMap((actorId, j) => (stored[j] ? [{ ...stored[j]!, sources: sources[j]! }] : [])));
  });
}
