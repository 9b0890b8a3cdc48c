import type { Actor, Case, CaseEvent, Validated } from '../../shared/model';
import { caseIdsSchema, caseSchema, validateWith } from '../../shared/model';
import { sortKey } from '../../shared/text/fold';
import type { CasefileDb } from './db';
import { actorRow, cmp, eventRow, toActor, toEvent } from './derive';
import { moveToTrash } from './trash';

export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(readonly table: string, readonly id: string) {
    super(`No record ${id} in ${table}`);
  }
}

export async function saveCase(db: CasefileDb, record: Case, now = Date.now()): Promise<Validated<Case>> {
  const checked = validateWith(caseSchema, record);
  if (!checked.ok) return checked;
  const value = checked.value;
  const saved = await db.transaction('rw', db.cases, async () => {
    const existing = await db.cases.get(value.id);
    const next: Case = { ...value, createdAt: existing?.createdAt ?? value.createdAt, updatedAt: now };
    await db.cases.put(next);
    return next;
  });
  return { ok: true, value: saved };
}

/** All cases by name, accent- and case-insensitively. Cases are few; sorting here is cheap. */
export async function listCases(db: CasefileDb): Promise<Case[]> {
  const all = await db.cases.toArray();
  return all.sort((a, b) => cmp(sortKey(a.name), sortKey(b.name)) || cmp(a.id, b.id));
}

export async function getCase(db: CasefileDb, id: string): Promise<Case | undefined> {
  return db.cases.get(id);
}

/**
 * Moves the case to the trash. Records keep its id in their caseIds, so restoring
 * the case brings it back whole; meanwhile listCases no longer shows it.
 */
export async function deleteCase(db: CasefileDb, id: string, now = Date.now()): Promise<boolean> {
  return moveToTrash(db, 'cases', id, now);
}

/** Replaces the cases an actor or event belongs to. Throws RecordNotFoundError if it is gone. */
export async function setRecordCases(
  db: CasefileDb,
  table: 'actors' | 'events',
  id: string,
  caseIds: readonly string[],
  now = Date.now(),
): Promise<Validated<string[]>> {
  const checked = validateWith(caseIdsSchema, [...new Set(caseIds)]);
  if (!checked.ok) return { ok: false, issues: checked.issues.map((i) => ({ ...i, path: prefix('caseIds', i.path) })) };
  const next = checked.value;
  await db.transaction('rw', db.actors, db.events, async () => {
    if (table === 'actors') {
      const row = await db.actors.get(id);
      if (!row) throw new RecordNotFoundError(table, id);
      const record: Actor = { ...toActor(row), caseIds: next, updatedAt: now };
      await db.actors.put(actorRow(record));
    } else {
      const row = await db.events.get(id);
      if (!row) throw new RecordNotFoundError(table, id);
      const record: CaseEvent = { ...toEvent(row), caseIds: next, updatedAt: now };
      await db.events.put(eventRow(record));
    }
  });
  return { ok: true, value: next };
}

export function prefix(head: string, path: string): string {
  return path ? `${head}.${path}` : head;
}
