import { useCallback, useSyncExternalStore } from 'react';
import { getSearchClient } from '../../search/searchClient';
import type { SearchClient, SearchStatus } from '../../search/types';

/** The app's search client (the worker does the work). */
export function useSearchClient(): SearchClient {
  return getSearchClient();
}

/** The client's status, re-rendering on every change it reports. */
export function useSearchStatus(client: SearchClient): SearchStatus {
  const subscribe = useCallback((onChange: () => void) => client.onStatus(onChange), [client]);
  return useSyncExternalStore(subscribe, () => client.status());
}
