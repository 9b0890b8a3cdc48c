import Dexie, { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, STATUSES, newId } from '../../shared/model';
import type { Actor } from '../../shared/model';
import { deleteActor, getActor, getActorsByIds, saveActor } from '../../renderer/db/actors';
import { ACTOR_COUNTS_KEY, countActorsByWalk } from '../../renderer/db/actorCounts';
import type { ActorCounts } from '../../renderer/db/actorCounts';
import { countFromRow, liveActorCounts } from '../../renderer/db/actorCountsRead';
import type { ActorFilter } from '../../renderer/db/actorList';
import { countActors, firstActors, queryActorIds } from '../../renderer/db/actorList';
import { readActorsAhead } from '../../renderer/db/actorsAhead';
import { actorLibrary, freshDb, statusActor } from '../../renderer/db/actorLibrary.testkit';
import { bulkInsertForBenchmark } from '../../renderer/db/bulk';
import type { CasefileDb } from '../../renderer/db/db';
import { actorRow } from '../../renderer/db/derive';
import { idsInChunks } from '../../renderer/db/heldStatuses';
import { loadSampleCase } from '../../renderer/db/sample';
import { emptyTrash, restoreFromTrash } from '../../renderer/db/trash';
import { SAMPLE, inProcessClient, seededProfile } from './bundleFixtures';

// Dexie's liveQuery runs only where it sees an IndexedDB; tests pass theirs per database.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const settle = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

const stored = async (db: CasefileDb) => (await db.meta.get(ACTOR_COUNTS_KEY))?.value as ActorCounts | undefined;
const walked = (db: CasefileDb) => db.transaction('r', db.actors, () => countActorsByWalk(db.actors));

/**
 * The row is what walking the indexes counts, and the list's counts (the unfiltered total, each
 * status, each kind) are the real ones: as many as the filter's ids.
 */
async function expectTrue(db: CasefileDb): Promise<ActorCounts> {
  const row = await stored(db);
  expect(row).toEqual(await walked(db));
  expect(await countActors(db)).toBe(await db.actors.count());
  const filters: ActorFilter[] = [...STATUSES.map((s) => ({ statuses: [s] })), ...ACTOR_KINDS.map((k) => ({ kinds: [k] }))];
  for (const filter of filters) expect(await countActors(db, filter), JSON.stringify(filter)).toBe((await queryActorIds(db, filter)).length);
  return row!;
}

