// Model records → SearchDoc. The worker calls these for every record it indexes, so what is
// searchable about a record is decided here, in one place.
import type { Actor, StatusEntry } from '../model/actor';
import { allNames } from '../model/actor';
import type { CaseEvent, ParticipantRole, Seizure } from '../model/event';
import { ACLED_LABELS } from '../model/event';
import { EVENT_TYPE_LABELS_ES, KIND_LABELS, ROLE_LABELS, STATUS_LABELS } from '../export/labels';
import type { SourceDocument } from '../model/document';
import { currentStatus } from '../model/status';
import type { DocumentFilterInfo, SearchDoc } from './types';
import { pageRef } from './pageText';
import { dateText } from './dateText';

const join = (parts: readonly (string | null | undefined)[]): string => parts.filter((p) => p && p.trim()).join('\n');
/**
 * An event type's or sub-type's name in both languages, as the UI and reports show them: a
 * Spanish query finds an English record's type and the reverse ("enfrentamiento" → armed clash).
 */
const typeLine = (key: string): string => {
  const known = key as keyof typeof ACLED_LABELS;
  return Object.hasOwn(ACLED_LABELS, key) ? `${ACLED_LABELS[known]} · ${EVENT_TYPE_LABELS_ES[known]}` : key.replace(/_/g, ' ');
};
/**
 * A seizure as a line that says it is one, in both languages, with what and how much, so
 * "cocaine seizure" or "incautación de cocaína" finds the event whose description never
 * uses the word.
 */
const seizureLine = (s: Seizure): string =>
  `Seizure (incautación, decomiso): ${s.item}${s.quantity !== null ? `, ${s.quantity}${s.unit ? ` ${s.unit}` : ''}` : ''}`;

/**
 * A status in the actor's history as a line in both languages with its date, as written and as
 * its calendar: "Captured / arrested · Capturado / detenido: 12 Sept 1992 · 12 September 1992 ·
 * 12 septiembre 1992", so "capturado 1992" finds who was captured then.
 */
const statusLine = (s: StatusEntry): string => {
  const when = dateText(s.date).split('\n').filter(Boolean).join(' · ');
  return `${STATUS_LABELS.en[s.status]} · ${STATUS_LABELS.es[s.status]}${when ? `: ${when}` : ''}`;
};

/**
 * An actor by every name it goes by, its roles/ranks, kind, tags, nationality and description.
 * `groupNames` (optional) resolves membership group ids so "Shining Path" finds its members.
 */
export function actorDoc(actor: Actor, groupNames?: (groupId: string) => string | undefined): SearchDoc {
  const names = allNames(actor);
  const roles = actor.memberships.map((m) => join([m.role, groupNames?.(m.groupId)]));
  return {
    ref: `actor:${actor.id}`, kind: 'actor', recordId: actor.id,
    fields: {
      name: names.join('\n'),
      role: join([...roles, `${KIND_LABELS.en[actor.kind]} · ${KIND_LABELS.es[actor.kind]}`, ...actor.tags]),
      place: join([actor.nationality, ...actor.statusHistory.map((s) => s.place)]),
      body: join([actor.description, ...actor.statusHistory.map((s) => s.note)]),
      date: join(actor.statusHistory.map(statusLine)),
    },
    names, lang: 'mixed', caseIds: actor.caseIds,
    dateFrom: actor.birth?.earliest ?? null, dateTo: actor.death?.latest ?? null,
    status: currentStatus(actor.statusHistory),
  };
}

/** Roles that say something of an actor's part ("participant" and "other" do not). */
const TOLD_ROLES: ReadonlySet<ParticipantRole> = new Set(['attacker', 'target', 'killed', 'injured', 'captured', 'leader', 'victim', 'witness']);

/**
 * One line per actor taking part (once, though it may hold several roles): every name it goes
 * by, then its roles in both languages, "Cirilo (Killed · Muerto; Leader · Líder)", so
 * "Cirilo muerto" or "capturado" find the event by who took part and how.
 */
