import type { DBCore, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ExtractionResult, PdfInfo } from '../../shared/pdf/types';
import { newId } from '../../shared/model';
import { sha256Hex } from '../util/sha256';
import { RecordNotFoundError } from './cases';
import { CasefileDb, openDatabase } from './db';
import type { AddDocumentInput } from './documents';
import {
  addDocument, deleteDocument, findDocumentBySha256, getDocument, getDocumentBlob, getDocumentsByIds, getPageText, getPagesText,
  listDocumentIds, saveDocumentMetadata, updateExtraction,
} from './documents';
import { emptyTrash, listTrash, purgeFromTrash, restoreFromTrash } from './trash';

const deps = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
const freshDb = () => openDatabase('test', deps());
type Db = CasefileDb;

const info = (title: string, extra: Partial<PdfInfo> = {}): PdfInfo => ({
  title, author: '', subject: '', keywords: '', creator: '', producer: '', creationDay: null, language: '', ...extra,
});
const extracted = (pages: string[], pdfInfo: PdfInfo | null = null): ExtractionResult => ({
  state: 'extracted', pageCount: pages.length, pages, info: pdfInfo, message: '', durationMs: 3,
});
const failed = (state: ExtractionResult['state'], message: string): ExtractionResult => ({
  state, pageCount: 0, pages: [], info: null, message, durationMs: 3,
});

async function file(content: string, fileName = 'informe.pdf'): Promise<Omit<AddDocumentInput, 'extraction'>> {
  const bytes = new TextEncoder().encode(`%PDF-1.7 ${content}`);
  return { file: new Blob([bytes], { type: 'application/pdf' }), sha256: await sha256Hex(bytes), fileName };
}

async function added(db: Db, input: AddDocumentInput, now = 1_000) {
  const r = await addDocument(db, input, now);
  if (r.status !== 'added') throw new Error(`expected added, got ${r.status}`);
  return r.document;
}

const counts = async (db: Db) => ({ documents: await db.documents.count(), files: await db.documentFiles.count(), pages: await db.pages.count() });

