import type { ApproxDate } from '../../shared/dates/types';
import type { Actor, ActorStatus, CaseEvent, Citation, NameType, ParticipantRole } from '../../shared/model';

/** A part of a record that can carry citations. `partId` is the id of the name, membership, status entry or participant. */
export type CitationTarget =
  | { table: 'actors'; id: string; part: 'actor' }
  | { table: 'actors'; id: string; part: 'name'; partId: string }
  | { table: 'actors'; id: string; part: 'membership'; partId: string }
  | { table: 'actors'; id: string; part: 'status'; partId: string }
  | { table: 'events'; id: string; part: 'event' }
  | { table: 'events'; id: string; part: 'participant'; partId: string };

export type CitationPart = CitationTarget['part'];

/**
 * What a picker shows for a part: the data, not a sentence, so the UI can translate
 * the vocabulary and format dates; ids (group, participant actor) are for it to look up.
 */
export type CitationTargetLabel =
  | { part: 'actor'; name: string }
  | { part: 'name'; name: string; type: NameType }
  | { part: 'membership'; groupId: string; role: string; from: ApproxDate | null; to: ApproxDate | null }
  | { part: 'status'; status: ActorStatus; date: ApproxDate | null; place: string }
  | { part: 'event'; title: string; date: ApproxDate | null }
  | { part: 'participant'; actorId: string; role: ParticipantRole };

export interface CitablePart {
  target: CitationTarget;
  label: CitationTargetLabel;
  /** Dotted path of the part in the record ('' for the record itself), for validation issues. */
  path: string;
  citations: Citation[];
}

export function isActor(record: Actor | CaseEvent): record is Actor {
  return 'statusHistory' in record && 'names' in record;
}

/**
 * Every part of the record that can be cited, record first, in form order. This is the
 * one list of citable parts: the derived `citedDocumentIds` index is computed from it, so
 * a part added here is indexed too.
 */
export function listCitationTargets(record: Actor | CaseEvent): CitablePart[] {
  return isActor(record) ? actorParts(record) : eventParts(record);
}

function actorParts(actor: Actor): CitablePart[] {
  const id = actor.id;
  const parts: CitablePart[] = [
    { target: { table: 'actors', id, part: 'actor' }, label: { part: 'actor', name: actor.name }, path: '', citations: actor.citations },
  ];
  (actor.names ?? []).forEach((n, i) => parts.push({
    target: { table: 'actors', id, part: 'name', partId: n.id },
    label: { part: 'name', name: n.name, type: n.type },
    path: `names.${i}`,
    citations: n.citations,
  }));
  (actor.memberships ?? []).forEach((m, i) => parts.push({
    target: { table: 'actors', id, part: 'membership', partId: m.id },
    label: { part: 'membership', groupId: m.groupId, role: m.role, from: m.from, to: m.to },
    path: `memberships.${i}`,
    citations: m.citations,
  }));
  (actor.statusHistory ?? []).forEach((s, i) => parts.push({
    target: { table: 'actors', id, part: 'status', partId: s.id },
    label: { part: 'status', status: s.status, date: s.date, place: s.place },
    path: `statusHistory.${i}`,
    citations: s.citations,
  }));
  return parts;
}

function eventParts(event: CaseEvent): CitablePart[] {
  const id = event.id;
  const parts: CitablePart[] = [
    { target: { table: 'events', id, part: 'event' }, label: { part: 'event', title: event.title, date: event.date }, path: '', citations: event.citations },
  ];
  (event.participants ?? []).forEach((p, i) => parts.push({
    target: { table: 'events', id, part: 'participant', partId: p.id },
    label: { part: 'participant', actorId: p.actorId, role: p.role },
    path: `participants.${i}`,
    citations: p.citations,
  }));
  return parts;
}

/** Distinct ids of every document any part of the record cites, for the multi-entry index. */
export function citedDocumentIds(record: Actor | CaseEvent): string[] {
  const ids = new Set<string>();
  for (const part of listCitationTargets(record)) for (const c of part.citations ?? []) ids.add(c.documentId);
  return [...ids];
}

export function sameTarget(a: CitationTarget, b: CitationTarget): boolean {
  return a.table === b.table && a.id === b.id && a.part === b.part && partIdOf(a) === partIdOf(b);
}

export function partIdOf(target: CitationTarget): string | null {
  return 'partId' in target ? target.partId : null;
}
