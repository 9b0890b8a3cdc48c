import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../../shared/model';
import { FIRST_SCREEN, FIRST_SCREEN_READ, dropPrimedFirstScreen, primeFirstScreenFrom, primedFirstScreen } from './firstScreen';
import { firstActors } from '../../db/actorList';
import { bulkInsertForBenchmark } from '../../db/bulk';
import { NewerDatabaseError, SCHEMA_VERSION, openDatabase } from '../../db/db';
import { actorRow } from '../../db/derive';
import { V2_STORES } from '../../db/shippedStores.testkit';
import { probeInstalled } from '../../db/versionGuard';

// The window's start (renderer/main.tsx): one raw connection answers the newer-version guard
// and reads the actor list's first screen before Dexie has opened.

const named = (n: number) => Array.from({ length: n }, (_, i) => ({ ...blankActor('person', 1_000 + i), name: `Name ${String(n - i).padStart(3, '0')}` }));

describe('the start-up probe', () => {
  it('reads the first screen as the list reads it, and the database opens on its answer', async () => {
    const indexedDB = new IDBFactory();
    const seed = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    await bulkInsertForBenchmark(seed, named(FIRST_SCREEN + 15), [], 100);
    seed.close();

    const probe = probeInstalled(indexedDB, 'casefile', SCHEMA_VERSION, FIRST_SCREEN_READ);
    expect(await probe.installed).toEqual({ nativeVersion: SCHEMA_VERSION * 10, metaSchemaVersion: SCHEMA_VERSION });
    let opened: Promise<void> | undefined;
    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange }, 'strict', {
      installed: probe.installed, onOpen: (d) => { opened = primeFirstScreenFrom(d, probe.rows); },
    });
    await opened;
    const expected = await firstActors(db, {}, 'name', FIRST_SCREEN);
    expect(expected).toHaveLength(FIRST_SCREEN);
    expect(primedFirstScreen(db, {}, 'name')).toEqual(expected);
    dropPrimedFirstScreen();
  });

  it('creates nothing when there is no database, and the open then creates it', async () => {
    const indexedDB = new IDBFactory();
    const probe = probeInstalled(indexedDB, 'casefile', SCHEMA_VERSION, FIRST_SCREEN_READ);
    expect(await probe.installed).toBeNull();
    expect(await probe.rows).toBeUndefined();
    expect(await indexedDB.databases()).toEqual([]);
    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange }, 'strict', { installed: probe.installed });
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
  });

  it('reads no rows from a database an upgrade is about to change; the list then reads them after it', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v2.version(2).stores(V2_STORES);
    await v2.open();
    await v2.table('actors').bulkAdd(named(3).map(actorRow));
    await v2.table('meta').put({ key: 'schemaVersion', value: 2 });
    v2.close();

    const probe = probeInstalled(indexedDB, 'casefile', SCHEMA_VERSION, FIRST_SCREEN_READ);
    expect(await probe.installed).toEqual({ nativeVersion: 20, metaSchemaVersion: 2 });
    expect(await probe.rows).toBeUndefined();
    let opened: Promise<void> | undefined;
    // The probe's connection does not hold up the upgrade.
    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange }, 'strict', {
      installed: probe.installed, onOpen: (d) => { opened = primeFirstScreenFrom(d, probe.rows); },
    });
    await opened;
    expect(primedFirstScreen(db, {}, 'name')?.map((a) => a.name)).toEqual(['Name 001', 'Name 002', 'Name 003']);
    dropPrimedFirstScreen();
  });

  it('lets the guard refuse a newer database, by its version or by its meta row, and touches nothing', async () => {
    const indexedDB = new IDBFactory();
    const future = new Dexie('casefile', { indexedDB, IDBKeyRange });
    future.version(SCHEMA_VERSION + 1).stores({ actors: 'id, sortName', meta: 'key' });
    await future.open();
    await future.table('actors').put({ id: 'a1', sortName: 'a' });
    future.close();
    const probe = probeInstalled(indexedDB, 'casefile', SCHEMA_VERSION, FIRST_SCREEN_READ);
    await expect(openDatabase('casefile', { indexedDB, IDBKeyRange }, 'strict', { installed: probe.installed }))
      .rejects.toBeInstanceOf(NewerDatabaseError);
    expect(await probe.rows).toBeUndefined();
    expect((await indexedDB.databases()).find((d) => d.name === 'casefile')?.version).toBe((SCHEMA_VERSION + 1) * 10);

    const other = new IDBFactory();
    const db = await openDatabase('casefile', { indexedDB: other, IDBKeyRange });
    await db.meta.put({ key: 'schemaVersion', value: SCHEMA_VERSION + 2 });
    db.close();
    const again = probeInstalled(other, 'casefile', SCHEMA_VERSION, FIRST_SCREEN_READ);
    await expect(openDatabase('casefile', { indexedDB: other, IDBKeyRange }, 'strict', { installed: again.installed }))
      .rejects.toMatchObject({ name: 'NewerDatabaseError', found: SCHEMA_VERSION + 2, supported: SCHEMA_VERSION });
  });

  it('refuses the database when another window upgraded it between the guard\'s answer and the open', async () => {
    const indexedDB = new IDBFactory();
    (await openDatabase('casefile', { indexedDB, IDBKeyRange })).close();
    const probe = probeInstalled(indexedDB, 'casefile', SCHEMA_VERSION, FIRST_SCREEN_READ);
    expect(await probe.installed).toEqual({ nativeVersion: SCHEMA_VERSION * 10, metaSchemaVersion: SCHEMA_VERSION });
    // A newer Casefile in another window upgrades now, after the probe answered.
    const future = new Dexie('casefile', { indexedDB, IDBKeyRange });
    future.version(SCHEMA_VERSION + 1).stores({ actors: 'id, sortName', meta: 'key', people: 'id' });
    await future.open();
    future.close();
    await expect(openDatabase('casefile', { indexedDB, IDBKeyRange }, 'strict', { installed: probe.installed }))
      .rejects.toMatchObject({ name: 'NewerDatabaseError', supported: SCHEMA_VERSION });
  });
});
