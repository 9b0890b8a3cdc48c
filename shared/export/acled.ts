import { formatApproxDate } from '../dates';
import type { Actor } from '../model/actor';
import type { CaseEvent, EventSubType, EventType } from '../model/event';
import { ACLED_LABELS, totalFatalities } from '../model/event';
import type { SourceDocument } from '../model/document';
import { isCalendarDay } from '../model/common';
import { acledActors, civilianTargeting, interaction } from './acledActors';
import { acledCountry } from './acledCountries';
import { acledDate } from './acledDates';
import type { CsvCell } from './csv';
import { UTF8_BOM, csvRow } from './csv';
import { spanDays } from './dates';
import { seizureText } from './text';
import type { ExportInput } from './types';

export { timePrecision } from './acledDates';

/**
 * ACLED's events CSV: every column of ACLED's codebook (2023 onwards) in ACLED's order,
 * so tools that read ACLED data by name or by position read this file too; then three
 * Casefile columns with the date as the source gave it. Columns filled from ACLED's own
 * coding that Casefile cannot derive (source_scale, ACLED's controlled tags) are left
 * blank. docs/exports.md has the mapping column by column.
 */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** After ACLED's columns, never between them: the period the date stands for, for rows ACLED could not date. */
export const CASEFILE_DATE_COLUMNS = ['date_as_reported', 'date_earliest', 'date_latest'] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...CASEFILE_DATE_COLUMNS] as const;
export type AcledColumn = (typeof CSV_COLUMNS)[number];

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

/** ACLED's geo_precision: 1 the exact place, 2 near it or a part of a region, 3 a larger region (district). */
const GEO_PRECISION: Record<string, number | null> = { exact: 1, near: 2, district: 3, region: null, country: null, unknown: null };

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
  // ACLED's tags column holds ACLED's own controlled values; the user's tags are notes.
  if (ev.tags.length) parts.push(`Tags: ${ev.tags.join('; ')}.`);
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
    const date = acledDate(ev.date);
    const sides = acledActors(ev, actors);
    const place = ev.place;
    const country = acledCountry(place.country);
    return {
      event_id_cnty: ev.id,
      event_date: date.event_date,
      year: date.year,
      time_precision: date.time_precision,
      disorder_type: disorderType(ev.type, ev.subType),
      event_type: ACLED_LABELS[ev.type],
      sub_event_type: ACLED_LABELS[ev.subType as EventSubType] ?? ev.subType,
      actor1: sides.actor1, assoc_actor_1: sides.assoc1.join('; '), inter1: sides.inter1,
      actor2: sides.actor2, assoc_actor_2: sides.assoc2.join('; '), inter2: sides.inter2,
      interaction: interaction(sides),
      civilian_targeting: civilianTargeting(ev, sides),
      iso: country?.iso ?? null,
      region: country?.region ?? '',
      country: place.country, admin1: place.admin1, admin2: place.admin2, admin3: place.admin3,
      // ACLED always names a location; without a place name the most precise admin area stands in.
      location: place.name || place.admin3 || place.admin2 || place.admin1 || place.country,
      latitude: place.latitude, longitude: place.longitude,
      geo_precision: GEO_PRECISION[place.precision] ?? null,
      source: sourceNames(ev, documents).join('; '),
      // ACLED codes its sources' reach (local, national, international…); Casefile's documents do not say.
      source_scale: '',
      notes: notes(ev, actors),
      // Unknown is left blank: ACLED's 0 would claim that nobody died.
      fatalities: totalFatalities(ev),
      tags: '',
      timestamp: Math.floor(ev.updatedAt / 1000),
      date_as_reported: ev.date ? formatApproxDate(ev.date) : '',
      date_earliest: ev.date && isCalendarDay(ev.date.earliest) ? ev.date.earliest : '',
      date_latest: ev.date && isCalendarDay(ev.date.latest) ? ev.date.latest : '',
    };
  });
}

/** What the export will do with the events' dates, for the export dialog to say before it writes. */
export interface AcledDateSummary {
  events: number;
  /** Dated more coarsely than a month (a season, a year, a span of years): no event_date. */
  coarse: number;
  undated: number;
}

export function acledDateSummary(events: readonly Pick<CaseEvent, 'date'>[]): AcledDateSummary {
  let coarse = 0;
  let undated = 0;
  for (const ev of events) {
    if (!ev.date) undated++;
    else if (acledDate(ev.date).coarse) coarse++;
  }
  return { events: events.length, coarse, undated };
}

/** The case's events as ACLED's CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark unless `bom: false`). */
export function exportAcledCsv(input: ExportInput, opts: AcledOptions = {}): string {
  const rows = acledRecords(input).map((r) => csvRow(CSV_COLUMNS.map((c) => r[c])));
  return `${opts.bom === false ? '' : UTF8_BOM}${csvRow(CSV_COLUMNS)}${rows.join('')}`;
}
