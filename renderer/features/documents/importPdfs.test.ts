import { IDBFactory, IDBKeyRange, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/model';
import type { ExtractionResult } from '../../../shared/pdf/types';
import type { CasefileDb } from '../../db/db';
import { openDatabase } from '../../db/db';
import { getPagesText, listDocumentIds } from '../../db/documents';
import type { PdfExtractOptions, PdfExtractor } from '../../workers/pdfExtractClient';
import type { ImportFile, ImportOutcome } from './importPdfs';
import { importPdfs } from './importPdfs';

const freshDb = () => openDatabase('import-test', { indexedDB: new IDBFactory(), IDBKeyRange });
const pdf = (name: string, content: string): ImportFile => ({ name, blob: new Blob([`%PDF-1.7 ${content}`], { type: 'application/pdf' }) });
const counts = async (db: CasefileDb) => ({ documents: await db.documents.count(), files: await db.documentFiles.count(), pages: await db.pages.count() });

/** Answers by the file's content: "text …" is extracted, "locked" needs a password, "broken" is damaged, "slow" waits for a cancel, "crash" rejects. */
function fakeExtractor(onStart?: (content: string) => void): PdfExtractor & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async extract(bytes, options: PdfExtractOptions = {}) {
      const content = new TextDecoder().decode(bytes as ArrayBuffer).slice('%PDF-1.7 '.length);
      seen.push(content);
      onStart?.(content);
      const result = (state: ExtractionResult['state'], pages: string[] = [], message = ''): ExtractionResult =>
        ({ state, pageCount: pages.length || 1, pages, info: null, message, durationMs: 1 });
      if (content === 'slow') {
        options.onProgress?.({ page: 1, pageCount: 9 });
        return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError'))));
      }
      if (content === 'crash') throw new Error('worker said no');
      if (content === 'locked') return result('password-required', [], 'The PDF is protected with a password.');
      if (content === 'broken') return result('damaged', [], 'Not a valid PDF: Invalid PDF structure.');
      return result('extracted', [content, 'page two']);
    },
    dispose() {},
  };
}

const statuses = (outcomes: ImportOutcome[]) => outcomes.map((o) => o.status);

