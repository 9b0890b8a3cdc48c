// What changed in the records since the index was last brought in line: edits and additions by
// each table's watermark (the newest `updatedAt` seen and the ids that share it), deletions and
// restores from the Trash by set difference with the records the index holds (a restored
// record keeps its old `updatedAt`, so no watermark sees it). SearchIndexer (./indexer.ts)
// turns the answer into one delta segment.
import type { CasefileDb } from '../db/db';
import { allNames } from '../../shared/model/actor';
import { readKeysInChunks } from '../db/chunks';
import type { ActorRow, DocumentRow, EventRow } from '../db/derive';
import type { RecordTable, Watermark } from './catalog';
import { RECORD_TABLES } from './catalog';

const REF_PREFIX: Record<RecordTable, string> = { actors: 'actor:', events: 'event:', documents: 'document:' };

interface Stamped { id: string; updatedAt: number }

export interface RecordChanges {
  /** Rows past each table's watermark: the watermarks advance over these. */
  changed: { actors: ActorRow[]; events: EventRow[]; documents: DocumentRow[] };
  /** Refs the index holds whose record is gone. */
  deleted: string[];
  /** Every row to index again: the changed ones, those the index lacks (restored), and the members and events of an actor renamed, restored or deleted. */
  actorRows: ActorRow[];
  eventRows: EventRow[];
  documentRows: DocumentRow[];
}

/** Watermarks of the tables as they are now (read before a full build, so later edits are caught). */
export async function currentMarks(db: CasefileDb): Promise<Record<RecordTable, Watermark>> {
  const marks = {} as Record<RecordTable, Watermark>;
  for (const table of RECORD_TABLES) {
    const last = await db.table<Stamped, string>(table).orderBy('updatedAt').last();
    const at = last?.updatedAt ?? 0;
    const ids = last ? await db.table(table).where('updatedAt').equals(at).primaryKeys() as string[] : [];
    marks[table] = { at, ids };
  }
  return marks;
}

/**
 * Edited, added, restored and deleted records since `marks`, given the library's `documents`,
 * the record refs the index holds live (`live`) and the names it holds for a live actor
 * (`indexedNames`, primary first).
 */
export async function changesSince(
  db: CasefileDb, marks: Record<RecordTable, Watermark>, documents: readonly DocumentRow[], live: ReadonlySet<string>, yieldNow: () => Promise<void>,
  indexedNames: (actorId: string) => readonly string[] | undefined = () => undefined,
): Promise<RecordChanges> {
  const since = <T extends Stamped>(rows: readonly T[], mark: Watermark) => {
    const same = new Set(mark.ids);
    return rows.filter((r) => !(r.updatedAt === mark.at && same.has(r.id)));
  };
  // Every id, for the set difference below, in chunks (readKeysInChunks): one getAllKeys of
  // 50,000 ids holds IndexedDB for most of a second, and the window's reads queue behind it.
  // Keys first, then the changed rows: a record added in between is in `changed` (indexed),
  // one deleted in between is caught by the sync its deletion triggers.
  const actorIds = await readKeysInChunks(db.actors, yieldNow);
  const eventIds = await readKeysInChunks(db.events, yieldNow);
  const [actors, events] = await db.transaction('r', db.actors, db.events, () => Promise.all([
    db.actors.where('updatedAt').aboveOrEqual(marks.actors.at).toArray(),
    db.events.where('updatedAt').aboveOrEqual(marks.events.at).toArray(),
  ]));
  const changed = {
    actors: since(actors, marks.actors),
    events: since(events, marks.events),
    documents: since(documents.filter((d) => d.updatedAt >= marks.documents.at), marks.documents),
  };
  const current: Record<RecordTable, string[]> = { actors: actorIds, events: eventIds, documents: documents.map((d) => d.id) };

  // Set difference catches what a watermark cannot: deletions, and restores from the trash.
  const deleted: string[] = [];
  const missing: Record<RecordTable, string[]> = { actors: [], events: [], documents: [] };
  for (const table of RECORD_TABLES) {
    const prefix = REF_PREFIX[table];
    const ids = new Set(current[table]);
    for (const ref of live) if (ref.startsWith(prefix) && !ids.has(ref.slice(prefix.length))) deleted.push(ref);
    const seen = new Set(changed[table].map((r) => r.id));
    for (const id of current[table]) if (!seen.has(id) && !live.has(prefix + id)) missing[table].push(id);
  }
  const [extraActors, extraEvents] = await Promise.all([
    missing.actors.length ? db.actors.bulkGet(missing.actors) : [],
    missing.events.length ? db.events.bulkGet(missing.events) : [],
  ]);
  const actorRows = [...changed.actors, ...present(extraActors)];
  const eventRows = [...changed.events, ...present(extraEvents)];
  const docIds = new Set([...changed.documents.map((d) => d.id), ...missing.documents]);
  const documentRows = documents.filter((d) => docIds.has(d.id));
  // An actor whose names the index no longer holds right (renamed, restored from the Trash,
  // deleted) re-indexes its members, whose role field carries a group's name, and the events
  // it takes part in, whose people field carries its names; any other edit of it does not.
  const renamed = actorRows.filter((a) => !sameNames(allNames(a), indexedNames(a.id))).map((a) => a.id);
  const gone = deleted.filter((ref) => ref.startsWith(REF_PREFIX.actors)).map((ref) => ref.slice(REF_PREFIX.actors.length));
  const named = [...renamed, ...gone];
  if (named.length) {
    const members = await db.actors.where('groupIds').anyOf(named).toArray();
    const have = new Set(actorRows.map((a) => a.id));
    for (const m of members) if (!have.has(m.id)) { actorRows.push(m); have.add(m.id); }
    const involved = await db.events.where('actorIds').anyOf(named).toArray();
    const haveEvents = new Set(eventRows.map((e) => e.id));
    for (const e of involved) if (!haveEvents.has(e.id)) { eventRows.push(e); haveEvents.add(e.id); }
  }
  return { changed, deleted, actorRows, eventRows, documentRows };
}

/** The watermark moved past `rows`: the newest `updatedAt` among them and the ids that share it. */
export function advance(mark: Watermark, rows: readonly Stamped[]): Watermark {
  let { at } = mark;
  for (const r of rows) if (r.updatedAt > at) at = r.updatedAt;
  const ids = new Set(at === mark.at ? mark.ids : []);
  for (const r of rows) if (r.updatedAt === at) ids.add(r.id);
  return { at, ids: [...ids] };
}

function sameNames(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((name, i) => name === b[i]);
}

function present<T>(rows: readonly (T | undefined)[]): T[] {
  return rows.filter((r): r is T => r !== undefined);
}
