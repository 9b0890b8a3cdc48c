import { describe, expect, it } from 'vitest';
import type { IncomingRecords } from '../../shared/bundle/merge';
import { isDerivedId, keepBothId, lookupKeys, planMerge } from '../../shared/bundle/merge';
import { newId } from '../../shared/model';
import { readLocal } from '../../renderer/bundle/readLocal';
import type { CasefileDb } from '../../renderer/db/db';
import { actorRow, eventRow } from '../../renderer/db/derive';
import { generateRecords } from '../bench/generateRecords';
import { CASE_ID, freshDb } from './bundleFixtures';

// A large import looks its records up through one key read per table, and works out the
// kept-both copies' ids (a SHA-256 of each record's content) only for a table that may hold one.
// These tests hold that a copy an earlier import kept is still found whichever way it is read.

const incomingOf = (records: Pick<IncomingRecords, 'actors' | 'events'>): IncomingRecords =>
  ({ caseId: CASE_ID, cases: [], documents: [], pages: [], nameRules: [], ...records });

const readIn = (db: CasefileDb, incoming: IncomingRecords) =>
  db.transaction('r', [db.cases, db.actors, db.events, db.documents, db.documentFiles, db.trash, db.pages], () => readLocal(db, incoming));

describe('kept-both copies are found in a large import', () => {
  it('a copy kept by an earlier import is this record, among 300 actors and 300 events', async () => {
    const db = await freshDb();
    const { actors, events } = generateRecords({ actors: 300, events: 300, seed: 13 });
    const actorCopy = { ...actors[5]!, id: keepBothId('actor', actors[5]!) };
    const eventCopy = { ...events[7]!, id: keepBothId('event', events[7]!) };
    await db.actors.bulkPut([actorRow(actorCopy), actorRow(actors[9]!)]);
    await db.events.bulkPut([eventRow(eventCopy)]);
    const incoming = incomingOf({ actors, events });
    const local = await readIn(db, incoming);
    expect([...local.actors.keys()].sort()).toEqual([actorCopy.id, actors[9]!.id].sort());
    expect([...local.events.keys()]).toEqual([eventCopy.id]);
    const plan = planMerge(incoming, local);
    expect(plan.remap.get(actors[5]!.id)).toBe(actorCopy.id);
    expect(plan.remap.get(events[7]!.id)).toBe(eventCopy.id);
    expect(plan.items.filter((i) => i.status !== 'new').map((i) => i.key).sort()).toEqual([`actor:${actors[5]!.id}`, `actor:${actors[9]!.id}`, `event:${events[7]!.id}`].sort());
  });

  it('a library whose ids are all random ones holds no copy: the records present are found, the rest are new', async () => {
    const db = await freshDb();
    const { actors } = generateRecords({ actors: 300, events: 0, seed: 14 });
    await db.actors.bulkPut([actorRow(actors[3]!), actorRow({ ...actors[4]!, id: newId() })]);
    const incoming = incomingOf({ actors, events: [] });
    const local = await readIn(db, incoming);
    expect([...local.actors.keys()]).toEqual([actors[3]!.id]);
    const plan = planMerge(incoming, local);
    expect(plan.remap.size).toBe(0);
    expect(plan.items.filter((i) => i.status === 'new')).toHaveLength(299);
  });
});

describe('lookupKeys', () => {
  it('asks for the copies of the kinds named only', () => {
    const { actors, events } = generateRecords({ actors: 3, events: 2, seed: 15 });
    const keys = lookupKeys(incomingOf({ actors, events }), { keptBoth: new Set(['event']) });
    expect(keys.actors).toEqual(actors.map((a) => a.id));
    expect(keys.events).toEqual(events.flatMap((e) => [e.id, keepBothId('event', e)]));
  });

  it('tells a derived id from a random one', () => {
    const { actors } = generateRecords({ actors: 1, events: 0, seed: 16 });
    expect(isDerivedId(keepBothId('actor', actors[0]!))).toBe(true);
    expect(isDerivedId(newId())).toBe(false);
    expect(isDerivedId(actors[0]!.id)).toBe(false);
  });
});
