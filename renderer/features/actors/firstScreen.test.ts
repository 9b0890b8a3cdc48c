import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../../shared/model';
import { bulkInsertForBenchmark } from '../../db/bulk';
import { openDatabase } from '../../db/db';
import { FIRST_SCREEN, dropPrimedFirstScreen, primeFirstScreen, primedFirstScreen } from './firstScreen';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

describe('the first screen read at start-up', () => {
  it('is the opening list’s first rows by name, for that list only, until the list has read them itself', async () => {
    const db = await freshDb();
    const actors = Array.from({ length: FIRST_SCREEN + 10 }, (_, i) => {
      const a = blankActor('person', 1_000);
      a.name = `Name ${String(FIRST_SCREEN + 10 - i).padStart(3, '0')}`;
      return a;
    });
    await bulkInsertForBenchmark(db, actors, [], 100);
    await primeFirstScreen(db);
    const rows = primedFirstScreen(db, {}, 'name');
    expect(rows?.map((a) => a.name)).toEqual(actors.map((a) => a.name).sort().slice(0, FIRST_SCREEN));
    // Not for another sort, a filter, or another database.
    expect(primedFirstScreen(db, {}, 'updated')).toBeUndefined();
    expect(primedFirstScreen(db, { statuses: ['captured'] }, 'name')).toBeUndefined();
    expect(primedFirstScreen(await freshDb(), {}, 'name')).toBeUndefined();
    // Once the list's own read has answered, a list mounted later reads for itself.
    dropPrimedFirstScreen();
    expect(primedFirstScreen(db, {}, 'name')).toBeUndefined();
  });

  it('leaves the list to read for itself when the read fails', async () => {
    const db = await freshDb();
    db.close();
    await expect(primeFirstScreen(db)).resolves.toBeUndefined();
    expect(primedFirstScreen(db, {}, 'name')).toBeUndefined();
  });
});
