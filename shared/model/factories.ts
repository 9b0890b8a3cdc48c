import type { Actor, ActorKind } from './actor';
import type { Case } from './case';
import type { Citation } from './common';
import { newId } from './common';
import type { CaseEvent, Place } from './event';

/** Blank records with every field present, for forms and for the sample case. */
export function blankActor(kind: ActorKind = 'person', now = Date.now()): Actor {
  return {
    id: newId(), createdAt: now, updatedAt: now, kind, name: '', names: [], description: '', tags: [],
    birth: null, death: null, nationality: '', memberships: [], statusHistory: [], citations: [], caseIds: [],
  };
}

export function blankPlace(): Place {
  return { name: '', admin1: '', admin2: '', admin3: '', country: '', latitude: null, longitude: null, precision: 'unknown' };
}

export function blankEvent(now = Date.now()): CaseEvent {
  return {
    id: newId(), createdAt: now, updatedAt: now, title: '', date: null, place: blankPlace(), type: 'battles', subType: 'armed_clash',
    description: '', fatalities: { total: null, bySide: [] }, seizures: [], participants: [], relatedEventIds: [], tags: [],
    citations: [], caseIds: [],
  };
}

export function blankCase(name = '', now = Date.now()): Case {
  return { id: newId(), createdAt: now, updatedAt: now, name, description: '' };
}

export function newCitation(documentId: string, page: number | null, quote = ''): Citation {
  return { id: newId(), documentId, page, quote, note: '' };
}
