import type { ApproxDate } from '../../../shared/dates/types';
import type { CaseEvent, EventType, FieldIssue, Participant, ParticipantRole, Place } from '../../../shared/model';
import { V, eventSchema, newId, validateWith } from '../../../shared/model';

/**
 * The event form edits a draft, not the record: numbers stay as the text the user
 * typed (so "abc" can be shown back with an error instead of vanishing) and pickers
 * may be empty. `toRecord` turns it into a CaseEvent plus the problems found on the way.
 */
export interface PlaceDraft extends Omit<Place, 'latitude' | 'longitude'> {
  latitude: string;
  longitude: string;
}
export interface SideDraft { id: string; actorId: string | null; label: string; count: string }
export interface SeizureDraft { id: string; item: string; quantity: string; unit: string; note: string }
export interface ParticipantDraft extends Omit<Participant, 'actorId'> { actorId: string | null }

export interface EventDraft {
  base: CaseEvent;
  title: string;
  date: ApproxDate | null;
  /** The date box holds text that cannot be read yet. */
  dateInvalid: boolean;
  place: PlaceDraft;
  type: EventType;
  subType: string;
  description: string;
  total: string;
  sides: SideDraft[];
  seizures: SeizureDraft[];
  participants: ParticipantDraft[];
  relatedEventIds: string[];
  tags: string[];
}

const numberText = (n: number | null) => (n === null ? '' : String(n));

export function draftFrom(event: CaseEvent): EventDraft {
  return {
    base: event,
    title: event.title,
    date: event.date,
    dateInvalid: false,
    place: { ...event.place, latitude: numberText(event.place.latitude), longitude: numberText(event.place.longitude) },
    type: event.type,
    subType: event.subType,
    description: event.description,
    total: numberText(event.fatalities.total),
    sides: event.fatalities.bySide.map((s) => ({ ...s, count: String(s.count) })),
    seizures: event.seizures.map((s) => ({ ...s, quantity: numberText(s.quantity) })),
    participants: event.participants.map((p) => ({ ...p })),
    relatedEventIds: [...event.relatedEventIds],
    tags: [...event.tags],
  };
}

export const blankSide = (): SideDraft => ({ id: newId(), actorId: null, label: '', count: '' });
export const blankSeizure = (): SeizureDraft => ({ id: newId(), item: '', quantity: '', unit: '', note: '' });
export const blankParticipant = (role: ParticipantRole = 'participant'): ParticipantDraft =>
  ({ id: newId(), actorId: null, role, note: '', citations: [] });

type NumberRead = { ok: true; value: number | null } | { ok: false };

/** Empty is "not stated" (null). A decimal comma is read as a point, as Spanish users type it. */
export function readNumber(text: string): NumberRead {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return { ok: true, value: null };
  const normal = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normal)) return { ok: false };
  const value = Number(normal);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A side needs someone to count: an actor from the case or a free label. (A key of this feature's catalogue.) */
export const SIDE_NAME = 'events.validation.sideName';

export interface Conversion {
  record: CaseEvent;
  /** Problems the schema cannot see: unreadable numbers, empty pickers, an unreadable date. */
  issues: FieldIssue[];
}

export function toRecord(draft: EventDraft): Conversion {
  const issues: FieldIssue[] = [];
  const num = (text: string, path: string, required = false): number | null => {
    const read = readNumber(text);
    if (!read.ok) { issues.push({ path, message: V.invalidNumber }); return null; }
    if (read.value === null && required) issues.push({ path, message: V.required });
    return read.value;
  };
  if (draft.dateInvalid) issues.push({ path: 'date', message: V.invalidDate });
  const record: CaseEvent = {
    ...draft.base,
    title: draft.title,
    date: draft.date,
    place: { ...draft.place, latitude: num(draft.place.latitude, 'place.latitude'), longitude: num(draft.place.longitude, 'place.longitude') },
    type: draft.type,
    subType: draft.subType,
    description: draft.description,
    fatalities: {
      total: num(draft.total, 'fatalities.total'),
      // An unreadable count stands in as 0 so the schema can still check the rest.
      bySide: draft.sides.map((s, i) => ({ id: s.id, actorId: s.actorId, label: s.label, count: num(s.count, `fatalities.bySide.${i}.count`, true) ?? 0 })),
    },
    seizures: draft.seizures.map((s, i) => ({ id: s.id, item: s.item, quantity: num(s.quantity, `seizures.${i}.quantity`), unit: s.unit, note: s.note })),
    participants: draft.participants.map((p, i) => {
      if (p.actorId === null) issues.push({ path: `participants.${i}.actorId`, message: V.required });
      return { ...p, actorId: p.actorId ?? '' };
    }),
    relatedEventIds: draft.relatedEventIds,
    tags: draft.tags,
  };
  draft.sides.forEach((s, i) => {
    if (s.actorId === null && s.label.trim() === '') issues.push({ path: `fatalities.bySide.${i}.label`, message: SIDE_NAME });
  });
  return { record, issues };
}

/**
 * Every problem with the draft: the form's own first, then the schema's, one per field.
 * Paths are the schema's (`participants.0.actorId`), which the form uses to place messages.
 */
export function checkDraft(draft: EventDraft): { record: CaseEvent; issues: FieldIssue[] } {
  const { record, issues } = toRecord(draft);
  const checked = validateWith(eventSchema, record);
  const schemaIssues = checked.ok ? [] : checked.issues;
  return { record, issues: mergeIssues(issues, schemaIssues) };
}

/** One message per field, the first found winning; nested paths fold onto the field that shows them. */
export function mergeIssues(...lists: readonly FieldIssue[][]): FieldIssue[] {
  const seen = new Set<string>();
  const merged: FieldIssue[] = [];
  for (const issue of lists.flat()) {
    const path = fieldPath(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    merged.push({ path, message: issue.message });
  }
  return merged;
}

/** The form field that shows an issue: `date.latest` shows on the date, `tags.2` on the tags box. */
export function fieldPath(path: string): string {
  const [head] = path.split('.');
  if (head === 'date' || head === 'tags' || head === 'relatedEventIds') return head;
  return path;
}

/** Paths the form shows next to a control; anything else is listed in the summary. */
export function isShownInline(path: string): boolean {
  return /^(title|date|type|subType|description|tags|relatedEventIds|place\.\w+|fatalities\.total|fatalities\.bySide\.\d+\.(actorId|label|count)|seizures\.\d+\.(item|quantity|unit|note)|participants\.\d+\.(actorId|role|note))$/.test(path);
}
