import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { getActor } from './actors';
import { SCHEMA_VERSION, openDatabase } from './db';
import { actorRow } from './derive';
import { V2_STORES } from './shippedStores.testkit';

const versionOf = async (factory: IDBFactory, name: string) => (await factory.databases()).find((d) => d.name === name)?.version;

describe('upgrade from version 2', () => {
  it('adds an empty searchSegments table and keeps every row', async () => {
    const indexedDB = new IDBFactory();
    const actor = { ...blankActor('person', 100), name: 'Óscar Ramírez Durand' };
    const v2 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v2.version(2).stores(V2_STORES);
    await v2.open();
    await v2.table('actors').add(actorRow(actor));
    await v2.table('pages').add({ documentId: 'd1', page: 1, text: 'texto' });
    await v2.table('meta').put({ key: 'schemaVersion', value: 2 });
    v2.close();
    expect(await versionOf(indexedDB, 'casefile')).toBe(20);

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(await versionOf(indexedDB, 'casefile')).toBe(SCHEMA_VERSION * 10);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(await getActor(db, actor.id)).toEqual(actor);
    // Version 4 then classifies it: a page of no known document counts as text.
    expect(await db.pages.get(['d1', 1])).toEqual({ documentId: 'd1', page: 1, text: 'texto', state: 'text' });

    expect(await db.searchSegments.count()).toBe(0);
    await db.searchSegments.put({
      id: 'records:1', kind: 'records', seq: 1, formatVersion: 1, analyzerVersion: 1, json: '{}', meta: {}, updatedAt: 1,
    });
    expect(await db.searchSegments.where('kind').equals('records').primaryKeys()).toEqual(['records:1']);
    db.close();
  });

  it('a version-2 build (its guard) would refuse the upgraded database', async () => {
    const indexedDB = new IDBFactory();
    (await openDatabase('casefile', { indexedDB, IDBKeyRange })).close();
    const { assertNotNewer } = await import('./versionGuard');
    await expect(assertNotNewer(indexedDB, 'casefile', 2)).rejects.toMatchObject({ name: 'NewerDatabaseError', found: SCHEMA_VERSION, supported: 2 });
  });
});
