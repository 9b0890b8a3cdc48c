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
  /** A failure the user should know about (e.g. the index could not be loaded), as plain words. */
  error: string | null;
  /** Sources whose page text is left out because the page budget is spent (the UI says so). */
  overBudget?: { sources: number; pageLimit: number } | null;
}

export interface SearchClient {
  /** Runs a query (the researcher's text, parsed by shared/search parseQuery) with filters. */
  search(input: string, filters?: SearchFilters, options?: { limit?: number }): Promise<SearchResults>;
  status(): SearchStatus;
  onStatus(listener: (status: SearchStatus) => void): () => void;
}
