// Rewriting an incoming record's references to where the records it names went: a kept-both
// copy, or the local document holding the same file (merge.ts plans with it, mergeWrites.ts
// writes with it). Local records are never rewritten.
import type { Actor, Case, CaseEvent, Citation, SourceDocument } from '../model';

export type IdMap = ReadonlyMap<string, string>;
export const to = (map: IdMap, id: string): string => map.get(id) ?? id;
const toAll = (map: IdMap, ids: readonly string[]): string[] => [...new Set(ids.map((id) => to(map, id)))];
const cite = (map: IdMap, cs: readonly Citation[]): Citation[] => cs.map((c) => ({ ...c, documentId: to(map, c.documentId) }));

export function remapActor(a: Actor, map: IdMap): Actor {
  if (map.size === 0) return a;
  return {
    ...a,
    id: to(map, a.id),
    names: a.names.map((n) => ({ ...n, citations: cite(map, n.citations) })),
    memberships: a.memberships.map((m) => ({ ...m, groupId: to(map, m.groupId), citations: cite(map, m.citations) })),
    statusHistory: a.statusHistory.map((s) => ({ ...s, citations: cite(map, s.citations) })),
    citations: cite(map, a.citations),
    caseIds: toAll(map, a.caseIds),
  };
}

export function remapEvent(e: CaseEvent, map: IdMap): CaseEvent {
  if (map.size === 0) return e;
  return {
    ...e,
    id: to(map, e.id),
    fatalities: { ...e.fatalities, bySide: e.fatalities.bySide.map((s) => ({ ...s, actorId: s.actorId === null ? null : to(map, s.actorId) })) },
    participants: e.participants.map((p) => ({ ...p, actorId: to(map, p.actorId), citations: cite(map, p.citations) })),
    relatedEventIds: toAll(map, e.relatedEventIds),
    citations: cite(map, e.citations),
    caseIds: toAll(map, e.caseIds),
  };
}

export const remapDocument = (d: SourceDocument, map: IdMap): SourceDocument => (map.size === 0 ? d : { ...d, id: to(map, d.id), caseIds: toAll(map, d.caseIds) });
export const remapCase = (c: Case, map: IdMap): Case => (map.size === 0 ? c : { ...c, id: to(map, c.id) });

