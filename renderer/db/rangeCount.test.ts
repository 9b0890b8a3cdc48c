import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model';
import { newId } from '../../shared/model';
import type { ActorFilter } from './actorList';
import { countInRange, firstActors, queryActorIds } from './actorList';
import { readActorsAhead } from './actorsAhead';
import { deleteActor, getActorsByIds, saveActor } from './actors';
import type { CasefileDb } from './db';
import { actorLibrary, statusActor } from './actorLibrary.testkit';
import { rawRowsCountAndKeys } from './rawReads';

// A one-status (or one-kind) filter whose ids are not in memory shows its first screen and its
// count from one limited index read and one native count (features/actors/useActorIds.ts), its
// ids following for scrolling past the first screen.

Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const CAPTURED: ActorFilter = { statuses: ['captured'] };

/** Counts the transactions opened on IndexedDB itself (the reads past Dexie's layers). */
function countTransactions(db: CasefileDb): () => number {
  const idb = db.backendDB();
  const open = idb.transaction.bind(idb);
  let n = 0;
  idb.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
    n++;
    return open(...args);
  }) as IDBDatabase['transaction'];
  return () => n;
}

/** The first answer of a live query. */
function firstAnswer<T>(query: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = liveQuery(query).subscribe({ next: (v) => { sub.unsubscribe(); resolve(v); }, error: reject });
  });
}

const settle = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

/** Saves `actor` with its current status changed to `status` (a later status entry). */
async function moveTo(db: CasefileDb, actor: Actor, status: 'killed' | 'captured'): Promise<void> {
  const date = { label: '2020-06-01', edtf: '2020-06-01', earliest: '2020-06-01', latest: '2020-06-01', precision: 'day' as const };
  const entry = { ...actor.statusHistory[0]!, id: newId(), status, date };
  const saved = await saveActor(db, { ...actor, statusHistory: [...actor.statusHistory, entry] }, 9_000);
  if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
}

describe('a one-status filter counted with its first screen', () => {
  it('gives the first screen and the count, then the same ids as a full read, from one transaction started ahead', async () => {
    const db = await actorLibrary();
    const expected = await queryActorIds(db, CAPTURED, 'name');
    const expectedFirst = await getActorsByIds(db, expected.slice(0, 40));
    const transactions = countTransactions(db);
    readActorsAhead(db, CAPTURED, 'name', 40);
    const [rows, count] = await firstAnswer(() => Dexie.Promise.all([firstActors(db, CAPTURED, 'name', 40), countInRange(db, CAPTURED)!]));
    expect(rows).toEqual(expectedFirst);
    expect(count).toBe(100);
    expect(count).toBe(expected.length);
    const ids = await firstAnswer(() => queryActorIds(db, CAPTURED, 'name', { live: true }));
    expect(ids).toEqual(expected);
    // Rows, count and ids all taken over from the read ahead: the live queries opened no transaction of their own.
    expect(transactions()).toBe(1);
  });

  it('is answered in the order the list needs: the rows, then the count, then every id', async () => {
    const db = await actorLibrary();
    const order: string[] = [];
    const range = { index: '[status+sortName]', lower: ['at_large', Dexie.minKey], upper: ['at_large', Dexie.maxKey] };
    const { rows, count, keys } = rawRowsCountAndKeys(db, 'actors', range, 40);
    await Promise.all([rows.then(() => order.push('rows')), count.then(() => order.push('count')), keys.then(() => order.push('keys'))]);
    expect(order).toEqual(['rows', 'count', 'keys']);
    expect(await count).toBe((await keys).length);
  });

  it('counts one kind the same way, and leaves every other filter to its ids', async () => {
    const db = await actorLibrary();
    expect(await countInRange(db, { kinds: ['person'] })).toBe(300);
    expect(await countInRange(db, { kinds: ['armed_group'] })).toBe(0);
    expect(countInRange(db, {})).toBeUndefined();
    expect(countInRange(db, { statuses: ['captured', 'killed'] })).toBeUndefined();
    expect(countInRange(db, { statuses: ['captured'], text: 'quis' })).toBeUndefined();
  });

  it('counts an actor written while the read ahead was loading (the read ahead is dropped)', async () => {
    const db = await actorLibrary();
    readActorsAhead(db, CAPTURED, 'name', 40);
    const joined = await saveActor(db, statusActor('Aaron Captured', 'captured'));
    if (!joined.ok) throw new Error('save failed');
    // Dexie tells its listeners of the write on a timer: the live query comes after that.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [rows, count] = await firstAnswer(() => Dexie.Promise.all([firstActors(db, CAPTURED, 'name', 40), countInRange(db, CAPTURED)!]));
    expect(rows![0]!.id).toBe(joined.value.id);
    expect(count).toBe(101);
    expect(count).toBe((await queryActorIds(db, CAPTURED, 'name')).length);
  });

  it('is counted again when an actor joins the status, leaves it, or is deleted', async () => {
    const db = await actorLibrary();
    const counts: number[] = [];
    const sub = liveQuery(() => countInRange(db, CAPTURED)!).subscribe((n) => counts.push(n));
    const current = () => counts.at(-1);
    try {
      await settle(() => current() === 100);
      const joined = await saveActor(db, statusActor('Aaron Captured', 'captured'));
      if (!joined.ok) throw new Error('save failed');
      await settle(() => current() === 101);
      const [someone] = await getActorsByIds(db, (await queryActorIds(db, CAPTURED, 'name')).slice(50, 51));
      await moveTo(db, someone!, 'killed');
      await settle(() => current() === 100);
      await deleteActor(db, joined.value.id);
      await settle(() => current() === 99);
      expect(current()).toBe((await queryActorIds(db, CAPTURED, 'name')).length);
    } finally {
      sub.unsubscribe();
    }
  });
});