describe('addDocument', () => {
  it('stores metadata, bytes and one row per page; the title comes from the PDF info when meaningful', async () => {
    const db = await freshDb();
    const caseId = newId();
    const f = await file('cvr');
    const doc = await added(db, { ...f, extraction: extracted(['Página uno', '', 'Página tres'], info('Informe Final', { author: 'CVR', language: 'es' })), caseIds: [caseId, caseId] }, 5_000);

    expect(doc).toMatchObject({
      sha256: f.sha256, fileName: 'informe.pdf', byteLength: f.file.size, title: 'Informe Final', author: 'CVR', language: 'es',
      caseIds: [caseId], createdAt: 5_000, updatedAt: 5_000,
      extraction: { state: 'extracted', pageCount: 3, message: '', extractedAt: 5_000, characters: 21 },
    });
    expect(await getDocument(db, doc.id)).toEqual(doc);
    expect(await findDocumentBySha256(db, f.sha256.toUpperCase())).toEqual(doc);
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 3 });
    expect(await getPageText(db, doc.id, 3)).toBe('Página tres');
    expect(await getPageText(db, doc.id, 2)).toBe('');
    expect(await getPageText(db, doc.id, 4)).toBeUndefined();
    expect(await getPagesText(db, doc.id)).toEqual(['Página uno', '', 'Página tres']);
    const blob = await getDocumentBlob(db, doc.id);
    expect(blob && (await sha256Hex(await blob.arrayBuffer()))).toBe(f.sha256);

    // The metadata row carries no bytes and no text.
    const row = await db.documents.get(doc.id);
    expect(Object.values(row!).some((v) => v instanceof Blob)).toBe(false);
    expect(JSON.stringify(row)).not.toContain('Página');
  });

  it('falls back to the file name without its extension', async () => {
    const db = await freshDb();
    const doc = await added(db, { ...(await file('x', 'Atentado en Tarata.PDF')), extraction: extracted(['t'], info('Microsoft Word - borrador.docx')) });
    expect(doc.title).toBe('Atentado en Tarata');
  });

  it('says "duplicate" for a file already in the library, links to it, and writes nothing', async () => {
    const db = await freshDb();
    const f = await file('same bytes');
    const first = await added(db, { ...f, extraction: extracted(['a']) });
    const again = await addDocument(db, { ...f, fileName: 'renamed-copy.pdf', extraction: extracted(['a', 'b']), caseIds: [newId()] }, 9_000);
    expect(again).toEqual({ status: 'duplicate', document: first });
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 1 });
    expect(await getDocument(db, first.id)).toEqual(first);
  });

  it('lets only one of two concurrent imports of the same file write', async () => {
    const db = await freshDb();
    const f = await file('race');
    const results = await Promise.all([addDocument(db, { ...f, extraction: extracted(['x']) }), addDocument(db, { ...f, extraction: extracted(['x']) })]);
    expect(results.map((r) => r.status).sort()).toEqual(['added', 'duplicate']);
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 1 });
  });

  it('ends every file in a clear state; locked, damaged and timed-out files store no pages', async () => {
    const db = await freshDb();
    const cases: Array<[ExtractionResult, string]> = [
      [failed('password-required', 'This PDF is protected by a password.'), 'locked'],
      [failed('damaged', 'Invalid PDF structure.'), 'broken'],
      [failed('timed-out', 'Took longer than 60 s.'), 'slow'],
      [{ ...extracted(['', '']), state: 'needs-ocr', message: 'No text layer.' }, 'scan'],
    ];
    for (const [extraction, content] of cases) {
      const doc = await added(db, { ...(await file(content)), extraction });
      expect(doc.extraction).toMatchObject({ state: extraction.state, message: extraction.message });
    }
    expect(await listDocumentIds(db, { states: ['needs-ocr'] })).toHaveLength(1);
    expect(await db.pages.count()).toBe(2);
    expect((await db.documents.toArray()).map((d) => d.extraction.extractedAt === null).sort()).toEqual([false, true, true, true]);
  });

  it('leaves no half-written document, file or pages when a write fails inside the transaction', async () => {
    const db = await freshDb();
    const ok = await added(db, { ...(await file('kept')), extraction: extracted(['kept']) });
    // A page "text" that cannot be stored (structured clone refuses functions) fails the last write.
    const badPage = (() => 'x') as unknown as string;
    const f = await file('bad');
    await expect(addDocument(db, { ...f, extraction: extracted(['fine', badPage]) })).rejects.toThrow();
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 1 });
    expect(await findDocumentBySha256(db, f.sha256)).toBeUndefined();
    expect(await db.documentFiles.get(f.sha256)).toBeUndefined();
    expect(await getDocument(db, ok.id)).toEqual(ok);
    // The same file then imports cleanly.
    expect((await addDocument(db, { ...f, extraction: extracted(['fine', 'now']) })).status).toBe('added');
  });

  it('refuses invalid metadata from the caller and writes nothing', async () => {
    const db = await freshDb();
    const r = await addDocument(db, { ...(await file('x')), extraction: extracted(['a']), metadata: { url: 'ftp://x.org/a.pdf', title: ' ' } });
    expect(r).toEqual({
      status: 'invalid',
      issues: expect.arrayContaining([{ path: 'url', message: 'validation.invalidUrl' }, { path: 'title', message: 'validation.required' }]),
    });
    expect(await counts(db)).toEqual({ documents: 0, files: 0, pages: 0 });
  });
});

