import Dexie, { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { STATUSES, newId } from '../../shared/model';
import { deleteActor, getActor, saveActor } from '../../renderer/db/actors';
import type { ActorSort } from '../../renderer/db/actorList';
import type { ActorFilter } from '../../renderer/db/actorList';
import { queryActorIds, queryActorIdsAhead } from '../../renderer/db/actorList';
import { readActorsAhead } from '../../renderer/db/actorsAhead';
import { actorLibrary, statusActor } from '../../renderer/db/actorLibrary.testkit';
import type { CasefileDb } from '../../renderer/db/db';
import { actorWrites, onActorWrites, readHeldStatuses } from '../../renderer/db/heldStatuses';
import { loadSampleCase } from '../../renderer/db/sample';
import { restoreFromTrash } from '../../renderer/db/trash';
import { SAMPLE, inProcessClient, seededProfile } from './bundleFixtures';

// Dexie's liveQuery runs only where it sees an IndexedDB; tests pass theirs per database.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const settle = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

/** Each status's ids from memory are the ones its index gives, in the list's order. */
async function expectCurrent(db: CasefileDb, sort: ActorSort) {
  const held = await readHeldStatuses(db, sort);
  for (const status of STATUSES) expect(held.byStatus.get(status), status).toEqual(await queryActorIds(db, { statuses: [status] }, sort));
  return held;
}

describe('each status\'s ids held in memory beside the actor list', () => {
  it('are every status\'s ids, in the list\'s order, by name and by last saved', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 7919) % 300);
    for (const sort of ['name', 'updated'] as const) {
      const held = await expectCurrent(db, sort);
      expect(held.byStatus.get('captured')).toHaveLength(100);
      expect(held.byStatus.get('detained')).toEqual([]);
      expect([...held.byStatus.values()].flat().sort()).toEqual((await queryActorIds(db, {}, sort)).sort());
    }
  });

  it('are the same read a few ids at a time, pausing between chunks, ties and writes meanwhile included', async () => {
    // Default library: by last saved every actor shares one instant (a whole chunk of ties).
    for (const db of [await actorLibrary((i) => 1_000 + (i * 7919) % 300), await actorLibrary()]) {
      for (const sort of ['name', 'updated'] as const) {
        let pauses = 0;
        const held = await readHeldStatuses(db, sort, () => { pauses++; return Dexie.Promise.resolve(); }, 7);
        for (const status of STATUSES) expect(held.byStatus.get(status), `${sort} ${status}`).toEqual(await queryActorIds(db, { statuses: [status] }, sort));
        expect(pauses).toBeGreaterThan(STATUSES.length); // between chunks, not only between statuses
      }
    }
    // An actor written between two chunks (its status changed, one renamed, one deleted): the
    // answer is the index's at the last read.
    const db = await actorLibrary((i) => 1_000 + i);
    const captured = await queryActorIds(db, { statuses: ['captured'] }, 'name');
    let chunk = 0;
    const held = await readHeldStatuses(db, 'name', async () => {
      if (++chunk !== 1) return;
      const moved = (await getActor(db, captured[6]!))!; // the last id of the first chunk
      moved.statusHistory[0]!.status = 'killed';
      expect((await saveActor(db, moved, 9_000)).ok).toBe(true);
      await deleteActor(db, captured[10]!);
    }, 7);
    for (const status of STATUSES) expect(held.byStatus.get(status), status).toEqual(await queryActorIds(db, { statuses: [status] }, 'name'));
  });

  it('are read again, current, after each way an actor is written', async () => {
    const db = await actorLibrary();
    let reported = 0;
    const stop = onActorWrites(db, () => { reported++; });
    try {
      // Each write is reported once it has committed, and a read begun then holds it.
      const after = async (write: () => Promise<unknown>) => {
        const before = reported;
        await write();
        await settle(() => reported > before);
        const held = await expectCurrent(db, 'name');
        expect(held.written).toBe(actorWrites(db));
        await expectCurrent(db, 'updated');
        return held;
      };
      await expectCurrent(db, 'name');

      // A new actor.
      let id = '';
      let held = await after(async () => {
        const saved = await saveActor(db, statusActor('Aaron Nuevo', 'detained'));
        if (!saved.ok) throw new Error('save failed');
        id = saved.value.id;
      });
      expect(held.byStatus.get('detained')).toEqual([id]);

      // Edited: a later status entry (the current status changes), then a new name (its place in the order).
      held = await after(async () => {
        const a = (await getActor(db, id))!;
        const entry = a.statusHistory[0]!;
        const later = { label: '2010-01-01', edtf: '2010-01-01', earliest: '2010-01-01', latest: '2010-01-01', precision: 'day' as const };
        a.statusHistory = [...a.statusHistory, { ...entry, id: newId(), status: 'released', date: later }];
        expect((await saveActor(db, a)).ok).toBe(true);
      });
      expect(held.byStatus.get('detained')).toEqual([]);
      expect(held.byStatus.get('released')).toEqual([id]);
      held = await after(async () => {
        const a = (await getActor(db, id))!;
        a.statusHistory = [{ ...a.statusHistory[0]!, status: 'captured' }];
        a.name = 'Zzyzx Nuevo';
        expect((await saveActor(db, a)).ok).toBe(true);
      });
      expect(held.byStatus.get('captured')!.at(-1)).toBe(id);
      expect(held.byStatus.get('released')).toEqual([]);

      // Deleted (to the trash), and restored.
      held = await after(() => deleteActor(db, id));
      expect(held.byStatus.get('captured')).not.toContain(id);
      held = await after(async () => expect(await restoreFromTrash(db, id)).toBe('restored'));
      expect(held.byStatus.get('captured')).toContain(id);

      // A case bundle imported (the bundle worker's writes), and the sample case loaded into another library.
      const { db: source } = await seededProfile();
      const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: SAMPLE.case.id });
      const atLarge = held.byStatus.get('at_large')!.length;
      held = await after(async () => {
        const client = inProcessClient(db);
        const inspected = await client.inspectBundle(blob);
        if (!inspected.ok) throw new Error(inspected.error.message);
        await client.applyImport(inspected.preview.token, {});
      });
      expect(held.byStatus.get('at_large')!.length).toBeGreaterThan(atLarge);
      const other = await actorLibrary();
      let otherReported = 0;
      const stopOther = onActorWrites(other, () => { otherReported++; });
      expect((await loadSampleCase(other, SAMPLE)).ok).toBe(true);
      await settle(() => otherReported > 0);
      stopOther();
      await expectCurrent(other, 'name');
    } finally {
      stop();
    }
  });

  it('answer a filter combining statuses with other parts as its index reads do, in both sorts, read ahead or not', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 7919) % 300);
    const filters: ActorFilter[] = [
      { statuses: ['captured'], text: 'quis' }, { statuses: ['killed', 'at_large'] }, { statuses: ['captured'], kinds: ['person'] },
      { statuses: ['at_large', 'detained'], text: 'mam' }, { statuses: ['detained'], text: 'quis' },
    ];
    for (const sort of ['name', 'updated'] as const) {
      const heldStatuses = await readHeldStatuses(db, sort);
      const sortedAll = await queryActorIds(db, {}, sort);
      for (const filter of filters) {
        const expected = await queryActorIds(db, filter, sort);
        const plain = await queryActorIdsAhead(db, filter, sort, { sortedAll, heldStatuses, firstRows: 25 });
        expect(plain.ids, JSON.stringify(filter)).toEqual(expected);
        expect((await plain.first)!.map((a) => a.id)).toEqual(expected.slice(0, 25));
        // Read ahead as the list does when a filter is applied, then taken over by the live read.
        readActorsAhead(db, filter, sort, 40, { ids: sortedAll, rows: 25, statuses: heldStatuses });
        const live = await new Promise<Awaited<ReturnType<typeof queryActorIdsAhead>>>((resolve, reject) => {
          const sub = liveQuery(() => queryActorIdsAhead(db, filter, sort, { sortedAll, heldStatuses, firstRows: 25, live: true }).then(async (r) => ({ ...r, rows: await r.first })))
            .subscribe({ next: (v) => { sub.unsubscribe(); resolve(v); }, error: reject });
        });
        expect(live.ids, JSON.stringify(filter)).toEqual(expected);
        expect(live.total).toBe(expected.length);
      }
    }
  });
});
