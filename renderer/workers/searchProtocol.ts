import type { SearchFilters, SearchResults } from '../../shared/search';
import type { SearchStatus } from '../search/types';

/**
 * Window → search worker. Small messages only: the worker reads records and page texts
 * from IndexedDB itself. `caller` groups searches of which only the latest matters (the
 * search box): an older one not yet run is answered with the newer one's results.
 */
export type SearchRequest =
  | { type: 'search'; id: number; caller: string; input: string; filters?: SearchFilters; limit?: number }
  | { type: 'cancel'; id: number }
  /** A hint that the database changed (the worker also watches it itself). */
  | { type: 'changed' };

/** Search worker → window. */
export type SearchResponse =
  | { type: 'result'; id: number; results: SearchResults }
  /** Not run (or stopped) because search `by` of the same caller came after it. */
  | { type: 'superseded'; id: number; by: number }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'status'; status: SearchStatus };
