import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankDocument, textLayerOf, type DocumentExtraction, type SourceDocument } from '../../shared/model';
import type { ExtractionResult } from '../../shared/pdf/types';
import { sortKey, wordSet } from '../../shared/text/fold';
import { SCHEMA_VERSION, openDatabase } from './db';
import { addDocument, getDocument, getPage, listDocumentIds, pagesNeedingOcr, updateExtraction } from './documents';
import { listTrash } from './trash';
import { V3_STORES } from './shippedStores.testkit';

const sha = (n: number) => n.toString(16).padStart(64, '0');
function v3Document(n: number, extraction: Partial<DocumentExtraction>): SourceDocument {
  return blankDocument({ sha256: sha(n), fileName: `doc-${n}.pdf`, byteLength: 10 },
    { state: 'extracted', pageCount: 1, message: '', extractedAt: 1, characters: 5, ...extraction }, 100 + n);
}
/** A document row as version 3 wrote it: no textState, no textLayer. */
const v3Row = (doc: SourceDocument) => ({ ...doc, sortTitle: sortKey(doc.title), titleWords: wordSet([doc.title, doc.fileName]), extractionState: doc.extraction.state });

describe('upgrade from version 3', () => {
  it('gives every page a state from its document, sums documents up, and lets the list filter on it', async () => {
    const indexedDB = new IDBFactory();
    const scan = v3Document(1, { state: 'needs-ocr', pageCount: 2 });
    const text = v3Document(2, {});
    const locked = v3Document(3, { state: 'password-required', pageCount: 0, extractedAt: null, characters: 0 });
    const trashedScan = v3Document(4, { state: 'needs-ocr', pageCount: 1 });
    const v3 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v3.version(3).stores(V3_STORES);
    await v3.open();
    await v3.table('documents').bulkAdd([scan, text, locked].map(v3Row));
    await v3.table('trash').add({ id: trashedScan.id, table: 'documents', record: trashedScan, deletedAt: 5 });
    await v3.table('pages').bulkAdd([
      { documentId: scan.id, page: 1, text: '' }, { documentId: scan.id, page: 2, text: 'CamScanner' },
      { documentId: text.id, page: 1, text: 'Informe' }, { documentId: trashedScan.id, page: 1, text: '' },
    ]);
    await v3.table('meta').put({ key: 'schemaVersion', value: 3 });
    v3.close();

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    // Old 'needs-ocr' documents keep needing OCR on every page; old 'extracted' ones are text.
    expect(await pagesNeedingOcr(db, scan.id)).toEqual([1, 2]);
    expect((await getPage(db, text.id, 1))?.state).toBe('text');
    expect((await getPage(db, trashedScan.id, 1))?.state).toBe('image-only');
    expect(await db.pages.where('state').equals('image-only').count()).toBe(3);

    // Documents are summed up from their old state; no textLayer says they were read before pages were told apart.
    expect(await getDocument(db, scan.id)).toEqual(scan);
    expect(textLayerOf(scan.extraction)).toEqual({ layer: 'scanned', ocrPages: 2 });
    expect((await db.documents.get(text.id))?.textState).toBe('text');
    expect((await listTrash(db)).find((e) => e.id === trashedScan.id)?.record).toEqual(trashedScan);

    expect(await listDocumentIds(db, { textStates: ['scanned'] })).toEqual([scan.id]);
    expect(await listDocumentIds(db, { textStates: ['text'] })).toEqual([text.id]);
    expect(await listDocumentIds(db, { textStates: ['password-required', 'password-wrong'] })).toEqual([locked.id]);

    // Reading the file again (the detail's "Read the pages again") classifies each page: the old "scan" was a blank page and a drawing.
    await updateExtraction(db, scan.id, {
      state: 'extracted', pageCount: 2, pages: ['', ''], info: null, message: '', durationMs: 1,
      pageStates: ['blank', 'drawing'], textLayer: { layer: 'no-text', ocrPages: 0 }, annotations: [[], [{ kind: 'comment', text: 'Plano del campamento' }]],
    });
    expect((await getDocument(db, scan.id))?.extraction).toMatchObject({ state: 'extracted', textLayer: 'no-text', ocrPages: 0 });
    expect(await pagesNeedingOcr(db, scan.id)).toEqual([]);
    expect((await getPage(db, scan.id, 2))?.annotations).toEqual([{ kind: 'comment', text: 'Plano del campamento' }]);
    expect(await listDocumentIds(db, { textStates: ['no-text'] })).toEqual([scan.id]);
    db.close();
  });
});

describe('documents stored with page states and annotations', () => {
  it('keep each page\'s state and its form-field and comment text, and filter as partly scanned or no text', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    const result = (pages: string[], pageStates: ExtractionResult['pageStates'], extra: Partial<ExtractionResult> = {}): ExtractionResult => ({
      state: 'extracted', pageCount: pages.length, pages, info: null, message: '', durationMs: 1, pageStates, ...extra,
    });
    const file = (n: number) => ({ file: new Blob([`%PDF ${n}`]), sha256: sha(n), fileName: `f${n}.pdf` });
    const partly = await addDocument(db, {
      ...file(10),
      extraction: result(['Informe', '', ''], ['text', 'image-only', 'blank'], {
        state: 'needs-ocr', textLayer: { layer: 'partly-scanned', ocrPages: 1 },
        annotations: [[{ kind: 'form-field', label: 'insured', text: 'Compañía Minera' }], [], []],
      }),
    });
    const drawings = await addDocument(db, { ...file(11), extraction: result(['', ''], ['blank', 'drawing'], { textLayer: { layer: 'no-text', ocrPages: 0 } }) });
    if (partly.status !== 'added' || drawings.status !== 'added') throw new Error('not added');

    expect(partly.document.extraction).toMatchObject({ state: 'needs-ocr', textLayer: 'partly-scanned', ocrPages: 1, annotationChars: 15 });
    expect(await getPage(db, partly.document.id, 1)).toEqual({
      documentId: partly.document.id, page: 1, text: 'Informe', state: 'text',
      annotations: [{ kind: 'form-field', label: 'insured', text: 'Compañía Minera' }],
    });
    expect((await getPage(db, partly.document.id, 2))?.annotations).toBeUndefined();
    expect(await pagesNeedingOcr(db, partly.document.id)).toEqual([2]);
    expect(await listDocumentIds(db, { textStates: ['partly-scanned', 'scanned'] })).toEqual([partly.document.id]);
    expect(await listDocumentIds(db, { textStates: ['no-text'] })).toEqual([drawings.document.id]);
    db.close();
  });
});
