import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankDocument } from '../../shared/model';
import { ocrLanguagesFor } from '../../shared/ocr/languages';
import { SCHEMA_VERSION, openDatabase } from './db';
import { documentRow } from './derive';
import { ensureOcrJobs } from './ocrJobs';
import { V4_STORES } from './shippedStores.testkit';

describe('upgrade from version 4', () => {
  it('adds the empty OCR queue; the backlog of scans is queued when the runner first looks', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v4.version(4).stores(V4_STORES);
    await v4.open();
    const scan = { ...blankDocument({ sha256: '1'.repeat(64), fileName: 'acta.pdf', byteLength: 9 },
      { state: 'needs-ocr', pageCount: 2, message: '', extractedAt: 1, characters: 0, textLayer: 'scanned', ocrPages: 2 }, 5), language: 'es' };
    await v4.table('documents').add(documentRow(scan));
    await v4.table('pages').bulkAdd([
      { documentId: scan.id, page: 1, text: '', state: 'image-only' },
      { documentId: scan.id, page: 2, text: '�', state: 'junk-text' },
    ]);
    await v4.table('meta').put({ key: 'schemaVersion', value: 4 });
    v4.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(await db.ocrJobs.count()).toBe(0);
    expect(await db.documents.count()).toBe(1);
    expect(await ensureOcrJobs(db, ocrLanguagesFor, 100)).toBe(1);
    expect(await db.ocrJobs.get(scan.id)).toMatchObject({ pages: [1, 2], status: 'queued', languages: 'spa' });
    db.close();
  });
});
