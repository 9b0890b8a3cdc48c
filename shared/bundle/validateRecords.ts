import type { z } from 'zod';
import type { Actor, Case, CaseEvent, Citation, SourceDocument } from '../model';
import { V, actorSchema, caseSchema, documentSchema, eventSchema, validateWith } from '../model';
import { fromUtf8 } from './bytes';
import type { RecordIssue, RecordKind } from './manifest';
import { fail } from './manifest';
import type { BundleNameRule } from './nameRules';
import { bundleNameRuleSchema, nameRuleKey } from './nameRules';
import type { DocumentPages } from './pages';
import { documentPagesSchema, pagesTooLarge } from './pages';

/** Past this many issues the rest are dropped: the import is refused either way. */
const MAX_ISSUES = 500;

export class IssueList {
  readonly items: RecordIssue[] = [];
  add(issue: RecordIssue): void {
    if (this.items.length < MAX_ISSUES) this.items.push(issue);
  }
}

/** Parses an entry as JSON; bytes that are not UTF-8 JSON refuse the bundle. */
export function parseJson(entry: string, bytes: Uint8Array): unknown {
  const text = fromUtf8(bytes);
  try {
    if (text === null) throw new Error('not UTF-8');
    return JSON.parse(text) as unknown;
  } catch {
    return fail('invalid-json', `"${entry}" is not valid JSON text; the bundle is damaged.`, { entry });
  }
}

const idOf = (value: unknown, index: number): string =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : `#${index}`;