function peopleLines(event: CaseEvent, actorNames?: (actorId: string) => readonly string[] | undefined): string {
  const roles = new Map<string, ParticipantRole[]>();
  for (const p of event.participants) roles.set(p.actorId, [...(roles.get(p.actorId) ?? []), p.role]);
  return join([...roles].map(([id, held]) => {
    const names = actorNames?.(id);
    if (!names?.length) return null;
    const told = [...new Set(held)].filter((r) => TOLD_ROLES.has(r)).map((r) => `${ROLE_LABELS.en[r]} · ${ROLE_LABELS.es[r]}`);
    return `${names.join(' · ')}${told.length ? ` (${told.join('; ')})` : ''}`;
  }));
}

/**
 * An event by its title, type and seizures, place, description, date, and the names of the
 * actors taking part (`actorNames`, optional: every name each goes by), so "Artemio" finds the
 * events he took part in even where their text never names him.
 */
export function eventDoc(event: CaseEvent, actorNames?: (actorId: string) => readonly string[] | undefined): SearchDoc {
  const p = event.place;
  return {
    ref: `event:${event.id}`, kind: 'event', recordId: event.id,
    fields: {
      name: event.title,
      role: join([typeLine(event.type), typeLine(event.subType), ...event.tags, ...event.seizures.map(seizureLine)]),
      place: join([p.name, p.admin1, p.admin2, p.admin3, p.country]),
      body: event.description,
      date: dateText(event.date),
      people: peopleLines(event, actorNames),
    },
    lang: 'mixed', caseIds: event.caseIds,
    dateFrom: event.date?.earliest ?? null, dateTo: event.date?.latest ?? null,
  };
}

export function documentDoc(doc: SourceDocument): SearchDoc {
  return {
    ref: `document:${doc.id}`, kind: 'document', recordId: doc.id,
    fields: {
      name: join([doc.title, doc.fileName]),
      role: join([doc.author, doc.publisher, ...doc.tags]),
      body: doc.notes,
      date: dateText(doc.publishedOn),
    },
    lang: 'mixed', caseIds: doc.caseIds,
    dateFrom: doc.publishedOn?.earliest ?? null, dateTo: doc.publishedOn?.latest ?? null,
  };
}

export function documentFilterInfo(doc: Pick<SourceDocument, 'caseIds' | 'publishedOn'>): DocumentFilterInfo {
  return { caseIds: doc.caseIds, dateFrom: doc.publishedOn?.earliest ?? null, dateTo: doc.publishedOn?.latest ?? null };
}

/**
 * The document's free-text language field, when set, wins over the per-page guess: Spanish or
 * English, else 'mixed' (another language, or several: "Quechua", "es/en"); empty → guessed.
 */
export function langHint(language: string): SearchDoc['lang'] | undefined {
  const l = language.trim().toLowerCase();
  if (!l) return undefined;
  const es = /(^|[^a-z])(es|spa|spanish|español|espanol|castellano)([^a-z]|$)/.test(l);
  const en = /(^|[^a-z])(en|eng|english|inglés|ingles)([^a-z]|$)/.test(l);
  return es && !en ? 'es' : en && !es ? 'en' : 'mixed';
}

// Re-exported for its many readers (mentions, the search worker's sources).
export { pageRef, pageSearchText } from './pageText';

/** The pages of an extracted document, `texts[0]` being page 1 (pageSearchText). Empty pages are skipped. */
export function pageDocs(doc: Pick<SourceDocument, 'id' | 'caseIds' | 'publishedOn' | 'language'>, texts: readonly string[]): SearchDoc[] {
  const info = documentFilterInfo(doc);
  const lang = langHint(doc.language);
  const out: SearchDoc[] = [];
  texts.forEach((text, i) => {
    if (!text.trim()) return;
    out.push({
      ref: pageRef(doc.id, i + 1), kind: 'page', recordId: doc.id, page: i + 1,
      fields: { text }, ...(lang ? { lang } : {}), ...info,
    });
  });
  return out;
}