/** Saves `actor` with a later status entry (its current status changes). */
async function moveTo(db: CasefileDb, actor: Actor, status: 'killed' | 'released'): Promise<void> {
  const date = { label: '2020-06-01', edtf: '2020-06-01', earliest: '2020-06-01', latest: '2020-06-01', precision: 'day' as const };
  const saved = await saveActor(db, { ...actor, statusHistory: [...actor.statusHistory, { ...actor.statusHistory[0]!, id: newId(), status, date }] });
  if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved.issues)}`);
}

describe('the actor counts row', () => {
  it('starts empty in a new library and is kept by bulk writes', async () => {
    const empty = await freshDb();
    expect(await stored(empty)).toEqual({ total: 0, status: {}, kind: {} });
    const db = await actorLibrary();
    expect(await expectTrue(db)).toEqual({ total: 300, status: { captured: 100, at_large: 100, killed: 100 }, kind: { person: 300 } });
  });

  it('stays true through a new actor, edits of its status and kind, the trash and a restore', async () => {
    const db = await actorLibrary();
    const saved = await saveActor(db, statusActor('Aaron Nuevo', 'detained'));
    if (!saved.ok) throw new Error('save failed');
    const id = saved.value.id;
    expect((await expectTrue(db)).status.detained).toBe(1);

    await moveTo(db, (await getActor(db, id))!, 'released');
    let row = await expectTrue(db);
    expect([row.status.detained, row.status.released, row.total]).toEqual([undefined, 1, 301]);

    const group = (await getActor(db, id))!;
    group.kind = 'armed_group';
    expect((await saveActor(db, group)).ok).toBe(true);
    row = await expectTrue(db);
    expect([row.kind.person, row.kind.armed_group]).toEqual([300, 1]);

    // Saved again unchanged: replaced, not counted twice.
    expect((await saveActor(db, (await getActor(db, id))!)).ok).toBe(true);
    expect((await expectTrue(db)).total).toBe(301);

    expect(await deleteActor(db, id)).toBe(true);
    row = await expectTrue(db);
    expect([row.total, row.status.released, row.kind.armed_group]).toEqual([300, undefined, undefined]);
    expect(await restoreFromTrash(db, id)).toBe('restored');
    expect((await expectTrue(db)).kind.armed_group).toBe(1);
    await emptyTrash(db);
    expect((await expectTrue(db)).total).toBe(301);
  });

  it('stays true through a bundle import (the bundle worker\'s writes) and the sample case', async () => {
    const db = await actorLibrary();
    const { db: source } = await seededProfile();
    expect(await expectTrue(source)).toMatchObject({ total: SAMPLE.actors.length });
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: SAMPLE.case.id });
    const client = inProcessClient(db);
    const inspected = await client.inspectBundle(blob);
    if (!inspected.ok) throw new Error(inspected.error.message);
    await client.applyImport(inspected.preview.token, {});
    expect((await expectTrue(db)).total).toBe(300 + SAMPLE.actors.length);
    // Imported again: every actor is already there, nothing counted twice.
    const again = await client.inspectBundle(blob);
    if (!again.ok) throw new Error(again.error.message);
    await client.applyImport(again.preview.token, {});
    expect((await expectTrue(db)).total).toBe(300 + SAMPLE.actors.length);

    const other = await actorLibrary();
    expect((await loadSampleCase(other, SAMPLE)).ok).toBe(true);
    expect((await loadSampleCase(other, SAMPLE)).ok).toBe(true);
    expect((await expectTrue(other)).total).toBe(300 + SAMPLE.actors.length);
  });

  it('stays true when the table is cleared, rows are replaced in bulk, or one transaction writes the same actor twice', async () => {
    const db = await actorLibrary();
    const ids = await queryActorIds(db, { statuses: ['captured'] });
    const rows = (await db.actors.bulkGet(ids.slice(0, 40))).map((r) => actorRow({ ...statusActor(r!.name, 'surrendered'), id: r!.id }));
    await bulkInsertForBenchmark(db, rows.map((r) => ({ ...r })), [], 15);
    let row = await expectTrue(db);
    expect([row.status.captured, row.status.surrendered, row.total]).toEqual([60, 40, 300]);

    // Writes issued at once in one transaction, as the bundle import issues its chunks, one id in two of them.
    const twice = statusActor('Twice', 'convicted');
    await db.transaction('rw', db.actors, () => Promise.all([
      db.actors.bulkPut([actorRow(twice), actorRow(statusActor('Once', 'detained'))]),
      db.actors.bulkPut([actorRow({ ...twice, statusHistory: [{ ...twice.statusHistory[0]!, status: 'extradited' }] })]),
      db.actors.bulkPut([actorRow({ ...twice, kind: 'unit' }), actorRow({ ...twice, kind: 'unit' })]),
      db.actors.bulkDelete([ids[50]!, ids[50]!, 'nobody']),
    ]));
    row = await expectTrue(db);
    // The last write of it stands: convicted, a unit.
    expect([row.total, row.status.convicted, row.status.extradited, row.kind.unit]).toEqual([301, 1, undefined, 1]);

    await db.actors.where('sortName').startsWith('quispe').delete();
    await db.actors.where(':id').between(ids[0]!, ids[0]!, true, true).delete();
    await expectTrue(db);
    await db.actors.clear();
    expect(await expectTrue(db)).toEqual({ total: 0, status: {}, kind: {} });
    await db.actors.bulkAdd(rows);
    expect((await expectTrue(db)).status.surrendered).toBe(40);

    // Cleared and refilled in one transaction, the writes issued at once (what each replaces is
    // then known without a read): a chunk rewriting ids of the one before, a delete, an add of an id there.
    const killed = rows.slice(0, 10).map((r) => actorRow({ ...statusActor(r.name, 'killed'), id: r.id }));
    await db.transaction('rw', db.actors, () => Promise.all([
      db.actors.clear(),
      db.actors.bulkPut(rows.slice(0, 30)),
      db.actors.bulkPut([...killed, ...rows.slice(30)]),
      db.actors.bulkDelete([rows[35]!.id]),
      db.actors.add(rows[36]!).catch((e: Error) => e.name),
      db.actors.bulkPut([{ ...killed[0]!, kind: 'unit' }]),
    ]));
    row = await expectTrue(db);
    expect(row).toEqual({ total: 39, status: { killed: 10, surrendered: 29 }, kind: { person: 38, unit: 1 } });
  });

  it('is counted again by walking where it is missing or does not add up, the list counting by walk meanwhile', async () => {
    for (const spoil of [
      (db: CasefileDb) => db.meta.delete(ACTOR_COUNTS_KEY),
      (db: CasefileDb) => db.meta.put({ key: ACTOR_COUNTS_KEY, value: { total: 5, status: { captured: 4 }, kind: { person: 5 } } }),
    ]) {
      const db = await actorLibrary();
      await spoil(db);
      // Writes meanwhile leave no row they cannot vouch for.
      expect((await saveActor(db, statusActor('Aaron Nuevo', 'detained'))).ok).toBe(true);
      expect(await liveActorCounts(db)).toBeUndefined();
      expect(await countActors(db)).toBe(301);
      expect(await countActors(db, { statuses: ['detained'] })).toBe(1);
      for (let i = 0; i < 100 && !(await liveActorCounts(db)); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await expectTrue(db)).total).toBe(301);
    }
  });

  it('is read with a one-status filter\'s first screen, in the one transaction started ahead, and observed by a live query', async () => {
    const db = await actorLibrary();
    const CAPTURED: ActorFilter = { statuses: ['captured'] };
    const expectedFirst = await getActorsByIds(db, (await queryActorIds(db, CAPTURED)).slice(0, 40));
    const idb = db.backendDB();
    const open = idb.transaction.bind(idb);
    let transactions = 0;
    idb.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => { transactions++; return open(...args); }) as IDBDatabase['transaction'];
    readActorsAhead(db, CAPTURED, 'name', 40);
    const seen: Array<number | undefined> = [];
    let firstRows: unknown;
    const sub = liveQuery(async () => {
      const rows = firstActors(db, CAPTURED, 'name', 40);
      const counts = liveActorCounts(db);
      firstRows ??= await rows;
      return countFromRow(await counts, CAPTURED);
    }).subscribe((n) => seen.push(n));
    try {
      await settle(() => seen.at(-1) === 100);
      expect(firstRows).toEqual(expectedFirst);
      // Rows and count both taken over from the read ahead: the live query opened no transaction of its own.
      expect(transactions).toBe(1);
      const saved = await saveActor(db, statusActor('Aaron Captured', 'captured'));
      if (!saved.ok) throw new Error('save failed');
      await settle(() => seen.at(-1) === 101);
      await deleteActor(db, saved.value.id);
      await settle(() => seen.at(-1) === 100);
    } finally {
      sub.unsubscribe();
    }
  });

  it('gives way to a filter\'s ids read in chunks, the same ids as one read, for a status or a kind in either sort', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 7919) % 300);
    const group = await saveActor(db, { ...statusActor('Sendero', 'at_large'), kind: 'armed_group' });
    if (!group.ok) throw new Error('save failed');
    for (const sort of ['name', 'updated'] as const) {
      for (const [by, value] of [['status', 'killed'], ['kind', 'person'], ['kind', 'armed_group'], ['status', 'detained']] as const) {
        let pauses = 0;
        const ids = await idsInChunks(db, by, value, sort, () => { pauses++; return Dexie.Promise.resolve(); }, 7);
        const filter: ActorFilter = by === 'status' ? { statuses: [value] } : { kinds: [value] };
        expect(sort === 'name' ? ids : ids.reverse(), `${sort} ${value}`).toEqual(await queryActorIds(db, filter, sort));
        expect(pauses >= Math.floor(ids.length / 7)).toBe(true);
      }
    }
  });
});
