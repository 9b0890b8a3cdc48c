import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor, blankCase, blankEvent, newId } from '../../shared/model';
import { deleteActor, getActor, saveActor } from './actors';
import { queryActorIds } from './actorList';
import { RecordNotFoundError, deleteCase, getCase, listCases, saveCase, setRecordCases } from './cases';
import { openDatabase } from './db';
import { deleteEvent, eventsForActor, getEvent, queryEventIds, saveEvent } from './events';
import { addDocument, deleteDocument, getDocument } from './documents';
import { emptyTrash, listTrash, liveHolderOfFile, purgeFromTrash, restoreFromTrash } from './trash';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; issues: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('trash', () => {
  it('deleting an actor removes it from queries and a restore brings it back identical', async () => {
    const db = await freshDb();
    const a = blankActor('person');
    a.name = 'Comandante Artemio';
    a.tags = ['leader'];
    const saved = await ok(saveActor(db, a));

    expect(await deleteActor(db, a.id, 123)).toBe(true);
    expect(await getActor(db, a.id)).toBeUndefined();
    expect(await queryActorIds(db, { text: 'artemio' })).toEqual([]);
    expect(await queryActorIds(db, { tag: 'leader' })).toEqual([]);
    expect(await listTrash(db)).toEqual([{ id: a.id, table: 'actors', record: saved, title: 'Comandante Artemio', deletedAt: 123 }]);
    expect(await deleteActor(db, a.id)).toBe(false);

    expect(await restoreFromTrash(db, a.id)).toBe('restored');
    expect(await getActor(db, a.id)).toEqual(saved);
    expect(await queryActorIds(db, { text: 'artem' })).toEqual([a.id]);
    expect(await listTrash(db)).toEqual([]);
    expect(await restoreFromTrash(db, a.id)).toBe('not-found');
  });

  it('deleting an event removes it from date queries and the actor timeline until restored', async () => {
    const db = await freshDb();
    const actorId = newId();
    const e = blankEvent();
    e.title = 'Clash';
    e.date = { label: '1992', edtf: '1992', earliest: '1992-01-01', latest: '1992-12-31', precision: 'year' };
    e.participants = [{ id: newId(), actorId, role: 'attacker', note: '', citations: [] }];
    const saved = await ok(saveEvent(db, e));
    await deleteEvent(db, e.id);
    expect(await queryEventIds(db, { from: '1992-06-01', to: '1992-06-01' })).toEqual([]);
    expect(await eventsForActor(db, actorId)).toEqual([]);
    expect(await restoreFromTrash(db, e.id)).toBe('restored');
    expect(await getEvent(db, e.id)).toEqual(saved);
    expect(await queryEventIds(db, { from: '1992-06-01', to: '1992-06-01' })).toEqual([e.id]);
  });

  it('never overwrites a live record with the same id on restore', async () => {
    const db = await freshDb();
    const a = blankActor();
    a.name = 'Original';
    await ok(saveActor(db, a));
    await deleteActor(db, a.id);
    await ok(saveActor(db, { ...a, name: 'Recreated' }));
    expect(await restoreFromTrash(db, a.id)).toBe('conflict');
    expect((await getActor(db, a.id))?.name).toBe('Recreated');
    expect(await listTrash(db)).toHaveLength(1);
  });

  it('purges one entry or empties the trash, newest first in the list', async () => {
    const db = await freshDb();
    const ids = [];
    for (const [i, name] of ['A', 'B', 'C'].entries()) {
      const a = blankActor();
      a.name = name;
      await ok(saveActor(db, a));
      await deleteActor(db, a.id, 100 + i);
      ids.push(a.id);
    }
    expect((await listTrash(db)).map((t) => t.title)).toEqual(['C', 'B', 'A']);
    await purgeFromTrash(db, ids[1]!);
    expect((await listTrash(db)).map((t) => t.title)).toEqual(['C', 'A']);
    await emptyTrash(db);
    expect(await listTrash(db)).toEqual([]);
    expect(await db.actors.count()).toBe(0);
  });
});

