import { describe, expect, it } from 'vitest';
import { containingPrefix, endPrefix, exactPrefix, lastDayOfMonth, middleDay, spanDays, startPrefix } from './dates';

const b = (earliest: string, latest: string) => ({ earliest, latest });

describe('ISO prefixes from approximate-date bounds', () => {
  it.each([
    ['a day', '2019-08-24', '2019-08-24', '2019-08-24', '2019-08-24'],
    ['a month', '2019-08-01', '2019-08-31', '2019-08', '2019-08'],
    ['February of a leap year', '2020-02-01', '2020-02-29', '2020-02', '2020-02'],
    ['February of a century that is no leap year', '1900-02-01', '1900-02-28', '1900-02', '1900-02'],
    ['a year', '1992-01-01', '1992-12-31', '1992', '1992'],
    ['late August', '2019-08-21', '2019-08-31', null, '2019-08'],
    ['a season', '2019-06-01', '2019-08-31', null, '2019'],
    ['a few days across two months', '2019-08-30', '2019-09-02', null, '2019'],
    ['a decade', '1970-01-01', '1979-12-31', null, null],
    ['the turn of a year', '2019-12-30', '2020-01-02', null, null],
  ] as const)('%s', (_, earliest, latest, exact, containing) => {
    expect(exactPrefix(b(earliest, latest))).toBe(exact);
    expect(containingPrefix(b(earliest, latest))).toBe(containing);
  });

  it('writes range ends at the precision each bound has', () => {
    expect([startPrefix('2000-01-01'), startPrefix('2019-08-01'), startPrefix('2019-08-21')]).toEqual(['2000', '2019-08', '2019-08-21']);
    expect([endPrefix('2012-12-31'), endPrefix('2019-08-31'), endPrefix('2019-08-30'), endPrefix('2024-02-29')]).toEqual(['2012', '2019-08', '2019-08-30', '2024-02']);
    expect(startPrefix('-0044-03-15')).toBeNull();
  });

  it('counts days and finds the middle of a period', () => {
    expect(spanDays(b('2019-08-21', '2019-08-31'))).toBe(11);
    expect(spanDays(b('2020-02-28', '2020-03-01'))).toBe(3);
    expect(middleDay(b('2019-08-21', '2019-08-31'))).toBe('2019-08-26');
    expect(middleDay(b('2019-08-24', '2019-08-24'))).toBe('2019-08-24');
    expect(middleDay(b('0099-01-01', '0099-12-31'))).toBe('0099-07-02');
    expect(lastDayOfMonth('2023', '04')).toBe('30');
  });
});
