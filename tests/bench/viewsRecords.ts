import { isoDay, lastDayOfMonth } from '../../shared/dates/calendar';
import type { ApproxDate } from '../../shared/dates';
import type { Actor, CaseEvent, EventType } from '../../shared/model';
import { EVENT_TYPES } from '../../shared/model';
import { blankActor, blankEvent } from '../../shared/model/factories';

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A date as field sources give them: exact days, months, parts of months, years, decades, circa. */
export function approxDate(r: () => number): ApproxDate {
  const y = 1975 + Math.floor(r() * 48);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const k = r();
  if (k < 0.4) { const day = isoDay(y, m, d); return { label: day, edtf: day, earliest: day, latest: day, precision: 'day' }; }
  if (k < 0.6) return { label: `${y}-${m}`, edtf: `${y}-${String(m).padStart(2, '0')}`, earliest: isoDay(y, m, 1), latest: lastDayOfMonth(y, m), precision: 'month' };
  if (k < 0.75) return { label: `late ${m}/${y}`, edtf: `${isoDay(y, m, 21)}/${lastDayOfMonth(y, m)}`, earliest: isoDay(y, m, 21), latest: lastDayOfMonth(y, m), precision: 'range' };
  if (k < 0.9) return { label: String(y), edtf: String(y), earliest: isoDay(y, 1, 1), latest: isoDay(y, 12, 31), precision: 'year' };
  if (k < 0.95) { const dec = y - (y % 10); return { label: `${dec}s`, edtf: `${String(dec).slice(0, 3)}X`, earliest: isoDay(dec, 1, 1), latest: isoDay(dec + 9, 12, 31), precision: 'decade' }; }
  return { label: `circa ${y}`, edtf: `${y}~`, earliest: isoDay(y - 2, 1, 1), latest: isoDay(y + 2, 12, 31), precision: 'year' };
}

/** `actors` actors (a tenth groups) with status histories and memberships, and `events` events among them. */
export function generateRecords(actorCount: number, eventCount: number, seed: number): { actors: Actor[]; events: CaseEvent[] } {
  const r = rng(seed);
  const groups: Actor[] = [];
  const actors: Actor[] = [];
  for (let i = 0; i < actorCount; i++) {
    const group = i % 10 === 0;
    const a = blankActor(group ? 'armed_group' : 'person', 0);
    a.name = group ? `Front ${i}` : `Person ${i}`;
    if (group) groups.push(a);
    actors.push(a);
  }
  for (const a of actors) {
    if (a.kind !== 'person') continue;
    const n = 1 + Math.floor(r() * 3);
    for (let s = 0; s < n; s++) a.statusHistory.push({ id: `${a.id}-s${s}`, status: s === 0 ? 'at_large' : 'captured', date: r() < 0.9 ? approxDate(r) : null, place: '', note: '', citations: [] });
    if (groups.length && r() < 0.7) {
      const from = r() < 0.85 ? approxDate(r) : null;
      const to = r() < 0.5 ? approxDate(r) : null;
      const ok = !from || !to || from.earliest <= to.latest;
      a.memberships.push({ id: `${a.id}-m`, groupId: groups[Math.floor(r() * groups.length)]!.id, role: 'member', from, to: ok ? to : null, note: '', citations: [] });
    }
  }
  const events: CaseEvent[] = [];
  for (let i = 0; i < eventCount; i++) {
    const ev = blankEvent(0);
    ev.title = `Event ${i}`;
    ev.type = EVENT_TYPES[Math.floor(r() * EVENT_TYPES.length)] as EventType;
    ev.date = r() < 0.95 ? approxDate(r) : null;
    const parts = 1 + Math.floor(r() * 3);
    for (let p = 0; p < parts; p++) ev.participants.push({ id: `${ev.id}-p${p}`, actorId: actors[Math.floor(r() * actors.length)]!.id, role: 'participant', note: '', citations: [] });
    // Most with coordinates across the Andes, some with only a region.
    if (r() < 0.85) { ev.place.latitude = -18 + r() * 30; ev.place.longitude = -80 + r() * 12; ev.place.precision = 'exact'; }
    else { ev.place.admin1 = ['Ayacucho', 'Cusco', 'Junin', 'Apurímac', 'Huanuco'][Math.floor(r() * 5)]!; ev.place.country = 'Peru'; ev.place.precision = 'region'; }
    ev.fatalities.total = r() < 0.4 ? Math.floor(r() * 30) : null;
    events.push(ev);
  }
  return { actors, events };
}
