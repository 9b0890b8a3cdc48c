import type { StoredPageOcr } from '../../shared/ocr';
import type { Actor, ActorStatus, Case, CaseEvent, SourceDocument } from '../../shared/model';
import { allNames, currentStatus, textLayerOf } from '../../shared/model';
import type { PageAnnotation, PageState, TextLayer } from '../../shared/pdf/types';
import { sortKey, wordSet } from '../../shared/text/fold';
import { citedDocumentIds } from './citationTargets';

/**
 * Index fields derived from a record. They exist only so IndexedDB can filter and
 * sort without reading whole records; they are recomputed from the record on every
 * write (never edited by hand) and stripped again on every read, so the rest of the
 * app only ever sees the model types.
 */
export interface ActorDerived {
  sortName: string;
  status: ActorStatus;
  groupIds: string[];
  nameWords: string[];
  /** Every document cited anywhere in the record (names, memberships, status entries, the actor). Since version 2. */
  citedDocumentIds: string[];
}
export type ActorRow = Actor & ActorDerived;

export interface EventDerived {
  /** 1 when the event has no date, so undated events sort after dated ones. */
  undated: 0 | 1;
  /** Earliest/latest possible day; '' when undated ('' sorts below every ISO day). */
  dateFrom: string;
  dateTo: string;
  actorIds: string[];
  titleWords: string[];
  /** Every document cited by the event or its participants. Since version 2. */
  citedDocumentIds: string[];
}
export type EventRow = CaseEvent & EventDerived;

export type CaseRow = Case;

export interface DocumentDerived {
  sortTitle: string;
  /** Folded words of the title, file name, author and publisher, for the list's text filter. */
  titleWords: string[];
  extractionState: SourceDocument['extraction']['state'];
  /**
   * What the list filters on (since version 4): the pages summed up for a document that
   * opened ('text', 'partly-scanned', 'scanned', 'no-text'), else the extraction state.
   */
  textState: DocumentTextState;
}
export type DocumentRow = SourceDocument & DocumentDerived;
export type DocumentTextState = TextLayer | Exclude<SourceDocument['extraction']['state'], 'extracted' | 'needs-ocr'>;

/** One page's text; the table's primary key is [documentId+page], page 1-based. */
export interface PageRow {
  documentId: string;
  page: number;
  text: string;
  /**
   * What the page is (since version 4, indexed): 'image-only' and 'junk-text' pages need
   * OCR (shared/pdf pageNeedsOcr). Rows from version 3 were mapped by legacyPageState.
   */
  state: PageState;
  /** Form-field values and comments on the page, apart from its text; absent when none. */
  annotations?: PageAnnotation[];
  /**
   * How OCR read the page (state 'ocr', `text` is the OCR text) or why it failed (state still
   * 'image-only' / 'junk-text'); absent when OCR never ran on it. Not indexed.
   */
  ocr?: StoredPageOcr;
}

export function textStateOf(doc: Pick<SourceDocument, 'extraction'>): DocumentTextState {
  const summary = textLayerOf(doc.extraction);
  if (summary) return summary.layer;
  return doc.extraction.state as DocumentTextState;
}

/** A file's bytes, stored once per content hash and apart from the metadata. */
export interface DocumentFileRow {
  sha256: string;
  blob: Blob;
  byteLength: number;
  /** CRC-32 of the bytes (not indexed): rows written since bundle export stopped re-reading files have it; older ones are read once when exported. */
  crc32?: number;
}

export function actorRow(actor: Actor): ActorRow {
  return {
    ...actor,
    sortName: sortKey(actor.name),
    status: currentStatus(actor.statusHistory),
    groupIds: unique(actor.memberships.map((m) => m.groupId)),
    nameWords: wordSet(allNames(actor)),
    citedDocumentIds: citedDocumentIds(actor),
  };
}

export function eventRow(event: CaseEvent): EventRow {
  return {
    ...event,
    undated: event.date ? 0 : 1,
    dateFrom: event.date?.earliest ?? '',
    dateTo: event.date?.latest ?? '',
    actorIds: unique(event.participants.map((p) => p.actorId)),
    titleWords: wordSet([event.title]),
    citedDocumentIds: citedDocumentIds(event),
  };
}

export function documentRow(doc: SourceDocument): DocumentRow {
  return {
    ...doc,
    sortTitle: sortKey(doc.title),
    titleWords: wordSet([doc.title, doc.fileName, doc.author, doc.publisher]),
    extractionState: doc.extraction.state,
    textState: textStateOf(doc),
  };
}

export function toActor(row: ActorRow): Actor {
  const { sortName: _s, status: _st, groupIds: _g, nameWords: _n, citedDocumentIds: _c, ...actor } = row;
  return actor;
}

export function toEvent(row: EventRow): CaseEvent {
  const { undated: _u, dateFrom: _f, dateTo: _t, actorIds: _a, titleWords: _w, citedDocumentIds: _c, ...event } = row;
  return event;
}

export function toDocument(row: DocumentRow): SourceDocument {
  const { sortTitle: _s, titleWords: _w, extractionState: _e, textState: _t, ...doc } = row;
  return doc;
}

/** The same order as the `sortTitle` index, ties by id. */
export function compareDocumentRows(a: DocumentRow, b: DocumentRow): number {
  return cmp(a.sortTitle, b.sortTitle) || cmp(a.id, b.id);
}

/** The same order as the `sortName` index: IndexedDB compares strings by code unit, as `<` does; ties by id. */
export function compareActorRows(a: ActorRow, b: ActorRow): number {
  return cmp(a.sortName, b.sortName) || cmp(a.id, b.id);
}

/** The same order as the `[undated+dateFrom+dateTo]` index, ties by id. */
export function compareEventRows(a: EventRow, b: EventRow): number {
  return a.undated - b.undated || cmp(a.dateFrom, b.dateFrom) || cmp(a.dateTo, b.dateTo) || cmp(a.id, b.id);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
