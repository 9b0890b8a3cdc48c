import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db';
import type { PageRow } from '../db/derive';
import { readPagesRaw } from './rawPages';

const page = (documentId: string, p: number, text: string): PageRow => ({ documentId, page: p, text, state: 'text' });

describe('page rows read on the raw connection', () => {
  it('gives what Dexie gives, in the keys\' order, undefined for a missing page', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.pages.bulkPut([page('d1', 1, 'uno'), page('d1', 2, 'dos'), page('d2', 1, 'tres')]);
    const keys = [{ documentId: 'd2', page: 1 }, { documentId: 'd1', page: 9 }, { documentId: 'd1', page: 1 }];
    const raw = await readPagesRaw(db.backendDB(), keys);
    expect(raw).toEqual(await db.pages.bulkGet(keys.map((k) => [k.documentId, k.page] as [string, number])));
    expect(raw.map((r) => r?.text)).toEqual(['tres', undefined, 'uno']);
    expect(await readPagesRaw(db.backendDB(), [])).toEqual([]);
    db.close();
  });

  it('tells each row as it arrives, by its key\'s index, before the read resolves', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.pages.bulkPut([page('d1', 1, 'uno'), page('d1', 2, 'dos')]);
    const keys = [{ documentId: 'd1', page: 2 }, { documentId: 'd9', page: 1 }, { documentId: 'd1', page: 1 }];
    const told: [number, string | undefined][] = [];
    const raw = await readPagesRaw(db.backendDB(), keys, (i, row) => { told.push([i, row?.text]); });
    expect(told.sort((a, b) => a[0] - b[0])).toEqual([[0, 'dos'], [1, undefined], [2, 'uno']]);
    expect(raw.map((r) => r?.text)).toEqual(['dos', undefined, 'uno']);
    // A listener that throws does not spoil the read.
    const again = await readPagesRaw(db.backendDB(), keys, () => { throw new Error('listener'); });
    expect(again.map((r) => r?.text)).toEqual(['dos', undefined, 'uno']);
    db.close();
  });

  it('rejects once the connection is closed, so the indexer falls back to Dexie', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    const idb = db.backendDB();
    db.close();
    await expect(readPagesRaw(idb, [{ documentId: 'd1', page: 1 }])).rejects.toThrow();
  });
});
