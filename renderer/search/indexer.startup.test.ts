import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import type { SearchResults } from '../../shared/search';
import { saveActor } from '../db/actors';
import { SCHEMA_VERSION, openDatabase } from '../db/db';
import type { SearchSegmentRow } from '../db/db';
import { DEXIE_VERSION_FACTOR } from '../db/versionGuard';
import { CATALOG_ROW_ID, readStartupRows, storedSegmentIds } from './catalog';
import { SearchIndexer } from './indexer';
import { decodeStored, startupSource } from './loadStored';

// The search worker starts reading its stored rows on a raw connection before Dexie is open
// (renderer/workers/searchWorkerDb.ts); what it loads must be what a load through Dexie gives.
const MAX_VERSION = SCHEMA_VERSION * DEXIE_VERSION_FACTOR + DEXIE_VERSION_FACTOR - 1;
const early = (factory: IDBFactory, max = MAX_VERSION) => readStartupRows<SearchSegmentRow>(factory, 'casefile', 'searchSegments', CATALOG_ROW_ID, max);
const actorIds = (r: SearchResults) => r.groups.actor.hits.map((h) => h.recordId);

async function indexedDatabase(factory: IDBFactory) {
  const db = await openDatabase('casefile', { indexedDB: factory, IDBKeyRange });
  for (const name of ['Abimael Guzmán', 'Elena Iparraguirre', 'Óscar Ramírez Durand']) await saveActor(db, { ...blankActor('person', 1_000), name }, 1_000);
  const indexer = new SearchIndexer(db);
  await indexer.load();
  await indexer.sync();
  return db;
}

describe('search start-up rows read before the database layer is open', () => {
  it('loads the same segments and answers alike', async () => {
    const factory = new IDBFactory();
    const db = await indexedDatabase(factory);
    const viaDexie = new SearchIndexer(db);
    await viaDexie.load();
    const rows = early(factory);
    const viaEarly = new SearchIndexer(db);
    expect(await viaEarly.load(decodeStored(startupSource(rows, Promise.resolve(db))))).toMatchObject({ loaded: (await storedSegmentIds(db)).length, stale: 0 });
    expect(viaEarly.segments.map((s) => s.meta.id)).toEqual(viaDexie.segments.map((s) => s.meta.id));
    expect(actorIds(await viaEarly.search('iparraguirre'))).toEqual(actorIds(await viaDexie.search('iparraguirre')));
    expect(actorIds(await viaEarly.search('iparraguirre'))).toHaveLength(1);
    // Nothing to catch up: the early catalog is the stored one.
    expect(await viaEarly.sync()).toMatchObject({ records: 0, documentsIndexed: 0, fullRecordsBuild: false });
  });

  it('creates no database when there is none, and reads nothing from a newer one', async () => {
    const factory = new IDBFactory();
    expect(await early(factory)).toBeNull();
    expect(await factory.databases()).toEqual([]);
    await indexedDatabase(factory);
    expect(await early(factory, 1)).toBeNull();
  });

  it('without early rows (no database yet, or a newer one), everything is read through the database layer', async () => {
    const factory = new IDBFactory();
    const db = await indexedDatabase(factory);
    const indexer = new SearchIndexer(db);
    expect(await indexer.load(decodeStored(startupSource(Promise.resolve(null), Promise.resolve(db))))).toMatchObject({ loaded: (await storedSegmentIds(db)).length });
    expect(actorIds(await indexer.search('ramirez'))).toHaveLength(1);
  });

  it('a row it could not read is read through the database layer', async () => {
    const factory = new IDBFactory();
    const db = await indexedDatabase(factory);
    const real = await early(factory);
    const failing = { ...real!, row: () => Promise.reject(new Error('connection closed')) };
    const indexer = new SearchIndexer(db);
    expect(await indexer.load(decodeStored(startupSource(Promise.resolve(failing), Promise.resolve(db))))).toMatchObject({ loaded: (await storedSegmentIds(db)).length, stale: 0 });
    expect(actorIds(await indexer.search('guzman'))).toHaveLength(1);
  });
});
