// From the user's choices on a merge plan (merge.ts) to the exact set of rows an import writes
// (docs/bundle-format.md, "Import: merge"). Pure, like the plan.
import type { SourceDocument } from '../model';
import { DOCUMENT_COMPARED, keepBothId, recordKey } from './merge';
import type { IncomingRecords, LocalRecords, MergeChoice, MergeKind, MergePlan, PlanItem, TrashedVersion, WriteSet } from './merge';
import { resolveNameRules } from './mergeNameRules';
import { remapActor, remapCase, remapDocument, remapEvent, to } from './remap';

/**
 * The rows an import writes for the user's choices (a missing choice is 'mine'; 'both' on a
 * document, which cannot be stored twice, is 'mine' too). `now` stamps changed local rows;
 * `newId` names the trash entries of replaced versions.
 */
export function resolveMerge(
  plan: MergePlan, incoming: IncomingRecords, local: LocalRecords, choices: Readonly<Record<string, MergeChoice>>,
  now: number, newId: () => string,
): WriteSet {
  const items = new Map(plan.items.map((i) => [i.key, i]));
  const choiceOf = (item: PlanItem): MergeChoice | null => {
    if (item.status !== 'conflict' && item.status !== 'trashed') return null;
    const c = choices[item.key] ?? 'mine';
    return item.choices.includes(c) ? c : 'mine';
  };
  // Final id of every incoming record: automatic rewrites, plus kept-both copies.
  const map = new Map(plan.remap);
  const recordOf = recordFinder(incoming);
  for (const item of plan.items) {
    if (choiceOf(item) === 'both') map.set(item.id, keepBothId(item.kind, recordOf(item)));
  }
  const out: WriteSet = {
    cases: [], actors: [], events: [], documents: [], pages: [], ocrPages: [], fileShas: [], trash: [], trashRemoved: [], nameRules: [],
    counts: { added: 0, replaced: 0, keptBoth: 0, unchanged: 0, filesAdded: 0, restored: 0, keptInTrash: 0, ocrPages: 0 }, caseId: to(map, incoming.caseId),
  };
  const written = new Set<string>();

  const handle = <T extends { id: string; createdAt: number; updatedAt: number; caseIds?: string[] }>(
    kind: MergeKind, records: readonly T[], remapped: (r: T) => T, localOf: (id: string) => T | undefined,
    table: TrashedVersion['table'], titleOf: (r: T) => string, push: (r: T) => void, replace: (mine: T, theirs: T) => T,
  ): void => {
    for (const r of records) {
      const item = items.get(recordKey(kind, r.id))!;
      const theirs = remapped(r);
      if (written.has(`${kind}:${theirs.id}`)) { out.counts.unchanged++; continue; }
      const choice = choiceOf(item);
      const mine = item.localId ? localOf(item.localId) : undefined;
      if (item.status === 'trashed') {
        // Kept in the Trash: nothing is written. Restored: the bundle's version goes live, and the
        // Trash's own version, when it differs, stays in the Trash under a new id (nothing lost).
        if (choice !== 'theirs') { out.counts.keptInTrash++; continue; }
        const trashed = local.trashed!.get(r.id)!;
        written.add(`${kind}:${theirs.id}`);
        push(theirs);
        out.trashRemoved.push(r.id);
        if (item.diffs.length > 0) out.trash.push({ ...trashed, record: { ...trashed.record, id: newId() } } as TrashedVersion);
        out.counts.restored++;
        continue;
      }
      if (item.status === 'new' || choice === 'both') {
        written.add(`${kind}:${theirs.id}`);
        push(theirs);
        if (choice === 'both') out.counts.keptBoth++;
        else out.counts.added++;
      } else if (choice === 'theirs' && mine) {
        written.add(`${kind}:${mine.id}`);
        push({ ...replace(mine, theirs), id: mine.id, createdAt: mine.createdAt, updatedAt: now, ...withCases(mine, theirs) });
        out.trash.push({ table, record: { ...mine, id: newId() }, title: titleOf(mine) } as unknown as TrashedVersion);
        out.counts.replaced++;
      } else if (mine) {
        // Identical, or the user keeps theirs: only case membership may grow.
        const cases = withCases(mine, theirs);
        if (cases.caseIds && cases.caseIds.length !== (mine.caseIds ?? []).length) {
          written.add(`${kind}:${mine.id}`);
          push({ ...mine, ...cases, updatedAt: now });
        }
        out.counts.unchanged++;
      }
    }
  };

  handle('case', incoming.cases, (c) => remapCase(c, map), (id) => local.cases.get(id), 'cases', (c) => c.name, (c) => out.cases.push(c), (_m, t) => t);
  handle('actor', incoming.actors, (a) => remapActor(a, map), (id) => local.actors.get(id), 'actors', (a) => a.name, (a) => out.actors.push(a), (_m, t) => t);
  handle('event', incoming.events, (e) => remapEvent(e, map), (id) => local.events.get(id), 'events', (e) => e.title, (e) => out.events.push(e), (_m, t) => t);
  out.nameRules = resolveNameRules(incoming.nameRules ?? [], local.nameRules ?? new Map(), (actorId) => {
    const item = items.get(recordKey('actor', actorId));
    if (!item) return null;
    const choice = choiceOf(item);
    const mode = item.status === 'new' || choice === 'both' ? 'add' : choice === 'theirs' ? 'replace' : 'fill';
    return { finalId: to(map, actorId), mode };
  });
  const newDocs = new Set<string>();
  handle('document', incoming.documents, (d) => remapDocument(d, map), (id) => local.documents.get(id), 'documents', (d) => d.title,
    (d) => {
      out.documents.push(d);
      if (!local.documents.has(d.id)) newDocs.add(d.id);
    },
    // Theirs for a document: what a person edits; the file and its extraction stay the local ones.
    (mine, theirs) => {
      const next: Record<string, unknown> = { ...mine };
      for (const f of DOCUMENT_COMPARED) next[f] = (theirs as unknown as Record<string, unknown>)[f];
      return next as unknown as SourceDocument;
    });

  // Page texts of the documents added now (a second copy of a file within the bundle brings none).
  const firstOfFile = new Map<string, string>();
  for (const d of incoming.documents) if (!firstOfFile.has(to(map, d.id))) firstOfFile.set(to(map, d.id), d.id);
  for (const p of incoming.pages) {
    const id = to(map, p.documentId);
    if (newDocs.has(id) && firstOfFile.get(id) === p.documentId) out.pages.push({ documentId: id, pages: p.pages });
  }
  // OCR for documents held by their file: pages with no text of their own always; the others when the user takes theirs.
  out.ocrPages = [...plan.ocr.adds, ...plan.ocr.decisions.flatMap((d) => (choices[d.key] === 'theirs' ? d.writes : []))];
  out.counts.ocrPages = out.ocrPages.length;

  const shas = new Set(out.documents.filter((d) => newDocs.has(d.id)).map((d) => d.sha256));
  out.fileShas = [...shas].filter((s) => !local.fileShas.has(s));
  out.counts.filesAdded = out.fileShas.length;
  return out;
}

function withCases<T extends { caseIds?: string[] }>(mine: T, theirs: T): Partial<T> {
  if (!mine.caseIds) return {};
  const all = [...mine.caseIds];
  for (const c of theirs.caseIds ?? []) if (!all.includes(c)) all.push(c);
  return { caseIds: all } as Partial<T>;
}

/** The incoming record of a plan item; the lists are indexed by id on first use (many 'both' choices stay linear). */
function recordFinder(incoming: IncomingRecords): (item: PlanItem) => { id: string } {
  const byKind = new Map<MergeKind, Map<string, { id: string }>>();
  return (item) => {
    let index = byKind.get(item.kind);
    if (!index) {
      const list: readonly { id: string }[] = item.kind === 'case' ? incoming.cases : item.kind === 'actor' ? incoming.actors
        : item.kind === 'event' ? incoming.events : incoming.documents;
      index = new Map();
      // The first record of an id wins, as Array.find did.
      for (const r of list) if (!index.has(r.id)) index.set(r.id, r);
      byKind.set(item.kind, index);
    }
    return index.get(item.id)!;
  };
}

