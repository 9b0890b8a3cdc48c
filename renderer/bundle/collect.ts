import Dexie from 'dexie';
import type { BundleNameRule, DocumentPages, PageEntry } from '../../shared/bundle';
import { exportablePage } from '../../shared/bundle';
import { legacyPageState } from '../../shared/pdf/pageState';
import type { Actor, Case, CaseEvent, Citation } from '../../shared/model';
import { listCases } from '../db/cases';
import type { CasefileDb } from '../db/db';
import type { ActorRow, DocumentFileRow, DocumentRow, EventRow, PageRow } from '../db/derive';
import type { NameRuleRow } from '../db/mentionTypes';
import { cmp, toActor, toDocument, toEvent } from '../db/derive';
import type { BundleFile, CaseSnapshot } from './io';
import type { BundleScope } from './types';

/**
 * Gathers what a bundle carries, in one read transaction (a consistent picture even while
 * the user keeps editing). Files are Blob references from documentFiles: their bytes are
 * never read here.
 *
 * - `case`: the case, every live actor, event and document in it, and every document its
 *   records cite (even one filed under no case, or another case).
 * - `selection`: the case, the chosen actors and events, and the documents they cite.
 *   References to records outside the selection (a group, a participant, a related event)
 *   stay as they are: the bundle reader warns about them, and an importer who holds those
 *   records gets them linked; otherwise they read like references to a deleted record.
 * - `library` ("Back up everything"): every live case and record. The trash is not backed up.
 *
 * Case membership is trimmed to the cases in the bundle for `case` and `selection` (the
 * other cases' ids mean nothing to the receiver; importing merges membership, so nothing is
 * lost when the bundle comes back). A citation to a document that is no longer live (in the
 * trash, or purged) is left out of the bundle: the bundle carries every document it cites.
 */
export class NothingToExportError extends Error {
  override readonly name = 'NothingToExportError';
  /** 'empty-library': no case to back up; 'case-missing': the case was deleted meanwhile. */
  constructor(readonly code: 'empty-library' | 'case-missing', message: string) {
    super(message);
  }
}

export interface CollectOptions {
  /**
   * Called once the cases, actors, events and documents are final (the arrays the snapshot will
   * hold), just after the page rows are asked for: work on them done here overlaps the page
   * read. It must not touch the database.
   */
  onRecords?: (records: Pick<CaseSnapshot, 'cases' | 'actors' | 'events' | 'documents'>) => void;
  /**
   * Called as soon as the files' rows are in (the snapshot's very `files` array), while the page
   * rows, rules and charts are still being read: the export lays out the PDFs' entries and the
   * save starts writing them (docs/bundle-format.md, "Layout"). It must not touch the database.
   */
  onFiles?: (files: BundleFile[], about: Pick<CaseSnapshot, 'caseId' | 'cases'>) => void;
}

