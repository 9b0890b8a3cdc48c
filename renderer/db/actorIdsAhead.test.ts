import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { queryActorIds, queryActorIdsAhead, sortedIdsInChunks } from './actorList';
import { bulkInsertForBenchmark } from './bulk';
import { openDatabase } from './db';
import { SMALL_SET } from './idSets';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

/** More matches of "quis" than SMALL_SET (so their order comes from the sorted list), spread among other names. */
async function library() {
  const db = await freshDb();
  const actors = Array.from({ length: 3 * SMALL_SET }, (_, i) => {
    const a = blankActor('person', 1_000);
    a.name = i % 2 === 0 ? `Quispe ${String(i).padStart(4, '0')}` : `Mamani ${String(i).padStart(4, '0')}`;
    a.updatedAt = 1_000 + i;
    return a;
  });
  await bulkInsertForBenchmark(db, actors, [], 500);
  return db;
}

describe('queryActorIdsAhead: a combined filter ordered by the held list as far as it is read', () => {
  it('gives the matches within the prefix in order and the number of all matches', async () => {
    const db = await library();
    const all = await queryActorIds(db, { text: 'quis' }, 'name');
    expect(all.length).toBeGreaterThan(SMALL_SET);
    const sorted = await queryActorIds(db, {}, 'name');
    // "mamani" sorts before "quispe": a prefix of 60% of the order holds the first tenth or so of the matches.
    const prefix = sorted.slice(0, Math.ceil(sorted.length * 0.6));
    const ahead = await queryActorIdsAhead(db, { text: 'quis' }, 'name', { sortedPrefix: prefix, need: 40 });
    expect(ahead.total).toBe(all.length);
    expect(ahead.ids.length).toBeGreaterThanOrEqual(40);
    expect(ahead.ids.length).toBeLessThan(all.length);
    expect(ahead.ids).toEqual(all.slice(0, ahead.ids.length));
  });

  it('reads the whole order when the prefix holds fewer matches than needed, and ignores it for the other sort', async () => {
    const db = await library();
    const sorted = await queryActorIds(db, {}, 'name');
    const all = await queryActorIds(db, { text: 'quis' }, 'name');
    // The first half of the order is all Mamani: no match in it.
    const short = await queryActorIdsAhead(db, { text: 'quis' }, 'name', { sortedPrefix: sorted.slice(0, 100), need: 40 });
    expect(short).toEqual({ ids: all, total: all.length });
    const updated = await queryActorIdsAhead(db, { text: 'quis' }, 'updated', { sortedPrefix: sorted, need: 40 });
    expect(updated.ids).toEqual(await queryActorIds(db, { text: 'quis' }, 'updated'));
    expect(updated.total).toBe(all.length);
  });

  it('is exact with the prefix the held list reports while it reads in chunks', async () => {
    const db = await library();
    const all = await queryActorIds(db, { text: 'quis' }, 'name');
    const seen: string[][] = [];
    await sortedIdsInChunks(db, 'name', undefined, 200, (soFar) => { seen.push([...soFar]); });
    expect(seen.length).toBeGreaterThan(3);
    for (const prefix of seen) {
      const ahead = await queryActorIdsAhead(db, { text: 'quis' }, 'name', { sortedPrefix: prefix, need: 1, live: false });
      expect(ahead.total).toBe(all.length);
      expect(ahead.ids).toEqual(all.slice(0, ahead.ids.length));
    }
  });

  it('hands the first rows, whole and in order, however the order is found', async () => {
    const db = await library();
    const sorted = await queryActorIds(db, {}, 'name');
    const all = await queryActorIds(db, { text: 'quis' }, 'name');
    const few = await queryActorIds(db, { text: 'quispe 000' }, 'name');
    const cases = [
      { filter: { text: 'quis' }, options: { sortedAll: sorted }, expected: all },
      { filter: { text: 'quis' }, options: { sortedPrefix: sorted.slice(0, Math.ceil(sorted.length * 0.6)), need: 10 }, expected: all },
      { filter: { text: 'quis' }, options: {}, expected: all },
      { filter: { text: 'quispe 000' }, options: {}, expected: few },
      { filter: { text: 'nobody' }, options: {}, expected: [] },
    ];
    for (const { filter, options, expected } of cases) {
      for (const live of [true, false]) {
        const found = await queryActorIdsAhead(db, filter, 'name', { ...options, firstRows: 10, live });
        expect((await found.first)?.map((a) => a.id), JSON.stringify({ filter, live })).toEqual(expected.slice(0, 10));
        expect(found.ids).toEqual(expected.slice(0, found.ids.length));
      }
    }
  });
});
