import type { ActorStatus } from '../model/actor';

/** What a hit is. Records (actor, event, document metadata) and document pages. */
export type HitKind = 'actor' | 'event' | 'document' | 'page';
export const HIT_KINDS: readonly HitKind[] = ['actor', 'event', 'document', 'page'];

/** Records segments hold actors, events and document metadata; pages segments hold page text. */
export type SegmentFamily = 'records' | 'pages';

/** Searchable fields of a record; a page has the one field `text`. */
export type RecordField = 'name' | 'role' | 'place' | 'body' | 'date' | 'people';
export type SearchField = RecordField | 'text';
export const RECORD_FIELDS: readonly RecordField[] = ['name', 'role', 'place', 'body', 'date', 'people'];
export const PAGE_FIELDS: readonly SearchField[] = ['text'];

/**
 * One thing to index: built by `recordDoc`/`pageDocs` (records.ts) from the model, or by hand.
 * `ref` is unique over the whole corpus and stable across rebuilds:
 * `actor:<id>`, `event:<id>`, `document:<id>`, `page:<documentId>:<page>`.
 */
export interface SearchDoc {
  ref: string;
  kind: HitKind;
  /** The actor/event/document id; for a page, its document's id. */
  recordId: string;
  /** 1-based page number for pages. */
  page?: number;
  /** Text per field. Records use name/role/place/body/date/people, pages use text. */
  fields: Partial<Record<SearchField, string>>;
  /** Actors: every name, primary first, to report which one matched. */
  names?: string[];
  /** Language the text is read in (stop words, stems); guessed per page when absent; records are 'mixed'. */
  lang?: 'es' | 'en' | 'mixed';
  caseIds: string[];
  /** ISO day bounds for the date filter (event date, document publishedOn; pages inherit). */
  dateFrom: string | null;
  dateTo: string | null;
  /** Actors: current status (currentStatus(statusHistory)). */
  status?: ActorStatus | null;
}

/** Filters as the UI passes them; every present key must hold (AND), values within a key are OR. */
export interface SearchFilters {
  kinds?: HitKind[];
  caseIds?: string[];
  statuses?: ActorStatus[];
  /** Inclusive ISO days or years ('1990' → from 1990-01-01 / to 1990-12-31). Overlap test. */
  from?: string;
  to?: string;
}

/** Filter data of a document kept by the caller so metadata edits apply to pages at once. */
export interface DocumentFilterInfo {
  caseIds: string[];
  dateFrom: string | null;
  dateTo: string | null;
}

export interface HighlightRange { start: number; end: number }

export interface Snippet {
  /** An excerpt of the text, whole words, about `snippetLength` characters. */
  text: string;
  /** Ranges in `text` of the words that matched (sorted, non-overlapping). */
  highlights: HighlightRange[];
  /** Whether text was cut before / after the excerpt (show an ellipsis). */
  truncatedStart: boolean;
  truncatedEnd: boolean;
  /** Records: the field the excerpt comes from (one part of it, as written), for a label. */
  field?: RecordField;
}

export interface SearchHit {
  ref: string;
  kind: HitKind;
  recordId: string;
  /** Pages: the document id and 1-based page. */
  documentId?: string;
  page?: number;
  score: number;
  /** Indexed word forms (folded) that matched: the query's words, their inflections, typos. */
  terms: string[];
  /** Those of `terms` matched only as a typo of a query word: show "similar spelling". */
  similar?: string[];
  /** Pages: how many times the query's words occur on the page (when its text was read). */
  occurrences?: number;
  /** Actors: the name (primary or other) that matched, null when only other fields matched. */
  matchedName?: string | null;
  /** Pages (and records with a description match): excerpt with highlight ranges. */
  snippet?: Snippet;
}

export interface HitGroup {
  /** Matching items after filters; an upper bound when `exact` is false. */
  count: number;
  /**
   * False when a prefix/fuzzy word had more forms than were matched (MAX_EXPANSIONS), or when
   * a phrase holding stop words had more page candidates than were checked on their text.
   */
  exact: boolean;
  hits: SearchHit[];
}

export interface SearchResults {
  groups: Record<HitKind, HitGroup>;
  /** Milliseconds spent, for the status line and the benchmark. */
  tookMs: number;
  /** Non-fatal remarks about the query (dropped stop words, short prefixes…), as keys. */
  notes: string[];
}
