import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ActorFilter, ActorIdsAhead, ActorSort } from './actorList';
import { queryActorIds, queryActorIdsAhead } from './actorList';
import { readActorsAhead } from './actorsAhead';
import { getActorsByIds, saveActor } from './actors';
import type { CasefileDb } from './db';
import type { Actor } from '../../shared/model';
import { actorLibrary } from './actorLibrary.testkit';

// A combined filter (a text, a text and statuses…) applied with the held id list at hand reads
// its index ranges and then its first rows in one transaction, ahead of the live query that
// takes both over (renderer/db/unobserved.ts `readKeysThenRowsAhead`).

Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const ROWS = 7;

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

/** The combined filter's answer as the list's live query reads it, with the held list. */
function liveAnswer(db: CasefileDb, filter: ActorFilter, sort: ActorSort, held: string[]): Promise<{ ids: string[]; total: number; first: Actor[] }> {
  return new Promise((resolve, reject) => {
    const sub = liveQuery(async () => {
      const found: ActorIdsAhead = await queryActorIdsAhead(db, filter, sort, { sortedAll: held, firstRows: ROWS, live: true });
      return { ids: found.ids, total: found.total, first: await found.first! };
    }).subscribe({ next: (v) => { sub.unsubscribe(); resolve(v); }, error: reject });
  });
}

const filters: ActorFilter[] = [{ text: 'quis' }, { text: 'mam', statuses: ['killed', 'at_large'] }, { text: 'quispe 1' }];

describe('a combined filter read ahead with the held list', () => {
  it('answers the live query with the same ids and first rows, its keys and rows in one transaction', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 53 % 300));
    for (const sort of ['name', 'updated'] as const) {
      const held = await queryActorIds(db, {}, sort);
      for (const filter of filters) {
        const expected = await queryActorIds(db, filter, sort);
        const transactions = countTransactions(db);
        readActorsAhead(db, filter, sort, 40, { ids: held, rows: ROWS });
        const got = await liveAnswer(db, filter, sort, held);
        const what = `${sort} ${JSON.stringify(filter)}`;
        expect(got.ids, what).toEqual(expected);
        expect(got.total, what).toBe(expected.length);
        expect(got.first, what).toEqual(await getActorsByIds(db, expected.slice(0, ROWS)));
        // Ranges and rows in the read ahead's one transaction: the live query opened none of its own.
        expect(transactions(), what).toBe(1);
      }
    }
  });

  it('reads nothing more when nothing matches, and the live query answers empty', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 53 % 300));
    const held = await queryActorIds(db, {}, 'name');
    readActorsAhead(db, { text: 'zzz' }, 'name', 40, { ids: held, rows: ROWS });
    const got = await liveAnswer(db, { text: 'zzz' }, 'name', held);
    expect(got).toEqual({ ids: [], total: 0, first: [] });
  });

  it('is dropped when a shown row is saved before the live query takes it over', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 53 % 300));
    const held = await queryActorIds(db, {}, 'name');
    const filter: ActorFilter = { text: 'quis' };
    const [firstId] = await queryActorIds(db, filter, 'name');
    readActorsAhead(db, filter, 'name', 40, { ids: held, rows: ROWS });
    const [shown] = await getActorsByIds(db, [firstId!]);
    const edited = await saveActor(db, { ...shown!, description: 'Seen in Huallaga' }, 9_000);
    if (!edited.ok) throw new Error('save failed');
    // Dexie tells its listeners of the write on a timer: the live query comes after that.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const got = await liveAnswer(db, filter, 'name', held);
    expect(got.first[0]?.description).toBe('Seen in Huallaga');
  });

  it('keeps the live query watching the rows it shows', async () => {
    const db = await actorLibrary((i) => 1_000 + (i * 53 % 300));
    const held = await queryActorIds(db, {}, 'name');
    const filter: ActorFilter = { text: 'mam', statuses: ['killed', 'at_large'] };
    readActorsAhead(db, filter, 'name', 40, { ids: held, rows: ROWS });
    const answers: Actor[][] = [];
    const sub = liveQuery(async () => {
      const found = await queryActorIdsAhead(db, filter, 'name', { sortedAll: held, firstRows: ROWS, live: true });
      return found.first!;
    }).subscribe((rows) => answers.push(rows));
    const settle = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(check()).toBe(true);
    };
    try {
      await settle(() => answers.length > 0);
      // A field no index holds, on a row shown: only the rows' own observation sees it.
      const shown = answers[0]![3]!;
      const edited = await saveActor(db, { ...shown, description: 'Left for Pucallpa' }, 9_000);
      if (!edited.ok) throw new Error('save failed');
      await settle(() => answers.at(-1)?.[3]?.description === 'Left for Pucallpa');
    } finally {
      sub.unsubscribe();
    }
  });
});
