import { describe, expect, test } from 'vitest';
import { addDays, addMonths, daysInMonth, isLeapYear, isoDayFromUtcMs, isRealDay, parseIsoDay } from './calendar';

describe('calendar', () => {
  test('leap years follow the Gregorian 4/100/400 rule', () => {
    expect([1992, 1996, 2000, 2024, 1600].map(isLeapYear)).toEqual([true, true, true, true, true]);
    expect([1900, 1993, 2100, 2023].map(isLeapYear)).toEqual([false, false, false, false]);
    expect(daysInMonth(1992, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([4, 6, 9, 11].map((m) => daysInMonth(2001, m))).toEqual([30, 30, 30, 30]);
  });

  test('real days only', () => {
    expect(isRealDay(1992, 2, 29)).toBe(true);
    expect(isRealDay(1993, 2, 29)).toBe(false);
    expect(isRealDay(1992, 4, 31)).toBe(false);
    expect(isRealDay(1992, 13, 1)).toBe(false);
    expect(parseIsoDay('1992-09-12')).toEqual({ year: 1992, month: 9, day: 12 });
    for (const bad of ['1992-9-12', '92-09-12', '1992-02-30', '1992-00-10', '1992-09-12T00:00', ' 1992-09-12']) {
      expect(parseIsoDay(bad)).toBeNull();
    }
  });

  test('day arithmetic crosses months, years and leap days', () => {
    expect(addDays('1992-02-28', 1)).toBe('1992-02-29');
    expect(addDays('1993-02-28', 1)).toBe('1993-03-01');
    expect(addDays('1999-12-31', 1)).toBe('2000-01-01');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1992-09-12', -7)).toBe('1992-09-05');
    expect(addDays('1970-01-01', 365 * 30 + 7)).toBe('2000-01-01');
    expect(addDays('0000-01-05', -10)).toBe('0000-01-01');
    expect(addDays('9999-12-30', 5)).toBe('9999-12-31');
  });

  test('day arithmetic agrees with Date.UTC over four centuries', () => {
    const start = Date.UTC(1800, 0, 1);
    for (let n = 0; n < 146097; n += 37) {
      expect(addDays('1800-01-01', n)).toBe(new Date(start + n * 86_400_000).toISOString().slice(0, 10));
    }
  });

  test('month arithmetic clamps the day or lands on the month end', () => {
    expect(addMonths('1992-01-31', 1)).toBe('1992-02-29');
    expect(addMonths('1992-09-01', -1)).toBe('1992-08-01');
    expect(addMonths('1992-09-30', 1, true)).toBe('1992-10-31');
    expect(addMonths('1992-12-31', 2, true)).toBe('1993-02-28');
    expect(addMonths('1992-01-01', -24)).toBe('1990-01-01');
  });

  test('UTC milliseconds map to the UTC calendar day whatever the local zone', () => {
    expect(isoDayFromUtcMs(Date.UTC(1992, 8, 12, 0, 0))).toBe('1992-09-12');
    expect(isoDayFromUtcMs(Date.UTC(1992, 8, 12, 23, 59, 59, 999))).toBe('1992-09-12');
    expect(isoDayFromUtcMs(Infinity)).toBeNull();
    expect(isoDayFromUtcMs(Date.UTC(10000, 0, 1))).toBeNull();
  });
});
