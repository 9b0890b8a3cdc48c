import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { bulkInsertForBenchmark } from './bulk';
import { readAllInChunks, readKeysInChunks } from './chunks';
import { openDatabase } from './db';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

describe('reading in chunks', () => {
  it('reads every row and key in primary-key order, yielding between chunks', async () => {
    const db = await freshDb();
    // 7 actors in chunks of 3: two full chunks and a short one; 6 in chunks of 3 ends on an empty one.
    const ids = ['g', 'a', 'e', 'c', 'b', 'f', 'd'];
    await bulkInsertForBenchmark(db, ids.map((id) => ({ ...blankActor(), id, name: `Name ${id}` })), [], 100);
    let yields = 0;
    const rows = await readAllInChunks(db.actors, (r) => r.id, async () => { yields++; }, 3);
    expect(rows.map((r) => r.id)).toEqual([...ids].sort());
    expect(yields).toBe(2);
    expect(await readKeysInChunks(db.actors, undefined, 3)).toEqual([...ids].sort());
    await db.actors.delete('g');
    expect(await readKeysInChunks(db.actors, undefined, 3)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(await readAllInChunks(db.events, (r) => r.id)).toEqual([]);
  });
});
