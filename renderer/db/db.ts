import Dexie from 'dexie';
import type { EntityTable, Table, Transaction } from 'dexie';
import { legacyPageState } from '../../shared/pdf/pageState';
import type { SourceDocument } from '../../shared/model';
import { repairCalendarDays, repairTimestamps } from '../../shared/model/repairDates';
import type { ActorRow, CaseRow, DocumentFileRow, DocumentRow, EventRow, PageRow } from './derive';
import { actorRow, documentRow, eventRow, toActor, toDocument, toEvent } from './derive';
import type { OcrJobRow } from './ocrJobs';
import type { SavedChart } from '../../shared/chart/savedChart';
import type { MentionDocRow, MentionNamesRow, NameRuleRow, PageMentionsRow, PendingMentionsRow } from './mentionTypes';
import type { TrashEntry } from './trash';
import type { InstalledDatabase } from './versionGuard';
import { ACTOR_COUNTS_KEY, countActorsByWalk, emptyCounts } from './actorCounts';
import { actorCountsMiddleware } from './actorCountsMiddleware';
import { DEXIE_VERSION_FACTOR, NewerDatabaseError, assertNotNewer } from './versionGuard';

export { NewerDatabaseError } from './versionGuard';

import { SCHEMA_VERSION } from './schemaVersion';

export { SCHEMA_VERSION } from './schemaVersion';

/**
 * A persisted search-index segment, or the search catalog (id CATALOG_ROW_ID). Owned by the
 * search worker (renderer/search/catalog.ts); `json` is the serialized segment as ONE string
 * (parsing a string is 2–3× faster than reading a structured-clone object).
 */
export interface SearchSegmentRow {
  id: string;
  /** 'records' | 'records-delta' | 'merged' | 'document:<id>' | 'catalog'. */
  kind: string;
  seq: number;
  formatVersion: number;
  analyzerVersion: number;
  /** The catalog row's state as JSON (segment rows of format 1 held lunr JSON here). */
  json?: string;
  /** Segment rows (format 2): JSON header (meta, side table, terms, layout)… */
  header?: string;
  /** …the typed arrays in one buffer… */
  data?: Uint8Array;
  /** …and pages segments' word positions, read by byte range for phrase checks. */
  positions?: Blob | null;
  /** The segment's meta (small, readable without parsing the header). */
  meta: unknown;
  updatedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Where Dexie finds IndexedDB; tests pass a fresh fake-indexeddb factory per test. */
export interface IndexedDbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class CasefileDb extends Dexie {
  declare actors: EntityTable<ActorRow, 'id'>;
  declare events: EntityTable<EventRow, 'id'>;
  declare cases: EntityTable<CaseRow, 'id'>;
  declare trash: EntityTable<TrashEntry, 'id'>;
  /** Document metadata only: listing documents never reads bytes or page text. */
  declare documents: EntityTable<DocumentRow, 'id'>;
  /** File bytes by content hash, apart from the metadata. */
  declare documentFiles: EntityTable<DocumentFileRow, 'sha256'>;
  declare pages: Table<PageRow, [string, number]>;
  declare meta: Table<MetaRow, string>;
  /** Search index segments, since version 3. Derived data: safe to clear, the worker rebuilds. */
  declare searchSegments: EntityTable<SearchSegmentRow, 'id'>;
  /** The OCR queue, since version 5: one row per document with pages to read (renderer/db/ocrJobs.ts). */
  declare ocrJobs: EntityTable<OcrJobRow, 'documentId'>;
  /**
   * Since version 10, derived by the mentions worker (safe to clear): one row per page naming
   * anyone, with every actor's mentions on it; `*actorIds` finds an actor's pages. Version 6
   * had one row per (page, actor) in `mentions`.
   */
  declare pageMentions: Table<PageMentionsRow, [string, number]>;
  /**
   * Since version 13, derived: a name edit's changed page rows, a few hundred pages to a row, which
   * readers merge over `pageMentions` (newest id last) until the worker folds them in.
   */
  declare pendingMentions: EntityTable<PendingMentionsRow, 'id'>;
  /** …what each document was scanned from (and its pages' word filters)… */
  declare mentionDocs: EntityTable<MentionDocRow, 'documentId'>;
  /** …and each actor's names as matched, with their proposed rules and source count. */
  declare mentionNames: EntityTable<MentionNamesRow, 'actorId'>;
  /** Since version 6: the user's match-rule overrides and family-name corrections (user data, kept). */
  declare nameRules: Table<NameRuleRow, string>;
  /** Since version 9: a case's named link charts (user data; renderer/db/charts.ts). */
  declare charts: EntityTable<SavedChart, 'id'>;
  readonly deps: IndexedDbDeps;

