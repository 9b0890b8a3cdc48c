import type { IncomingRecords, LocalRecords, MergeKind, TrashedVersion } from '../../shared/bundle/merge';
import { anyDerivedId, lookupKeys } from '../../shared/bundle/merge';
import type { Case } from '../../shared/model';
import type { CasefileDb } from '../db/db';
import { toActor, toDocument, toEvent } from '../db/derive';
import type { TrashTable } from '../db/trash';
import { readOcrPages } from './applyOcr';
import { ImportError } from './importError';

/**
 * The local records an import's plan is made against (renderer/bundle/apply.ts, at the preview
 * and again inside the import's transaction): the incoming records' own ids, their kept-both
 * copies', their files', what waits in the Trash, and the id-clash check before any of it.
 */

/** Above this many keys, a table's primary keys are read first (one request) and only those present are fetched. */
const PREFILTER_KEYS = 256;

interface KeyedTable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  toCollection(): { primaryKeys(): Promise<unknown[]> };
}

/** A table's primary keys, read at most once per plan: the id-clash check and the lookups share them. */
type PresentKeys = (table: KeyedTable<unknown>) => Promise<ReadonlySet<unknown>>;

function presentKeys(): PresentKeys {
  const read = new Map<KeyedTable<unknown>, Promise<ReadonlySet<unknown>>>();
  return (table) => {
    let keys = read.get(table);
    if (!keys) read.set(table, keys = table.toCollection().primaryKeys().then((k) => new Set(k)));
    return keys;
  };
}

/**
 * `table.bulkGet(keys)`, cheaper for many keys: IndexedDB answers one request per key, and
 * most keys of a large import are absent (new records, the kept-both ids no one made). One
 * getAllKeys over the table says which are present; only those are fetched. Same answer.
 */
async function getPresent<T>(table: KeyedTable<T>, keys: readonly string[], present: PresentKeys): Promise<T[]> {
  if (keys.length <= PREFILTER_KEYS) return (await table.bulkGet([...keys])).filter((r): r is T => r !== undefined);
  const have = await present(table as KeyedTable<unknown>);
  const wanted = [...new Set(keys.filter((k) => have.has(k)))];
  return wanted.length === 0 ? [] : (await table.bulkGet(wanted)).filter((r): r is T => r !== undefined);
}

/**
 * The kinds whose table may hold a kept-both copy of an incoming record, so that the copies'
 * ids (a SHA-256 of each record's content) are worked out only for them: a copy's id has
 * derivedId's shape, and a table none of whose ids has it holds no copy. A few records are
 * looked up by key anyway (no key read to save).
 */
async function kindsWithCopies(db: CasefileDb, incoming: IncomingRecords, present: PresentKeys): Promise<Set<MergeKind>> {
  const kinds = [['case', db.cases, incoming.cases.length], ['actor', db.actors, incoming.actors.length], ['event', db.events, incoming.events.length]] as const;
  const found = await Promise.all(kinds.map(async ([kind, table, count]) =>
    count > 0 && (count * 2 <= PREFILTER_KEYS || anyDerivedId(await present(table as unknown as KeyedTable<unknown>))) ? [kind] : []));
  return new Set(found.flat());
}

const KIND_WORD = { cases: 'case', actors: 'actor', events: 'event', documents: 'source' } as const;
const WITH_ARTICLE = { cases: 'a case', actors: 'an actor', events: 'an event', documents: 'a source' } as const;

/**
 * Ids are unique across tables (the trash and citation targets key records by id alone), so
 * an incoming record may not carry the id of a *different kind* of local record, live or in
 * the trash: a genuine bundle never does, and merging it would let one overwrite the other
 * there later. Refused before anything is written.
 */
async function assertNoIdClash(db: CasefileDb, incoming: IncomingRecords, present: PresentKeys): Promise<void> {
  const tableOf = new Map<string, TrashTable>();
  for (const c of incoming.cases) tableOf.set(c.id, 'cases');
  for (const a of incoming.actors) tableOf.set(a.id, 'actors');
  for (const e of incoming.events) tableOf.set(e.id, 'events');
  for (const d of incoming.documents) tableOf.set(d.id, 'documents');
  const ids = [...tableOf.keys()];
  const tables = [['cases', db.cases], ['actors', db.actors], ['events', db.events], ['documents', db.documents]] as const;
  const found = await Promise.all([
    ...tables.map(async ([name, table]) => {
      const rows = await getPresent<{ id: string }>(table as unknown as KeyedTable<{ id: string }>, ids.filter((id) => tableOf.get(id) !== name), present);
      return rows.map((r) => ({ id: r.id, local: name as TrashTable }));
    }),
    getPresent(db.trash, ids, present).then((entries) => entries.filter((t) => t.table !== tableOf.get(t.id)).map((t) => ({ id: t.id, local: t.table }))),
  ]);
  const clash = found.flat()[0];
  if (clash) {
    const theirs = WITH_ARTICLE[tableOf.get(clash.id)!];
    throw new ImportError('id-clash', `The bundle gives ${theirs} the id of a different ${KIND_WORD[clash.local]} in your library (${clash.id}). A genuine bundle never does this, so nothing was imported.`);
  }
}

/** Reads the local records a plan needs (call inside a transaction covering the record tables). */
export async function readLocal(db: CasefileDb, incoming: IncomingRecords): Promise<LocalRecords> {
  const present = presentKeys();
  await assertNoIdClash(db, incoming, present);
  const keys = lookupKeys(incoming, { keptBoth: await kindsWithCopies(db, incoming, present) });
  const [cases, actors, events, byId, bySha, fileShas, trashed] = await Promise.all([
    getPresent(db.cases, keys.cases, present),
    getPresent(db.actors, keys.actors, present),
    getPresent(db.events, keys.events, present),
    getPresent(db.documents, keys.documents, present),
    keys.shas.length ? db.documents.where('sha256').anyOf(keys.shas).toArray() : [],
    keys.shas.length ? db.documentFiles.where('sha256').anyOf(keys.shas).primaryKeys() : [],
    getPresent(db.trash, trashKeys(incoming), present),
  ]);
  const documents = new Map<string, ReturnType<typeof toDocument>>();
  for (const row of [...byId, ...bySha]) documents.set(row.id, toDocument(row));
  const documentIdBySha = new Map(bySha.map((r) => [r.sha256, r.id]));
  return {
    cases: new Map(cases.map((c): [string, Case] => [c.id, c])),
    actors: new Map(actors.map((r) => [r.id, toActor(r)] as const)),
    events: new Map(events.map((r) => [r.id, toEvent(r)] as const)),
    documents,
    documentIdBySha,
    fileShas: new Set(fileShas),
    trashedDocumentShas: new Map(trashed.flatMap((t) => (t.table === 'documents' ? [[t.id, t.record.sha256] as const] : []))),
    trashed: new Map(trashed.map((t) => [t.id, { table: t.table, record: t.record, title: t.title } as TrashedVersion])),
    pages: await readOcrPages(db, incoming, { documents, documentIdBySha }),
  };
}

/** Every incoming id: a record only in the local Trash is shown as such in the preview. */
const trashKeys = (incoming: IncomingRecords): string[] =>
  [...incoming.cases, ...incoming.actors, ...incoming.events, ...incoming.documents].map((r) => r.id);
