import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, EventType } from '../../shared/model';
import type { DatePrecision } from '../../shared/dates/types';
import { blankEvent, newId } from '../../shared/model';
import { bulkInsertForBenchmark } from './bulk';
import { openDatabase } from './db';
import { eventsForActor, getEvent, getEventsByIds, queryEventIds, saveEvent } from './events';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });
type Db = Awaited<ReturnType<typeof freshDb>>;

const range = (earliest: string, latest: string, precision: DatePrecision = 'range') => ({ label: `${earliest}..${latest}`, edtf: `${earliest}/${latest}`, earliest, latest, precision });

const SUBTYPE: Record<EventType, string> = {
  battles: 'armed_clash', explosions_remote_violence: 'grenade', violence_against_civilians: 'attack',
  protests: 'peaceful_protest', riots: 'mob_violence', strategic_developments: 'arrests',
};

function event(title: string, date: [string, string] | null, opts: { type?: EventType; actors?: string[]; cases?: string[] } = {}): CaseEvent {
  const e = blankEvent(1_000);
  e.title = title;
  e.date = date && range(date[0], date[1], date[0] === date[1] ? 'day' : 'range');
  e.type = opts.type ?? 'battles';
  e.subType = SUBTYPE[e.type];
  e.participants = (opts.actors ?? []).map((actorId) => ({ id: newId(), actorId, role: 'participant' as const, note: '', citations: [] }));
  e.caseIds = opts.cases ?? [];
  return e;
}

