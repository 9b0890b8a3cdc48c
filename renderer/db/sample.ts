import type { Actor, Case, CaseEvent, FieldIssue, Validated } from '../../shared/model';
import { actorSchema, caseSchema, eventSchema, validateWith } from '../../shared/model';
import { prefix } from './cases';
import type { CasefileDb } from './db';
import { actorRow, eventRow } from './derive';

export interface SampleCase {
  case: Case;
  actors: Actor[];
  events: CaseEvent[];
}

export interface SampleLoadResult {
  /** Records written now. */
  added: number;
  /** Records left as they were: already present (perhaps edited by the user) or in the trash. */
  kept: number;
}

/**
 * Loads the sample case in one transaction after validating every record (issue
 * paths read `actors.3.names.0.name`). Idempotent by id: a record that already
 * exists is kept as the user has it, and one the user deleted stays in the trash
 * (restore brings it back), so loading twice neither duplicates nor overwrites.
 */
export async function loadSampleCase(db: CasefileDb, sample: SampleCase, now = Date.now()): Promise<Validated<SampleLoadResult>> {
  const issues: FieldIssue[] = [];
  const collect = <T>(head: string, result: Validated<T>): T | null => {
    if (result.ok) return result.value;
    issues.push(...result.issues.map((i) => ({ ...i, path: prefix(head, i.path) })));
    return null;
  };
  const stamp = <T extends { createdAt: number; updatedAt: number }>(r: T): T => ({ ...r, createdAt: now, updatedAt: now });
  const caseRecord = collect('case', validateWith(caseSchema, sample.case));
  const actors = sample.actors.map((a, i) => collect(`actors.${i}`, validateWith(actorSchema, a)));
  const events = sample.events.map((e, i) => collect(`events.${i}`, validateWith(eventSchema, e)));
  if (issues.length > 0 || !caseRecord) return { ok: false, issues };
  const validActors = actors.filter((a): a is Actor => a !== null).map(stamp);
  const validEvents = events.filter((e): e is CaseEvent => e !== null).map(stamp);

  const result = await db.transaction('rw', [db.cases, db.actors, db.events, db.trash], async () => {
    const allIds = [caseRecord.id, ...validActors.map((a) => a.id), ...validEvents.map((e) => e.id)];
    const [caseHit, actorHits, eventHits, trashHits] = await Promise.all([
      db.cases.get(caseRecord.id),
      db.actors.bulkGet(validActors.map((a) => a.id)),
      db.events.bulkGet(validEvents.map((e) => e.id)),
      db.trash.bulkGet(allIds),
    ]);
    const taken = new Set<string>(trashHits.flatMap((t) => (t ? [t.id] : [])));
    if (caseHit) taken.add(caseHit.id);
    for (const hit of [...actorHits, ...eventHits]) if (hit) taken.add(hit.id);

    const newActors = validActors.filter((a) => !taken.has(a.id));
    const newEvents = validEvents.filter((e) => !taken.has(e.id));
    const addCase = !taken.has(caseRecord.id);
    if (addCase) await db.cases.add(stamp(caseRecord));
    await db.actors.bulkAdd(newActors.map(actorRow));
    await db.events.bulkAdd(newEvents.map(eventRow));
    const added = newActors.length + newEvents.length + (addCase ? 1 : 0);
    return { added, kept: allIds.length - added };
  });
  return { ok: true, value: result };
}
