import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, openDatabase } from './db';
import { V4_STORES } from './shippedStores.testkit';

describe('upgrade from version 4 to 6 (mentions)', () => {
  it('keeps every row, adds the empty mention tables and says the current version', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v4.version(4).stores(V4_STORES);
    await v4.open();
    await v4.table('meta').put({ key: 'schemaVersion', value: 4 });
    await v4.table('pages').put({ documentId: 'd1', page: 1, text: 'alias Cirilo', state: 'text' });
    await v4.table('cases').put({ id: 'c1', name: 'VRAEM' });
    v4.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(await db.pages.get(['d1', 1])).toMatchObject({ text: 'alias Cirilo' });
    expect(await db.cases.count()).toBe(1);
    expect([await db.pageMentions.count(), await db.mentionDocs.count(), await db.mentionNames.count(), await db.nameRules.count()]).toEqual([0, 0, 0, 0]);
    db.close();
  });
});
