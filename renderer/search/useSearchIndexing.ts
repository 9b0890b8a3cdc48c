import { useSyncExternalStore } from 'react';
import { getSearchClient } from './searchClient';
import type { SearchStatus } from './types';

/**
 * Starts search indexing when the app mounts (so the index is loaded and caught up before
 * the first query) and returns the worker's status for a quiet progress line. The worker
 * notices database changes by itself (a Dexie liveQuery in the worker sees this window's
 * writes through Dexie's BroadcastChannel), so nothing here reports writes.
 */
export function useSearchIndexing(): SearchStatus {
  // Getting the client is what starts the worker; it lives as long as the app.
  const client = getSearchClient();
  return useSyncExternalStore(client.onStatus, client.status);
}
