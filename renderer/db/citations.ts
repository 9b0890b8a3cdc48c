import type { Actor, CaseEvent, Citation, Validated } from '../../shared/model';
import { V, actorSchema, citationSchema, eventSchema, validateWith } from '../../shared/model';
import { RecordNotFoundError } from './cases';
import type { CitationTarget } from './citationTargets';
import { isActor, partIdOf } from './citationTargets';
import type { CasefileDb } from './db';
import { actorRow, eventRow, toActor, toEvent } from './derive';

export type { CitablePart, CitationPart, CitationTarget, CitationTargetLabel } from './citationTargets';
export { listCitationTargets } from './citationTargets';

type CitationEdit = (citations: Citation[]) => Citation[];

/**
 * Attaches a citation to one part of an actor or event ("Cite this page"); a citation
 * with the same id on that part is replaced, so this also saves an edited quote or note.
 * In one transaction: the document must be live and the page within it, then the
 * whole record is validated with the citation in place, and saved with its derived
 * fields and `updatedAt` renewed. Issue paths are the citation's own ('page', 'quote',
 * 'documentId') when the citation is at fault, else the record's. Throws
 * RecordNotFoundError when the record or the part (by partId) does not exist.
 */
export async function addCitation(db: CasefileDb, target: CitationTarget, citation: Citation, now = Date.now()): Promise<Validated<Citation>> {
  const checked = validateWith(citationSchema, citation);
  if (!checked.ok) return checked;
  const value = checked.value;
  const upsert: CitationEdit = (list) =>
    list.some((c) => c.id === value.id) ? list.map((c) => (c.id === value.id ? value : c)) : [...list, value];

  return db.transaction('rw', db.actors, db.events, db.documents, async (): Promise<Validated<Citation>> => {
    const record = await loadRecord(db, target);
    const doc = await db.documents.get(value.documentId);
    if (!doc) return { ok: false, issues: [{ path: 'documentId', message: V.invalidId }] };
    if (value.page !== null && doc.extraction.pageCount > 0 && value.page > doc.extraction.pageCount) {
      return { ok: false, issues: [{ path: 'page', message: V.page }] };
    }
    const saved = await writeRecord(db, applyEdit(record, target, upsert), now);
    return saved.ok ? { ok: true, value } : saved;
  });
}

/**
 * Removes a citation from one part of a record, renewing derived fields and
 * `updatedAt`; false (and nothing written) when that part has no such citation.
 * Throws RecordNotFoundError when the record or the part does not exist.
 */
export async function removeCitation(db: CasefileDb, target: CitationTarget, citationId: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.actors, db.events, async () => {
    const record = await loadRecord(db, target);
    let found = false;
    const next = applyEdit(record, target, (list) => {
      found = list.some((c) => c.id === citationId);
      return list.filter((c) => c.id !== citationId);
    });
    if (!found) return false;
    // Removing a citation cannot make a valid record invalid; validating still guards stored legacy rows.
    return (await writeRecord(db, next, now)).ok;
  });
}

async function loadRecord(db: CasefileDb, target: CitationTarget): Promise<Actor | CaseEvent> {
  if (target.table === 'actors') {
    const row = await db.actors.get(target.id);
    if (row) return toActor(row);
  } else {
    const row = await db.events.get(target.id);
    if (row) return toEvent(row);
  }
  throw new RecordNotFoundError(target.table, target.id);
}

function applyEdit(record: Actor | CaseEvent, target: CitationTarget, edit: CitationEdit): Actor | CaseEvent {
  return isActor(record) ? editActor(record, target, edit) : editEvent(record, target, edit);
}

/** Validates the whole record and writes it with fresh derived fields, in the caller's transaction. */
async function writeRecord(db: CasefileDb, record: Actor | CaseEvent, now: number): Promise<Validated<Actor | CaseEvent>> {
  if (isActor(record)) {
    const checked = validateWith(actorSchema, { ...record, updatedAt: now });
    if (checked.ok) await db.actors.put(actorRow(checked.value));
    return checked;
  }
  const checked = validateWith(eventSchema, { ...record, updatedAt: now });
  if (checked.ok) await db.events.put(eventRow(checked.value));
  return checked;
}

function editActor(actor: Actor, target: CitationTarget, edit: CitationEdit): Actor {
  switch (target.part) {
    case 'actor': return { ...actor, citations: edit(actor.citations) };
    case 'name': return { ...actor, names: editPart(actor.names, target, edit) };
    case 'membership': return { ...actor, memberships: editPart(actor.memberships, target, edit) };
    case 'status': return { ...actor, statusHistory: editPart(actor.statusHistory, target, edit) };
    default: throw new RecordNotFoundError(`actors.${target.part}`, target.id);
  }
}

function editEvent(event: CaseEvent, target: CitationTarget, edit: CitationEdit): CaseEvent {
  switch (target.part) {
    case 'event': return { ...event, citations: edit(event.citations) };
    case 'participant': return { ...event, participants: editPart(event.participants, target, edit) };
    default: throw new RecordNotFoundError(`events.${target.part}`, target.id);
  }
}

function editPart<T extends { id: string; citations: Citation[] }>(parts: T[], target: CitationTarget, edit: CitationEdit): T[] {
  const partId = partIdOf(target);
  const index = parts.findIndex((p) => p.id === partId);
  if (index < 0) throw new RecordNotFoundError(`${target.table}.${target.part}`, partId ?? '');
  return parts.map((p, i) => (i === index ? { ...p, citations: edit(p.citations) } : p));
}
