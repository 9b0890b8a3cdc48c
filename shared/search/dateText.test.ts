import { describe, expect, it } from 'vitest';
import { parseApproxDate } from '../dates/parseApproxDate';
import type { ApproxDate } from '../dates/types';
import { dateText } from './dateText';
import { indexTerms } from './analyze';

const parsed = (input: string): ApproxDate => {
  const r = parseApproxDate(input);
  if (!r.ok) throw new Error(`${input}: not a date`);
  return r.value;
};

describe('a record date as searchable text', () => {
  it('is empty for an undated record', () => {
    expect(dateText(null)).toBe('');
    expect(dateText(undefined)).toBe('');
  });

  it('names a day in both languages, after the wording as written', () => {
    const d: ApproxDate = { label: '12 Sept 1992', edtf: '1992-09-12', earliest: '1992-09-12', latest: '1992-09-12', precision: 'day' };
    expect(dateText(d).split('\n')).toEqual(['12 Sept 1992', '12 September 1992 · 12 septiembre 1992 / 12 setiembre 1992']);
  });

  it('names each month of a short span, across a year end', () => {
    expect(dateText(parsed('late August 2019')).split('\n').slice(1)).toEqual(['August 2019 · agosto 2019']);
    const winter: ApproxDate = { label: 'winter', edtf: '1991-12/1992-02', earliest: '1991-12-01', latest: '1992-02-29', precision: 'season' };
    expect(dateText(winter).split('\n').slice(1)).toEqual(['December 1991 · diciembre 1991', 'January 1992 · enero 1992', 'February 1992 · febrero 1992']);
  });

  it('gives a year once, and a long span its first and last years', () => {
    expect(dateText(parsed('1992'))).toBe('1992');
    const decade: ApproxDate = { label: 'a decade after the capture', edtf: '2000/2012', earliest: '2000-01-01', latest: '2012-12-31', precision: 'range' };
    expect(dateText(decade)).toBe('a decade after the capture\n2000–2012');
    expect(indexTerms(dateText(decade))).toEqual(expect.arrayContaining(['2000', '2012']));
  });

  it('gives an open-ended date only its wording, an approximate one the date stated', () => {
    expect(dateText(parsed('before 1990'))).toBe('before 1990');
    expect(dateText(parsed('after 2010'))).toBe('after 2010');
    expect(dateText(parsed('circa 1992'))).toBe('circa 1992\n1992');
    expect(dateText(parsed('1992?'))).toBe('1992?\n1992');
    expect(dateText(parsed('1992-09-12~')).split('\n')[1]).toBe('12 September 1992 · 12 septiembre 1992 / 12 setiembre 1992');
  });

  it('writes September in Spanish both ways, as Peru writes it', () => {
    expect(dateText(parsed('setiembre 1992')).split('\n')[1]).toBe('September 1992 · septiembre 1992 / setiembre 1992');
  });

  it('keeps the wording of a date that cannot be placed', () => {
    const unknown: ApproxDate = { label: 'sometime', edtf: 'XXXX', earliest: '', latest: '', precision: 'unknown' };
    expect(dateText(unknown)).toBe('sometime');
  });
});
