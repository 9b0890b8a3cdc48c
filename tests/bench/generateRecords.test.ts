import { describe, expect, it } from 'vitest';
import { parseApproxDate } from '../../shared/dates';
import { STATUSES, actorSchema, currentStatus, eventSchema, validateWith } from '../../shared/model';
import { approxDate, generateRecords, makeRandom } from './generateRecords';

describe('benchmark record generator', () => {
  const { actors, events } = generateRecords({ actors: 200, events: 200, seed: 7 });

  it('makes records the app would accept (200 actors and 200 events pass the zod schemas)', () => {
    const bad = [
      ...actors.map((a, i) => ({ i, r: validateWith(actorSchema, a) })),
      ...events.map((e, i) => ({ i, r: validateWith(eventSchema, e) })),
    ].filter((x) => !x.r.ok);
    expect(bad).toEqual([]);
  });

  it('is deterministic: the same seed gives the same records, ids included; another seed does not', () => {
    expect(generateRecords({ actors: 200, events: 200, seed: 7 })).toEqual({ actors, events });
    expect(generateRecords({ actors: 200, events: 200, seed: 8 }).actors[0]!.id).not.toBe(actors[0]!.id);
  });

  it('looks like a case file: mostly people with other names, groups, statuses spread, accents', () => {
    const people = actors.filter((a) => a.kind === 'person');
    expect(people.length / actors.length).toBeCloseTo(0.85, 1);
    expect(people.every((p) => p.names.length >= 1 && p.names.length <= 3 && p.statusHistory.length >= 1)).toBe(true);
    const big = generateRecords({ actors: 3_000, events: 0, seed: 7 }).actors;
    expect(new Set(big.map((a) => currentStatus(a.statusHistory)))).toEqual(new Set(STATUSES));
    expect(actors.some((a) => /[áéíóúñÑ]/.test(a.name))).toBe(true);
    expect(events.every((e) => e.participants.length >= 1 && e.participants.length <= 4)).toBe(true);
  });

  it('labels dates with words the date parser reads back to the same bounds', () => {
    const r = makeRandom(1);
    for (let i = 0; i < 300; i++) {
      const d = approxDate(r);
      if (!d.label) continue;
      const parsed = parseApproxDate(d.label);
      expect(parsed.ok ? { earliest: parsed.value.earliest, latest: parsed.value.latest } : parsed, d.label)
        .toEqual({ earliest: d.earliest, latest: d.latest });
    }
  });
});
