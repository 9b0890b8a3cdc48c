import { describe, expect, test } from 'vitest';
import type { DateLang } from './dateParseTypes';
import { formatApproxDate } from './formatApproxDate';
import { parseApproxDate } from './parseApproxDate';
import type { ApproxDate } from './types';
import { approxDateFromBounds } from './validateApproxDate';

function unlabelled(input: string): ApproxDate {
  const r = parseApproxDate(input);
  if (!r.ok) throw new Error(`${input}: ${r.error.code}`);
  return { ...r.value, label: '' };
}

describe('formatApproxDate', () => {
  test('shows the label when there is one', () => {
    const r = parseApproxDate(' finales de agosto de 2018 ');
    expect(r.ok && formatApproxDate(r.value, 'en')).toBe('finales de agosto de 2018');
  });

  test.each<[string, string, string]>([
    ['1992', '1992', '1992'],
    ['1992-09', 'September 1992', 'septiembre de 1992'],
    ['1992-09-12', '12 September 1992', '12 de septiembre de 1992'],
    ['1992~', 'c. 1992', 'hacia 1992'],
    ['1992?', '1992?', '1992?'],
    ['199X', '1990s', 'la década de 1990'],
    ['2018-22', 'summer 2018', 'verano de 2018'],
    ['2018-23', 'autumn 2018', 'otoño de 2018'],
    ['late August 2018', 'late August 2018', 'finales de agosto de 2018'],
    ['early 1992', 'early 1992', 'principios de 1992'],
    ['mid-1990s', 'mid 1990s', 'mediados de la década de 1990'],
    ['12–15 September 1992', '12–15 September 1992', '12–15 de septiembre de 1992'],
    ['1990/1995', '1990 – 1995', '1990 – 1995'],
    ['1990/1993', 'early 1990s', 'principios de la década de 1990'],
    ['198X/2003', '1980s – 2003', 'la década de 1980 – 2003'],
    ['before 1992', 'until 1991', 'hasta 1991'],
    ['after 2002', 'from 2003', 'desde 2003'],
  ])('%s without its label reads "%s" / "%s"', (input, en, es) => {
    const d = unlabelled(input);
    expect(formatApproxDate(d, 'en')).toBe(en);
    expect(formatApproxDate(d, 'es')).toBe(es);
  });

  test('falls back to the bounds when the EDTF has no word form', () => {
    const d = unlabelled('[1992,1995]');
    expect(formatApproxDate(d, 'en')).toBe('1 January 1992 – 31 December 1995');
    expect(formatApproxDate({ ...d, edtf: '' }, 'es')).toBe('1 de enero de 1992 – 31 de diciembre de 1995');
  });

  test.each<DateLang>(['en', 'es'])('formatted text parses back to the same bounds (%s)', (lang) => {
    const inputs = [
      '1992', '1992-02', '1992-02-29', '1992~', '1992-09~', '199X', '2018-24', 'late February 1992',
      'mid 1992', 'late 1990s', 'circa the 1990s', '12–15 September 1992', '1990/1993', 'before 12 September 1992',
      'after August 2018', '1980s to early 2000s', 'around summer 1992', '1992-09-12~',
    ];
    for (const input of inputs) {
      const d = unlabelled(input);
      const text = formatApproxDate(d, lang);
      const back = parseApproxDate(text, { lang });
      expect(back.ok ? [back.value.earliest, back.value.latest] : back.error.code, `${input} → ${text}`).toEqual([d.earliest, d.latest]);
    }
    const fromBounds = approxDateFromBounds('1992-09-03', '1992-10-17');
    if (!fromBounds.ok) throw new Error('bounds refused');
    const back = parseApproxDate(formatApproxDate(fromBounds.value, lang), { lang });
    expect(back.ok && [back.value.earliest, back.value.latest]).toEqual(['1992-09-03', '1992-10-17']);
  });
});
