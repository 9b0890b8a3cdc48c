import type { SearchFilters, SearchResults } from '../../shared/search';

/**
 * The renderer's side of search: the UI asks this; the work happens in the search
 * worker (renderer/workers/search.worker.ts), which keeps the index segments, persists
 * them in IndexedDB and updates them as records and documents change.
 */
export interface SearchStatus {
  /** True once the worker can answer queries (segments loaded or built). */
  ready: boolean;
  /** Segments being (re)built, for a quiet progress line; null when idle. */
  indexing: { done: number; total: number } | null;
  /**
   * A failure the user should know about: what failed (the UI words it in the user's language)
   * and the browser's own message as detail.
   */
  error: SearchFailure | null;
  /** Sources whose page text is left out because the page budget is spent (the UI says so). */
  overBudget?: { sources: number; pageLimit: number } | null;
  /**
   * True while the worker's start-up background work runs (positions read into memory, the
   * typo vocabulary built); queries are answered meanwhile, phrases from byte ranges.
   */
  warming?: boolean;
}

export interface SearchFailure {
  /** update: an edit could not be indexed; merge: background merging failed; unavailable: the worker cannot answer. */
  kind: 'update' | 'merge' | 'unavailable';
  detail: string;
}

export interface SearchClient {
  /** Runs a query (the researcher's text, parsed by shared/search parseQuery) with filters. */
  search(input: string, filters?: SearchFilters, options?: { limit?: number }): Promise<SearchResults>;
  status(): SearchStatus;
  onStatus(listener: (status: SearchStatus) => void): () => void;
}
