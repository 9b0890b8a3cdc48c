import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor, blankCase, blankEvent, newId } from '../../shared/model';
import { deleteActor, getActor, queryActorIds, saveActor } from './actors';
import { RecordNotFoundError, deleteCase, getCase, listCases, saveCase, setRecordCases } from './cases';
import { openDatabase } from './db';
import { deleteEvent, eventsForActor, getEvent, queryEventIds, saveEvent } from './events';
import { emptyTrash, listTrash, purgeFromTrash, restoreFromTrash } from './trash';

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
