import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import { SearchIndexer } from '../search/indexer';
import { createSearchHost } from './searchHost';
import type { SearchResponse } from './searchProtocol';

describe('search worker host', () => {
  it('answers once loaded, follows database writes by itself, and drops superseded queries', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    const actor = { ...blankActor('person', 1), name: 'Óscar Ramírez Durand' };
    await saveActor(db, actor, 1);
    const out: SearchResponse[] = [];
    const waitFor = async (pred: (m: SearchResponse) => boolean, from = 0) => {
      for (let i = 0; i < 200; i++) {
        const hit = out.slice(from).find(pred);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('timed out');
    };
    const host = createSearchHost({ openDb: async () => db, post: (m) => out.push(m), syncDelayMs: 5, mergeDelayMs: 10_000 });
    host.handle({ type: 'search', id: 1, caller: 'box', input: 'feliciano' });
    host.handle({ type: 'search', id: 2, caller: 'box', input: 'ramirez' });
    await host.started;
    expect(await waitFor((m) => m.type === 'superseded')).toEqual({ type: 'superseded', id: 1, by: 2 });
    await waitFor((m) => m.type === 'status' && m.status.ready);
    // The start-up background work (positions, the typo vocabulary) is announced, then ends.
    const warming = await waitFor((m) => m.type === 'status' && m.status.warming === true);
    await waitFor((m) => m.type === 'status' && m.status.warming === false, out.indexOf(warming));
    // The first sync builds the records segment; wait for it to end.
    const busy = await waitFor((m) => m.type === 'status' && m.status.indexing !== null);
    await waitFor((m) => m.type === 'status' && m.status.indexing === null, out.indexOf(busy));

    const ask = async (id: number, input: string) => {
      host.handle({ type: 'search', id, caller: 'box', input });
      const reply = await waitFor((m) => m.type === 'result' && m.id === id);
      return reply.type === 'result' ? reply.results.groups.actor.hits.map((h) => h.matchedName) : [];
    };
    expect(await ask(3, 'ramirez')).toEqual(['Óscar Ramírez Durand']);

    // A write: the host's liveQuery notices and syncs; no message from the window needed.
    await saveActor(db, { ...actor, name: 'Feliciano Ramírez' }, 2);
    for (let id = 4; ; id++) {
      const names = await ask(id, 'feliciano');
      if (names.length) { expect(names).toEqual(['Feliciano Ramírez']); break; }
      if (id > 100) throw new Error('edit never became searchable');
    }
  });

  it('a query arriving while the saved segments load is answered after load, with its hit', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    await saveActor(db, { ...blankActor('person', 1), name: 'Óscar Ramírez Durand' }, 1);
    const first = new SearchIndexer(db);
    await first.load();
    await first.sync();
    const out: SearchResponse[] = [];
    // A restart: the query arrives once the database is open, while load() reads the segments.
    const host = createSearchHost({
      openDb: async () => {
        setTimeout(() => host.handle({ type: 'search', id: 1, caller: 'box', input: 'ramirez' }), 0);
        return db;
      },
      post: (m) => out.push(m), syncDelayMs: 5, mergeDelayMs: 10_000, watch: () => () => undefined,
    });
    await host.started;
    for (let i = 0; i < 200 && !out.some((m) => m.type === 'result'); i++) await new Promise((r) => setTimeout(r, 10));
    const at = out.findIndex((m) => m.type === 'result');
    const reply = out[at];
    expect(reply?.type === 'result' && reply.results.groups.actor).toMatchObject({ count: 1, exact: true });
    expect(out.findIndex((m) => m.type === 'status' && m.status.ready)).toBeLessThan(at);
  });
});
