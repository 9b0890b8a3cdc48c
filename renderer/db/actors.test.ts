import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Actor, ActorKind, ActorStatus } from '../../shared/model';
import { blankActor, newId } from '../../shared/model';
import type { ActorFilter } from './actorList';
import { deleteActor, getActor, getActorsByIds, groupMembers, listGroups, listTags, saveActor } from './actors';
import { countActors, queryActorIds, sortedIdsInChunks } from './actorList';
import { bulkInsertForBenchmark } from './bulk';
import { openDatabase } from './db';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

const day = (iso: string) => ({ label: iso, edtf: iso, earliest: iso, latest: iso, precision: 'day' as const });

function actor(name: string, opts: { kind?: ActorKind; aliases?: string[]; status?: ActorStatus; groups?: string[]; cases?: string[]; tags?: string[] } = {}): Actor {
  const a = blankActor(opts.kind ?? 'person', 1_000);
  a.name = name;
  a.names = (opts.aliases ?? []).map((n) => ({ id: newId(), name: n, type: 'alias' as const, note: '', citations: [] }));
  if (opts.status) a.statusHistory = [{ id: newId(), status: opts.status, date: day('2000-01-01'), place: '', note: '', citations: [] }];
  a.memberships = (opts.groups ?? []).map((g) => ({ id: newId(), groupId: g, role: '', from: null, to: null, note: '', citations: [] }));
  a.caseIds = opts.cases ?? [];
  a.tags = opts.tags ?? [];
  return a;
}

async function save(db: Awaited<ReturnType<typeof freshDb>>, a: Actor, now = 2_000): Promise<Actor> {
  const r = await saveActor(db, a, now);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('saveActor / getActor', () => {
  it('round-trips a record without index fields, keeps createdAt and stamps updatedAt', async () => {
    const db = await freshDb();
    const a = actor('Abimael Guzmán', { aliases: ['Presidente Gonzalo'], status: 'captured' });
    const saved = await save(db, a, 5_000);
    expect(saved.createdAt).toBe(1_000);
    expect(saved.updatedAt).toBe(5_000);
    expect(await getActor(db, a.id)).toEqual(saved);
    expect(await getActor(db, a.id)).not.toHaveProperty('sortName');

    // A stale form carrying another createdAt does not rewrite it.
    const again = await save(db, { ...saved, createdAt: 9_999 }, 6_000);
    expect(again.createdAt).toBe(1_000);
    expect(again.updatedAt).toBe(6_000);
  });

  it('refuses an invalid actor, writes nothing, and reports dotted paths with message keys', async () => {
    const db = await freshDb();
    const a = actor('Same Name', { aliases: ['same name'] });
    const r = await saveActor(db, a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: 'names.0.name', message: 'validation.duplicate' });
    expect(await getActor(db, a.id)).toBeUndefined();

    const empty = await saveActor(db, actor(''));
    expect(!empty.ok && empty.issues.some((i) => i.path === 'name' && i.message === 'validation.required')).toBe(true);
    expect(await db.actors.count()).toBe(0);
  });

  it('recomputes derived fields on every edit', async () => {
    const db = await freshDb();
    const a = await save(db, actor('Óscar Ramírez', { status: 'at_large' }));
    expect(await queryActorIds(db, { statuses: ['at_large'] })).toEqual([a.id]);

    const captured = { ...a, statusHistory: [...a.statusHistory, { id: newId(), status: 'captured' as const, date: day('2012-04-12'), place: '', note: '', citations: [] }] };
    await save(db, captured);
    expect((await db.actors.get(a.id))?.status).toBe('captured');
    expect(await queryActorIds(db, { statuses: ['at_large'] })).toEqual([]);
    expect(await queryActorIds(db, { statuses: ['captured'] })).toEqual([a.id]);

    await save(db, { ...captured, name: 'Camarada Feliciano' });
    expect(await queryActorIds(db, { text: 'oscar' })).toEqual([]);
    expect(await queryActorIds(db, { text: 'felic' })).toEqual([a.id]);
    expect((await db.actors.get(a.id))?.sortName).toBe('camarada feliciano');
  });
});

