// Deterministic, realistic records for `npm run bench`: the same seed always gives the
// same actors and events (ids included), so runs on different days compare like for like.
// Dates are built with the same span builders the date parser uses, so a generated
// "late 1992" has exactly the bounds the app would compute from the words.
import type { ApproxDate } from '../../shared/dates/types';
import { circa, daySpan, decadeSpan, monthSpan, partOfMonth, partOfYear, yearSpan } from '../../shared/dates/spans';
import type { Span } from '../../shared/dates/spans';
import { daysInMonth } from '../../shared/dates/calendar';
import type { Actor, ActorKind, ActorName, CaseEvent, EventType, Membership, NameType, Participant, StatusEntry } from '../../shared/model';
import { ACTOR_KINDS, EVENT_TAXONOMY, EVENT_TYPES, PARTICIPANT_ROLES, STATUSES } from '../../shared/model';
import {
  GIVEN_NAMES, GROUP_KINDS_NAMES, MONTHS_EN, MONTHS_ES, NICKNAMES, NOM_PREFIXES, NOM_WORDS, REGIONS, ROLES, SEIZURE_ITEMS,
  SURNAMES, TAGS, TITLE_VERBS,
} from './vocabulary';

export interface GenerateOptions {
  actors: number;
  events: number;
  seed?: number;
}

export interface GeneratedRecords {
  actors: Actor[];
  events: CaseEvent[];
}

/** Share of actors that are people; the rest are groups of the group kinds. */
const PERSON_SHARE = 0.85;
/** Memberships point into this many groups (the prominent ones), as in a real case file. */
const MEMBERSHIP_GROUPS = 500;
/** Fixed clock so createdAt/updatedAt are deterministic too: 2024-01-01T00:00:00Z. */
const EPOCH = Date.UTC(2024, 0, 1);

/** sfc32: small, fast, good enough statistically, and identical in Node and Chromium. */
export function makeRandom(seed: number) {
  let a = 0x9e3779b9 ^ seed, b = 0x243f6a88, c = 0xb7e15162 ^ (seed << 7), d = 1;
  const next = (): number => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number): boolean => next() < p;
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(next() * 16)];
    return s;
  };
  /** A version-4-shaped UUID from the seeded stream (crypto.randomUUID is not reproducible). */
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, chance, uuid };
}
type Random = ReturnType<typeof makeRandom>;

/** An approximate date in 1980–2024 (or the given years) as a source would state it, in English or Spanish. */
export function approxDate(r: Random, fromYear = 1980, toYear = 2024): ApproxDate {
  const y = r.int(fromYear, toYear);
  const m = r.int(1, 12);
  const es = r.chance(0.5);
  const month = (es ? MONTHS_ES : MONTHS_EN)[m - 1]!;
  const roll = r.next();
  let span: Span;
  let label: string;
  if (roll < 0.25) {
    const d = r.int(1, daysInMonth(y, m));
    span = daySpan(y, m, d);
    label = es ? `${d} de ${month} de ${y}` : `${d} ${month} ${y}`;
  } else if (roll < 0.45) {
    span = monthSpan(y, m);
    label = es ? `${month} de ${y}` : `${month} ${y}`;
  } else if (roll < 0.65) {
    span = yearSpan(y);
    label = String(y);
  } else if (roll < 0.75) {
    span = circa(yearSpan(y));
    label = es ? `hacia ${y}` : `circa ${y}`;
  } else if (roll < 0.85) {
    const q = r.pick(['early', 'mid', 'late'] as const);
    span = partOfYear(y, q);
    label = es ? `${{ early: 'principios', mid: 'mediados', late: 'finales' }[q]} de ${y}` : `${q} ${y}`;
  } else if (roll < 0.93) {
    const q = r.pick(['early', 'mid', 'late'] as const);
    span = partOfMonth(y, m, q);
    label = es ? `${{ early: 'principios', mid: 'mediados', late: 'finales' }[q]} de ${month} de ${y}` : `${q} ${month} ${y}`;
  } else {
    const decade = y - (y % 10);
    span = decadeSpan(decade);
    label = es ? `la década de ${decade}` : `${decade}s`;
  }
  // Some dates come from imports as bare EDTF, with no words.
  if (r.chance(0.1)) label = '';
  return { label, edtf: span.edtf, earliest: span.earliest, latest: span.latest, precision: span.precision };
}

