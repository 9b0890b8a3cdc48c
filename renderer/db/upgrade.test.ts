import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Actor, CaseEvent } from '../../shared/model';
import { blankActor, blankEvent, newCitation, newId } from '../../shared/model';
import { getActor } from './actors';
import { queryActorIds } from './actorList';
import { NewerDatabaseError, SCHEMA_VERSION, openDatabase } from './db';
import { actorRow, eventRow } from './derive';
import { recordsCitingDocument } from './documents';
import { getEvent, queryEventIds } from './events';
import { ACTOR_COUNTS_KEY, countActorsByWalk } from './actorCounts';
import { V1_STORES } from './shippedStores.testkit';

/** A row as the v1 build wrote it: v1's derived fields, no citedDocumentIds. */
function v1Row<T extends { citedDocumentIds: string[] }>(row: T): Omit<T, 'citedDocumentIds'> {
  const { citedDocumentIds: _c, ...rest } = row;
  return rest;
}

const versionOf = async (factory: IDBFactory, name: string) => (await factory.databases()).find((d) => d.name === name)?.version;

describe('upgrade from version 1', () => {
  it('keeps every row and indexes the documents each record cites', async () => {
    const indexedDB = new IDBFactory();
    const [docA, docB] = [newId(), newId()];

    const group = blankActor('armed_group', 100);
    group.name = 'Sendero Luminoso';
    const leader: Actor = {
      ...blankActor('person', 100),
      name: 'Abimael Guzmán',
      names: [{ id: newId(), name: 'Presidente Gonzalo', type: 'nom_de_guerre', note: '', citations: [newCitation(docA, 12)] }],
      memberships: [{ id: newId(), groupId: group.id, role: 'Presidente', from: null, to: null, note: '', citations: [newCitation(docB, 3)] }],
      statusHistory: [{ id: newId(), status: 'captured', date: null, place: 'Surquillo', note: '', citations: [newCitation(docA, 40, 'capturado')] }],
      tags: ['leader'],
    };
    const capture: CaseEvent = {
      ...blankEvent(100),
      title: 'Captura en Surquillo',
      type: 'strategic_developments',
      subType: 'arrests',
      participants: [{ id: newId(), actorId: leader.id, role: 'captured', note: '', citations: [newCitation(docB, null)] }],
    };
    const uncited = { ...blankEvent(100), title: 'Sin fuente' };

    const v1 = new Dexie('casefile', { indexedDB, IDBKeyRange });
    v1.version(1).stores(V1_STORES);
    await v1.open();
    await v1.table('actors').bulkAdd([v1Row(actorRow(group)), v1Row(actorRow(leader))]);
    await v1.table('events').bulkAdd([v1Row(eventRow(capture)), v1Row(eventRow(uncited))]);
    await v1.table('cases').add({ id: newId(), createdAt: 1, updatedAt: 1, name: 'VRAEM', description: '' });
    await v1.table('meta').put({ key: 'schemaVersion', value: 1 });
    v1.close();
    expect(await versionOf(indexedDB, 'casefile')).toBe(10);

    const db = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect(await versionOf(indexedDB, 'casefile')).toBe(SCHEMA_VERSION * 10);
    expect((await db.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);

    // Rows kept, unchanged as records; the old indexes still answer.
    expect(await db.actors.count()).toBe(2);
    // Counted by the upgrade to version 11, after every earlier step rewrote the rows.
    expect((await db.meta.get(ACTOR_COUNTS_KEY))?.value).toEqual(await db.transaction('r', db.actors, () => countActorsByWalk(db.actors)));
    expect((await db.meta.get(ACTOR_COUNTS_KEY))?.value).toMatchObject({ total: 2 });
    expect(await db.events.count()).toBe(2);
    expect(await db.cases.count()).toBe(1);
    expect(await getActor(db, leader.id)).toEqual(leader);
    expect(await getEvent(db, capture.id)).toEqual(capture);
    expect(await queryActorIds(db, { text: 'gonzalo' })).toEqual([leader.id]);
    expect(await queryEventIds(db, { actorId: leader.id })).toEqual([capture.id]);

    // The new index works on the upgraded rows.
    expect(await db.actors.where('citedDocumentIds').equals(docA).primaryKeys()).toEqual([leader.id]);
    expect(await db.events.where('citedDocumentIds').equals(docB).primaryKeys()).toEqual([capture.id]);
    expect((await db.events.get(uncited.id))?.citedDocumentIds).toEqual([]);
    const citing = await recordsCitingDocument(db, docB);
    expect(citing.map((r) => [r.table, r.title, r.citations.map((c) => c.part.part)])).toEqual([
      ['actors', 'Abimael Guzmán', ['membership']],
      ['events', 'Captura en Surquillo', ['participant']],
    ]);

    // The new tables exist and are empty.
    expect(await db.documents.count()).toBe(0);
    db.close();
  });

  it('a build refuses a database of the next version and leaves it as it was', async () => {
    const indexedDB = new IDBFactory();
    const next = SCHEMA_VERSION + 1;
    const future = new Dexie('casefile', { indexedDB, IDBKeyRange });
    future.version(next).stores({ ...V1_STORES, documents: 'id, &sha256', sources: 'id' });
    await future.open();
    await future.table('meta').put({ key: 'schemaVersion', value: next });
    await future.table('sources').put({ id: 's1' });
    future.close();

    const error = await openDatabase('casefile', { indexedDB, IDBKeyRange }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect(error).toMatchObject({ found: next, supported: SCHEMA_VERSION });
    expect(await versionOf(indexedDB, 'casefile')).toBe(next * 10);
  });

  it('opens a current database again without upgrading it', async () => {
    const indexedDB = new IDBFactory();
    (await openDatabase('casefile', { indexedDB, IDBKeyRange })).close();
    const again = await openDatabase('casefile', { indexedDB, IDBKeyRange });
    expect((await again.meta.get('schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    expect(await versionOf(indexedDB, 'casefile')).toBe(SCHEMA_VERSION * 10);
    again.close();
  });
});
