import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, openDatabase } from './db';
import { V6_STORES } from './shippedStores.testkit';

describe('upgrade from version 6 to 7 (two records may share a file)', () => {
  it('keeps every document and then accepts a second record of the same file', async () => {
    const indexedDB = new IDBFactory();
    const v6 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v6.version(6).stores(V6_STORES);
    await v6.open();
    await v6.table('meta').put({ key: 'schemaVersion', value: 6 });
    await v6.table('documents').put({ id: 'd1', sha256: 'ab'.repeat(32), title: 'Informe', sortTitle: 'informe', titleWords: [], caseIds: [] });
    // Version 6 refused a second record of the same file.
    await expect(v6.table('documents').put({ id: 'd2', sha256: 'ab'.repeat(32), title: 'Copy', caseIds: [] })).rejects.toMatchObject({ name: 'ConstraintError' });
    v6.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(await db.documents.get('d1')).toMatchObject({ title: 'Informe' });
    await db.documents.put({ ...(await db.documents.get('d1'))!, id: 'd2', title: 'Copy' });
    expect(await db.documents.where('sha256').equals('ab'.repeat(32)).primaryKeys()).toEqual(['d1', 'd2']);
    db.close();
  });
});