function personName(r: Random): string {
  const first = r.pick(GIVEN_NAMES);
  const second = r.chance(0.4) ? r.pick(GIVEN_NAMES) : first;
  const paternal = r.pick(SURNAMES);
  const maternal = r.pick(SURNAMES);
  return [first, second === first ? '' : second, paternal, maternal === paternal ? '' : maternal].filter(Boolean).join(' ');
}

function otherNames(r: Random, primary: string, person: boolean): ActorName[] {
  const seen = new Set([primary.toLocaleLowerCase()]);
  const names: ActorName[] = [];
  const wanted = r.int(1, 3);
  for (let tries = 0; names.length < wanted && tries < 10; tries++) {
    let name: string;
    let type: NameType;
    const roll = r.next();
    if (!person) { name = `${r.pick(['Frente', 'Grupo', 'Fuerza'])} ${r.pick(NOM_WORDS)}`; type = r.pick(['alias', 'previous_name', 'spelling_variant']); }
    else if (roll < 0.5) { name = `${r.pick(NOM_PREFIXES)} ${r.pick(NOM_WORDS)}`; type = 'nom_de_guerre'; }
    else if (roll < 0.7) { name = r.pick(NICKNAMES); type = 'alias'; }
    else if (roll < 0.85) { name = primary.normalize('NFD').replace(/\p{M}+/gu, ''); type = 'spelling_variant'; }
    else { name = `${primary.split(' ')[0]} ${r.pick(SURNAMES)}`; type = 'legal_name'; }
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push({ id: r.uuid(), name, type, note: '', citations: [] });
  }
  return names;
}

function statusHistory(r: Random): StatusEntry[] {
  const dates = Array.from({ length: r.int(1, 3) }, () => approxDate(r)).sort((a, b) => (a.latest < b.latest ? -1 : 1));
  return dates.map((date, i) => ({
    id: r.uuid(),
    // Spread over every status; the first entry is more often "at large", as in life.
    status: i === 0 && r.chance(0.4) ? 'at_large' : r.pick(STATUSES),
    date: r.chance(0.95) ? date : null,
    place: r.chance(0.5) ? r.pick(REGIONS).name : '',
    note: '',
    citations: [],
  }));
}

function membership(r: Random, groupId: string): Membership {
  const from = r.chance(0.8) ? approxDate(r, 1980, 2010) : null;
  const to = r.chance(0.5) ? approxDate(r, from ? Number(from.latest.slice(0, 4)) + 1 : 1990, 2024) : null;
  return { id: r.uuid(), groupId, role: r.pick(ROLES), from, to, note: '', citations: [] };
}

function tags(r: Random, max: number): string[] {
  const n = r.int(0, max);
  return [...new Set(Array.from({ length: n }, () => r.pick(TAGS)))];
}

function actor(r: Random, kind: ActorKind, index: number, groupIds: readonly string[], id: string): Actor {
  const person = kind === 'person';
  const name = person ? personName(r)
    : `${r.pick(GROUP_KINDS_NAMES[kind as Exclude<ActorKind, 'person'>])} ${r.pick(NOM_WORDS)} ${index}`;
  const birth = person && r.chance(0.4) ? approxDate(r, 1940, 1995) : null;
  const history = person ? statusHistory(r) : r.chance(0.2) ? statusHistory(r).slice(0, 1) : [];
  const dead = history.some((s) => s.status === 'killed' || s.status === 'deceased');
  const deathYear = birth ? Math.max(Number(birth.latest.slice(0, 4)) + 1, 1980) : 1980;
  const death = dead && r.chance(0.5) ? approxDate(r, Math.min(deathYear, 2024), 2024) : null;
  const memberships = groupIds.length === 0 ? [] : Array.from({ length: r.int(0, 2) }, () => r.pick(groupIds))
    .filter((g, i, all) => g !== id && all.indexOf(g) === i)
    .map((g) => membership(r, g));
  const updatedAt = EPOCH - r.int(0, 3 * 365) * 86_400_000 - r.int(0, 86_399_999);
  return {
    id, createdAt: updatedAt - r.int(0, 365) * 86_400_000, updatedAt, kind, name,
    names: otherNames(r, name, person),
    description: r.chance(0.3) ? `Mencionado en informes de ${r.pick(REGIONS).name}.` : '',
    tags: tags(r, 2), birth, death, nationality: person ? r.pick(['Peruvian', 'peruana', 'Colombian', '']) : '',
    memberships, statusHistory: history, citations: [], caseIds: [],
  };
}

