import type { Actor, CaseEvent } from '../../shared/model';
import { readAllInChunks } from './chunks';
import type { CasefileDb } from './db';
import { toActor, toEvent } from './derive';

export interface ViewRecords {
  actors: Actor[];
  events: CaseEvent[];
}

/**
 * Everything the timeline and the map draw: the case's actors and events (or all of them),
 * read in small transactions with a pause between, so 20,000 records never hold IndexedDB or
 * the window for long (chunks.ts). Actors a case's events name but the case lacks are read too,
 * so every participant has a name.
 */
export async function readViewRecords(db: CasefileDb, caseId: string | null, yieldNow: () => Promise<void>, signal?: AbortSignal): Promise<ViewRecords> {
  const eventRows = caseId
    ? await db.events.where('caseIds').equals(caseId).toArray()
    : await readAllInChunks(db.events, (r) => r.id, yieldNow);
  signal?.throwIfAborted();
  const actorRows = caseId
    ? await db.actors.where('caseIds').equals(caseId).toArray()
    : await readAllInChunks(db.actors, (r) => r.id, yieldNow);
  signal?.throwIfAborted();
  const actors = actorRows.map(toActor);
  const have = new Set(actors.map((a) => a.id));
  const events = eventRows.map(toEvent);
  if (caseId) {
    const missing = new Set<string>();
    for (const ev of events) for (const p of ev.participants) if (!have.has(p.actorId)) missing.add(p.actorId);
    for (const a of actors) for (const m of a.memberships) if (!have.has(m.groupId)) missing.add(m.groupId);
    if (missing.size > 0) {
      const more = (await db.actors.bulkGet([...missing])).filter((r) => r !== undefined);
      actors.push(...more.map(toActor));
    }
  }
  return { actors, events };
}

/** Changes whenever an actor or event is written or removed: the views reload on it. */
export async function viewRecordsVersion(db: CasefileDb): Promise<string> {
  const [lastActor, lastEvent, actors, events] = await Promise.all([
    db.actors.orderBy('updatedAt').last(), db.events.orderBy('updatedAt').last(), db.actors.count(), db.events.count(),
  ]);
  return `${lastActor?.updatedAt ?? 0}:${lastEvent?.updatedAt ?? 0}:${actors}:${events}`;
}