  /**
   * `durability` 'relaxed' is for connections that write only derived data (the mentions
   * worker): a write lost in a crash is rebuilt, and not flushing every transaction to disk
   * made the mentions build several times faster.
   */
  constructor(name: string, deps?: IndexedDbDeps, durability: 'strict' | 'relaxed' = 'strict') {
    super(name, { ...deps, chromeTransactionDurability: durability, autoOpen: false });
    this.deps = deps ?? { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange };

    // A shipped version is never edited. Change the schema by adding
    // `this.version(n).stores({...changed tables only}).upgrade(tx => ...)` that also
    // puts meta.schemaVersion = n, and raise SCHEMA_VERSION (see version 2 below).
    //
    // Index design (50k actors/events): compound indexes hand back ids already in
    // display order for the common single filters ([status+sortName] and friends);
    // multi-entry indexes answer membership/case/tag/word filters without scanning;
    // queries read primaryKeys() only and rows are fetched for the visible page.
    this.version(1).stores({
      actors:
        'id, sortName, updatedAt, [status+sortName], [status+updatedAt], [kind+sortName], [kind+updatedAt], ' +
        '*groupIds, *caseIds, *tags, *nameWords',
      // [undated+dateFrom+dateTo] sorts dated events by date with undated ones last
      // and answers "starts on or before X"; dateTo answers "ends on or after X".
      events: 'id, updatedAt, type, [undated+dateFrom+dateTo], dateTo, *actorIds, *caseIds, *tags, *titleWords',
      cases: 'id, name',
      trash: 'id, deletedAt, table',
      meta: 'key',
    });

    // Version 2: source documents (metadata, bytes and page text in three tables) and
    // `citedDocumentIds` on actors and events, so "which records cite this document"
    // is one index read. Only changed tables are listed; the others carry over.
    this.version(2)
      .stores({
        actors:
          'id, sortName, updatedAt, [status+sortName], [status+updatedAt], [kind+sortName], [kind+updatedAt], ' +
          '*groupIds, *caseIds, *tags, *nameWords, *citedDocumentIds',
        events: 'id, updatedAt, type, [undated+dateFrom+dateTo], dateTo, *actorIds, *caseIds, *tags, *titleWords, *citedDocumentIds',
        // &sha256: one row per file content, and the store itself refuses a second
        // one should two imports of the same file race.
        documents: 'id, &sha256, sortTitle, createdAt, updatedAt, extractionState, *caseIds, *titleWords',
        documentFiles: 'sha256',
        pages: '[documentId+page]',
      })
      .upgrade(upgradeToV2);

    // Version 3: the search worker's persisted index segments (derived data only, so the
    // upgrade creates the empty table and the worker builds the index from the records).
    this.version(3)
      .stores({ searchSegments: 'id, kind' })
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 3 });
      });

    // Version 4: pages are classified one by one. Each page row gets its `state`
    // (indexed, so OCR can find the pages that need it) and may carry `annotations`
    // (form-field and comment text); documents get the derived, indexed `textState` the
    // list filters on (and `extraction.textLayer`/`ocrPages` when next extracted).
    this.version(4)
      .stores({
        documents: 'id, &sha256, sortTitle, createdAt, updatedAt, extractionState, textState, *caseIds, *titleWords',
        pages: '[documentId+page], state',
      })
      .upgrade(upgradeToV4);

    // Version 5: the OCR queue. One row per document (its id is the key), `status` indexed so
    // the runner finds queued work and the UI counts it without reading every row. The backlog
    // (documents already waiting for OCR) is not written here: the runner enqueues documents
    // with pages needing OCR and no job when it starts (ensureOcrJobs), which also catches
    // documents that arrive by other paths (bundles).
    this.version(5)
      .stores({ ocrJobs: 'documentId, status, createdAt' })
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 5 });
      });

    // Version 6: mentions of actors in page text. `mentions` has one row per (document, page, actor): "mentions in document D" is
    // a primary-key range, "mentions of actor X" the [actorId+documentId+page] range. The
    // three mention* tables are derived (the worker fills them); `nameRules` is user data.
    this.version(6)
      .stores({
        mentions: '[documentId+page+actorId], [actorId+documentId+page]',
        mentionDocs: 'documentId',
        mentionNames: 'actorId, sources',
        nameRules: 'id, actorId',
      })
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 6 });
      });

    // Version 7: two document records may share one stored file. A document in the Trash
    // whose file is live under another record (the version an import replaced, or the file
    // added again) can come back beside it ("keep both", renderer/db/trash.ts). Adding a file
    // still finds the record that holds it first (addDocument), so the library never stores
    // bytes twice; the index only stops refusing a second record of the same file.
    this.version(7)
      .stores({ documents: 'id, sha256, sortTitle, createdAt, updatedAt, extractionState, textState, *caseIds, *titleWords' })
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 7 });
      });

    // Version 8: no new table. Dates stored
    // before the model checked calendar days (`2019-02-30` from a bundle) are brought back to
    // real days with the model's own check (shared/model/repairDates.ts), and timestamps no Date
    // can hold to the upgrade's time, in live records and in the trash, so every date the app
    // holds passes the validation the forms and the import use (else such a record could not be saved).
    this.version(8)
      .stores({})
      .upgrade(upgradeToV8);

    // Version 9: saved link charts, a case's named charts with their nodes and positions
    // (shared/chart/savedChart.ts). `caseId` lists a case's charts; the table starts empty.
    this.version(9)
      .stores({ charts: 'id, caseId, updatedAt' })
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 9 });
      });

    // Version 10: mentions stored one row per page instead of
    // one per (page, actor), a quarter of the rows to write (docs/mentions.md). The tables are
    // derived, so the old rows are dropped and what they were computed from is cleared: the
    // worker's next sync scans every document again. Rules (`nameRules`) are user data and stay.
    this.version(10)
      .stores({ mentions: null, pageMentions: '[documentId+page], *actorIds' })
      .upgrade(async (tx) => {
        await tx.table('mentionDocs').clear();
        await tx.table('mentionNames').clear();
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 10 });
      });

    // Version 11: how many actors there are, by status and by kind, in the meta row
    // 'actorCounts' (renderer/db/actorCounts.ts), kept by every write of an actor in its own
    // transaction (the middleware below), so that the actor list learns a filter's count from
    // one read instead of a walk of the index. Counted once here; an older build, which would
    // write actors without keeping it, refuses the database.
    this.version(11)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: ACTOR_COUNTS_KEY, value: await countActorsByWalk(tx.table('actors')) });
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 11 });
      });

    // Version 13 (12 is another branch's): a name edit's changed page rows written as a few large
    // rows (`pendingMentions`) that every reader merges over `pageMentions` until the mentions
    // worker folds them into the page rows (renderer/db/pendingMentions.ts). Derived, like the
    // page rows: nothing to carry over.
    this.version(13)
      .stores({ pendingMentions: 'id' })
      .upgrade(async (tx) => {
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 13 });
      });

    this.use(actorCountsMiddleware);

    // Written in the creating transaction, so a database always says which format
    // wrote it, even if a future build's native version numbering changes.
    this.on('populate', (tx) => {
      void tx.table('meta').put({ key: 'schemaVersion', value: SCHEMA_VERSION } satisfies MetaRow);
      void tx.table('meta').put({ key: ACTOR_COUNTS_KEY, value: emptyCounts() } satisfies MetaRow);
    });
  }
}

