import { describe, expect, test } from 'vitest';
import type { ParseApproxDateOptions } from './dateParseTypes';
import { parseApproxDate } from './parseApproxDate';

function errorOf(input: string, opts?: ParseApproxDateOptions): { code: string; text: string } {
  const r = parseApproxDate(input, opts);
  if (r.ok) throw new Error(`${input}: expected an error, got ${r.value.edtf}`);
  expect(r.error.input).toBe(input.trim());
  return { code: r.error.code, text: r.error.text };
}

describe('parseApproxDate', () => {
  test('keeps the label as typed, trimmed', () => {
    const r = parseApproxDate('  Late AUGUST 2018 ');
    expect(r.ok && r.value.label).toBe('Late AUGUST 2018');
  });

  test.each([
    ['', 'empty', ''],
    ['   ', 'empty', ''],
    ['yesterday-ish', 'unrecognised', 'yesterday-ish'],
    ['92', 'unrecognised', '92'],
    ['late', 'unrecognised', 'late'],
    ['15', 'unrecognised', '15'],
    ['31 February 1992', 'invalid-day', '31 February 1992'],
    ['29 February 1993', 'invalid-day', '29 February 1993'],
    ['31 de abril de 2001', 'invalid-day', '31 de abril de 2001'],
    ['1992-02-30', 'invalid-day', '1992-02-30'],
    ['31/02/1992', 'invalid-day', '31/02/1992'],
    ['13/13/1992', 'invalid-month', '13/13/1992'],
    ['03/04/1992', 'ambiguous-numeric-date', '03/04/1992'],
    ['late August', 'needs-year', 'late August'],
    ['finales de agosto', 'needs-year', 'finales de agosto'],
    ['12 September', 'needs-year', '12 September'],
    ['summer', 'needs-year', 'summer'],
    ['2000 to 1990', 'reversed-range', '2000 to 1990'],
    ['entre 2000 y 1990', 'reversed-range', 'entre 2000 y 1990'],
    ['15–12 September 1992', 'reversed-range', '15–12 September 1992'],
    ['a decade later', 'relative-date', 'a decade later'],
    ['two years after', 'relative-date', 'two years after'],
    ['una década después', 'relative-date', 'una década después'],
    ['hace diez años', 'relative-date', 'hace diez años'],
    ['-0100', 'out-of-range', '-0100'],
  ])('%j is refused as %s', (input, code, text) => {
    expect(errorOf(input)).toEqual({ code, text });
  });

  test('an error inside a range quotes the offending end as typed', () => {
    expect(errorOf('between 31 February 1992 and 3 March 1992')).toEqual({ code: 'invalid-day', text: '31 February 1992' });
    expect(errorOf('from late August to September')).toEqual({ code: 'needs-year', text: 'September' });
  });

  test('a context year outside 0–9999 or not an integer is ignored', () => {
    expect(errorOf('late August', { contextYear: 2018.5 }).code).toBe('needs-year');
    expect(errorOf('late August', { contextYear: 12000 }).code).toBe('out-of-range');
  });

  test('English numeric dates that could be either order are refused unless lang is es', () => {
    expect(errorOf('03/04/1992', { lang: 'en' }).code).toBe('ambiguous-numeric-date');
    const es = parseApproxDate('03/04/1992', { lang: 'es' });
    expect(es.ok && es.value.earliest).toBe('1992-04-03');
  });

  test('words of both languages are read whatever lang says', () => {
    const a = parseApproxDate('finales de agosto de 2018', { lang: 'en' });
    const b = parseApproxDate('late August 2018', { lang: 'es' });
    expect(a.ok && b.ok && a.value.edtf === b.value.edtf).toBe(true);
  });

  test('does not depend on the process time zone', () => {
    // Bounds come from calendar arithmetic; this guards against a regression to local getters.
    const r = parseApproxDate('1992-09~');
    expect(r.ok && [r.value.earliest, r.value.latest]).toEqual(['1992-08-01', '1992-10-31']);
  });
});
