import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError, SCHEMA_VERSION, openDatabase } from './db';
import { getSetting, setSetting } from './settings';
import { requestPersistentStorage } from './storage';
import { inspectInstalled } from './versionGuard';

const versionOf = async (factory: IDBFactory, name: string) => (await factory.databases()).find((d) => d.name === name)?.version;

describe('openDatabase', () => {
  it('creates the database with its schema version recorded, and reopens it', async () => {
    const indexedDB = new IDBFactory();
    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(await db.meta.get('schemaVersion')).toEqual({ key: 'schemaVersion', value: SCHEMA_VERSION });
    expect(db.tables.map((t) => t.name).sort()).toEqual(['actors', 'cases', 'charts', 'documentFiles', 'documents', 'events', 'mentionDocs', 'mentionNames', 'meta', 'pageMentions', 'pendingMentions', 'nameRules', 'ocrJobs', 'pages', 'searchSegments', 'trash'].sort());
    db.close();
    expect(await versionOf(indexedDB, 'casefile')).toBe(SCHEMA_VERSION * 10);
    const again = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(again.isOpen()).toBe(true);
  });

  it('refuses a database written by a newer version and changes nothing', async () => {
    const indexedDB = new IDBFactory();
    // What a future Casefile might leave: version 2, a renamed store, no `meta` row we know.
    const future = new Dexie('casefile', { indexedDB, IDBKeyRange });
    future.version(SCHEMA_VERSION + 1).stores({ people: 'id, sortKey', events: 'id' });
    await future.open();
    await future.table('people').put({ id: 'p1', sortKey: 'guzman' });
    future.close();
    const before = await versionOf(indexedDB, 'casefile');

    const error = await openDatabase('casefile', { indexedDB, IDBKeyRange }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect(error).toMatchObject({ found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    expect((error as Error).message).toMatch(/newer version of Casefile/);

    // Untouched: same native version (Dexie alone would have patched it to 21), same stores, record still there.
    expect(await versionOf(indexedDB, 'casefile')).toBe(before);
    const check = new Dexie('casefile', { indexedDB, IDBKeyRange });
    check.version(SCHEMA_VERSION + 1).stores({ people: 'id, sortKey', events: 'id' });
    await check.open();
    expect(await check.table('people').get('p1')).toEqual({ id: 'p1', sortKey: 'guzman' });
    expect(check.backendDB().objectStoreNames.contains('meta')).toBe(false);
    check.close();
  });

  it('also refuses when only the meta row says the format is newer', async () => {
    const indexedDB = new IDBFactory();
    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    await db.meta.put({ key: 'schemaVersion', value: SCHEMA_VERSION + 2 });
    await db.actors.toCollection().count();
    db.close();
    await expect(openDatabase('casefile', { indexedDB, IDBKeyRange })).rejects.toMatchObject({
      name: 'NewerDatabaseError', found: SCHEMA_VERSION + 2, supported: SCHEMA_VERSION,
    });
  });

  it('inspects a missing database without creating one, even without databases()', async () => {
    const indexedDB = new IDBFactory();
    const noList = Object.assign(Object.create(indexedDB) as IDBFactory, { databases: undefined });
    expect(await inspectInstalled(noList, 'nothing-here')).toBeNull();
    expect(await indexedDB.databases()).toEqual([]);
  });
});

describe('settings', () => {
  it('stores and reads settings without touching internal meta rows', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    expect(await getSetting(db, 'language')).toBeUndefined();
    await setSetting(db, 'language', 'es');
    await setSetting(db, 'lastBackupAt', 1_700_000_000_000);
    expect(await getSetting(db, 'language')).toBe('es');
    expect(await getSetting(db, 'lastBackupAt')).toBe(1_700_000_000_000);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
  });
});

describe('requestPersistentStorage', () => {
  const storage = (persisted: boolean, grant: boolean) =>
    ({ persisted: async () => persisted, persist: async () => grant }) as unknown as StorageManager;

  it('reports unsupported, granted and denied', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({} as StorageManager)).toBe('unsupported');
    expect(await requestPersistentStorage(storage(true, false))).toBe('granted');
    expect(await requestPersistentStorage(storage(false, true))).toBe('granted');
    expect(await requestPersistentStorage(storage(false, false))).toBe('denied');
  });
});
