import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor, blankCase, blankEvent, newId } from '../../shared/model';
import { deleteActor, getActor, saveActor } from './actors';
import { queryActorIds } from './actorList';
import { listCases } from './cases';
import { openDatabase } from './db';
import { queryEventIds } from './events';
import type { SampleCase } from './sample';
import { loadSampleCase } from './sample';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

function sample(): SampleCase {
  const c = blankCase('Sendero Luminoso (muestra)');
  const group = blankActor('armed_group');
  group.name = 'Sendero Luminoso';
  group.caseIds = [c.id];
  const leader = blankActor('person');
  leader.name = 'Abimael Guzmán';
  leader.memberships = [{ id: newId(), groupId: group.id, role: 'Presidente', from: null, to: null, note: '', citations: [] }];
  leader.caseIds = [c.id];
  const capture = blankEvent();
  capture.title = 'Captura en Surquillo';
  capture.type = 'strategic_developments';
  capture.subType = 'arrests';
  capture.participants = [{ id: newId(), actorId: leader.id, role: 'captured', note: '', citations: [] }];
  capture.caseIds = [c.id];
  return { case: c, actors: [group, leader], events: [capture] };
}

describe('loadSampleCase', () => {
  it('loads everything once; a second load adds nothing and keeps the user\'s edits and deletions', async () => {
    const db = await freshDb();
    const s = sample();
    expect(await loadSampleCase(db, s, 500)).toEqual({ ok: true, value: { added: 4, kept: 0 } });
    expect((await listCases(db)).map((c) => c.id)).toEqual([s.case.id]);
    expect(await queryActorIds(db, { caseId: s.case.id })).toHaveLength(2);
    expect(await queryEventIds(db, { caseId: s.case.id })).toHaveLength(1);

    const leader = s.actors[1]!;
    const edited = await saveActor(db, { ...(await getActor(db, leader.id))!, name: 'Presidente Gonzalo' });
    expect(edited.ok).toBe(true);
    await deleteActor(db, s.actors[0]!.id);

    expect(await loadSampleCase(db, s)).toEqual({ ok: true, value: { added: 0, kept: 4 } });
    expect((await getActor(db, leader.id))?.name).toBe('Presidente Gonzalo');
    expect(await getActor(db, s.actors[0]!.id)).toBeUndefined();
    expect(await db.actors.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect(await db.cases.count()).toBe(1);
  });

  it('writes nothing when any record is invalid, and says which', async () => {
    const db = await freshDb();
    const s = sample();
    s.events[0]!.title = '';
    s.actors[1]!.names = [{ id: newId(), name: 'Abimael Guzmán', type: 'alias', note: '', citations: [] }];
    const r = await loadSampleCase(db, s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['actors.1.names.0.name', 'events.0.title']);
    expect(await db.actors.count() + await db.events.count() + await db.cases.count()).toBe(0);
  });
});
