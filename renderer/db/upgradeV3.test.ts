import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { getActor } from './actors';
import { SCHEMA_VERSION, openDatabase } from './db';
import { actorRow } from './derive';

/**
 * Version 2 exactly as it shipped (renderer/db/db.ts at 40926c5), as a flat store list: it
 * stands for databases already on users' disks, so it is a copy, not an import.
 */
const V2_STORES = {
  actors:
    'id, sortName, updatedAt, [status+sortName], [status+updatedAt], [kind+sortName], [kind+updatedAt], ' +
    '*groupIds, *caseIds, *tags, *nameWords, *citedDocumentIds',
  events: 'id, updatedAt, type, [undated+dateFrom+dateTo], dateTo, *actorIds, *caseIds, *tags, *titleWords, *citedDocumentIds',
  cases: 'id, name',
  trash: 'id, deletedAt, table',
  meta: 'key',
  documents: 'id, &sha256, sortTitle, createdAt, updatedAt, extractionState, *caseIds, *titleWords',
  documentFiles: 'sha256',
  pages: '[documentId+page]',
};

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
    expect(SCHEMA_VERSION).toBe(6);
    expect(await versionOf(indexedDB, 'casefile')).toBe(60);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(6);
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
    await expect(assertNotNewer(indexedDB, 'casefile', 2)).rejects.toMatchObject({ name: 'NewerDatabaseError', found: 6, supported: 2 });
  });
});
