import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, openDatabase } from './db';
import { V9_STORES } from './shippedStores.testkit';

describe('upgrade from version 9 to 10 (mentions stored one row per page)', () => {
  it('drops the per-actor rows and what they were computed from, keeps the user\'s rules and every other row', async () => {
    const indexedDB = new IDBFactory();
    const v9 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v9.version(9).stores(V9_STORES);
    await v9.open();
    await v9.table('meta').put({ key: 'schemaVersion', value: 9 });
    const chart = { id: 'c1', caseId: 'k1', name: 'From Artemio', createdAt: 1, updatedAt: 1, nodes: [], hidden: [], edgeKinds: [], at: null };
    await v9.table('charts').put(chart);
    await v9.table('pages').put({ documentId: 'd1', page: 1, text: 'alias Cirilo', state: 'text' });
    await v9.table('mentions').put({ documentId: 'd1', page: 1, actorId: 'a1', count: 1, hits: [], snippet: { text: '', start: 0, end: 0 }, ambiguous: 0 });
    await v9.table('mentionDocs').put({ documentId: 'd1', version: 1, pages: [1], filters: new Uint8Array(512) });
    await v9.table('mentionNames').put({ actorId: 'a1', entries: [], sources: 1 });
    const rule = { id: 'rule:a1:name:Cirilo', actorId: 'a1', kind: 'rule', name: 'Cirilo', source: 'name', rule: 'never' };
    await v9.table('nameRules').put(rule);
    v9.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('mentions');
    expect(await db.pages.get(['d1', 1])).toMatchObject({ text: 'alias Cirilo' });
    // Derived: cleared, so the worker's next sync scans every document into the new rows.
    expect([await db.pageMentions.count(), await db.mentionDocs.count(), await db.mentionNames.count()]).toEqual([0, 0, 0]);
    expect(await db.nameRules.toArray()).toEqual([rule]);
    expect(await db.charts.get('c1')).toEqual(chart);
    // "Pages naming actor X" is one range of the multi-entry index; "mentions in D" a key range.
    await db.pageMentions.put({ documentId: 'd1', page: 1, actorIds: ['a1', 'a2'], actors: [] });
    expect(await db.pageMentions.where('actorIds').equals('a2').primaryKeys()).toEqual([['d1', 1]]);
    expect(await db.pageMentions.where('[documentId+page]').between(['d1', Dexie.minKey], ['d1', Dexie.maxKey]).count()).toBe(1);
    db.close();
  });
});