describe('updateExtraction', () => {
  it('replaces state and pages once the password is known, and fills an untouched title from the PDF info', async () => {
    const db = await freshDb();
    const locked = await added(db, { ...(await file('secret', 'expediente-12.pdf')), extraction: failed('password-required', 'Password needed.') });
    expect(locked).toMatchObject({ title: 'expediente-12', extraction: { state: 'password-required', pageCount: 0, extractedAt: null } });
    expect(await getPagesText(db, locked.id)).toEqual([]);

    const wrong = await updateExtraction(db, locked.id, failed('password-wrong', 'Incorrect password.'), 2_000);
    expect(wrong.extraction.state).toBe('password-wrong');

    const opened = await updateExtraction(db, locked.id, extracted(['uno', 'dos'], info('Expediente 12: Accomarca', { author: 'Fiscalía' })), 3_000);
    expect(opened).toMatchObject({
      title: 'Expediente 12: Accomarca', author: 'Fiscalía', updatedAt: 3_000, createdAt: 1_000,
      extraction: { state: 'extracted', pageCount: 2, extractedAt: 3_000, characters: 6, message: '' },
    });
    expect(await getDocument(db, locked.id)).toEqual(opened);
    expect(await getPagesText(db, locked.id)).toEqual(['uno', 'dos']);

    // A second extraction replaces the pages (fewer now) and keeps a title the user edited.
    const edited = await saveDocumentMetadata(db, { ...opened, title: 'Accomarca (fiscal file)' });
    expect(edited.ok).toBe(true);
    const redo = await updateExtraction(db, locked.id, extracted(['solo'], info('Other title')));
    expect(redo.title).toBe('Accomarca (fiscal file)');
    expect(await getPagesText(db, locked.id)).toEqual(['solo']);
    expect(await db.pages.count()).toBe(1);
  });

  it('keeps the old pages and state when the new write fails, and refuses an unknown document', async () => {
    const db = await freshDb();
    const doc = await added(db, { ...(await file('x')), extraction: extracted(['old 1', 'old 2']) });
    const spy = vi.spyOn(db.documents, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(updateExtraction(db, doc.id, extracted(['new']))).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await getPagesText(db, doc.id)).toEqual(['old 1', 'old 2']);
    expect(await getDocument(db, doc.id)).toEqual(doc);
    await expect(updateExtraction(db, newId(), extracted(['x']))).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('saveDocumentMetadata', () => {
  it('validates with message keys and writes nothing when invalid', async () => {
    const db = await freshDb();
    const doc = await added(db, { ...(await file('x')), extraction: extracted(['a']) });
    const r = await saveDocumentMetadata(db, { ...doc, title: '', url: 'www.example.org/report' });
    expect(r).toEqual({ ok: false, issues: [{ path: 'title', message: 'validation.required' }, { path: 'url', message: 'validation.invalidUrl' }] });
    expect(await getDocument(db, doc.id)).toEqual(doc);
  });

  it('saves the editable fields only: a stale form cannot rewrite the file, hash or extraction', async () => {
    const db = await freshDb();
    const doc = await added(db, { ...(await file('x')), extraction: failed('password-required', 'locked') });
    const stale = { ...doc };
    const unlocked = await updateExtraction(db, doc.id, extracted(['a', 'b']), 2_000);
    const r = await saveDocumentMetadata(db, {
      ...stale, title: ' Informe Defensoría ', reliability: 'reliable', url: 'https://www.defensoria.gob.pe/informe.pdf',
      fileName: 'hacked.pdf', createdAt: 1, byteLength: 1,
    }, 3_000);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toEqual({ ...unlocked, title: 'Informe Defensoría', reliability: 'reliable', url: 'https://www.defensoria.gob.pe/informe.pdf', updatedAt: 3_000 });
    expect(await getDocument(db, doc.id)).toEqual(r.value);
    await expect(saveDocumentMetadata(db, { ...doc, id: newId() })).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('listDocumentIds', () => {
  it('filters by words of title, file name and author, by case and by state, sorted by title or newest added', async () => {
    const db = await freshDb();
    const c = newId();
    const cvr = await added(db, { ...(await file('1', 'cvr-tomo-5.pdf')), extraction: extracted(['a'], info('Informe Final de la CVR', { author: 'Comisión de la Verdad' })), caseIds: [c] }, 10);
    const ddhh = await added(db, { ...(await file('2', 'aprodeh.pdf')), extraction: extracted(['a'], info('Derechos humanos en el VRAEM')) }, 20);
    const scan = await added(db, { ...(await file('3', 'Ábaco escaneado.pdf')), extraction: { ...extracted(['']), state: 'needs-ocr' }, caseIds: [c] }, 30);

    expect(await listDocumentIds(db)).toEqual([scan.id, ddhh.id, cvr.id]);
    expect(await listDocumentIds(db, {}, 'added')).toEqual([scan.id, ddhh.id, cvr.id]);
    expect(await listDocumentIds(db, { text: 'inform' })).toEqual([cvr.id]);
    expect(await listDocumentIds(db, { text: 'TOMO' })).toEqual([cvr.id]);
    expect(await listDocumentIds(db, { text: 'comision verdad' })).toEqual([cvr.id]);
    expect(await listDocumentIds(db, { text: 'abaco' })).toEqual([scan.id]);
    expect(await listDocumentIds(db, { caseId: c })).toEqual([scan.id, cvr.id]);
    expect(await listDocumentIds(db, { caseId: c, states: ['extracted'] })).toEqual([cvr.id]);
    expect(await listDocumentIds(db, { states: ['needs-ocr', 'damaged'] })).toEqual([scan.id]);
    expect(await listDocumentIds(db, { states: [] })).toHaveLength(3);
    expect(await listDocumentIds(db, { text: 'nothing-like-it' })).toEqual([]);
    expect((await getDocumentsByIds(db, [cvr.id, newId(), scan.id])).map((d) => d.id)).toEqual([cvr.id, scan.id]);
  });

  it('never reads the bytes or the pages', async () => {
    const touched = new Set<string>();
    const spy: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'table-spy',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          const note = () => touched.add(name);
          return {
            ...table,
            get: (req) => (note(), table.get(req)),
            getMany: (req) => (note(), table.getMany(req)),
            query: (req) => (note(), table.query(req)),
            openCursor: (req) => (note(), table.openCursor(req)),
            count: (req) => (note(), table.count(req)),
          };
        },
      }),
    };
    const db = new CasefileDb('spy', deps());
    db.use(spy);
    await db.open();
    const doc = await added(db, { ...(await file('big')), extraction: extracted(['text'], info('Large scan')), caseIds: [newId()] });
    touched.clear();

    await listDocumentIds(db);
    await listDocumentIds(db, {}, 'added');
    await listDocumentIds(db, { text: 'large', caseId: doc.caseIds[0], states: ['extracted'] });
    await getDocumentsByIds(db, [doc.id]);
    await getDocument(db, doc.id);
    await findDocumentBySha256(db, doc.sha256);
    expect([...touched]).toEqual(['documents']);

    // The spy does see the other tables when they are read.
    await getDocumentBlob(db, doc.id);
    await getPageText(db, doc.id, 1);
    expect([...touched].sort()).toEqual(['documentFiles', 'documents', 'pages']);
  });
});

describe('documents in the trash', () => {
  it('leaves bytes and pages in place until purged; restore brings the document back whole', async () => {
    const db = await freshDb();
    const f = await file('x');
    const doc = await added(db, { ...f, extraction: extracted(['p1', 'p2'], info('Informe')) });

    expect(await deleteDocument(db, doc.id, 50)).toBe(true);
    expect(await getDocument(db, doc.id)).toBeUndefined();
    expect(await listDocumentIds(db)).toEqual([]);
    expect(await getDocumentBlob(db, doc.id)).toBeUndefined();
    expect(await listTrash(db)).toEqual([{ id: doc.id, table: 'documents', record: doc, title: 'Informe', deletedAt: 50 }]);
    expect(await counts(db)).toEqual({ documents: 0, files: 1, pages: 2 });

    expect(await restoreFromTrash(db, doc.id)).toBe('restored');
    expect(await getDocument(db, doc.id)).toEqual(doc);
    expect(await listDocumentIds(db, { text: 'informe' })).toEqual([doc.id]);
    expect(await getPagesText(db, doc.id)).toEqual(['p1', 'p2']);

    await deleteDocument(db, doc.id);
    await purgeFromTrash(db, doc.id);
    expect(await counts(db)).toEqual({ documents: 0, files: 0, pages: 0 });
    expect(await listTrash(db)).toEqual([]);
  });

  it('adds a file again while a copy waits in the trash; purging that copy keeps the shared bytes', async () => {
    const db = await freshDb();
    const f = await file('twice');
    const old = await added(db, { ...f, extraction: extracted(['old']) });
    await deleteDocument(db, old.id);
    expect(await findDocumentBySha256(db, f.sha256)).toBeUndefined();

    const fresh = await added(db, { ...f, extraction: extracted(['new', 'new 2']) });
    expect(fresh.id).not.toBe(old.id);
    // The live copy holds the unique hash: the old one cannot come back beside it.
    expect(await restoreFromTrash(db, old.id)).toBe('same-file'); // the user chooses (trash.test.ts)

    await purgeFromTrash(db, old.id);
    expect(await counts(db)).toEqual({ documents: 1, files: 1, pages: 2 });
    const blob = await getDocumentBlob(db, fresh.id);
    expect(blob && (await sha256Hex(await blob.arrayBuffer()))).toBe(f.sha256);

    // Deleted twice over: emptying the trash removes both entries, then the bytes.
    await deleteDocument(db, fresh.id);
    const third = await added(db, { ...f, extraction: extracted(['third']) });
    await deleteDocument(db, third.id);
    await purgeFromTrash(db, fresh.id);
    expect(await counts(db)).toEqual({ documents: 0, files: 1, pages: 1 });
    await emptyTrash(db);
    expect(await counts(db)).toEqual({ documents: 0, files: 0, pages: 0 });
  });
});