describe('queryActorIds', () => {
  const c1 = newId();
  const c2 = newId();
  async function seed() {
    const db = await freshDb();
    const sl = await save(db, actor('Sendero Luminoso', { kind: 'armed_group', cases: [c1] }), 10);
    const police = await save(db, actor('DINCOTE', { kind: 'state_force' }), 20);
    const guzman = await save(db, actor('Abimael Guzmán', { status: 'captured', groups: [sl.id], cases: [c1], tags: ['leader'] }), 30);
    const artemio = await save(db, actor('Florindo Eleuterio Flores', { aliases: ['Comandante Artemio'], status: 'captured', groups: [sl.id], tags: ['leader', 'Huallaga'] }), 40);
    const jose = await save(db, actor('Víctor Quispe Palomino', { aliases: ['Camarada José'], status: 'at_large', groups: [sl.id], cases: [c1] }), 50);
    const zed = await save(db, actor('Zenón Vargas', { status: 'killed', cases: [c2] }), 60);
    await db.meta.put({ key: 'x', value: 1 });
    return { db, sl, police, guzman, artemio, jose, zed };
  }

  it('lists everything by name and by last update', async () => {
    const { db, sl, police, guzman, artemio, jose, zed } = await seed();
    expect(await queryActorIds(db)).toEqual([guzman.id, police.id, artemio.id, sl.id, jose.id, zed.id]);
    expect(await queryActorIds(db, {}, 'updated')).toEqual([zed.id, jose.id, artemio.id, guzman.id, police.id, sl.id]);
    expect(await countActors(db)).toBe(6);
  });

  it('finds an actor by a prefix of an alias, accent- and case-insensitively', async () => {
    const { db, guzman, artemio, jose } = await seed();
    expect(await queryActorIds(db, { text: 'artem' })).toEqual([artemio.id]);
    expect(await queryActorIds(db, { text: 'guzman' })).toEqual([guzman.id]);
    expect(await queryActorIds(db, { text: 'GUZMÁN' })).toEqual([guzman.id]);
    expect(await queryActorIds(db, { text: 'camarada jos' })).toEqual([jose.id]);
    // Every word must match, though possibly in different names.
    expect(await queryActorIds(db, { text: 'comandante flores' })).toEqual([artemio.id]);
    expect(await queryActorIds(db, { text: 'comandante guzman' })).toEqual([]);
    expect(await queryActorIds(db, { text: '  ¡! ' })).toHaveLength(6);
  });

  it('filters by status, kind, group, case and tag, in both sorts', async () => {
    const { db, sl, police, guzman, artemio, jose, zed } = await seed();
    expect(await queryActorIds(db, { statuses: ['captured'] })).toEqual([guzman.id, artemio.id]);
    expect(await queryActorIds(db, { statuses: ['captured'] }, 'updated')).toEqual([artemio.id, guzman.id]);
    expect(await queryActorIds(db, { statuses: ['captured', 'killed'] }, 'updated')).toEqual([zed.id, artemio.id, guzman.id]);
    expect(await queryActorIds(db, { statuses: ['unknown'] })).toEqual([police.id, sl.id]);
    expect(await queryActorIds(db, { kinds: ['armed_group', 'state_force'] })).toEqual([police.id, sl.id]);
    expect(await queryActorIds(db, { kinds: ['armed_group'] }, 'updated')).toEqual([sl.id]);
    expect(await queryActorIds(db, { groupId: sl.id })).toEqual([guzman.id, artemio.id, jose.id]);
    expect(await queryActorIds(db, { caseId: c1 }, 'updated')).toEqual([jose.id, guzman.id, sl.id]);
    expect(await queryActorIds(db, { tag: 'leader' })).toEqual([guzman.id, artemio.id]);
    expect(await queryActorIds(db, { kinds: [], statuses: [] })).toHaveLength(6);
    expect(await countActors(db, { statuses: ['captured'] })).toBe(2);
  });

  it('combines filters by intersection', async () => {
    const { db, guzman, artemio, jose } = await seed();
    expect(await queryActorIds(db, { caseId: c1, statuses: ['captured'] })).toEqual([guzman.id]);
    expect(await queryActorIds(db, { kinds: ['person'], statuses: ['captured', 'at_large'] }, 'updated')).toEqual([jose.id, artemio.id, guzman.id]);
    expect(await queryActorIds(db, { tag: 'leader', text: 'flo', kinds: ['person'] })).toEqual([artemio.id]);
    expect(await queryActorIds(db, { tag: 'leader', caseId: c2 })).toEqual([]);
  });

  it('gives the same answers on the large-set path as a brute-force filter', async () => {
    const db = await freshDb();
    const statuses: ActorStatus[] = ['at_large', 'captured', 'killed'];
    const odd = newId();
    const all = Array.from({ length: 2_000 }, (_, i) => {
      const a = actor(`Name ${String(i * 7919 % 1_000).padStart(4, '0')}`, { status: statuses[i % 3], cases: i % 2 ? [odd] : [] });
      a.updatedAt = i % 50;
      return a;
    });
    await bulkInsertForBenchmark(db, all, [], 500);
    const rows = await db.actors.toArray();
    const expected = rows
      .filter((r) => r.caseIds.includes(odd) && r.status !== 'killed')
      .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(500);
    expect(await queryActorIds(db, { caseId: odd, statuses: ['at_large', 'captured'] })).toEqual(expected);
    const byUpdated = await queryActorIds(db, { caseId: odd, statuses: ['at_large', 'captured'] }, 'updated');
    const stamps = (await getActorsByIds(db, byUpdated)).map((a) => a.updatedAt);
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
  });

  it('answers the first screen with a limit, counts natively, and orders combined filters by a held sorted list', async () => {
    const db = await freshDb();
    const statuses: ActorStatus[] = ['at_large', 'captured', 'killed'];
    const all = Array.from({ length: 900 }, (_, i) => {
      const a = actor(`Quispe ${String(i * 7919 % 900).padStart(4, '0')}`, { status: statuses[i % 3], tags: i % 4 ? [] : ['vraem'] });
      a.updatedAt = i;
      return a;
    });
    await bulkInsertForBenchmark(db, all, [], 300);
    for (const sort of ['name', 'updated'] as const) {
      const full = await queryActorIds(db, {}, sort);
      expect(await queryActorIds(db, {}, sort, { limit: 40 })).toEqual(full.slice(0, 40));
      const atLarge = await queryActorIds(db, { statuses: ['at_large'] }, sort);
      expect(await queryActorIds(db, { statuses: ['at_large'] }, sort, { limit: 25 })).toEqual(atLarge.slice(0, 25));
      const tagged = await queryActorIds(db, { tag: 'vraem', text: 'quis' }, sort);
      expect(tagged).toHaveLength(225);
      expect(await queryActorIds(db, { tag: 'vraem', text: 'quis' }, sort, { sortedAll: full })).toEqual(tagged);
      expect(await queryActorIds(db, { tag: 'vraem', text: 'quis' }, sort, { sortedAll: full, limit: 10 })).toEqual(tagged.slice(0, 10));
    }
    expect(await countActors(db)).toBe(900);
    expect(await countActors(db, { statuses: ['killed'] })).toBe(300);
    expect(await countActors(db, { tag: 'vraem' })).toBe(225);
  });
});