export async function collectSnapshot(db: CasefileDb, scope: BundleScope, opts: CollectOptions = {}): Promise<CaseSnapshot> {
  return db.transaction('r', [db.cases, db.actors, db.events, db.documents, db.documentFiles, db.pages, db.nameRules, db.charts], async () => {
    let cases: Case[];
    let actorRows: ActorRow[];
    let eventRows: EventRow[];
    let docRows: DocumentRow[];
    let caseId: string;
    // The documents' files that can be known first (a case's own, or the whole library's): read
    // before the actors and events, and handed to onFiles at once, so an export lays out their
    // entries and the save writes them while the rest is still being read. Files of documents
    // known only through citations come after them.
    let earlyFiles: Promise<BundleFile[]> = Promise.resolve([]);
    const readEarly = (rows: readonly DocumentRow[], table?: Promise<DocumentFileRow[]>): void => {
      earlyFiles = filesOf(db, rows, (files) => opts.onFiles?.(files, { caseId, cases }), table);
      earlyFiles.catch(() => undefined); // awaited below
    };
    if (scope.kind === 'library') {
      cases = await listCases(db);
      if (cases.length === 0) throw new NothingToExportError('empty-library', 'There is no case in this library, so there is nothing to back up.');
      caseId = cases[0]!.id;
      docRows = await db.documents.toArray();
      readEarly(docRows);
      [actorRows, eventRows] = await Promise.all([db.actors.toArray(), db.events.toArray()]);
    } else {
      const inCase = () => db.documents.where('caseIds').equals(scope.caseId);
      // A case holding most of the library's files (a big case, the usual export) has its files'
      // rows read as one table read issued with its documents', not a get per file after them:
      // the PDFs' entries go to the save sooner (docs/benchmarks.md, session 11).
      const [theCase, caseDocs, libraryFiles] = await Promise.all([
        db.cases.get(scope.caseId), scope.kind === 'case' ? inCase().count() : 0, scope.kind === 'case' ? db.documentFiles.count() : 0,
      ]);
      if (!theCase) throw new NothingToExportError('case-missing', 'This case no longer exists (it may be in the trash), so it cannot be exported.');
      cases = [theCase];
      caseId = theCase.id;
      if (scope.kind === 'case') {
        const table = caseDocs > 0 && caseDocs * 2 >= libraryFiles ? db.documentFiles.toArray() : undefined;
        table?.catch(() => undefined); // awaited by filesOf
        docRows = await inCase().toArray();
        readEarly(docRows, table);
        [actorRows, eventRows] = await Promise.all([
          db.actors.where('caseIds').equals(caseId).toArray(),
          db.events.where('caseIds').equals(caseId).toArray(),
        ]);
      } else {
        [actorRows, eventRows] = await Promise.all([liveRows(db.actors.bulkGet(scope.actorIds)), liveRows(db.events.bulkGet(scope.eventIds))]);
        docRows = [];
      }
    }
    // Documents the records cite, wherever they are filed.
    const have = new Set(docRows.map((d) => d.id));
    const cited = new Set([...actorRows, ...eventRows].flatMap((r) => r.citedDocumentIds).filter((id) => !have.has(id)));
    if (cited.size > 0) docRows = [...docRows, ...(await liveRows(db.documents.bulkGet([...cited])))];

    const caseIds = scope.kind === 'library' ? null : new Set(cases.map((c) => c.id));
    const live = new Set(docRows.map((d) => d.id));
    const trimCases = <T extends { caseIds: string[] }>(r: T): T => (caseIds && !r.caseIds.every((c) => caseIds.has(c)) ? { ...r, caseIds: r.caseIds.filter((c) => caseIds.has(c)) } : r);
    const actors = actorRows.map((r) => trimCases(dropDeadCitations(toActor(r), live)));
    const events = eventRows.map((r) => trimCases(dropDeadCitationsEvent(toEvent(r), live)));
    const documents = docRows.map((r) => trimCases(toDocument(r))).sort((a, b) => cmp(a.id, b.id));

    // The rest depends only on the records now in hand: every read goes out at once, and the
    // page rows are turned into entries while the file rows, rules and charts are still coming.
    // The files not read early (documents known only through citations; a selection's, all of them).
    const early = new Set(have);
    const lateRows = docRows.filter((d) => !early.has(d.id));
    const filesRead = (async () => {
      const first = await earlyFiles;
      if (scope.kind === 'selection') return filesOf(db, lateRows, (files) => opts.onFiles?.(files, { caseId, cases }));
      const known = new Set(first.map((f) => f.sha256));
      return [...first, ...(await filesOf(db, lateRows.filter((d) => !known.has(d.sha256))))];
    })();
    // The user's name-matching choices for these actors travel with them (format 3); mentions are derived and do not.
    const nameRulesRead = db.nameRules.where('actorId').anyOf(actors.map((a) => a.id)).toArray();
    // The saved link charts of the bundle's cases (format 4).
    const chartsRead = db.charts.where('caseId').anyOf(cases.map((c) => c.id)).toArray();
    // Awaited below, after the pages; a failure meanwhile must not count as unhandled.
    filesRead.catch(() => undefined);
    nameRulesRead.catch(() => undefined);
    chartsRead.catch(() => undefined);
    const byDocument = await pageRowsOf(db, documents.map((d) => d.id), () => opts.onRecords?.({ cases, actors, events, documents }));
    const pages: DocumentPages[] = [];
    for (const d of documents) {
      const rows = byDocument.get(d.id) ?? [];
      if (rows.length === 0) continue;
      // Each page as its row keeps it: text, state, form-field and comment text, OCR words and provenance.
      // (A row written without a state by hand, as some tests do, is given its document's, as version 4's upgrade did.)
      const missing = legacyPageState(d.extraction.state);
      const entries: PageEntry[] = [];
      for (const row of rows) {
        // Never an entry the reader would refuse (an OCR result over the caps, say): that part stays home.
        entries[row.page - 1] = exportablePage({
          text: row.text, state: row.state ?? missing,
          ...(row.annotations?.length ? { annotations: row.annotations } : {}),
          ...(row.ocr ? { ocr: row.ocr } : {}),
        }).entry;
      }
      pages.push({ documentId: d.id, pages: Array.from(entries, (e) => e ?? { text: '', state: missing }) });
    }
    const files = await filesRead;
    const nameRules = (await nameRulesRead).map(bundleNameRule);
    const charts = await chartsRead;
    return { caseId, cases, actors, events, documents, pages, files, nameRules, charts };
  });
}

