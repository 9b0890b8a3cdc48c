import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { Actor, CaseEvent } from '../../shared/model';
import { actorSchema, eventSchema, validateWith } from '../../shared/model';
import { SCHEMA_VERSION, openDatabase } from './db';
import { actorRow, eventRow, toActor, toEvent } from './derive';
import { V6_STORES } from './shippedStores.testkit';

const s = sample as unknown as { actors: Actor[]; events: CaseEvent[] };
const impossible = (d: NonNullable<CaseEvent['date']>, earliest: string, latest: string) => ({ ...d, earliest, latest });

describe('upgrade to version 8: impossible calendar days and timestamps stored earlier', () => {
  it('become the nearest real days, in live records and in the trash; labels and everything else stay', async () => {
    const indexedDB = new IDBFactory();
    const v6 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v6.version(6).stores(V6_STORES);
    await v6.open();
    await v6.table('meta').put({ key: 'schemaVersion', value: 6 });
    const event = structuredClone(s.events.find((e) => e.date)!);
    event.date = impossible(event.date!, '2019-02-30', '2019-13-45');
    const actor = structuredClone(s.actors.find((a) => a.memberships.length > 0)!);
    actor.memberships[0]!.from = { label: '30 Feb 1992', edtf: '1992-02-30', earliest: '1992-02-30', latest: '1992-02-30', precision: 'day' };
    const untouched = structuredClone(s.actors.find((a) => a.id !== actor.id)!);
    const trashed = structuredClone(s.events.find((e) => e.id !== event.id && e.date)!);
    trashed.date = impossible(trashed.date!, '2001-00-10', 'not a day');
    await v6.table('events').put(eventRow(event));
    await v6.table('actors').bulkPut([actorRow(actor), actorRow(untouched)]);
    await v6.table('trash').put({ id: trashed.id, table: 'events', record: trashed, title: trashed.title, deletedAt: 1 });
    const timeless = structuredClone(s.events.find((x) => x.id !== event.id && x.id !== trashed.id)!);
    timeless.createdAt = 1e20;
    await v6.table('events').put(eventRow(timeless));
    const untouchedRow = await v6.table('actors').get(untouched.id);
    v6.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    const e = toEvent((await db.events.get(event.id))!);
    expect(e.date).toEqual({ ...event.date, earliest: '2019-02-28', latest: '2019-12-31' });
    expect(validateWith(eventSchema, e).ok).toBe(true);
    const a = toActor((await db.actors.get(actor.id))!);
    expect(a.memberships[0]!.from).toEqual({ label: '30 Feb 1992', edtf: '1992-02-30', earliest: '1992-02-29', latest: '1992-02-29', precision: 'day' });
    expect(validateWith(actorSchema, a).ok).toBe(true);
    expect(await db.actors.get(untouched.id)).toEqual(untouchedRow);
    const t = (await db.trash.get(trashed.id))!.record as CaseEvent;
    expect(t.date).toMatchObject({ earliest: '2001-01-10', latest: '9999-12-31', precision: 'unknown', label: trashed.date!.label });
    expect(validateWith(eventSchema, t).ok).toBe(true);
    // A creation time no Date can hold becomes the upgrade's time; the record can be saved again.
    const fixed = toEvent((await db.events.get(timeless.id))!);
    expect(fixed.createdAt).toBeLessThanOrEqual(Date.now());
    expect(fixed.createdAt).toBeGreaterThan(Date.now() - 60_000);
    expect(validateWith(eventSchema, fixed).ok).toBe(true);
    db.close();
  });
});
