import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { blankActor } from '../../shared/model';
import { saveActor } from '../db/actors';
import { addDocument } from '../db/documents';
import { sha256Hex } from '../util/sha256';
import { openDatabase } from '../db/db';
import { SCHEMA_VERSION } from '../db/schemaVersion';
import { STARTUP_READ_AHEAD } from '../search/startupRead';
import { SearchIndexer } from '../search/indexer';
import { dexieSource, readStored } from '../search/storedLoad';
import { openCurrent } from './earlyOpen';
import type { RowReaderPort } from './rowReader';
import { startEarlyRead } from './searchEarlyRead';
import { serveRows } from './segmentRowsProtocol';
import type { RowsAsk, RowsReply } from './segmentRowsProtocol';
import { createSearchHost } from './searchHost';
import type { SearchResponse } from './searchProtocol';
import type { SearchResults } from '../../shared/search';

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

  it('reads every stored row ahead before the engine asks for one, and hands each over without reading it again', async () => {
    const { factory, db } = await indexedDatabase();
    // More stored segments than reads in flight (one per sync: nothing merges them here).
    const indexer = new SearchIndexer(db);
    await indexer.load();
    for (let i = 0; i < STARTUP_READ_AHEAD + 2; i++) {
      await saveActor(db, { ...blankActor('person', 10 + i), name: `Testigo ${i} Huamán` }, 10 + i);
      await indexer.sync();
    }
    const ids = (await dexieSource(db).segmentIds()).sort();
    expect(ids.length).toBeGreaterThan(STARTUP_READ_AHEAD);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      const early = await startEarlyRead(factory);
      for (let i = 0; i < 50 && gets.mock.calls.length < ids.length + 1; i++) await new Promise((r) => setTimeout(r, 5));
      const readIds = () => gets.mock.calls.map(([key]) => key).filter((key) => key !== '~catalog' && key !== 'schemaVersion').sort();
      expect(readIds()).toEqual(ids); // before any row was asked for
      const raw = await readStored(early!);
      early!.close();
      expect(readIds()).toEqual(ids); // none read twice
      expect(raw.segments.map((s) => s.meta)).toEqual((await readStored(dexieSource(db))).segments.map((s) => s.meta));
    } finally {
      gets.mockRestore();
    }
  });

  it('with a row reader on a connection of its own, reads the same index: every other row through it, none twice', async () => {
    const { factory, db } = await indexedDatabase();
    const indexer = new SearchIndexer(db);
    await indexer.load();
    for (let i = 0; i < 4; i++) {
      await saveActor(db, { ...blankActor('person', 10 + i), name: `Testigo ${i} Huamán` }, 10 + i);
      await indexer.sync();
    }
    const ids = (await dexieSource(db).segmentIds()).sort();
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const asked: RowsAsk[] = [];
    // The worker's reader in-process: its own connection, its messages a tick later, as a worker's.
    const reader = (): RowReaderPort => {
      const listeners: ((event: MessageEvent<RowsReply>) => void)[] = [];
      const opening = openCurrent(factory, 'casefile');
      return {
        postMessage(ask: RowsAsk) {
          asked.push(ask);
          void opening.then((idb) => serveRows(idb, ask, (data) => {
            setTimeout(() => { for (const l of listeners) l({ data } as MessageEvent<RowsReply>); }, 0);
          }));
        },
        addEventListener(type: string, listener: (event: never) => void) { if (type === 'message') listeners.push(listener as never); },
        terminate() {},
      } as RowReaderPort;
    };
    try {
      const early = await startEarlyRead(factory, 'casefile', reader);
      const raw = await readStored(early!);
      early!.close();
      const readIds = gets.mock.calls.map(([key]) => key).filter((key) => key !== '~catalog' && key !== 'schemaVersion');
      expect([...readIds].sort()).toEqual(ids); // each row read once, by one side or the other
      expect(asked).toHaveLength(1);
      expect(asked[0]!.ids).toHaveLength(Math.floor(ids.length / 2));
      const viaDexie = await readStored(dexieSource(db));
      expect(raw.segments.map((s) => s.meta)).toEqual(viaDexie.segments.map((s) => s.meta));
      const restarted = new SearchIndexer(db);
      await restarted.load(Promise.resolve(raw));
      expect((await restarted.search('huaman')).groups.actor.count).toBe(4);
    } finally {
      gets.mockRestore();
    }
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

  it('falls back to reading through Dexie when a row read ahead fails', async () => {
    const { factory, db } = await indexedDatabase();
    const early = await startEarlyRead(factory);
    const failing = { ...early!, row: async () => { throw new DOMException('the read failed', 'UnknownError'); } };
    const out: SearchResponse[] = [];
    const host = createSearchHost({ openDb: async () => db, early: Promise.resolve(failing), post: (m) => out.push(m), syncDelayMs: 5, mergeDelayMs: 10_000, watch: () => () => undefined });
    host.handle({ type: 'search', id: 1, caller: 'box', input: 'quispe' });
    await host.started;
    for (let i = 0; i < 100 && !out.some((m) => m.type === 'result'); i++) await new Promise((r) => setTimeout(r, 10));
    const reply = out.find((m) => m.type === 'result');
    expect(reply?.type === 'result' && reply.results.groups.actor.hits.map((h) => h.matchedName)).toEqual(['Feliciano Quispe']);
    expect(out.some((m) => m.type === 'status' && m.status.error)).toBe(false);
  });

  it('answers the queries that waited for start-up before Dexie is open, as the indexer does: same hits and snippets', async () => {
    const { factory, db } = await indexedDatabase();
    const bytes = new TextEncoder().encode('%PDF-1.7 informe');
    const texts = ['Feliciano Quispe fue capturado en Huancayo.', 'El informe menciona a Quispe otra vez, y a Ramírez.'];
    const added = await addDocument(db, {
      file: new Blob([bytes]), sha256: await sha256Hex(bytes), fileName: 'informe.pdf',
      extraction: { state: 'extracted', pageCount: texts.length, pages: texts, info: null, message: '', durationMs: 1 },
    }, 3);
    expect(added.status).toBe('added');
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const queries = ['quispe', 'ramirez', '"otra vez"', 'quisp*', 'quipse'];
    const expected = await Promise.all(queries.map((q) => indexer.search(q)));

    const early = await startEarlyRead(factory);
    let opened = false;
    let open: (value: typeof db) => void = () => undefined;
    const out: SearchResponse[] = [];
    const host = createSearchHost({
      // Dexie opens only once every waiting query is answered.
      openDb: () => new Promise((resolve) => { open = (value) => { opened = true; resolve(value); }; }),
      early: Promise.resolve(early), post: (m) => out.push(m), syncDelayMs: 5, mergeDelayMs: 10_000, watch: () => () => undefined,
    });
    queries.forEach((input, i) => host.handle({ type: 'search', id: i + 1, caller: `c${i}`, input }));
    for (let i = 0; i < 200 && out.filter((m) => m.type === 'result').length < queries.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(opened).toBe(false);
    const answers = queries.map((_, i) => out.find((m) => m.type === 'result' && m.id === i + 1));
    const comparable = (r: SearchResults) => ({ ...r, tookMs: 0 });
    answers.forEach((answer, i) => {
      expect(answer?.type).toBe('result');
      if (answer?.type === 'result') expect(comparable(answer.results)).toEqual(comparable(expected[i]!));
    });
    expect(expected[0]!.groups.page.hits[0]?.snippet?.text).toContain('Quispe');
    // Then the indexer takes over the same segments (no rebuild) and the raw connection closes.
    open(db);
    await host.started;
    host.handle({ type: 'search', id: 99, caller: 'after', input: 'quispe' });
    for (let i = 0; i < 200 && !out.some((m) => m.type === 'result' && m.id === 99); i++) await new Promise((r) => setTimeout(r, 10));
    const after = out.find((m) => m.type === 'result' && m.id === 99);
    expect(after?.type === 'result' && comparable(after.results)).toEqual(comparable(expected[0]!));
  });
});
