import { IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankActor } from '../../../shared/model';
import { bulkInsertForBenchmark } from '../../db/bulk';
import { openDatabase } from '../../db/db';
import { libraryHasData } from './libraryHasData';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

afterEach(() => vi.restoreAllMocks());

describe('whether the library holds anything to back up', () => {
  it('is false for an empty library and true once it holds an actor', async () => {
    const db = await freshDb();
    expect(await libraryHasData(db)).toBe(false);
    await bulkInsertForBenchmark(db, Array.from({ length: 30 }, () => blankActor('person', 1_000)), [], 10);
    expect(await libraryHasData(db)).toBe(true);
  });

  it('asks for one key per table, never a count of a whole table (50,000 actors take 70–110 ms to count)', async () => {
    const db = await freshDb();
    await bulkInsertForBenchmark(db, Array.from({ length: 30 }, () => blankActor('person', 1_000)), [], 10);
    const counts = [vi.spyOn(IDBObjectStore.prototype, 'count'), vi.spyOn(IDBIndex.prototype, 'count')];
    expect(await libraryHasData(db)).toBe(true);
    for (const count of counts) expect(count).not.toHaveBeenCalled();
  });
});
