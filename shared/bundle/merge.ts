import type { SourceDocument } from '../model';
import { DOCUMENT_EDITABLE_FIELDS } from '../model';
import { sha256Hex, utf8 } from './bytes';
import { canonicalJson, sameValue } from './canonicalJson';
import type { Names } from './diffRecords';
import { diffRecords } from './diffRecords';
import type { FieldDiff } from './diffText';
import { remapActor, remapCase, remapDocument, remapEvent, to } from './remap';
import { planOcr } from './mergeOcr';

/**
 * The merge plan of an import, pure (docs/bundle-format.md, "Import: merge"): compares a
 * bundle's records with the local records of the same ids, says per record whether it is
 * new, identical or in conflict (with the differing fields as display text), and turns the
 * user's choices into the exact set of rows to write (mergeWrites.ts). No I/O, no clock, no randomness:
 * renderer/bundle/apply.ts reads the local records and writes the result in one transaction.
 *
 * Rules, in short:
 * - "Identical" ignores bookkeeping: `createdAt`, `updatedAt` and `caseIds` (case membership
 *   is merged, never replaced: an imported record always ends up in the bundle's cases and
 *   keeps the local ones). A document is compared on what a person edits (title, author, …,
 *   file name); its file, size and extraction come from the same bytes and are not compared.
 * - A document whose SHA-256 the library already holds is that local document (under the
 *   local id; citations in the bundle are rewritten to it). The file is never stored twice.
 * - mine: the local record stays as it is. theirs: the incoming record replaces it (keeping
 *   the local `createdAt`); the replaced version goes to the trash under a new id, so restoring
 *   it brings it back beside the imported one. both: the incoming record is added under a
 *   new id derived from its content, so keeping both twice does not add it twice.
 * - References: every incoming record that is written has its references (citations,
 *   memberships, participants, fatality sides, related events, cases) rewritten to where the
 *   referenced incoming record went (a kept-both copy, or the local document with the same
 *   file). Local records are never rewritten, except that case membership is added.
 */

export type { FieldDiff } from './diffText';
export type { MergeKind, MergeStatus, MergeChoice, IncomingRecords, LocalRecords, LookupKeys, PlanItem, MergePlan, TrashedVersion, WriteSet } from './mergeTypes';
import type { IncomingRecords, LocalRecords, LookupKeys, MergeKind, MergePlan, PlanItem, TrashedVersion } from './mergeTypes';

const KINDS: readonly MergeKind[] = ['case', 'actor', 'event', 'document'];
const TABLE_OF: Readonly<Record<MergeKind, TrashedVersion['table']>> = { case: 'cases', actor: 'actors', event: 'events', document: 'documents' };
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'caseIds']);
export const DOCUMENT_COMPARED: readonly string[] = [...DOCUMENT_EDITABLE_FIELDS.filter((f) => f !== 'caseIds'), 'fileName'];

export const recordKey = (kind: MergeKind, id: string): string => `${kind}:${id}`;

/** The fields that decide "identical" for a kind. */
function comparable(kind: MergeKind, record: object): Record<string, unknown> {
  const r = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (kind === 'document') {
    for (const f of DOCUMENT_COMPARED) out[f] = r[f];
    return out;
  }
  for (const k of Object.keys(r)) if (!IGNORED.has(k)) out[k] = r[k];
  return out;
}