/**
 * The files of these documents (each once), from documentFiles (or from `table`, every row of it
 * already being read); a missing one is named by its document.
 */
async function filesOf(db: CasefileDb, docs: readonly DocumentRow[], then?: (files: BundleFile[]) => void, table?: Promise<DocumentFileRow[]>): Promise<BundleFile[]> {
  const shas = [...new Set(docs.map((d) => d.sha256))];
  let rows: (DocumentFileRow | undefined)[];
  if (table) {
    const bySha = new Map((await table).map((row) => [row.sha256, row]));
    rows = shas.map((sha) => bySha.get(sha));
  } else {
    rows = shas.length > 0 ? await db.documentFiles.bulkGet(shas) : [];
  }
  const files: BundleFile[] = [];
  rows.forEach((row, i) => {
    if (!row) throw new Error(`The file of document "${docs.find((d) => d.sha256 === shas[i])?.title}" is missing from the library.`);
    files.push({ sha256: row.sha256, byteLength: row.blob.size, blob: row.blob, ...(row.crc32 !== undefined ? { crc32: row.crc32 } : {}) });
  });
  then?.(files);
  return files;
}

function bundleNameRule(row: NameRuleRow): BundleNameRule {
  return row.kind === 'rule'
    ? { actorId: row.actorId, kind: 'rule', name: row.name, source: row.source, rule: row.rule }
    : { actorId: row.actorId, kind: 'family', families: row.families };
}

/**
 * The page rows of these documents, by document. When they are a good part of the library (a
 * backup, a big case), one getAll over the key range they span and a filter: a query per
 * document was a thousand round trips to IndexedDB, most of the collect time. A few documents
 * of a large library are read one query each (all in flight), so foreign pages are not read.
 */
async function pageRowsOf(db: CasefileDb, ids: readonly string[], asked: () => void): Promise<Map<string, PageRow[]>> {
  const byDocument = new Map<string, PageRow[]>();
  if (ids.length === 0) {
    asked();
    return byDocument;
  }
  const add = (row: PageRow) => {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  };
  const wanted = new Set(ids);
  if (ids.length * 2 >= (await db.documents.count())) {
    const sorted = [...ids].sort(cmp);
    const read = db.pages.where('[documentId+page]').between([sorted[0], Dexie.minKey], [sorted.at(-1), Dexie.maxKey], true, true).toArray();
    asked();
    for (const row of await read) if (wanted.has(row.documentId)) add(row);
  } else {
    const reads = Promise.all(ids.map((id) => db.pages.where('[documentId+page]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()));
    asked();
    for (const rows of await reads) for (const row of rows) add(row);
  }
  for (const rows of byDocument.values()) rows.sort((a, b) => a.page - b.page);
  return byDocument;
}

async function liveRows<T>(rows: Promise<(T | undefined)[]>): Promise<T[]> {
  return (await rows).filter((r): r is T => r !== undefined);
}

const keep = (cs: Citation[], live: ReadonlySet<string>): Citation[] => cs.filter((c) => live.has(c.documentId));
const allLive = (cs: readonly Citation[], live: ReadonlySet<string>): boolean => cs.every((c) => live.has(c.documentId));
const partsLive = (parts: readonly { citations: Citation[] }[], live: ReadonlySet<string>): boolean => parts.every((p) => allLive(p.citations, live));

// A record citing only live documents (nearly every one) is kept as it is: copying each of the
// thousands of records and their parts for nothing was a good part of the collect's garbage.
function dropDeadCitations(a: Actor, live: ReadonlySet<string>): Actor {
  if (allLive(a.citations, live) && partsLive(a.names, live) && partsLive(a.memberships, live) && partsLive(a.statusHistory, live)) return a;
  return {
    ...a,
    citations: keep(a.citations, live),
    names: a.names.map((n) => ({ ...n, citations: keep(n.citations, live) })),
    memberships: a.memberships.map((m) => ({ ...m, citations: keep(m.citations, live) })),
    statusHistory: a.statusHistory.map((s) => ({ ...s, citations: keep(s.citations, live) })),
  };
}

function dropDeadCitationsEvent(e: CaseEvent, live: ReadonlySet<string>): CaseEvent {
  if (allLive(e.citations, live) && partsLive(e.participants, live)) return e;
  return {
    ...e,
    citations: keep(e.citations, live),
    participants: e.participants.map((p) => ({ ...p, citations: keep(p.citations, live) })),
  };
}

