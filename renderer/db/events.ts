import Dexie from 'dexie';
import type { CaseEvent, EventType, Validated } from '../../shared/model';
import { eventSchema, validateWith } from '../../shared/model';
import { foldedWords } from '../../shared/text/fold';
import type { CasefileDb } from './db';
import type { EventRow } from './derive';
import { cmp, compareEventRows, eventRow, toEvent } from './derive';
import { SMALL_SET, descendingIds, intersect, pickInOrder, present } from './idSets';
import { moveToTrash } from './trash';

export interface EventFilter {
  /** Every folded word must prefix-match a word of the title. */
  text?: string;
  types?: EventType[];
  /** ISO days, inclusive. An approximate date matches when its range overlaps; undated events never match a range. */
  from?: string;
  to?: string;
  caseId?: string;
  actorId?: string;
}

/** Date sorts keep undated events last in both directions; 'updated' is most recently saved first. */
export type EventSort = 'date-desc' | 'date-asc' | 'updated';

const DATE_INDEX = '[undated+dateFrom+dateTo]';

export async function saveEvent(db: CasefileDb, event: CaseEvent, now = Date.now()): Promise<Validated<CaseEvent>> {
  const checked = validateWith(eventSchema, event);
  if (!checked.ok) return checked;
  const value = checked.value;
  const saved = await db.transaction('rw', db.events, async () => {
    const existing = await db.events.get(value.id);
    const record: CaseEvent = { ...value, createdAt: existing?.createdAt ?? value.createdAt, updatedAt: now };
    await db.events.put(eventRow(record));
    return record;
  });
  return { ok: true, value: saved };
}

export async function getEvent(db: CasefileDb, id: string): Promise<CaseEvent | undefined> {
  const row = await db.events.get(id);
  return row && toEvent(row);
}

/** Events for the given ids in the same order, skipping ids with no event. */
export async function getEventsByIds(db: CasefileDb, ids: readonly string[]): Promise<CaseEvent[]> {
  const rows = await db.events.bulkGet([...ids]);
  return rows.filter((row): row is EventRow => row !== undefined).map(toEvent);
}

export async function queryEventIds(db: CasefileDb, filter: EventFilter = {}, sort: EventSort = 'date-desc'): Promise<string[]> {
  const words = [...new Set(foldedWords(filter.text ?? ''))];
  const types = present(filter.types);
  const { from, to, caseId, actorId } = filter;

  return db.transaction('r', db.events, async () => {
    const reads: Promise<string[]>[] = [];
    // One equals() per type rather than anyOf(): anyOf walks a cursor, equals is one getAllKeys.
    if (types) reads.push(Promise.all(types.map((t) => db.events.where('type').equals(t).primaryKeys())).then((l) => l.flat()));
    if (caseId) reads.push(db.events.where('caseIds').equals(caseId).primaryKeys());
    if (actorId) reads.push(db.events.where('actorIds').equals(actorId).primaryKeys());
    for (const word of words) reads.push(db.events.where('titleWords').startsWith(word).primaryKeys());
    // Overlap of [dateFrom, dateTo] with [from, to] is two one-sided conditions, each
    // one index range: starts on or before `to`, ends on or after `from`.
    if (to) reads.push(db.events.where(DATE_INDEX).between([0, Dexie.minKey, Dexie.minKey], [0, to, Dexie.maxKey]).primaryKeys());
    // Undated rows have dateTo '' and so fall below any day.
    if (from) reads.push(db.events.where('dateTo').aboveOrEqual(from).primaryKeys());
    if (reads.length === 0) return sortedIds(db, sort);

    const matches = intersect((await Promise.all(reads)).map((ids) => new Set(ids)));
    if (matches.size === 0) return [];
    if (matches.size > SMALL_SET) return pickInOrder(await sortedIds(db, sort), matches);
    const rows = (await db.events.bulkGet([...matches])).filter((r): r is EventRow => r !== undefined);
    rows.sort(COMPARATORS[sort]);
    return rows.map((r) => r.id);
  });
}

/** The actor's events, oldest first, undated last. */
export async function eventsForActor(db: CasefileDb, actorId: string): Promise<CaseEvent[]> {
  const rows = await db.events.where('actorIds').equals(actorId).toArray();
  return rows.sort(compareEventRows).map(toEvent);
}

/** Moves the event to the trash; related-event links to it stay so a restore is whole. */
export async function deleteEvent(db: CasefileDb, id: string, now = Date.now()): Promise<boolean> {
  return moveToTrash(db, 'events', id, now);
}

async function sortedIds(db: CasefileDb, sort: EventSort): Promise<string[]> {
  switch (sort) {
    case 'date-asc':
      return db.events.orderBy(DATE_INDEX).primaryKeys();
    case 'date-desc': {
      // Newest first, but undated still last: the dated range reversed, then the undated range.
      const [dated, undated] = await Promise.all([
        descendingIds(db.events.where(DATE_INDEX).between([0, Dexie.minKey, Dexie.minKey], [0, Dexie.maxKey, Dexie.maxKey])),
        db.events.where(DATE_INDEX).between([1, Dexie.minKey, Dexie.minKey], [1, Dexie.maxKey, Dexie.maxKey]).primaryKeys(),
      ]);
      return [...dated, ...undated];
    }
    case 'updated':
      return descendingIds(db.events.orderBy('updatedAt'));
  }
}

/** In-memory orders matching sortedIds exactly, for small candidate sets. */
const COMPARATORS: Record<EventSort, (a: EventRow, b: EventRow) => number> = {
  'date-asc': compareEventRows,
  'date-desc': (a, b) => a.undated - b.undated || (a.undated === 1 ? cmp(a.id, b.id) : compareEventRows(b, a)),
  updated: (a, b) => b.updatedAt - a.updatedAt || cmp(b.id, a.id),
};
