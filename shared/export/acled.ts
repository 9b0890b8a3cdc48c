import { formatApproxDate } from '../dates';
import type { Actor } from '../model/actor';
import type { CaseEvent, EventSubType, EventType } from '../model/event';
import { ACLED_LABELS, totalFatalities } from '../model/event';
import type { SourceDocument } from '../model/document';
import type { CsvCell } from './csv';
import { UTF8_BOM, csvRow } from './csv';
import { middleDay, spanDays } from './dates';
import { seizureText } from './text';
import type { ExportInput } from './types';

/**
 * ACLED-style events CSV: ACLED's column names, in ACLED's order, for the columns
 * Casefile's model fills honestly. Columns ACLED derives from its own actor coding
 * (inter1, inter2, interaction, civilian_targeting) or its own gazetteer (iso,
 * region) or source coding (source_scale) are left out rather than guessed.
 * docs/exports.md has the mapping.
 */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

export interface AcledOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads accents right (default true). */
  bom?: boolean;
}

/** ACLED's disorder type follows from the sub-event type (ACLED's 2023 column guide). */
export function disorderType(type: EventType, subType: string): string {
  if (type === 'strategic_developments') return 'Strategic developments';
  if (type === 'protests') return subType === 'excessive_force_against_protesters' ? 'Political violence; Demonstrations' : 'Demonstrations';
  if (type === 'riots') return subType === 'mob_violence' ? 'Political violence; Demonstrations' : 'Demonstrations';
  return 'Political violence';
}

/**
 * ACLED's time precision: 1 when the day is known, 2 when the source gives a week or a
 * few days, 3 when only the month (or, here, anything coarser) is known. For 2 and 3
 * the event date is the middle of the period, as ACLED codes a week by its middle.
 */
export function timePrecision(date: { earliest: string; latest: string }): 1 | 2 | 3 {
  const days = spanDays(date);
  if (days <= 1) return 1;
  return days <= 7 ? 2 : 3;
}

/** ACLED's geo_precision: 1 the exact place, 2 near it or a part of a region, 3 a larger region (district). */
const GEO_PRECISION: Record<string, number | null> = { exact: 1, near: 2, district: 3, region: null, country: null, unknown: null };

const SIDE_1 = new Set(['attacker']);
const SIDE_2 = new Set(['target', 'victim', 'killed', 'injured', 'captured']);

/** Actor 1 is the side that acted (attackers), actor 2 the side acted on; plain participants fill whichever is empty. */
export function acledActors(ev: CaseEvent, actors: ReadonlyMap<string, Actor>): { actor1: string; assoc1: string[]; actor2: string; assoc2: string[] } {
  const side1: string[] = [];
  const side2: string[] = [];
  const neutral: string[] = [];
  // ACLED names groups as actors; named people are associated with them, so groups go first.
  const present = ev.participants.filter((p) => actors.has(p.actorId));
  const ordered = [...present.filter((p) => actors.get(p.actorId)!.kind !== 'person'), ...present.filter((p) => actors.get(p.actorId)!.kind === 'person')];
  for (const p of ordered) {
    const name = actors.get(p.actorId)!.name;
    const list = SIDE_1.has(p.role) ? side1 : SIDE_2.has(p.role) ? side2 : p.role === 'participant' ? neutral : null;
    if (list && !list.includes(name)) list.push(name);
  }
  for (const name of neutral) {
    if (side1.includes(name) || side2.includes(name)) continue;
    if (side1.length === 0) side1.push(name);
    else if (side2.length === 0) side2.push(name);
    else side1.push(name);
  }
  const [actor1 = '', ...assoc1] = side1;
  const [actor2 = '', ...assoc2] = side2.filter((n) => !side1.includes(n));
  return { actor1, assoc1, actor2, assoc2 };
}

function sourceNames(ev: CaseEvent, documents: ReadonlyMap<string, SourceDocument>): string[] {
  const names: string[] = [];
  for (const c of [...ev.citations, ...ev.participants.flatMap((p) => p.citations)]) {
    const doc = documents.get(c.documentId);
    const name = doc ? (doc.publisher.trim() || doc.title.trim()) : '';
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function notes(ev: CaseEvent, actors: ReadonlyMap<string, Actor>): string {
  const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);
  const parts = [sentence(ev.title.trim())];
  if (ev.description.trim()) parts.push(sentence(ev.description.trim()));
  if (ev.date && spanDays(ev.date) > 1) {
    parts.push(`Date as reported: ${formatApproxDate(ev.date)} (${ev.date.earliest} to ${ev.date.latest}).`);
  }
  if (ev.fatalities.bySide.length) {
    const sides = ev.fatalities.bySide.map((s) => `${s.label || actors.get(s.actorId ?? '')?.name || 'unattributed'} ${s.count}`);
    parts.push(`Fatalities by side: ${sides.join('; ')}.`);
  }
  if (ev.seizures.length) {
    parts.push(`Seized: ${ev.seizures.map((x) => seizureText(x)).join('; ')}.`);
  }
  return parts.join(' ');
}

function byDate(a: CaseEvent, b: CaseEvent): number {
  if (!a.date || !b.date) return (a.date ? 0 : 1) - (b.date ? 0 : 1);
  return a.date.earliest.localeCompare(b.date.earliest) || a.date.latest.localeCompare(b.date.latest);
}

export function acledRecords(input: ExportInput): Record<AcledColumn, CsvCell>[] {
  const actors = new Map(input.actors.map((a) => [a.id, a]));
  const documents = new Map(input.documents.map((d) => [d.id, d]));
  return [...input.events].sort(byDate).map((ev) => {
    const date = ev.date ? (timePrecision(ev.date) === 1 ? ev.date.earliest : middleDay(ev.date)) : null;
    const { actor1, assoc1, actor2, assoc2 } = acledActors(ev, actors);
    const place = ev.place;
    return {
      event_id_cnty: ev.id,
      event_date: date,
      year: date ? Number(date.slice(0, date.indexOf('-', 1))) : null,
      time_precision: ev.date ? timePrecision(ev.date) : null,
      disorder_type: disorderType(ev.type, ev.subType),
      event_type: ACLED_LABELS[ev.type],
      sub_event_type: ACLED_LABELS[ev.subType as EventSubType] ?? ev.subType,
      actor1, assoc_actor_1: assoc1.join('; '), actor2, assoc_actor_2: assoc2.join('; '),
      country: place.country, admin1: place.admin1, admin2: place.admin2, admin3: place.admin3,
      // ACLED always names a location; without a place name the most precise admin area stands in.
      location: place.name || place.admin3 || place.admin2 || place.admin1 || place.country,
      latitude: place.latitude, longitude: place.longitude,
      geo_precision: GEO_PRECISION[place.precision] ?? null,
      source: sourceNames(ev, documents).join('; '),
      notes: notes(ev, actors),
      // Unknown is left blank: ACLED's 0 would claim that nobody died.
      fatalities: totalFatalities(ev),
      tags: ev.tags.join('; '),
      timestamp: Math.floor(ev.updatedAt / 1000),
    };
  });
}

/** The case's events as an ACLED-style CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark unless `bom: false`). */
export function exportAcledCsv(input: ExportInput, opts: AcledOptions = {}): string {
  const rows = acledRecords(input).map((r) => csvRow(ACLED_COLUMNS.map((c) => r[c])));
  return `${opts.bom === false ? '' : UTF8_BOM}${csvRow(ACLED_COLUMNS)}${rows.join('')}`;
}