describe('reading helpers', () => {
  it('getActorsByIds keeps order and skips missing ids', async () => {
    const db = await freshDb();
    const a = await save(db, actor('A'));
    const b = await save(db, actor('B'));
    expect((await getActorsByIds(db, [b.id, newId(), a.id])).map((x) => x.id)).toEqual([b.id, a.id]);
  });

  it('lists groups, group members and tags', async () => {
    const db = await freshDb();
    const mrta = await save(db, actor('MRTA', { kind: 'armed_group', tags: ['Lima'] }));
    const army = await save(db, actor('Ejército', { kind: 'state_force' }));
    const v = await save(db, actor('Víctor Polay', { groups: [mrta.id], tags: ['leader', 'lima-2'] }));
    const n = await save(db, actor('Néstor Cerpa', { groups: [mrta.id] }));
    expect((await listGroups(db)).map((g) => g.id)).toEqual([army.id, mrta.id]);
    expect((await groupMembers(db, mrta.id)).map((m) => m.id)).toEqual([n.id, v.id]);
    expect(await listTags(db)).toEqual(['leader', 'Lima', 'lima-2']);
  });
});

describe('sortedIdsInChunks', () => {
  it('gives the same ids as one read, in both sorts, with ties across chunk edges and a chunk of ties', async () => {
    const db = await freshDb();
    // Many shared names and stamps: ties fall on chunk edges; 30 "Same" are more than a chunk.
    const all = Array.from({ length: 301 }, (_, i) => {
      const a = actor(i < 30 ? 'Same' : `Name ${String(i % 37).padStart(2, '0')}`);
      a.updatedAt = i % 11;
      return a;
    });
    await bulkInsertForBenchmark(db, all, [], 100);
    for (const sort of ['name', 'updated'] as const) {
      const one = await queryActorIds(db, {}, sort);
      for (const size of [1, 7, 25, 300, 301, 302, 1000]) {
        let pauses = 0;
        const chunked = await sortedIdsInChunks(db, sort, async () => { pauses++; }, size);
        expect(chunked, `${sort}, chunks of ${size}`).toEqual(one);
        // Between chunks only: none when one chunk holds everything.
        if (size >= 302) expect(pauses).toBe(0);
        else expect(pauses).toBeGreaterThanOrEqual(1);
      }
    }
    expect(await sortedIdsInChunks(await freshDb(), 'name')).toEqual([]);
  });

  it('stays exact when the actor it resumes from is deleted between chunks', async () => {
    const db = await freshDb();
    const all = Array.from({ length: 50 }, (_, i) => actor(`Name ${String(i).padStart(2, '0')}`));
    await bulkInsertForBenchmark(db, all, [], 50);
    const before = await queryActorIds(db, {}, 'name');
    let first = true;
    const chunked = await sortedIdsInChunks(db, 'name', async () => {
      if (first) await deleteActor(db, before[9]!);
      first = false;
    }, 10);
    expect(chunked).toEqual(before.filter((id) => id !== before[9]));
  });

});