function event(r: Random, actorIds: readonly string[], previous: readonly string[]): CaseEvent {
  const type: EventType = r.pick(EVENT_TYPES);
  const subType = r.pick(EVENT_TAXONOMY[type]);
  const region = r.pick(REGIONS);
  const placeName = r.pick(region.places);
  const located = r.chance(0.7);
  const participants: Participant[] = [];
  const seen = new Set<string>();
  for (let n = r.int(1, 4); participants.length < n && actorIds.length > 0;) {
    const actorId = r.pick(actorIds);
    const role = r.pick(PARTICIPANT_ROLES);
    if (seen.has(`${actorId}:${role}`)) { n--; continue; }
    seen.add(`${actorId}:${role}`);
    participants.push({ id: r.uuid(), actorId, role, note: '', citations: [] });
  }
  const violent = type === 'battles' || type === 'explosions_remote_violence' || type === 'violence_against_civilians';
  const total = violent && r.chance(0.8) ? r.int(0, 40) : null;
  const bySide = total !== null && total > 1 && r.chance(0.5)
    ? [{ id: r.uuid(), actorId: participants[0]?.actorId ?? null, label: 'rebels', count: Math.floor(total / 2) },
      { id: r.uuid(), actorId: null, label: r.pick(['soldiers', 'policías', 'civiles']), count: Math.ceil(total / 2) - (r.chance(0.3) ? 1 : 0) }]
    : [];
  const seizures = type === 'strategic_developments' && r.chance(0.5)
    ? Array.from({ length: r.int(1, 2) }, () => {
      const [item, unit] = r.pick(SEIZURE_ITEMS);
      return { id: r.uuid(), item, quantity: r.chance(0.9) ? r.int(1, 500) : null, unit, note: '' };
    })
    : [];
  const updatedAt = EPOCH - r.int(0, 3 * 365) * 86_400_000 - r.int(0, 86_399_999);
  return {
    id: r.uuid(), createdAt: updatedAt - r.int(0, 365) * 86_400_000, updatedAt,
    title: `${r.pick(TITLE_VERBS[type]!)} ${placeName}`,
    date: r.chance(0.97) ? approxDate(r) : null,
    place: {
      name: placeName, admin1: region.name, admin2: r.pick(region.districts), admin3: '', country: 'Peru',
      latitude: located ? Math.round((region.lat + (r.next() - 0.5)) * 1e4) / 1e4 : null,
      longitude: located ? Math.round((region.lon + (r.next() - 0.5)) * 1e4) / 1e4 : null,
      precision: located ? r.pick(['exact', 'near', 'district'] as const) : r.pick(['region', 'unknown'] as const),
    },
    type, subType,
    description: r.chance(0.4) ? `Según la prensa local, ${participants.length} actores identificados en ${placeName}, ${region.name}.` : '',
    fatalities: { total, bySide },
    seizures, participants,
    relatedEventIds: previous.length > 0 && r.chance(0.1) ? [r.pick(previous)] : [],
    tags: tags(r, 2), citations: [], caseIds: [],
  };
}

export function generateRecords({ actors: actorCount, events: eventCount, seed = 20_240_101 }: GenerateOptions): GeneratedRecords {
  const r = makeRandom(seed);
  const groupKinds = ACTOR_KINDS.filter((k) => k !== 'person');
  const groupCount = Math.round(actorCount * (1 - PERSON_SHARE));
  // Groups first so people's memberships can point at them; ids are drawn up front.
  const ids = Array.from({ length: actorCount }, () => r.uuid());
  const membershipTargets = ids.slice(0, Math.min(MEMBERSHIP_GROUPS, groupCount));
  const actors = ids.map((id, i) => actor(r, i < groupCount ? r.pick(groupKinds) : 'person', i, membershipTargets, id));
  const events: CaseEvent[] = [];
  const recent: string[] = [];
  for (let i = 0; i < eventCount; i++) {
    const ev = event(r, ids, recent);
    events.push(ev);
    recent.push(ev.id);
    if (recent.length > 50) recent.shift();
  }
  return { actors, events };
}
