import { describe, expect, test } from 'vitest';
import { compareApproxDates, overlapsRange } from './compareApproxDates';
import { parseApproxDate } from './parseApproxDate';
import type { ApproxDate } from './types';

function d(input: string): ApproxDate {
  const r = parseApproxDate(input, { contextYear: 1992 });
  if (!r.ok) throw new Error(`${input}: ${r.error.code}`);
  return r.value;
}

describe('compareApproxDates', () => {
  test('sorts a mixed list by earliest, then latest, undated last', () => {
    const list: Array<ApproxDate | null> = [
      null, d('late 1992'), d('1992'), d('12 September 1992'), d('the 1990s'), d('circa 1992'),
      d('early 1990s'), d('1992-09'), d('summer 1992'), d('before 1992'), null, d('after 2002'),
      d('late August'), d('1991-24'),
    ];
    const sorted = [...list].sort(compareApproxDates).map((x) => x?.label ?? null);
    expect(sorted).toEqual([
      'before 1992',        // 1892-01-01
      'early 1990s',        // 1990-01-01 .. 1993
      'circa 1992',         // 1990-01-01 .. 1994
      'the 1990s',          // 1990-01-01 .. 1999
      '1991-24',            // 1991-12-01
      '1992',               // 1992-01-01 .. 1992-12-31
      'summer 1992',        // 1992-06-01
      'late August',        // 1992-08-21
      '1992-09',            // 1992-09-01 .. 09-30
      'late 1992',          // 1992-09-01 .. 12-31
      '12 September 1992',  // 1992-09-12
      'after 2002',
      null,
      null,
    ]);
  });

  test('is a consistent comparator', () => {
    const a = d('1992');
    expect(compareApproxDates(a, a)).toBe(0);
    expect(compareApproxDates(a, d('1993'))).toBe(-1);
    expect(compareApproxDates(d('1993'), a)).toBe(1);
    expect(compareApproxDates(undefined, a)).toBe(1);
    expect(compareApproxDates(a, null)).toBe(-1);
    expect(compareApproxDates(null, undefined)).toBe(0);
  });
});

describe('overlapsRange', () => {
  test('inclusive on both ends', () => {
    const late = d('late August 2018'); // 2018-08-21 .. 2018-08-31
    expect(overlapsRange(late, '2018-08-31', '2018-09-30')).toBe(true);
    expect(overlapsRange(late, '2018-08-01', '2018-08-21')).toBe(true);
    expect(overlapsRange(late, '2018-09-01', '2018-09-30')).toBe(false);
    expect(overlapsRange(late, '2018-08-01', '2018-08-20')).toBe(false);
    expect(overlapsRange(late, '2018-08-25', '2018-08-25')).toBe(true);
  });

  test('either bound is optional', () => {
    const ninetees = d('the 1990s');
    expect(overlapsRange(ninetees, '1995-06-01')).toBe(true);
    expect(overlapsRange(ninetees, '2000-01-01')).toBe(false);
    expect(overlapsRange(ninetees, undefined, '1990-01-01')).toBe(true);
    expect(overlapsRange(ninetees, null, '1989-12-31')).toBe(false);
    expect(overlapsRange(ninetees, '', '')).toBe(true);
  });

  test('an approximate date matches any filter it could fall in', () => {
    expect(overlapsRange(d('circa 1992'), '1990-01-01', '1990-12-31')).toBe(true);
    expect(overlapsRange(d('before 1992'), '1950-01-01', '1950-12-31')).toBe(true);
    expect(overlapsRange(d('winter 1991'), '1992-02-29', '1992-02-29')).toBe(true);
  });

  test('undated records match only an unbounded filter', () => {
    expect(overlapsRange(null)).toBe(true);
    expect(overlapsRange(undefined, '1990-01-01')).toBe(false);
  });

  test('a malformed bound throws instead of matching everything', () => {
    expect(() => overlapsRange(d('1992'), '1992-02-30')).toThrow(RangeError);
    expect(() => overlapsRange(d('1992'), undefined, '1992')).toThrow(RangeError);
  });
});