/**
 * Recomputes every actor's and event's derived fields, which adds `citedDocumentIds`.
 * It runs the current derive code on rows a v1 build wrote; a later version that
 * changes the record model must migrate the rows itself before deriving again.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx.table<ActorRow, string>('actors').toCollection().modify((row, ref) => {
    ref.value = actorRow(toActor(row));
  });
  await tx.table<EventRow, string>('events').toCollection().modify((row, ref) => {
    ref.value = eventRow(toEvent(row));
  });
  await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 2 });
}

async function upgradeToV8(tx: Transaction): Promise<void> {
  const now = Date.now();
  const repair = <T extends { createdAt: number; updatedAt: number }>(record: T): { record: T; changed: boolean } => {
    const days = repairCalendarDays(record);
    const times = repairTimestamps(days.record, now);
    return { record: times.record, changed: days.repaired.length + times.repaired.length > 0 };
  };
  await tx.table<ActorRow, string>('actors').toCollection().modify((row, ref) => {
    const { record, changed } = repair(toActor(row));
    if (changed) ref.value = actorRow(record);
  });
  await tx.table<EventRow, string>('events').toCollection().modify((row, ref) => {
    const { record, changed } = repair(toEvent(row));
    if (changed) ref.value = eventRow(record);
  });
  await tx.table<DocumentRow, string>('documents').toCollection().modify((row, ref) => {
    const { record, changed } = repair(toDocument(row));
    if (changed) ref.value = documentRow(record);
  });
  await tx.table<CaseRow, string>('cases').toCollection().modify((row, ref) => {
    const { record, changed } = repair(row);
    if (changed) ref.value = record;
  });
  await tx.table<TrashEntry, string>('trash').toCollection().modify((entry, ref) => {
    const { record, changed } = repair(entry.record as { createdAt: number; updatedAt: number });
    if (changed) ref.value = { ...entry, record } as TrashEntry;
  });
  await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 8 });
}

/**
 * Pages stored before classification keep what their document's state said: every page
 * of a 'needs-ocr' document needs OCR ('image-only'), every page of an 'extracted' one is
 * text; documents in the trash lend their state to their pages too. Documents get the
 * derived `textState`; their `extraction.textLayer` stays absent, which is how the app
 * knows they were read before pages were told apart (textLayerOf reads them from the
 * state) and offers to read them again.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const stateOf = new Map<string, string>();
  await tx.table<DocumentRow, string>('documents').toCollection().modify((row, ref) => {
    stateOf.set(row.id, row.extraction.state);
    ref.value = documentRow(toDocument(row));
  });
  await tx.table('trash').where('table').equals('documents').each((entry: { record: SourceDocument }) => {
    if (!stateOf.has(entry.record.id)) stateOf.set(entry.record.id, entry.record.extraction.state);
  });
  await tx.table<PageRow, [string, number]>('pages').toCollection().modify((row) => {
    row.state = legacyPageState(stateOf.get(row.documentId) ?? 'extracted');
  });
  await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 4 });
}

/** How the window's start opens the database (renderer/main.tsx). */
export interface OpenAtStart {
  /** What a probe taken at start already read of the installed database (versionGuard.probeInstalled). */
  installed?: Promise<InstalledDatabase | null>;
  /** Called once the database is open, beside the second look below: for reads only (the window's first screen). */
  onOpen?: (db: CasefileDb) => void;
}

/**
 * Opens (creating if needed) the Casefile database. Throws NewerDatabaseError,
 * without touching anything, if a newer Casefile wrote it.
 */
export async function openDatabase(
  name = 'casefile', deps?: IndexedDbDeps, durability: 'strict' | 'relaxed' = 'strict', start: OpenAtStart = {},
): Promise<CasefileDb> {
  const db = new CasefileDb(name, deps, durability);
  await assertNotNewer(db.deps.indexedDB, name, SCHEMA_VERSION, start.installed);
  await db.open();
  start.onOpen?.(db);
  // Second look after opening, for the narrow race where another window upgraded
  // between the check and the open: refuse before any write of ours. An upgrade raises the
  // native version (Dexie then opens the newer database without one, and may patch it higher
  // still), so the version of the connection Dexie holds tells, without a read: the meta row
  // alone cannot change in that window, as no build writes a newer format without a version.
  const found = Math.floor(db.backendDB().version / DEXIE_VERSION_FACTOR);
  if (found > SCHEMA_VERSION) {
    db.close();
    throw new NewerDatabaseError(name, found, SCHEMA_VERSION);
  }
  return db;
}
