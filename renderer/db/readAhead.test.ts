import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ActorFilter } from './actorList';
import { deleteActor, saveActor } from './actors';
import { firstActors, queryActorIds } from './actorList';
import { readActorsAhead } from './actorsAhead';
import type { Actor } from '../../shared/model';
import { actorLibrary, statusActor } from './actorLibrary.testkit';
import { priorityInFlight } from './readPriority';

// Dexie's liveQuery runs only where it sees an IndexedDB; tests pass theirs per database.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;


const settle = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('reads started ahead of the live query that asks for them', () => {
  it('give the live query the same answer as its own reads, for one status, a text and a combined filter', async () => {
    const db = await actorLibrary();
    const filters: ActorFilter[] = [{ statuses: ['captured'] }, { text: 'quis' }, { text: 'mam', statuses: ['killed', 'at_large'] }];
    for (const filter of filters) {
      const expected = await queryActorIds(db, filter, 'name');
      const expectedFirst = await firstActors(db, filter, 'name', 40);
      readActorsAhead(db, filter, 'name', 40);
      // The reads ahead count as priority reads (the held list waits for them).
      expect(priorityInFlight()).toBeGreaterThan(0);
      const got = await new Promise<[string[], Awaited<ReturnType<typeof firstActors>>]>((resolve, reject) => {
        const sub = liveQuery(() => Dexie.Promise.all([queryActorIds(db, filter, 'name', { live: true }), firstActors(db, filter, 'name', 40)])).subscribe({
          next: (v) => { sub.unsubscribe(); resolve(v as [string[], Awaited<ReturnType<typeof firstActors>>]); },
          error: reject,
        });
      });
      expect(got[0], JSON.stringify(filter)).toEqual(expected);
      expect(got[1], JSON.stringify(filter)).toEqual(expectedFirst);
    }
  });

  it('are dropped when the table is written before the live query takes them over', async () => {
    const db = await actorLibrary();
    const filter: ActorFilter = { statuses: ['captured'] };
    readActorsAhead(db, filter, 'name', 40);
    const joined = await saveActor(db, statusActor('Aaron Captured', 'captured'));
    if (!joined.ok) throw new Error('save failed');
    // Dexie tells its listeners of the write on a timer: the live query comes after that.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ids = await new Promise<string[]>((resolve, reject) => {
      const sub = liveQuery(() => queryActorIds(db, filter, 'name', { live: true })).subscribe({ next: (v) => { sub.unsubscribe(); resolve(v); }, error: reject });
    });
    expect(ids[0]).toBe(joined.value.id);
    expect(ids).toEqual(await queryActorIds(db, filter, 'name'));
  });
});

describe('a live first screen read straight from IndexedDB', () => {
  it('reruns when a row it shows is edited or deleted, or a row enters its range', async () => {
    const db = await actorLibrary();
    const answers: Actor[][] = [];
    const sub = liveQuery(() => firstActors(db, { statuses: ['captured'] }, 'name', 5)).subscribe((rows) => answers.push(rows ?? []));
    const current = () => answers.at(-1) ?? [];
    try {
      await settle(() => current().length === 5);
      // A field no index holds, on a row shown.
      const shown = current()[2]!;
      const edited = await saveActor(db, { ...shown, description: 'Seen in Ayacucho' }, 9_000);
      if (!edited.ok) throw new Error('save failed');
      await settle(() => current()[2]?.description === 'Seen in Ayacucho');
      await deleteActor(db, current()[0]!.id);
      await settle(() => current().every((a) => a.id !== shown.id || a.description === 'Seen in Ayacucho') && !current().some((a) => a.id === answers[0]![0]!.id));
      const first = await saveActor(db, statusActor('Aaa First', 'captured'));
      if (!first.ok) throw new Error('save failed');
      await settle(() => current()[0]?.id === first.value.id);
    } finally {
      sub.unsubscribe();
    }
  });
});
