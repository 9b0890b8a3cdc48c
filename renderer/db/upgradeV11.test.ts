import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { saveActor } from './actors';
import { ACTOR_COUNTS_KEY, countActorsByWalk } from './actorCounts';
import { statusActor } from './actorLibrary.testkit';
import { SCHEMA_VERSION, openDatabase } from './db';
import { actorRow } from './derive';
import { V10_STORES } from './shippedStores.testkit';

const versionOf = async (factory: IDBFactory, name: string) => (await factory.databases()).find((d) => d.name === name)?.version;

describe('upgrade from version 10 to 11 (the actor counts row)', () => {
  it('counts the actors once, by status and by kind, and every write keeps the count from then on', async () => {
    const indexedDB = new IDBFactory();
    const v10 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v10.version(10).stores(V10_STORES);
    await v10.open();
    await v10.table('meta').put({ key: 'schemaVersion', value: 10 });
    const group = { ...statusActor('Sendero', 'at_large'), kind: 'armed_group' as const };
    const rows = [group, statusActor('Artemio', 'captured'), statusActor('Feliciano', 'captured'), statusActor('Cirilo', 'killed')].map(actorRow);
    await v10.table('actors').bulkAdd(rows);
    v10.close();
    expect(await versionOf(indexedDB, 'casefile')).toBe(100);

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(11);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    const counted = { total: 4, status: { at_large: 1, captured: 2, killed: 1 }, kind: { armed_group: 1, person: 3 } };
    expect((await db.meta.get(ACTOR_COUNTS_KEY))?.value).toEqual(counted);
    expect(await db.actors.toArray()).toHaveLength(4);

    expect((await saveActor(db, statusActor('Nuevo', 'killed'))).ok).toBe(true);
    expect((await db.meta.get(ACTOR_COUNTS_KEY))?.value).toEqual({ ...counted, total: 5, status: { ...counted.status, killed: 2 }, kind: { ...counted.kind, person: 4 } });
    expect((await db.meta.get(ACTOR_COUNTS_KEY))?.value).toEqual(await db.transaction('r', db.actors, () => countActorsByWalk(db.actors)));
    db.close();
  });
});
