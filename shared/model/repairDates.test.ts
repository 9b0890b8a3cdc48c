import { describe, expect, it } from 'vitest';
import { isCalendarDay } from './common';
import { nearestCalendarDay, repairCalendarDays, repairTimestamps } from './repairDates';

describe('repairCalendarDays (the database upgrade uses the model\'s own calendar check)', () => {
  it('moves impossible days to the nearest real day of the same month and year', () => {
    expect(['2019-02-30', '2019-13-45', '2019-00-10', '2020-02-31', '2019-04-31'].map(nearestCalendarDay))
      .toEqual(['2019-02-28', '2019-12-31', '2019-01-10', '2020-02-29', '2019-04-30']);
    expect(nearestCalendarDay('late 1990s')).toBeNull();
    for (const d of ['2019-02-30', '2019-13-45', '0000-00-00', '12019-05-05']) expect(isCalendarDay(nearestCalendarDay(d)!), d).toBe(true);
  });

  it('walks a record, changes only the dates that need it, and says where', () => {
    const ok = { label: '1992', edtf: '1992', earliest: '1992-01-01', latest: '1992-12-31', precision: 'year' };
    const record = { id: 'x', birth: ok, memberships: [{ from: { ...ok, earliest: '1992-02-30' }, to: null }], names: ['a'] };
    const { record: out, repaired } = repairCalendarDays(record);
    expect(repaired).toEqual(['memberships.0.from']);
    expect(out.birth).toBe(ok);
    expect(out.memberships[0]!.from.earliest).toBe('1992-02-29');
    expect(out.names).toBe(record.names);
    expect(record.memberships[0]!.from.earliest).toBe('1992-02-30'); // the input is not modified
    expect(repairCalendarDays(ok).repaired).toEqual([]);
  });

  it('a bound that is not a day at all becomes the widest, marked unknown; the order is kept', () => {
    const { record } = repairCalendarDays({ label: 'x', edtf: 'x', earliest: 'garbage', latest: '2000-02-30', precision: 'day' });
    expect(record).toEqual({ label: 'x', edtf: 'x', earliest: '0000-01-01', latest: '2000-02-29', precision: 'unknown' });
    expect(repairCalendarDays({ label: '', edtf: 'x', earliest: '2001-05-40', latest: '2001-05-02', precision: 'day' }).record)
      .toMatchObject({ earliest: '2001-05-31', latest: '2001-05-31' });
  });
});

describe('repairTimestamps', () => {
  it('sets a creation or update time no Date can hold to the repair\'s time, and leaves real ones', () => {
    expect(repairTimestamps({ createdAt: 1e20, updatedAt: 5 }, 42)).toEqual({ record: { createdAt: 42, updatedAt: 5 }, repaired: ['createdAt'] });
    const ok = { createdAt: 1, updatedAt: 8.64e15 };
    expect(repairTimestamps(ok, 42)).toEqual({ record: ok, repaired: [] });
    expect(repairTimestamps({ createdAt: -1, updatedAt: 1.5 }, 7).record).toEqual({ createdAt: 7, updatedAt: 7 });
  });
});
