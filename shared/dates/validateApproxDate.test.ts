import { describe, expect, test } from 'vitest';
import { parseApproxDate } from './parseApproxDate';
import type { ApproxDate } from './types';
import { approxDateFromBounds, approxDateProblems, isValidApproxDate } from './validateApproxDate';

const good: ApproxDate = { label: 'late August 2018', edtf: '2018-08-21/2018-08-31', earliest: '2018-08-21', latest: '2018-08-31', precision: 'range' };

describe('isValidApproxDate', () => {
  test('accepts whatever parseApproxDate produces', () => {
    for (const input of ['1992', 'late August 2018', '199X', 'circa 1992', 'before 1992', 'after 2002', '[1992,1995]', 'XXXX', 'winter 1991']) {
      const r = parseApproxDate(input);
      expect(r.ok && isValidApproxDate(r.value), input).toBe(true);
    }
    expect(isValidApproxDate({ ...good, label: '' })).toBe(true);
  });

  test.each<[string, unknown, RegExp]>([
    ['null', null, /not an object/],
    ['a string', '1992', /not an object/],
    ['missing latest', { ...good, latest: undefined }, /latest is not a string/],
    ['reversed bounds', { ...good, earliest: '2018-09-01' }, /after latest/],
    ['unpadded day', { ...good, earliest: '2018-8-21' }, /earliest is not a YYYY-MM-DD/],
    ['31 February', { ...good, latest: '2018-02-31' }, /latest is not a YYYY-MM-DD/],
    ['29 February 1900', { ...good, earliest: '1900-02-29' }, /earliest is not a YYYY-MM-DD/],
    ['unknown precision', { ...good, precision: 'week' }, /unknown precision/],
    ['words as EDTF', { ...good, edtf: 'late August' }, /edtf is not EDTF/],
    ['empty EDTF', { ...good, edtf: '' }, /edtf is not EDTF/],
  ])('refuses %s', (_name, value, problem) => {
    expect(isValidApproxDate(value)).toBe(false);
    expect(approxDateProblems(value).join('; ')).toMatch(problem);
  });
});

describe('approxDateFromBounds', () => {
  test.each<[string, string, string, ApproxDate['precision']]>([
    ['1992-09-12', '1992-09-12', '1992-09-12', 'day'],
    ['1992-02-01', '1992-02-29', '1992-02', 'month'],
    ['1992-01-01', '1992-12-31', '1992', 'year'],
    ['1990-01-01', '1999-12-31', '199X', 'decade'],
    ['1990-01-01', '1993-12-31', '1990/1993', 'range'],
    ['1992-09-01', '1992-12-31', '1992-09/1992-12', 'range'],
    ['1992-09-03', '1992-10-17', '1992-09-03/1992-10-17', 'range'],
    ['1993-02-01', '1993-02-28', '1993-02', 'month'],
  ])('%s..%s → %s', (earliest, latest, edtf, precision) => {
    expect(approxDateFromBounds(earliest, latest)).toEqual({ ok: true, value: { label: '', edtf, earliest, latest, precision } });
  });

  test('keeps a given label', () => {
    const r = approxDateFromBounds('1992-01-01', '1992-12-31', ' that year ');
    expect(r.ok && r.value.label).toBe('that year');
  });

  test('names what is wrong with the bounds', () => {
    const code = (a: string, b: string): string | null => { const r = approxDateFromBounds(a, b); return r.ok ? null : r.error.code; };
    expect(code('1993-02-29', '1993-03-01')).toBe('invalid-day');
    expect(code('1993-13-01', '1993-12-01')).toBe('invalid-month');
    expect(code('1993', '1994-01-01')).toBe('unrecognised');
    expect(code('1994-01-01', '1993-01-01')).toBe('reversed-range');
  });
});
