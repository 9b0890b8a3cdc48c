import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, openDatabase } from './db';
import { mentionsOfActor } from './mentions';
import { V11_STORES } from './shippedStores.testkit';

const versionOf = async (factory: IDBFactory, name: string) => (await factory.databases()).find((d) => d.name === name)?.version;

describe('upgrade from version 11 to 13 (pending mention rows)', () => {
  it('keeps the page rows, adds an empty pendingMentions table, and the readers read through it', async () => {
    const indexedDB = new IDBFactory();
    const v11 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v11.version(11).stores(V11_STORES);
    await v11.open();
    await v11.table('meta').put({ key: 'schemaVersion', value: 11 });
    const part = { actorId: 'a', count: 1, hits: [], snippet: { text: 'Artemio', start: 0, end: 7 }, ambiguous: 0 as const };
    await v11.table('pageMentions').put({ documentId: 'd', page: 1, actorIds: ['a'], actors: [part] });
    v11.close();
    expect(await versionOf(indexedDB, 'casefile')).toBe(110);

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(13);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(await db.pendingMentions.count()).toBe(0);
    expect((await mentionsOfActor(db, 'a')).map((r) => [r.documentId, r.page])).toEqual([['d', 1]]);
    await db.pendingMentions.add({ id: 1, keys: [['d', 1], ['d', 2]], rows: [null, { documentId: 'd', page: 2, actorIds: ['a'], actors: [part] }] });
    expect((await mentionsOfActor(db, 'a')).map((r) => [r.documentId, r.page])).toEqual([['d', 2]]);
    db.close();
  });
});
