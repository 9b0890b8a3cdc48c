import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, openDatabase } from './db';
import { deleteChart, listCharts, saveChart } from './charts';
import { V8_STORES } from './shippedStores.testkit';

const caseId = '0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b02';
const chart = {
  id: '0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b01', createdAt: 1, updatedAt: 2, caseId, name: 'From Artemio',
  nodes: [{ id: 'actor:0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b03', x: 10, y: -20, pinned: true }], hidden: [], edgeKinds: ['membership' as const], at: null,
};

describe('upgrade from version 8 to 9 (saved charts)', () => {
  it('keeps every row, adds the empty charts table and says version 9', async () => {
    const indexedDB = new IDBFactory();
    const v8 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v8.version(8).stores(V8_STORES);
    await v8.open();
    await v8.table('meta').put({ key: 'schemaVersion', value: 8 });
    await v8.table('cases').put({ id: caseId, name: 'VRAEM', description: '', createdAt: 1, updatedAt: 1 });
    await v8.table('nameRules').put({ id: 'family:a1', actorId: 'a1', kind: 'family', families: ['Quispe Palomino'] });
    v8.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
        expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(await db.cases.count()).toBe(1);
    expect(await db.nameRules.get('family:a1')).toMatchObject({ families: ['Quispe Palomino'] });
    expect(await db.charts.count()).toBe(0);

    // The case's charts are one index read; a damaged chart is refused with its field named.
    expect((await saveChart(db, chart)).ok).toBe(true);
    expect(await listCharts(db, caseId)).toEqual([chart]);
    const bad = await saveChart(db, { ...chart, name: ' ' });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['name']);
    expect((await deleteChart(db, chart.id))?.name).toBe('From Artemio');
    expect(await listCharts(db, caseId)).toEqual([]);
    db.close();
  });
});
