import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import { SCHEMA_VERSION } from '../db/schemaVersion';
import { SearchIndexer } from '../search/indexer';
import { dexieSource, readStored } from '../search/storedLoad';
import { startEarlyRead } from './searchEarlyRead';
import { createSearchHost } from './searchHost';
import type { SearchResponse } from './searchProtocol';

/** A database holding a stored search index (one records segment) of two actors. */
async function indexedDatabase() {
  const factory = new IDBFactory();
  const db = await openDatabase('casefile', { indexedDB: factory, IDBKeyRange });
  await saveActor(db, { ...blankActor('person', 1), name: 'Óscar Ramírez Durand' }, 1);
  await saveActor(db, { ...blankActor('person', 2), name: 'Feliciano Quispe' }, 2);
  const indexer = new SearchIndexer(db);
  await indexer.load();
  await indexer.sync();
  return { factory, db };
}

describe("the search worker's early read of its stored index", () => {
  it('reads what Dexie reads: the same catalog, segments and answers', async () => {
    const { factory, db } = await indexedDatabase();
    const early = await startEarlyRead(factory);
    expect(early).not.toBeNull();
    const raw = await readStored(early!);
    const viaDexie = await readStored(dexieSource(db));
    early!.close();
    expect(raw.catalog).toEqual(viaDexie.catalog);
    expect(raw.segments.map((s) => s.meta)).toEqual(viaDexie.segments.map((s) => s.meta));
    expect(raw.nextSeq).toBe(viaDexie.nextSeq);
    const restarted = new SearchIndexer(db);
    expect(await restarted.load(Promise.resolve(raw))).toMatchObject({ loaded: 1, stale: 0 });
    expect((await restarted.search('ramirez')).groups.actor.hits.map((h) => h.matchedName)).toEqual(['Óscar Ramírez Durand']);
    // Nothing to rebuild: the early read left the index as stored.
    expect(await restarted.sync()).toMatchObject({ records: 0, fullRecordsBuild: false });
  });

  it('leaves a missing database alone (it does not create it)', async () => {
    const factory = new IDBFactory();
    expect(await startEarlyRead(factory)).toBeNull();
    expect((await factory.databases()).map((d) => d.name)).not.toContain('casefile');
  });

  it('gives up on a database of another schema version: Dexie upgrades or refuses it', async () => {
    const older = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = older.open('casefile', 10); // Dexie's version 1 (native version = 10 × n)
      request.onupgradeneeded = () => request.result.createObjectStore('searchSegments', { keyPath: 'id' });
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    expect(await startEarlyRead(older)).toBeNull();

    // Same native version, but a newer build's data format in meta.
    const { factory, db } = await indexedDatabase();
    await db.meta.put({ key: 'schemaVersion', value: SCHEMA_VERSION + 1 });
    db.close();
    expect(await startEarlyRead(factory)).toBeNull();
  });

  it('lets the worker answer from it, and closes its connection after loading', async () => {
    const { factory, db } = await indexedDatabase();
    const early = await startEarlyRead(factory);
    let closed = false;
    let rowsRead = 0;
    const source = { ...early!, row: (id: string) => { rowsRead++; return early!.row(id); }, close: () => { closed = true; early!.close(); } };
    const out: SearchResponse[] = [];
    const host = createSearchHost({ openDb: async () => db, early: Promise.resolve(source), post: (m) => out.push(m), syncDelayMs: 5, mergeDelayMs: 10_000 });
    host.handle({ type: 'search', id: 1, caller: 'box', input: 'quispe' });
    await host.started;
    for (let i = 0; i < 100 && !out.some((m) => m.type === 'result'); i++) await new Promise((r) => setTimeout(r, 10));
    const reply = out.find((m) => m.type === 'result');
    expect(reply?.type === 'result' && reply.results.groups.actor.hits.map((h) => h.matchedName)).toEqual(['Feliciano Quispe']);
    expect(rowsRead).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
  });
});