/** A UUID (version 8, "custom") from a SHA-256: the same input always names the same copy. */
export function derivedId(...parts: string[]): string {
  const h = sha256Hex(utf8(parts.join('\u0000')));
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** derivedId's shape: a UUID of version 8. Only an id of this shape can be a kept-both copy. */
const DERIVED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const isDerivedId = (id: unknown): boolean => typeof id === 'string' && DERIVED_ID.test(id);

/** Whether any of these ids could be a kept-both copy (when none is, no record's copy id need be worked out). */
export function anyDerivedId(ids: Iterable<unknown>): boolean {
  for (const id of ids) if (isDerivedId(id)) return true;
  return false;
}

const keepBothIds = new WeakMap<object, string>();

/**
 * The id an incoming record gets when the user keeps both: derived from its kind, id and
 * content. Remembered per record object: the preview and the import ask for the same records
 * (incoming records are never modified here; rewrites make copies).
 */
export function keepBothId(kind: MergeKind, record: { id: string }): string {
  let id = keepBothIds.get(record);
  if (id === undefined) {
    id = derivedId('casefile-keep-both', kind, record.id, canonicalJson(comparable(kind, record)));
    keepBothIds.set(record, id);
  }
  return id;
}

const movedIds = new WeakMap<object, string>();

/** The id an incoming document gets when its id is taken locally by another file (remembered per record, like keepBothId). */
function movedDocumentId(doc: SourceDocument): string {
  let id = movedIds.get(doc);
  if (id === undefined) {
    id = derivedId('casefile-document-id-taken', doc.id, doc.sha256);
    movedIds.set(doc, id);
  }
  return id;
}

/**
 * The live local document an incoming one is, by its file: the one with its id when that holds
 * the same file (two records may share a file since a Trash restore kept both), else the
 * library's record of that file.
 */
export function localDocumentOf(local: Pick<LocalRecords, 'documents' | 'documentIdBySha'>, d: SourceDocument): string | undefined {
  return local.documents.get(d.id)?.sha256 === d.sha256 ? d.id : local.documentIdBySha.get(d.sha256);
}

/**
 * Which local records the plan must see: each incoming record's id and its kept-both copy's.
 * `keptBoth` names the kinds whose local table may hold such a copy (some id there has
 * derivedId's shape); for the others the copies' ids, a SHA-256 of each record's content, are
 * not worked out, since none of them can be there. Without it, every kind's are.
 */
export function lookupKeys(incoming: IncomingRecords, opts: { keptBoth?: ReadonlySet<MergeKind> } = {}): LookupKeys {
  const keys = <T extends { id: string }>(kind: MergeKind, records: readonly T[]): string[] =>
    !opts.keptBoth || opts.keptBoth.has(kind) ? records.flatMap((r) => [r.id, keepBothId(kind, r)]) : records.map((r) => r.id);
  return {
    cases: keys('case', incoming.cases),
    actors: keys('actor', incoming.actors),
    events: keys('event', incoming.events),
    documents: incoming.documents.flatMap((d) => [d.id, movedDocumentId(d)]),
    shas: [...new Set(incoming.documents.map((d) => d.sha256))],
  };
}

// ---- the plan ---------------------------------------------------------------------------

interface Incoming<T> { kind: MergeKind; record: T; label: string }

export function planMerge(incoming: IncomingRecords, local: LocalRecords): MergePlan {
  const remap = new Map<string, string>();
  const items: PlanItem[] = [];
  const files = { new: 0, alreadyPresent: 0, newBytes: 0 };

  // Documents first: their matches by file decide where citations point.
  const byFile = new Map<string, string>();
  /** A second copy of a file within the bundle: it becomes the first one (the store holds a file once). */
  const sameAsEarlier = new Set<string>();
  for (const d of incoming.documents) {
    const sameFile = localDocumentOf(local, d);
    const earlier = byFile.get(d.sha256);
    if (earlier === undefined) {
      if (local.fileShas.has(d.sha256)) files.alreadyPresent++;
      else { files.new++; files.newBytes += d.byteLength; }
    }
    let id: string;
    if (sameFile !== undefined) id = sameFile;
    else if (earlier !== undefined) { id = earlier; sameAsEarlier.add(d.id); }
    else {
      const taken = local.documents.get(d.id)?.sha256 ?? local.trashedDocumentShas?.get(d.id);
      id = taken !== undefined && taken !== d.sha256 ? movedDocumentId(d) : d.id;
    }
    if (earlier === undefined) byFile.set(d.sha256, id);
    if (id !== d.id) remap.set(d.id, id);
  }
  const docRemap = new Map(remap);
  // Records kept both by an earlier import of this same version: that copy is this record.
  const copies = <T extends { id: string }>(kind: MergeKind, records: readonly T[], have: ReadonlyMap<string, unknown>) => {
    // A copy's id has derivedId's shape: where no local record's has, no copy is here (and no
    // record's content need be hashed to know it).
    if (!anyDerivedId(have.keys())) return;
    for (const r of records) {
      const copy = keepBothId(kind, r);
      if (have.has(copy)) remap.set(r.id, copy);
    }
  };
  copies('case', incoming.cases, local.cases);
  copies('actor', incoming.actors, local.actors);
  copies('event', incoming.events, local.events);

  const names = nameResolver(incoming, local);
  /**
   * `prepared` has every automatic rewrite applied; `plain` only the documents' ones. A record an
   * earlier import left as it was still points to the local originals of records kept both then,
   * so matching either counts as identical.
   */
  const compare = <T extends { id: string }>(entry: Incoming<T>, prepared: T, plain: T, found: T | undefined, localId: string | null): void => {
    const key = recordKey(entry.kind, entry.record.id);
    // The fields that differ from a local version, as display text (none: identical).
    const differences = (mine: object): FieldDiff[] => {
      const ours = comparable(entry.kind, mine);
      return sameValue(ours, comparable(entry.kind, { ...plain, id: (mine as { id: string }).id })) ? []
        : diffRecords(entry.kind, ours, comparable(entry.kind, prepared), names, sameValue);
    };
    const base = { key, kind: entry.kind, id: entry.record.id, label: entry.label, localId };
    if (!found) {
      // Only in the local Trash (under the same id, not moved): shown as such, and the user decides.
      const trashed = localId === entry.record.id || localId === null ? local.trashed?.get(entry.record.id) : undefined;
      if (trashed && TABLE_OF[entry.kind] === trashed.table && !(entry.kind === 'document' && to(remap, entry.record.id) !== entry.record.id)) {
        const diffs = differences(trashed.record);
        items.push({ ...base, localId: null, status: 'trashed', diffs, choices: ['mine', 'theirs'] });
        return;
      }
      items.push({ ...base, localId: null, status: 'new', diffs: [], choices: [] });
      return;
    }
    const diffs = differences(found);
    if (diffs.length === 0) items.push({ ...base, status: 'identical', diffs: [], choices: [] });
    else items.push({ ...base, status: 'conflict', diffs, choices: entry.kind === 'document' ? ['mine', 'theirs'] : ['mine', 'theirs', 'both'] });
  };

  for (const c of incoming.cases) {
    const id = to(remap, c.id);
    compare({ kind: 'case', record: c, label: c.name }, remapCase(c, remap), remapCase(c, docRemap), local.cases.get(id), id);
  }
  for (const a of incoming.actors) {
    const id = to(remap, a.id);
    compare({ kind: 'actor', record: a, label: a.name }, remapActor(a, remap), remapActor(a, docRemap), local.actors.get(id), id);
  }
  for (const e of incoming.events) {
    const id = to(remap, e.id);
    compare({ kind: 'event', record: e, label: e.title }, remapEvent(e, remap), remapEvent(e, docRemap), local.events.get(id), id);
  }
  for (const d of incoming.documents) {
    const id = to(remap, d.id);
    const prepared = remapDocument(d, remap);
    if (sameAsEarlier.has(d.id)) {
      items.push({ key: recordKey('document', d.id), kind: 'document', id: d.id, label: d.title, status: 'identical', localId: id, diffs: [], choices: [] });
      continue;
    }
    const found = local.documentIdBySha.has(d.sha256) ? local.documents.get(id) : undefined;
    compare({ kind: 'document', record: d, label: d.title }, prepared, prepared, found, found ? id : null);
  }

  const ocr = planOcr(incoming.documents, incoming.pages, (d) => localDocumentOf(local, d), local.pages ?? new Map());
  for (const d of ocr.decisions) {
    items.push({ key: d.key, kind: 'document', id: d.incomingId, label: d.label, status: 'conflict', localId: d.documentId, diffs: d.diffs, choices: ['mine', 'theirs'], aspect: 'ocr' });
  }

  const summary = Object.fromEntries(KINDS.map((k) => [k, { new: 0, identical: 0, conflict: 0, trashed: 0 }])) as MergePlan['summary'];
  for (const item of items) if (!item.aspect) summary[item.kind][item.status]++;
  return { caseId: incoming.caseId, items, remap, files, summary, ocr };
}

// ---- field differences as display text ---------------------------------------------------------

function nameResolver(incoming: IncomingRecords, local: LocalRecords): Names {
  const names = new Map<string, string>();
  for (const c of local.cases.values()) names.set(c.id, c.name);
  for (const a of local.actors.values()) names.set(a.id, a.name);
  for (const e of local.events.values()) names.set(e.id, e.title);
  for (const d of local.documents.values()) names.set(d.id, d.title);
  for (const c of incoming.cases) if (!names.has(c.id)) names.set(c.id, c.name);
  for (const a of incoming.actors) if (!names.has(a.id)) names.set(a.id, a.name);
  for (const e of incoming.events) if (!names.has(e.id)) names.set(e.id, e.title);
  for (const d of incoming.documents) if (!names.has(d.id)) names.set(d.id, d.title);
  return (id) => names.get(id) ?? `#${id.slice(0, 8)}`;
}