async function save(db: Db, e: CaseEvent, now = 2_000): Promise<CaseEvent> {
  const r = await saveEvent(db, e, now);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('events', () => {
  const guzman = newId();
  const police = newId();
  const caseA = newId();

  async function seed() {
    const db = await freshDb();
    const capture = await save(db, event('Captura de Abimael Guzmán', ['1992-09-12', '1992-09-12'], { type: 'strategic_developments', actors: [guzman, police], cases: [caseA] }), 10);
    const lateAug = await save(db, event('Emboscada en el Huallaga', ['2018-08-21', '2018-08-31'], { actors: [police] }), 20);
    const early90s = await save(db, event('Atentado en Tarata', ['1990-01-01', '1993-12-31'], { type: 'explosions_remote_violence', actors: [guzman] }), 30);
    const undated = await save(db, event('Reunión del comité central', null, { type: 'strategic_developments', actors: [guzman], cases: [caseA] }), 40);
    const aug2018 = await save(db, event('Enfrentamiento en el VRAEM', ['2018-08-01', '2018-08-31']), 50);
    return { db, capture, lateAug, early90s, undated, aug2018 };
  }

  it('round-trips and reports invalid events with paths', async () => {
    const db = await freshDb();
    const e = event('Clash', ['2000-01-01', '2000-01-01']);
    expect(await getEvent(db, (await save(db, e, 7_000)).id)).toEqual({ ...e, updatedAt: 7_000 });
    const bad = event('', null);
    bad.subType = 'grenade';
    const r = await saveEvent(db, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['subType', 'title']);
    expect(await getEvent(db, bad.id)).toBeUndefined();
  });

  it('sorts by date with undated events last in both directions, and by update', async () => {
    const { db, capture, lateAug, early90s, undated, aug2018 } = await seed();
    expect(await queryEventIds(db, {}, 'date-asc')).toEqual([early90s.id, capture.id, aug2018.id, lateAug.id, undated.id]);
    expect(await queryEventIds(db, {}, 'date-desc')).toEqual([lateAug.id, aug2018.id, capture.id, early90s.id, undated.id]);
    expect(await queryEventIds(db, {}, 'updated')).toEqual([aug2018.id, undated.id, early90s.id, lateAug.id, capture.id]);
  });

  it('matches approximate dates that overlap the range', async () => {
    const { db, capture, lateAug, early90s, aug2018 } = await seed();
    // "early 1990s" overlaps 1992; the exact capture day is inside it.
    expect(await queryEventIds(db, { from: '1992-01-01', to: '1992-12-31' }, 'date-asc')).toEqual([early90s.id, capture.id]);
    expect(await queryEventIds(db, { from: '1992-09-13', to: '1992-12-31' })).toEqual([early90s.id]);
    // Both August 2018 ranges overlap 25 August; only "all August" overlaps the 5th.
    expect(await queryEventIds(db, { from: '2018-08-25', to: '2018-08-25' }, 'date-asc')).toEqual([aug2018.id, lateAug.id]);
    expect(await queryEventIds(db, { from: '2018-08-05', to: '2018-08-05' })).toEqual([aug2018.id]);
    // Open-ended ranges; undated events never match a date filter.
    expect(await queryEventIds(db, { from: '2000-01-01' }, 'date-asc')).toEqual([aug2018.id, lateAug.id]);
    expect(await queryEventIds(db, { to: '1992-09-12' }, 'date-asc')).toEqual([early90s.id, capture.id]);
    expect(await queryEventIds(db, { to: '1989-12-31' })).toEqual([]);
  });

  it('filters by text, type, case and actor, combined', async () => {
    const { db, capture, lateAug, early90s, undated, aug2018 } = await seed();
    expect(await queryEventIds(db, { text: 'guzman' })).toEqual([capture.id]);
    expect(await queryEventIds(db, { text: 'en el' }, 'date-asc')).toEqual([aug2018.id, lateAug.id]);
    expect(await queryEventIds(db, { types: ['strategic_developments'] })).toEqual([capture.id, undated.id]);
    expect(await queryEventIds(db, { types: ['battles', 'explosions_remote_violence'] }, 'date-asc')).toEqual([early90s.id, aug2018.id, lateAug.id]);
    expect(await queryEventIds(db, { caseId: caseA }, 'updated')).toEqual([undated.id, capture.id]);
    expect(await queryEventIds(db, { actorId: guzman })).toEqual([capture.id, early90s.id, undated.id]);
    expect(await queryEventIds(db, { actorId: guzman, types: ['strategic_developments'], from: '1900-01-01' })).toEqual([capture.id]);
    expect(await queryEventIds(db, { actorId: police, text: 'tarata' })).toEqual([]);
  });

  it('lists an actor\'s events in date order and fetches by ids in order', async () => {
    const { db, capture, lateAug, early90s, undated } = await seed();
    expect((await eventsForActor(db, guzman)).map((e) => e.id)).toEqual([early90s.id, capture.id, undated.id]);
    expect((await eventsForActor(db, police)).map((e) => e.id)).toEqual([capture.id, lateAug.id]);
    expect((await getEventsByIds(db, [lateAug.id, newId(), capture.id])).map((e) => e.id)).toEqual([lateAug.id, capture.id]);
    expect(await getEvent(db, capture.id)).not.toHaveProperty('dateFrom');
  });

  it('gives the same order on the large-set path as in memory', async () => {
    const db = await freshDb();
    const all = Array.from({ length: 1_500 }, (_, i) => {
      const y = 1980 + (i * 37) % 40;
      return event(`Event ${i}`, i % 10 === 0 ? null : [`${y}-01-01`, `${y + (i % 3)}-12-31`], { type: i % 2 ? 'battles' : 'riots' });
    });
    await bulkInsertForBenchmark(db, [], all, 400);
    const large = await queryEventIds(db, { types: ['battles', 'riots'] }, 'date-desc');
    expect(large).toEqual(await queryEventIds(db, {}, 'date-desc'));
    const battles = await getEventsByIds(db, await queryEventIds(db, { types: ['battles'] }, 'date-desc'));
    expect(battles.length).toBeGreaterThan(500);
    const firsts = battles.map((e) => e.date?.earliest ?? '');
    const dated = firsts.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(firsts.slice(dated.length).every((d) => d === '')).toBe(true);
  });
});
