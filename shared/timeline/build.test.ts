import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import { isoFromDayIndex } from '../dates/calendar';
import type { Actor, CaseEvent } from '../model';
import { buildTimeline } from './build';
import type { TimelineLabels } from './build';
import { forVisibleItems, rowOffsets, visibleRows } from './viewport';
import { tickUnit, ticks } from './ticks';

const actors = sample.actors as Actor[];
const events = sample.events as CaseEvent[];
const labels: TimelineLabels = {
  status: (s) => s, eventType: (t) => t, noGroup: 'No group', statusRow: 'Status changes', membershipRow: 'Memberships', unknownDate: '?',
};
const iso = (n: number) => isoFromDayIndex(n);

describe('timeline of the sample case', () => {
  it('puts Guzmán’s capture over 1992 and the Chachaspata clash over late August 2019', () => {
    const model = buildTimeline(actors, events, 'type', labels);
    const all = model.rows.flatMap((r) => r.items);
    const capture = all.find((i) => i.title === 'Capture of Abimael Guzmán')!;
    expect([iso(capture.start), iso(capture.end - 1), capture.dateLabel]).toEqual(['1992-01-01', '1992-12-31', '1992']);
    const clash = all.find((i) => i.title.includes('Chachaspata'))!;
    expect([iso(clash.start), iso(clash.end - 1), clash.dateLabel, clash.exact]).toEqual(['2019-08-21', '2019-08-31', 'late August 2019', false]);
    expect(model.rows.map((r) => r.label)).toEqual(['battles', 'strategic_developments', 'Status changes', 'Memberships']);
  });

  it('gives each actor a row with their status changes, memberships and events', () => {
    const model = buildTimeline(actors, events, 'actor', labels);
    const guzman = model.rows.find((r) => r.label === 'Abimael Guzmán')!;
    expect(guzman.items.map((i) => `${i.kind}:${i.title}`)).toEqual([
      'status:at_large', 'membership:Shining Path, founder and principal leader', 'status:captured', 'event:Capture of Abimael Guzmán',
    ].sort((a, b) => guzman.items.findIndex((i) => `${i.kind}:${i.title}` === a) - guzman.items.findIndex((i) => `${i.kind}:${i.title}` === b)));
    expect(guzman.items).toHaveLength(4);
    // Overlapping bars (the 1970s–1992 membership and the 1992 capture) stack in lanes.
    expect(guzman.laneCount).toBeGreaterThan(1);
  });

  it('lists undated memberships apart instead of dropping them', () => {
    const model = buildTimeline(actors, events, 'actor', labels);
    const undated = model.undated.filter((u) => u.kind === 'membership').map((u) => u.rowLabel);
    expect(undated).toEqual(expect.arrayContaining(['Florindo Eleuterio Flores', 'Jorge Quispe Palomino', 'Víctor Quispe Palomino']));
    expect(model.rows.flatMap((r) => r.items).some((i) => i.title.includes('second-in-command'))).toBe(false);
  });

  it('groups by group: members’ memberships sit on the group’s row', () => {
    const model = buildTimeline(actors, events, 'group', labels);
    const sp = model.rows.find((r) => r.label === 'Shining Path')!;
    expect(sp.items.some((i) => i.kind === 'membership' && i.title.startsWith('Abimael Guzmán'))).toBe(true);
    expect(sp.items.some((i) => i.kind === 'event' && i.title.includes('Chachaspata'))).toBe(true);
  });

  it('filters by event type, actor, kind and date range', () => {
    const cirilo = actors.find((a) => a.name === 'Cirilo')!;
    const byActor = buildTimeline(actors, events, 'type', labels, { actorIds: new Set([cirilo.id]) });
    // Cirilo was killed in the clash: the event, his status and his membership.
    expect(byActor.rows.flatMap((r) => r.items).map((i) => i.kind).sort()).toEqual(['event', 'membership', 'status']);
    const onlyBattles = buildTimeline(actors, events, 'type', labels, { eventTypes: new Set(['battles']), kinds: new Set(['event']) });
    expect(onlyBattles.rows.map((r) => r.label)).toEqual(['battles']);
    const nineties = buildTimeline(actors, events, 'type', labels, { range: { start: onlyBattles.extent!.start - 20000, end: onlyBattles.extent!.start - 1 } });
    expect(nineties.rows.flatMap((r) => r.items).some((i) => i.title.includes('Chachaspata'))).toBe(false);
  });
});

describe('what is on screen', () => {
  it('finds visible rows and items by binary search', () => {
    const model = buildTimeline(actors, events, 'actor', labels);
    const offsets = rowOffsets(model);
    const [first, last] = visibleRows(offsets, 0, offsets[2]! - 1);
    expect([first, last]).toEqual([0, 2]);
    const row = model.rows.find((r) => r.label === 'Abimael Guzmán')!;
    const seen: string[] = [];
    const y1992 = row.items.find((i) => i.kind === 'event')!.start;
    forVisibleItems(row, y1992, y1992 + 10, (i) => seen.push(row.items[i]!.kind));
    // The 1970s–1992 membership reaches into 1992; the 1970s status does not.
    expect(seen.sort()).toEqual(['event', 'membership', 'status']);
  });

  it('ticks on calendar boundaries, from days to centuries', () => {
    expect(tickUnit(100)).toBe('day');
    expect(tickUnit(0.03)).toBe('decade');
    expect(tickUnit(0.001)).toBe('century');
    const model = buildTimeline(actors, events, 'type', labels);
    const clash = model.rows[0]!.items[0]!;
    const months = ticks(clash.start - 60, clash.end + 60, 'month');
    expect(months.map((t) => `${t.year}-${t.month}-${t.day}`)).toContain('2019-8-1');
    expect(ticks(clash.start - 4000, clash.start, 'decade').map((t) => t.year)).toEqual([2010]);
  });
});
