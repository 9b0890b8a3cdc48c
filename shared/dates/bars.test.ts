import { describe, expect, it } from 'vitest';
import { dateBar, spanBar } from './bars';
import { dayIndex, isoFromDayIndex } from './calendar';
import { parseApproxDate } from './parseApproxDate';
import type { ApproxDate } from './types';

const d = (text: string): ApproxDate => {
  const r = parseApproxDate(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}`);
  return r.value;
};
const days = (bar: { start: number; end: number }) => [isoFromDayIndex(bar.start), isoFromDayIndex(bar.end - 1)];

describe('uncertainty bars from approximate dates', () => {
  it('draws "late August 2019" over 21–31 August, with its words', () => {
    const bar = dateBar(d('late August 2019'));
    expect(days(bar)).toEqual(['2019-08-21', '2019-08-31']);
    expect(bar.end - bar.start).toBe(11);
    expect(bar.exact).toBe(false);
    expect(bar.label).toBe('late August 2019');
  });

  it('draws a decade as ten years and a year as the whole year, never a point', () => {
    expect(days(dateBar(d('1990s')))).toEqual(['1990-01-01', '1999-12-31']);
    const year = dateBar(d('1992'));
    expect(days(year)).toEqual(['1992-01-01', '1992-12-31']);
    expect(year.end - year.start).toBe(366);
    expect(year.exact).toBe(false);
  });

  it('widens "circa" and keeps a single day as an exact mark', () => {
    expect(days(dateBar(d('circa 1992')))).toEqual(['1990-01-01', '1994-12-31']);
    const day = dateBar(d('1992-09-12'));
    expect(day.exact).toBe(true);
    expect(day.end - day.start).toBe(1);
  });

  it('reads Spanish wording the same way', () => {
    expect(days(dateBar(d('finales de agosto de 2019')))).toEqual(['2019-08-21', '2019-08-31']);
  });

  it('day indexes are consecutive across months, leap days and centuries', () => {
    expect(dayIndex('2020-03-01') - dayIndex('2020-02-28')).toBe(2);
    expect(dayIndex('1900-03-01') - dayIndex('1900-02-28')).toBe(1);
    expect(isoFromDayIndex(dayIndex('0001-01-01'))).toBe('0001-01-01');
  });
});

describe('spans between two approximate dates', () => {
  it('is sure between the latest start and the earliest end, soft outside', () => {
    const span = spanBar(d('1970s'), d('1992'))!;
    expect(days(span)).toEqual(['1970-01-01', '1992-12-31']);
    expect([isoFromDayIndex(span.coreStart), isoFromDayIndex(span.coreEnd - 1)]).toEqual(['1979-12-31', '1992-01-01']);
    expect(span.openStart || span.openEnd).toBe(false);
    expect([span.fromLabel, span.toLabel]).toEqual(['1970s', '1992']);
  });

  it('leaves a missing bound open instead of guessing it, and has nothing to draw without either', () => {
    const open = spanBar(null, d('late August 2019'))!;
    expect(open.openStart).toBe(true);
    expect(open.openEnd).toBe(false);
    expect(days(open)).toEqual(['2019-08-21', '2019-08-31']);
    expect(spanBar(d('2001'), null)!.openEnd).toBe(true);
    expect(spanBar(null, null)).toBeNull();
  });

  it('has no sure part when the bounds overlap', () => {
    const span = spanBar(d('1992'), d('1992'))!;
    expect(span.coreEnd).toBe(span.coreStart);
  });
});