describe('importPdfs', () => {
  it('stores every file in a clear state, one bad file never stopping the others', async () => {
    const db = await freshDb();
    const extractor = fakeExtractor();
    const outcomes = await importPdfs(db, [pdf('a.pdf', 'text a'), pdf('c.pdf', 'crash'), pdf('l.pdf', 'locked'), pdf('b.pdf', 'broken')], {
      extractor, signal: new AbortController().signal, caseIds: [],
    });
    expect(statuses(outcomes)).toEqual(['added', 'failed', 'added', 'added']);
    expect(outcomes[1]).toMatchObject({ reason: 'error', detail: 'worker said no' });
    const states = outcomes.flatMap((o) => (o.status === 'added' ? [o.document.extraction.state] : []));
    expect(states).toEqual(['extracted', 'password-required', 'damaged']);
    // Locked and damaged files keep their bytes (to retry with a password, to show the damage) but no page text.
    expect(await counts(db)).toEqual({ documents: 3, files: 3, pages: 2 });
    const first = outcomes[0]!;
    expect(first.status === 'added' && (await getPagesText(db, first.document.id))).toEqual(['text a', 'page two']);
  });

  it('recognises a file already in the library by its hash and neither extracts nor writes it again', async () => {
    const db = await freshDb();
    const extractor = fakeExtractor();
    const options = { extractor, signal: new AbortController().signal };
    const [first] = await importPdfs(db, [pdf('a.pdf', 'text a')], options);
    const again = await importPdfs(db, [pdf('renamed.pdf', 'text a'), pdf('a.pdf', 'text a')], options);
    expect(statuses(again)).toEqual(['duplicate', 'duplicate']);
    const firstId = first?.status === 'added' ? first.document.id : 'missing';
    expect(again.map((o) => o.status === 'duplicate' && o.document.id)).toEqual([firstId, firstId]);
    expect(extractor.seen).toEqual(['text a']);
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 2 });
  });

  it('on cancel keeps the files already added, writes nothing for the one being read and starts no later file', async () => {
    const db = await freshDb();
    const controller = new AbortController();
    const extractor = fakeExtractor((content) => { if (content === 'slow') queueMicrotask(() => controller.abort()); });
    const phases: string[] = [];
    const outcomes = await importPdfs(db, [pdf('a.pdf', 'text a'), pdf('slow.pdf', 'slow'), pdf('z.pdf', 'text z')], {
      extractor, signal: controller.signal, onPhase: (i, phase) => phases.push(`${i}:${phase}`),
    });
    expect(statuses(outcomes)).toEqual(['added', 'cancelled', 'cancelled']);
    expect(extractor.seen).toEqual(['text a', 'slow']);
    // The file after may have been read ahead (hashed) but was never extracted or written.
    expect(phases.filter((p) => !p.endsWith(':hashing'))).toEqual(['0:extracting', '0:saving', '1:extracting']);
    expect(await listDocumentIds(db)).toHaveLength(1);
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 2 });
  });

  it('reports outcomes in file order while one file is written as the next is extracted', async () => {
    const db = await freshDb();
    const order: string[] = [];
    const extractor = fakeExtractor((content) => order.push(`extract ${content}`));
    const files = ['text a', 'text b', 'text a', 'text c'].map((c, i) => pdf(`${i}.pdf`, c));
    const outcomes = await importPdfs(db, files, {
      extractor, signal: new AbortController().signal,
      onOutcome: (index) => order.push(`outcome ${index}`),
      onPhase: (index, phase) => order.push(`${phase} ${index}`),
    });
    // The repeated file is caught by the write's own re-check even if its twin was still being written.
    expect(statuses(outcomes)).toEqual(['added', 'added', 'duplicate', 'added']);
    expect(order.filter((o) => o.startsWith('outcome'))).toEqual(['outcome 0', 'outcome 1', 'outcome 2', 'outcome 3']);
    // The second file is under way before the first file's write has finished.
    expect(order.indexOf('hashing 1')).toBeLessThan(order.indexOf('outcome 0'));
    expect(order.indexOf('saving 0')).toBeLessThan(order.indexOf('outcome 0'));
    expect(await counts(db)).toEqual({ documents: 3, files: 3, pages: 6 });
  });

  // The browser reports a full disk as QuotaExceededError from whichever write runs out of room:
  // the document's row, the file's bytes or a page's text. Each must leave nothing of the file.
  const strikes: Array<[string, (value: Record<string, unknown>) => boolean]> = [
    ['its metadata row', (v) => v.fileName === 'f.pdf'],
    ['its file bytes', (v) => v.blob instanceof Blob && v.byteLength === pdf('f.pdf', 'text full').blob.size],
    ['a page of its text', (v) => v.text === 'text full'],
  ];
  for (const [what, full] of strikes) {
    it(`a full disk while writing ${what} fails that file whole, says so, and the batch goes on`, async () => {
      const db = await freshDb();
      const { put, add } = FakeObjectStore.prototype;
      const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const strike = (value: unknown) => typeof value === 'object' && value !== null && full(value as Record<string, unknown>);
      FakeObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (strike(value)) throw quota();
        return put.call(this, value, key);
      };
      FakeObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (strike(value)) throw quota();
        return add.call(this, value, key);
      };
      let outcomes: ImportOutcome[];
      try {
        outcomes = await importPdfs(db, [pdf('a.pdf', 'text a'), pdf('f.pdf', 'text full'), pdf('c.pdf', 'text c')], {
          extractor: fakeExtractor(), signal: new AbortController().signal,
        });
      } finally {
        Object.assign(FakeObjectStore.prototype, { put, add });
      }
      expect(statuses(outcomes)).toEqual(['added', 'failed', 'added']);
      expect(outcomes[1]).toMatchObject({ reason: 'disk-full' });
      // Nothing of the failed file: no metadata, no bytes, no pages.
      expect(await counts(db)).toEqual({ documents: 2, files: 2, pages: 4 });
      const titles = (await db.documents.toArray()).map((d) => d.fileName).sort();
      expect(titles).toEqual(['a.pdf', 'c.pdf']);
    });
  }

  it('new documents join the given cases', async () => {
    const db = await freshDb();
    const caseId = newId();
    const [outcome] = await importPdfs(db, [pdf('a.pdf', 'text a')], { extractor: fakeExtractor(), signal: new AbortController().signal, caseIds: [caseId] });
    expect(outcome?.status === 'added' && outcome.document.caseIds).toEqual([caseId]);
  });
});
