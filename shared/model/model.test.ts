import { describe, expect, it } from 'vitest';
import type { ApproxDate } from '../dates/types';
import { approxDateSchema, isCalendarDay } from './common';
import {
  actorSchema, blankActor, blankEvent, currentStatus, eventSchema, issuesByPath, newId, statusTimeline, totalFatalities, validateWith,
} from './index';
import type { StatusEntry } from './index';

const year = (y: number, label = String(y)): ApproxDate => ({ label, edtf: String(y), earliest: `${y}-01-01`, latest: `${y}-12-31`, precision: 'year' });
const status = (s: StatusEntry['status'], date: ApproxDate | null): StatusEntry => ({ id: newId(), status: s, date, place: '', note: '', citations: [] });

describe('actor validation', () => {
  it('accepts a person with several names, a membership and a status history', () => {
    const group = blankActor('armed_group');
    const actor = {
      ...blankActor(),
      name: 'Florindo Eleuterio Flores',
      names: [
        { id: newId(), name: 'Comandante Artemio', type: 'nom_de_guerre' as const, note: '', citations: [] },
        { id: newId(), name: 'Artemio', type: 'alias' as const, note: '', citations: [] },
      ],
      memberships: [{ id: newId(), groupId: group.id, role: 'second-in-command', from: year(1980), to: year(2012), note: '', citations: [] }],
      statusHistory: [status('at_large', year(1992)), status('captured', year(2012))],
    };
    expect(validateWith(actorSchema, actor).ok).toBe(true);
  });

  it('names each problem by its path and a message key', () => {
    const actor = {
      ...blankActor(),
      name: '  ',
      names: [{ id: newId(), name: '', type: 'alias', note: '', citations: [] }],
      tags: ['vraem', 'VRAEM'],
    };
    const result = validateWith(actorSchema, actor);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = issuesByPath(result.issues);
    expect(byPath.get('name')).toBe('validation.required');
    expect(byPath.get('names.0.name')).toBe('validation.required');
    expect(byPath.get('tags')).toBe('validation.duplicate');
  });

  it('rejects an alias that repeats the primary name, a membership that ends before it starts, and a bad kind', () => {
    const base = blankActor();
    const group = blankActor('armed_group');
    const bad = {
      ...base,
      kind: 'alien',
      name: 'Víctor Quispe Palomino',
      names: [{ id: newId(), name: 'víctor quispe palomino', type: 'alias', note: '', citations: [] }],
      memberships: [{ id: newId(), groupId: group.id, role: 'leader', from: year(2010), to: year(2001), note: '', citations: [] }],
    };
    const result = validateWith(actorSchema, bad);
    if (result.ok) throw new Error('expected failure');
    const byPath = issuesByPath(result.issues);
    expect(byPath.get('kind')).toBe('validation.invalidChoice');
    expect(byPath.get('memberships.0.to')).toBe('validation.rangeOrder');
  });

  it('rejects a citation with page 0', () => {
    const actor = { ...blankActor(), name: 'X', citations: [{ id: newId(), documentId: newId(), page: 0, quote: '', note: '' }] };
    const result = validateWith(actorSchema, actor);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('citations.0.page');
  });
});

describe('event validation', () => {
  it('accepts the Chachaspata clash with casualties per side and a seizure', () => {
    const ev = {
      ...blankEvent(),
      title: 'Clash in Chachaspata',
      place: { name: 'Chachaspata', admin1: 'Ayacucho', admin2: 'La Mar', admin3: '', country: 'Peru', latitude: -12.9, longitude: -73.9, precision: 'near' as const },
      fatalities: { total: 6, bySide: [{ id: newId(), actorId: null, label: 'rebels', count: 4 }, { id: newId(), actorId: null, label: 'soldiers', count: 2 }] },
      seizures: [{ id: newId(), item: 'cocaine', quantity: 79, unit: 'kg', note: '' }],
    };
    expect(validateWith(eventSchema, ev).ok).toBe(true);
    expect(totalFatalities(ev)).toBe(6);
  });

  it('names the problems: sub-type outside its type, side counts above the total, half a coordinate, negative count', () => {
    const ev = {
      ...blankEvent(),
      title: 'x',
      type: 'protests',
      subType: 'armed_clash',
      place: { ...blankEvent().place, latitude: 10 },
      fatalities: { total: 1, bySide: [{ id: newId(), actorId: null, label: 'a', count: 3 }] },
      seizures: [{ id: newId(), item: 'rifles', quantity: -1, unit: '', note: '' }],
    };
    const result = validateWith(eventSchema, ev);
    if (result.ok) throw new Error('expected failure');
    const byPath = issuesByPath(result.issues);
    expect(byPath.get('subType')).toBe('validation.invalidChoice');
    expect(byPath.get('fatalities.total')).toBe('validation.fatalitiesSum');
    expect(byPath.get('place.longitude')).toBe('validation.coordinatesPair');
    expect(byPath.get('seizures.0.quantity')).toBe('validation.negative');
  });

  it('sums per-side deaths when no total is stated', () => {
    expect(totalFatalities({ fatalities: { total: null, bySide: [{ id: newId(), actorId: null, label: 'a', count: 2 }, { id: newId(), actorId: null, label: 'b', count: 3 }] } })).toBe(5);
    expect(totalFatalities({ fatalities: { total: null, bySide: [] } })).toBeNull();
  });
});

describe('current status', () => {
  it('is derived from the latest dated entry, whatever the list order', () => {
    const history = [status('captured', year(1992)), status('at_large', year(1980)), status('released', null)];
    expect(currentStatus(history)).toBe('captured');
    expect(statusTimeline(history).map((e) => e.status)).toEqual(['at_large', 'captured', 'released']);
  });
  it('falls back to the last undated entry, then unknown', () => {
    expect(currentStatus([status('at_large', null), status('killed', null)])).toBe('killed');
    expect(currentStatus([])).toBe('unknown');
  });
  it('prefers the narrower later entry when two entries end the same day', () => {
    const late2018: ApproxDate = { label: 'late 2018', edtf: '2018-09/2018-12', earliest: '2018-09-01', latest: '2018-12-31', precision: 'range' };
    expect(currentStatus([status('killed', late2018), status('at_large', year(2018))])).toBe('killed');
  });
});

describe('approximate dates hold real calendar days', () => {
  const day = (d: string) => ({ label: '', edtf: d, earliest: d, latest: d, precision: 'day' as const });
  it('refuses days that do not exist, with the invalid-date key on the bound', () => {
    for (const d of ['2019-02-30', '2019-13-45', '2019-00-10', '2019-04-31', '2019-02-29']) {
      const r = approxDateSchema.safeParse(day(d));
      expect(r.success, d).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ['earliest'], message: 'validation.invalidDate' });
    }
  });
  it('accepts real ones, leap days included', () => {
    for (const d of ['2020-02-29', '2000-02-29', '1992-09-12', '0001-01-01', '9999-12-31']) {
      expect(approxDateSchema.safeParse(day(d)).success, d).toBe(true);
    }
    expect(isCalendarDay('1900-02-29')).toBe(false);
  });
});