/** Validates every record of one kind against its schema, collecting issues instead of stopping at the first. */
export function validateRecords<T extends { id: string }>(kind: RecordKind, entry: string, schema: z.ZodType<T>, input: unknown, issues: IssueList): T[] {
  if (!Array.isArray(input)) {
    issues.add({ kind, id: '', entry, path: '', message: 'bundle.notAList' });
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  input.forEach((item, index) => {
    const result = validateWith(schema, item);
    if (!result.ok) {
      for (const issue of result.issues) issues.add({ kind, id: idOf(item, index), entry, ...issue });
      return;
    }
    if (seen.has(result.value.id)) issues.add({ kind, id: result.value.id, entry, path: 'id', message: V.duplicate });
    seen.add(result.value.id);
    out.push(result.value);
  });
  return out;
}

/**
 * Ids are unique across kinds, not only within one: the trash and the citation targets key
 * records by id alone, so an event sharing an actor's id could later overwrite it there.
 */
export function checkIdsAcrossKinds(lists: readonly (readonly [RecordKind, string, readonly { id: string }[]])[], issues: IssueList): void {
  const owner = new Map<string, RecordKind>();
  for (const [kind, entry, records] of lists) {
    for (const { id } of records) {
      const first = owner.get(id);
      if (first !== undefined && first !== kind) issues.add({ kind, id, entry, path: 'id', message: V.duplicate });
      else owner.set(id, kind);
    }
  }
}

export const validateCases = (entry: string, input: unknown, issues: IssueList): Case[] => validateRecords('case', entry, caseSchema, input, issues);
export const validateActors = (entry: string, input: unknown, issues: IssueList): Actor[] => validateRecords('actor', entry, actorSchema, input, issues);
export const validateEvents = (entry: string, input: unknown, issues: IssueList): CaseEvent[] => validateRecords('event', entry, eventSchema, input, issues);
export const validateDocuments = (entry: string, input: unknown, issues: IssueList): SourceDocument[] => validateRecords('document', entry, documentSchema, input, issues);

export function validatePages(entry: string, documentId: string, input: unknown, issues: IssueList): DocumentPages | null {
  const over = pagesTooLarge(input);
  if (over !== null) {
    issues.add({ kind: 'pages', id: documentId, entry, path: over, message: 'bundle.tooLarge' });
    return null;
  }
  const result = validateWith(documentPagesSchema, input);
  if (!result.ok) {
    for (const issue of result.issues) issues.add({ kind: 'pages', id: documentId, entry, ...issue });
    return null;
  }
  if (result.value.documentId !== documentId) {
    issues.add({ kind: 'pages', id: documentId, entry, path: 'documentId', message: 'bundle.pagesNameMismatch' });
    return null;
  }
  return result.value;
}

/**
 * The name-matching rules (format 3): each valid, none twice (by the key the library stores
 * it under), each for an actor the bundle carries: a rule travels with its actor, and the
 * writer never puts in one for an actor it leaves out.
 */
export function validateNameRules(entry: string, input: unknown, actorIds: ReadonlySet<string>, errors: IssueList, broken: IssueList): BundleNameRule[] {
  if (!Array.isArray(input)) {
    errors.add({ kind: 'nameRule', id: '', entry, path: '', message: 'bundle.notAList' });
    return [];
  }
  const out: BundleNameRule[] = [];
  const seen = new Set<string>();
  input.forEach((item, index) => {
    const result = validateWith(bundleNameRuleSchema, item);
    const actorId = typeof item === 'object' && item !== null && typeof (item as { actorId?: unknown }).actorId === 'string' ? (item as { actorId: string }).actorId : `#${index}`;
    if (!result.ok) {
      for (const issue of result.issues) errors.add({ kind: 'nameRule', id: actorId, entry, ...issue, path: `${index}${issue.path ? `.${issue.path}` : ''}` });
      return;
    }
    const key = nameRuleKey(result.value);
    if (seen.has(key)) errors.add({ kind: 'nameRule', id: actorId, entry, path: `${index}`, message: V.duplicate });
    else if (!actorIds.has(actorId)) broken.add({ kind: 'nameRule', id: actorId, entry, path: `${index}.actorId`, message: 'bundle.missingActor' });
    else out.push(result.value);
    seen.add(key);
  });
  return out;
}

interface Located { path: string; citations: readonly Citation[] }

function actorCitations(a: Actor): Located[] {
  return [
    { path: 'citations', citations: a.citations },
    ...a.names.map((n, i) => ({ path: `names.${i}.citations`, citations: n.citations })),
    ...a.memberships.map((m, i) => ({ path: `memberships.${i}.citations`, citations: m.citations })),
    ...a.statusHistory.map((s, i) => ({ path: `statusHistory.${i}.citations`, citations: s.citations })),
  ];
}

function eventCitations(e: CaseEvent): Located[] {
  return [
    { path: 'citations', citations: e.citations },
    ...e.participants.map((p, i) => ({ path: `participants.${i}.citations`, citations: p.citations })),
  ];
}

export interface ReferenceInput {
  cases: readonly Case[];
  actors: readonly Actor[];
  events: readonly CaseEvent[];
  documents: readonly SourceDocument[];
  entries: { actors: string; events: string; documents: string };
}

/**
 * Cross-record references. A citation to a document that is not in the bundle is an
 * error: provenance is the point of the product, and the writer always includes cited
 * documents. Links between actors, events and cases that point outside the bundle are
 * warnings: the importer may already hold those records, and the merge step resolves them.
 */
export function checkReferences(input: ReferenceInput, errors: IssueList, warnings: IssueList): void {
  const documentIds = new Set(input.documents.map((d) => d.id));
  const actorIds = new Set(input.actors.map((a) => a.id));
  const eventIds = new Set(input.events.map((e) => e.id));
  const caseIds = new Set(input.cases.map((c) => c.id));
  const citing = (kind: RecordKind, id: string, entry: string, located: Located[]): void => {
    for (const { path, citations } of located) {
      citations.forEach((c, i) => {
        if (!documentIds.has(c.documentId)) errors.add({ kind, id, entry, path: `${path}.${i}.documentId`, message: 'bundle.missingDocument' });
      });
    }
  };
  const warnIf = (missing: boolean, kind: RecordKind, id: string, entry: string, path: string, message: string): void => {
    if (missing) warnings.add({ kind, id, entry, path, message });
  };
  for (const a of input.actors) {
    const entry = input.entries.actors;
    citing('actor', a.id, entry, actorCitations(a));
    a.memberships.forEach((m, i) => warnIf(!actorIds.has(m.groupId), 'actor', a.id, entry, `memberships.${i}.groupId`, 'bundle.missingActor'));
    a.caseIds.forEach((c, i) => warnIf(!caseIds.has(c), 'actor', a.id, entry, `caseIds.${i}`, 'bundle.missingCase'));
  }
  for (const e of input.events) {
    const entry = input.entries.events;
    citing('event', e.id, entry, eventCitations(e));
    e.participants.forEach((p, i) => warnIf(!actorIds.has(p.actorId), 'event', e.id, entry, `participants.${i}.actorId`, 'bundle.missingActor'));
    e.fatalities.bySide.forEach((s, i) => warnIf(s.actorId !== null && !actorIds.has(s.actorId), 'event', e.id, entry, `fatalities.bySide.${i}.actorId`, 'bundle.missingActor'));
    e.relatedEventIds.forEach((r, i) => warnIf(!eventIds.has(r), 'event', e.id, entry, `relatedEventIds.${i}`, 'bundle.missingEvent'));
    e.caseIds.forEach((c, i) => warnIf(!caseIds.has(c), 'event', e.id, entry, `caseIds.${i}`, 'bundle.missingCase'));
  }
  for (const d of input.documents) {
    d.caseIds.forEach((c, i) => warnIf(!caseIds.has(c), 'document', d.id, input.entries.documents, `caseIds.${i}`, 'bundle.missingCase'));
  }
}
