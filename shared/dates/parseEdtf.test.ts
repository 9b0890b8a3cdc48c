import { describe, expect, test } from 'vitest';
import { parseApproxDate } from './parseApproxDate';
import type { Row } from './expectRow.testkit';
import { expectRow } from './expectRow.testkit';

function errorOf(input: string): { code: string; text: string } {
  const r = parseApproxDate(input);
  if (r.ok) throw new Error(`${input}: expected an error, got ${r.value.edtf}`);
  return { code: r.error.code, text: r.error.text };
}

describe('EDTF and ISO input', () => {
  test.each<Row>([
    ['1992', '1992', '1992-01-01', '1992-12-31', 'year'],
    ['1992-09', '1992-09', '1992-09-01', '1992-09-30', 'month'],
    ['1992-02', '1992-02', '1992-02-01', '1992-02-29', 'month'],
    ['1900-02', '1900-02', '1900-02-01', '1900-02-28', 'month'],
    ['1992-09-12', '1992-09-12', '1992-09-12', '1992-09-12', 'day'],
    ['1992-02-29', '1992-02-29', '1992-02-29', '1992-02-29', 'day'],
    ['2000-02-29', '2000-02-29', '2000-02-29', '2000-02-29', 'day'],
    ['1992?', '1992?', '1992-01-01', '1992-12-31', 'year'],
    ['199X', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['199x', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['19XX', '19XX', '1900-01-01', '1999-12-31', 'range'],
    ['1992-XX', '1992-XX', '1992-01-01', '1992-12-31', 'year'],
    ['XXXX', 'XXXX', '0000-01-01', '9999-12-31', 'unknown'],
    ['1990/1993', '1990/1993', '1990-01-01', '1993-12-31', 'range'],
    [' 1990 / 1993 ', '1990/1993', '1990-01-01', '1993-12-31', 'range'],
    ['2018-08-21/2018-08-31', '2018-08-21/2018-08-31', '2018-08-21', '2018-08-31', 'range'],
    ['198X/2003', '198X/2003', '1980-01-01', '2003-12-31', 'range'],
    ['[1992,1995]', '[1992,1995]', '1992-01-01', '1995-12-31', 'range'],
    ['1992-09-12T23:30:00Z', '1992-09-12', '1992-09-12', '1992-09-12', 'day'],
  ])('%s', (...row) => expectRow(row));

  test('approximate (~, %) widens: ±2 years, ±1 month, ±7 days', () => {
    expectRow(['1992~', '1992~', '1990-01-01', '1994-12-31', 'year']);
    expectRow(['1992%', '1992%', '1990-01-01', '1994-12-31', 'year']);
    expectRow(['1992-09~', '1992-09~', '1992-08-01', '1992-10-31', 'month']);
    expectRow(['1992-01~', '1992-01~', '1991-12-01', '1992-02-29', 'month']);
    expectRow(['1992-09-12~', '1992-09-12~', '1992-09-05', '1992-09-19', 'day']);
    expectRow(['1990~/1995', '1990~/1995', '1988-01-01', '1995-12-31', 'range']);
  });

  test('seasons 21–24 are northern-hemisphere seasons; winter runs into the next year', () => {
    expectRow(['2018-21', '2018-21', '2018-03-01', '2018-05-31', 'season']);
    expectRow(['2018-22', '2018-22', '2018-06-01', '2018-08-31', 'season']);
    expectRow(['2018-23', '2018-23', '2018-09-01', '2018-11-30', 'season']);
    expectRow(['2018-24', '2018-24', '2018-12-01', '2019-02-28', 'season']);
    expectRow(['1991-24', '1991-24', '1991-12-01', '1992-02-29', 'season']);
    expectRow(['2018-30', '2018-30', '2018-12-01', '2019-02-28', 'season']);
    expectRow(['2018-34', '2018-34', '2018-04-01', '2018-06-30', 'season']);
    expectRow(['2018-41', '2018-41', '2018-07-01', '2018-12-31', 'season']);
  });

  test('open ends are closed 100 years out', () => {
    expectRow(['../1992', '../1992', '1892-01-01', '1992-12-31', 'range']);
    expectRow(['/1992', '/1992', '1892-01-01', '1992-12-31', 'range']);
    expectRow(['1992/..', '1992/..', '1992-01-01', '2092-12-31', 'range']);
    expectRow(['2018-08-21/..', '2018-08-21/..', '2018-08-21', '2118-12-31', 'range']);
    expectRow(['9950/..', '9950/..', '9950-01-01', '9999-12-31', 'range']);
  });

  test('calendar errors name the offending day or month', () => {
    expect(errorOf('1992-02-30')).toEqual({ code: 'invalid-day', text: '1992-02-30' });
    expect(errorOf('1993-02-29')).toEqual({ code: 'invalid-day', text: '1993-02-29' });
    expect(errorOf('1900-02-29')).toEqual({ code: 'invalid-day', text: '1900-02-29' });
    expect(errorOf('1992-04-31')).toEqual({ code: 'invalid-day', text: '1992-04-31' });
    expect(errorOf('1992-01-01/1992-06-31')).toEqual({ code: 'invalid-day', text: '1992-06-31' });
    expect(errorOf('1992-13-01')).toEqual({ code: 'invalid-month', text: '1992-13-01' });
  });

  test('reversed intervals, out-of-range years and non-EDTF are refused', () => {
    expect(errorOf('1993/1990')).toEqual({ code: 'reversed-range', text: '1993/1990' });
    expect(errorOf('2018-08-31/2018-08-21').code).toBe('reversed-range');
    expect(errorOf('-0100').code).toBe('out-of-range');
    expect(errorOf('Y17000').code).toBe('out-of-range');
    expect(errorOf('../..').code).toBe('unrecognised');
    // EDTF centuries and three-digit decades look like typos for years.
    expect(errorOf('19').code).toBe('unrecognised');
    expect(errorOf('199').code).toBe('unrecognised');
    expect(errorOf('1992-09-12-01').code).toBe('unrecognised');
  });
});
