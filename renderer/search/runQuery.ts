/**
 * One query over loaded segments with page texts read by the caller's reader: the indexer's
 * `search` (page rows through Dexie) and the search worker's first answers (page rows on the
 * raw connection its early read opened, before Dexie and the record schema are loaded:
 * renderer/workers/searchHost.ts) both run it, so they answer alike. Imports neither Dexie
 * nor the record model.
 */
import { pageSearchText } from '../../shared/search/pageText';
import { searchSegments } from '../../shared/search/search';
import type { Segment } from '../../shared/search/segment';
import type { DocumentFilterInfo, SearchFilters, SearchResults } from '../../shared/search/types';
import type { PageRow } from '../db/derive';

/** Thrown by the text loader when the query that asked for text is no longer wanted. */
export class QueryAbandonedError extends Error {
  constructor() { super('query abandoned'); this.name = 'QueryAbandonedError'; }
}

export interface PageKey { documentId: string; page: number }
/**
 * Page rows by key, in the keys' order (undefined: no such row). A reader may tell `onRow` of
 * each row as it arrives, before the whole read is done (rawPages.ts); one that does not is
 * read as a whole.
 */
export type PageReader = (keys: readonly PageKey[], onRow?: (index: number, row: PageRow | undefined) => void) => Promise<(PageRow | undefined)[]>;

/** A page row's searchable text: its text and its form-field and comment text (pageSearchText). */
export const searchTextOf = (row: Pick<PageRow, 'text' | 'annotations'> | undefined): string | undefined =>
  row && pageSearchText(row.text, row.annotations);

export interface RunQueryOptions {
  limit?: number;
  /** Checked whenever a page text is needed (phrase checks, snippets): a superseded query stops there. */
  abandoned?: () => boolean;
  documentInfo: ReadonlyMap<string, DocumentFilterInfo>;
  readPages: PageReader;
}

export function runQuery(segments: readonly Segment[], input: string, filters: SearchFilters | undefined, options: RunQueryOptions):
  Promise<SearchResults> {
  const { abandoned, readPages } = options;
  return searchSegments(segments, input, filters, {
    limit: options.limit,
    documentInfo: options.documentInfo,
    getText: async (key) => {
      if (abandoned?.()) throw new QueryAbandonedError();
      return searchTextOf((await readPages([key]))[0]);
    },
    // The hits' page texts in one read (snippets), each passed on as it arrives.
    getTexts: async (keys, onText) => {
      if (abandoned?.()) throw new QueryAbandonedError();
      return (await readPages(keys, onText && ((i, row) => onText(i, searchTextOf(row))))).map(searchTextOf);
    },
  });
}