describe('live reads: ids read unobserved, their ranges and deletes observed', () => {
  // Dexie's liveQuery runs only where it sees an IndexedDB; tests pass theirs per database.
  Dexie.dependencies.indexedDB ??= new IDBFactory();
  Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

  it('give the same ids as one observed transaction, for every kind of filter and both sorts', async () => {
    const db = await freshDb();
    const statuses: ActorStatus[] = ['at_large', 'captured', 'killed'];
    const odd = newId();
    const all = Array.from({ length: 1_200 }, (_, i) => {
      const a = actor(`${i % 5 ? 'Quispe' : 'Flores'} ${String(i * 7919 % 1_000).padStart(4, '0')}`, {
        kind: i % 7 ? 'person' : 'armed_group', status: statuses[i % 3], cases: i % 2 ? [odd] : [], tags: i % 4 ? [] : ['vraem'],
      });
      a.updatedAt = i % 50;
      return a;
    });
    await bulkInsertForBenchmark(db, all, [], 400);
    const filters: ActorFilter[] = [
      {}, { statuses: ['captured'] }, { kinds: ['armed_group'] }, { text: 'quis' }, { text: 'flores 00' }, { tag: 'vraem' },
      { caseId: odd, statuses: ['at_large', 'killed'] }, { tag: 'vraem', text: 'quis', kinds: ['person'] }, { statuses: ['unknown'] },
    ];
    for (const sort of ['name', 'updated'] as const) {
      const sortedAll = await queryActorIds(db, {}, sort);
      for (const filter of filters) {
        const expected = await queryActorIds(db, filter, sort);
        expect(await queryActorIds(db, filter, sort, { live: true }), `${JSON.stringify(filter)}, ${sort}`).toEqual(expected);
        expect(await queryActorIds(db, filter, sort, { live: true, sortedAll }), `${JSON.stringify(filter)}, ${sort}, held`).toEqual(expected);
      }
      expect(await sortedIdsInChunks(db, sort, undefined, 100)).toEqual(sortedAll);
    }
  });

  it('rerun a live query on every write that changes the answer', async () => {
    const db = await freshDb();
    const captured = await Promise.all(Array.from({ length: 12 }, (_, i) => save(db, actor(`Captured ${String(i).padStart(2, '0')}`, { status: 'captured' }))));
    const others = await Promise.all(Array.from({ length: 12 }, (_, i) => save(db, actor(`Other ${String(i).padStart(2, '0')}`, { status: 'at_large' }))));
    const answers: string[][] = [];
    const held: string[][] = [];
    const subs = [
      liveQuery(() => queryActorIds(db, { statuses: ['captured'] }, 'name', { live: true })).subscribe((ids) => answers.push(ids)),
      liveQuery(() => sortedIdsInChunks(db, 'name', undefined, 5)).subscribe((ids) => held.push(ids)),
    ];
    const settle = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(check()).toBe(true);
    };
    const current = () => answers.at(-1) ?? [];
    const ids = (xs: Actor[]) => xs.map((a) => a.id);
    try {
      await settle(() => current().length === 12 && held.at(-1)?.length === 24);
      expect(current()).toEqual(ids(captured));
      expect(held.at(-1)).toEqual([...ids(captured), ...ids(others)]);

      // Leaves the range: Dexie does not know the old row, so only the deletes' observation sees it.
      const moved = { ...captured[11]!, statusHistory: [{ ...captured[11]!.statusHistory[0]!, status: 'released' as const }] };
      await save(db, moved, 3_000);
      await settle(() => !current().includes(moved.id));
      // A delete of an id read beyond the first few, and one entering the range.
      await deleteActor(db, captured[7]!.id);
      await settle(() => !current().includes(captured[7]!.id) && !held.at(-1)!.includes(captured[7]!.id));
      const joined = await save(db, actor('Captured 05b', { status: 'captured' }));
      await settle(() => current().includes(joined.id));
      expect(current()).toEqual([...ids(captured.slice(0, 6)), joined.id, ...ids(captured.slice(6, 7)), ...ids(captured.slice(8, 11))]);
      // A rename inside the range reorders it.
      await save(db, { ...captured[0]!, name: 'Captured 99' });
      await settle(() => current().at(-1) === captured[0]!.id);
      await settle(() => held.at(-1)!.length === 24 && held.at(-1)!.includes(joined.id) && held.at(-1)!.indexOf(captured[0]!.id) === 11);
    } finally {
      for (const s of subs) s.unsubscribe();
    }
  });
});