describe('cases', () => {
  it('saves, lists by folded name, deletes to trash and restores whole', async () => {
    const db = await freshDb();
    const peru = await ok(saveCase(db, blankCase('Perú, 1980–2000'), 50));
    const abc = await ok(saveCase(db, blankCase('Ábaco'), 60));
    expect((await listCases(db)).map((c) => c.id)).toEqual([abc.id, peru.id]);
    expect((await saveCase(db, blankCase('  '))).ok).toBe(false);

    const a = blankActor();
    a.name = 'Member';
    a.caseIds = [peru.id];
    await ok(saveActor(db, a));

    await deleteCase(db, peru.id);
    expect(await getCase(db, peru.id)).toBeUndefined();
    expect((await listCases(db)).map((c) => c.id)).toEqual([abc.id]);
    // Records keep their case ids while the case is in the trash.
    expect(await queryActorIds(db, { caseId: peru.id })).toEqual([a.id]);

    expect(await restoreFromTrash(db, peru.id)).toBe('restored');
    expect(await getCase(db, peru.id)).toEqual(peru);
    expect(await queryActorIds(db, { caseId: peru.id })).toEqual([a.id]);
  });

  it('setRecordCases replaces an actor\'s or event\'s cases', async () => {
    const db = await freshDb();
    const [c1, c2] = [newId(), newId()];
    const a = blankActor();
    a.name = 'X';
    await ok(saveActor(db, a));
    const e = blankEvent();
    e.title = 'Y';
    await ok(saveEvent(db, e));

    expect(await ok(setRecordCases(db, 'actors', a.id, [c1, c2, c1], 9_000))).toEqual([c1, c2]);
    expect(await queryActorIds(db, { caseId: c2 })).toEqual([a.id]);
    expect((await getActor(db, a.id))?.updatedAt).toBe(9_000);
    await ok(setRecordCases(db, 'events', e.id, [c2]));
    expect(await queryEventIds(db, { caseId: c2 })).toEqual([e.id]);
    await ok(setRecordCases(db, 'actors', a.id, []));
    expect(await queryActorIds(db, { caseId: c2 })).toEqual([]);

    const bad = await setRecordCases(db, 'actors', a.id, ['not-a-uuid']);
    expect(bad).toEqual({ ok: false, issues: [{ path: 'caseIds.0', message: 'validation.invalidId' }] });
    await expect(setRecordCases(db, 'events', newId(), [c1])).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('restoring a document whose file is live under another record', () => {
  const bytes = new TextEncoder().encode('%PDF-1.7 the same file');
  const SHA = 'cd'.repeat(32);
  const extraction = (pages: string[]) => ({ state: 'extracted' as const, pageCount: pages.length, pages, info: null, message: '', durationMs: 1 });

  async function addFile(db: Awaited<ReturnType<typeof freshDb>>, title: string, pages: string[]) {
    const r = await addDocument(db, { file: new Blob([bytes]), sha256: SHA, fileName: 'informe.pdf', extraction: extraction(pages), metadata: { title } }, 10);
    if (r.status !== 'added') throw new Error(r.status);
    return r.document;
  }
  const pageTexts = async (db: Awaited<ReturnType<typeof freshDb>>, id: string) =>
    (await db.pages.where('[documentId+page]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()).map((p) => p.text);

  /** What an import's "take theirs" leaves: the live record with their details, mine in the Trash under a new id. */
  async function replacedByImport() {
    const db = await freshDb();
    const live = await addFile(db, 'Their title', ['page one', 'page two']);
    const copyId = newId();
    await db.trash.put({ id: copyId, table: 'documents', record: { ...live, id: copyId, title: 'My title', notes: 'my notes' }, title: 'My title', deletedAt: 20 });
    return { db, live, copyId };
  }

  it('says so instead of restoring, and changes nothing', async () => {
    const { db, live, copyId } = await replacedByImport();
    expect(await restoreFromTrash(db, copyId)).toBe('same-file');
    expect((await liveHolderOfFile(db, copyId))?.id).toBe(live.id);
    expect(await db.documents.count()).toBe(1);
    expect(await listTrash(db)).toHaveLength(1);
  });

  it('keep both: a second record of the same stored file, with the page texts of the file', async () => {
    const { db, live, copyId } = await replacedByImport();
    expect(await restoreFromTrash(db, copyId, { sameFile: 'keep-both' })).toBe('restored');
    expect((await db.documents.where('sha256').equals(SHA).toArray()).map((d) => d.title).sort()).toEqual(['My title', 'Their title']);
    expect(await db.documentFiles.count()).toBe(1);
    expect(await pageTexts(db, copyId)).toEqual(['page one', 'page two']);
    expect(await pageTexts(db, live.id)).toEqual(['page one', 'page two']);
    expect(await listTrash(db)).toEqual([]);
    // Deleting one of them for good keeps the file the other still shows.
    await deleteDocument(db, copyId);
    await purgeFromTrash(db, copyId);
    expect(await db.documentFiles.count()).toBe(1);
    expect(await pageTexts(db, live.id)).toEqual(['page one', 'page two']);
  });

  it('replace: the live record takes the trashed details under its own id; its own details go to the Trash', async () => {
    const { db, live, copyId } = await replacedByImport();
    expect(await restoreFromTrash(db, copyId, { sameFile: 'replace', now: 30 })).toBe('restored');
    const now = (await getDocument(db, live.id))!;
    expect(now).toMatchObject({ id: live.id, title: 'My title', notes: 'my notes', updatedAt: 30 });
    expect(await db.documents.count()).toBe(1);
    expect(await pageTexts(db, live.id)).toEqual(['page one', 'page two']);
    const trash = await listTrash(db);
    expect(trash).toHaveLength(1);
    expect(trash[0]!.id).not.toBe(copyId);
    expect(trash[0]).toMatchObject({ table: 'documents', title: 'Their title', record: { id: trash[0]!.id, title: 'Their title' } });
    // …and that one can come back the same way: nothing was lost.
    expect(await restoreFromTrash(db, trash[0]!.id, { sameFile: 'replace', now: 40 })).toBe('restored');
    expect((await getDocument(db, live.id))!.title).toBe('Their title');
  });

  it('a document deleted and its file added again: keep both brings back its own pages; replace drops them and keeps the file', async () => {
    const db = await freshDb();
    const first = await addFile(db, 'First', ['old text']);
    await deleteDocument(db, first.id);
    const again = await addFile(db, 'Again', ['new text']);
    expect(await restoreFromTrash(db, first.id)).toBe('same-file');
    expect(await restoreFromTrash(db, first.id, { sameFile: 'keep-both' })).toBe('restored');
    expect(await pageTexts(db, first.id)).toEqual(['old text']);
    expect(await pageTexts(db, again.id)).toEqual(['new text']);

    await deleteDocument(db, first.id);
    expect(await restoreFromTrash(db, first.id, { sameFile: 'replace', now: 50 })).toBe('restored');
    expect((await getDocument(db, again.id))!.title).toBe('First');
    expect(await pageTexts(db, first.id)).toEqual([]);
    expect(await db.documentFiles.count()).toBe(1);
  });
});
