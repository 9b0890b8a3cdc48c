import type { DocumentPages, PageEntry } from '../../shared/bundle';
import { exportablePage } from '../../shared/bundle';
import { legacyPageState } from '../../shared/pdf/pageState';
import type { Case } from '../../shared/model';
import { listCases } from '../db/cases';
import type { CasefileDb } from '../db/db';
import type { ActorRow, DocumentRow, EventRow, PageRow } from '../db/derive';
import { cmp, toActor, toDocument, toEvent } from '../db/derive';
import { bundleNameRule, dropDeadCitations, dropDeadCitationsEvent, filesOf, liveRows, pageRowsOf } from './collectReads';
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
   * Called with each of the snapshot's record lists (its very `actors`, `events` and `documents`
   * arrays) as soon as that list is final: the actors' while the events and page rows are still
   * being read, when every document they cite is one already in hand. Work on it done here
   * (serialising and deflating its entry) overlaps the reads still under way. It must not touch
   * the database.
   */
  onList?: (list: readonly { id: string }[]) => void;
  /**
   * Called with the page lists of the documents known first (a case's own; every document of a
   * backup), the very objects the snapshot's `pages` will hold, as soon as their rows are read:
   * before the actors and events, whose reads follow theirs. It must not touch the database.
   */
  onPages?: (pages: readonly DocumentPages[]) => void;
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
    let docRows: DocumentRow[];
    let caseId: string;
    let actorsRead: Promise<ActorRow[]>;
    let eventsRead: Promise<EventRow[]>;
    // Every read whose keys are known goes out at once, in the order its rows are needed: the
    // documents' files (handed to onFiles, so the export lays out their entries and the save
    // writes them while the rest is read), the page rows, the actors, the events. IndexedDB
    // answers a transaction's requests in order, on another thread: the page lists are
    // serialised and deflated while the actors are read, the actors while the events are. Files
    // and pages of documents known only through citations are read after them.
    let earlyFiles: Promise<BundleFile[]> = Promise.resolve([]);
    let earlyPages: Promise<Map<string, DocumentPages>> = Promise.resolve(new Map());
    let libraryDocuments: number | undefined;
    const readEarly = (rows: readonly DocumentRow[], readRecords: () => void): void => {
      earlyFiles = filesOf(db, rows, libraryDocuments, (files) => opts.onFiles?.(files, { caseId, cases }));
      earlyPages = pageRowsOf(db, rows.map((d) => d.id), libraryDocuments).then((byDocument) => {
        const built = pageListsOf(rows, byDocument);
        opts.onPages?.([...built.values()]);
        return built;
      });
      readRecords();
      // Awaited below; a failure meanwhile must not count as unhandled.
      earlyFiles.catch(() => undefined);
      earlyPages.catch(() => undefined);
    };
    if (scope.kind === 'library') {
      cases = await listCases(db);
      if (cases.length === 0) throw new NothingToExportError('empty-library', 'There is no case in this library, so there is nothing to back up.');
      caseId = cases[0]!.id;
      docRows = await db.documents.toArray();
      libraryDocuments = docRows.length;
      readEarly(docRows, () => {
        actorsRead = db.actors.toArray();
        eventsRead = db.events.toArray();
      });
    } else {
      const theCase = await db.cases.get(scope.caseId);
      if (!theCase) throw new NothingToExportError('case-missing', 'This case no longer exists (it may be in the trash), so it cannot be exported.');
      cases = [theCase];
      caseId = theCase.id;
      if (scope.kind === 'case') {
        [docRows, libraryDocuments] = await Promise.all([db.documents.where('caseIds').equals(caseId).toArray(), db.documents.count()]);
        readEarly(docRows, () => {
          actorsRead = db.actors.where('caseIds').equals(caseId).toArray();
          eventsRead = db.events.where('caseIds').equals(caseId).toArray();
        });
      } else {
        actorsRead = liveRows(db.actors.bulkGet(scope.actorIds));
        eventsRead = liveRows(db.events.bulkGet(scope.eventIds));
        docRows = [];
      }
    }
    actorsRead!.catch(() => undefined);
    eventsRead!.catch(() => undefined);
    const caseIds = scope.kind === 'library' ? null : new Set(cases.map((c) => c.id));
    const trimCases = <T extends { caseIds: string[] }>(r: T): T => (caseIds ? { ...r, caseIds: r.caseIds.filter((c) => caseIds.has(c)) } : r);
    const toActors = (rows: ActorRow[], live: ReadonlySet<string>) => rows.map((r) => trimCases(dropDeadCitations(toActor(r), live)));
    const toEvents = (rows: EventRow[], live: ReadonlySet<string>) => rows.map((r) => trimCases(dropDeadCitationsEvent(toEvent(r), live)));
    // A list whose every citation is of a document in hand is final now: no citation of it can be dropped later.
    const have = new Set(docRows.map((d) => d.id));
    const citesOnlyHeld = (rows: readonly { citedDocumentIds: string[] }[]) => rows.every((r) => r.citedDocumentIds.every((id) => have.has(id)));
    const ready = <T extends { id: string }>(list: T[]): T[] => {
      opts.onList?.(list);
      return list;
    };
    const actorRows = await actorsRead!;
    let actors = citesOnlyHeld(actorRows) ? ready(toActors(actorRows, have)) : undefined;
    const eventRows = await eventsRead!;
    let events = citesOnlyHeld(eventRows) ? ready(toEvents(eventRows, have)) : undefined;

    // Documents the records cite, wherever they are filed.
    const cited = new Set([...actorRows, ...eventRows].flatMap((r) => r.citedDocumentIds).filter((id) => !have.has(id)));
    if (cited.size > 0) docRows = [...docRows, ...(await liveRows(db.documents.bulkGet([...cited])))];
    const live = new Set(docRows.map((d) => d.id));
    actors ??= ready(toActors(actorRows, live));
    events ??= ready(toEvents(eventRows, live));
    const documents = ready(docRows.map((r) => trimCases(toDocument(r))).sort((a, b) => cmp(a.id, b.id)));

    // The rest depends only on the records now in hand.
    // The files not read early (documents known only through citations; a selection's, all of them).
    const lateRows = docRows.filter((d) => !have.has(d.id));
    const filesRead = (async () => {
      const first = await earlyFiles;
      if (scope.kind === 'selection') return filesOf(db, lateRows, undefined, (files) => opts.onFiles?.(files, { caseId, cases }));
      const known = new Set(first.map((f) => f.sha256));
      return [...first, ...(await filesOf(db, lateRows.filter((d) => !known.has(d.sha256))))];
    })();
    const latePages = pageRowsOf(db, lateRows.map((d) => d.id), libraryDocuments);
    // The user's name-matching choices for these actors travel with them (format 3); mentions are derived and do not.
    const nameRulesRead = db.nameRules.where('actorId').anyOf(actors.map((a) => a.id)).toArray();
    // The saved link charts of the bundle's cases (format 4).
    const chartsRead = db.charts.where('caseId').anyOf(cases.map((c) => c.id)).toArray();
    // Awaited below, after the pages; a failure meanwhile must not count as unhandled.
    filesRead.catch(() => undefined);
    latePages.catch(() => undefined);
    nameRulesRead.catch(() => undefined);
    chartsRead.catch(() => undefined);
    const built = await earlyPages;
    for (const [id, list] of pageListsOf(lateRows, await latePages)) built.set(id, list);
    const pages = documents.flatMap((d) => built.get(d.id) ?? []);
    const files = await filesRead;
    const nameRules = (await nameRulesRead).map(bundleNameRule);
    const charts = await chartsRead;
    return { caseId, cases, actors, events, documents, pages, files, nameRules, charts };
  });
}

/**
 * Each document's pages as its rows keep them (text, state, form-field and comment text, OCR words
 * and provenance), page 1 first; documents without page rows have none.
 */
function pageListsOf(docs: readonly DocumentRow[], byDocument: ReadonlyMap<string, PageRow[]>): Map<string, DocumentPages> {
  const out = new Map<string, DocumentPages>();
  for (const d of docs) {
    const rows = byDocument.get(d.id) ?? [];
    if (rows.length === 0) continue;
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
    out.set(d.id, { documentId: d.id, pages: Array.from(entries, (e) => e ?? { text: '', state: missing }) });
  }
  return out;
}
