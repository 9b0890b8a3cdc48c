import { useEffect, useRef, useState } from 'react';
import type { SearchFilters, SearchResults } from '../../../shared/search/types';
import type { SearchClient } from '../../search/types';
import { useUi } from '../../state/store';

/** Typing pause before a query runs; Enter, "show more" and filter changes run at once. */
export const DEBOUNCE_MS = 150;

export interface SearchAnswer {
  key: string;
  results: SearchResults | null;
  error: string | null;
}

// The last answer outlives the view, so coming back to Search shows it at once.
let lastAnswer: SearchAnswer | null = null;

/**
 * Runs the query on the search client: after a short pause while typing, at once otherwise,
 * again when the index finishes a batch of work. Answers to superseded queries are dropped.
 */
export function useSearch(client: SearchClient, text: string, filters: SearchFilters, limit: number, submitTick: number):
  { answer: SearchAnswer | null; pending: boolean } {
  const query = text.trim();
  const key = JSON.stringify([query, filters, limit]);
  const [answer, setAnswer] = useState<SearchAnswer | null>(() => (lastAnswer?.key === key ? lastAnswer : null));
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const lastQuery = useRef(query);
  const setResultsKey = useUi((s) => s.setSearchResultsKey);

  // The index changed under us (records saved, a PDF extracted): ask again.
  useEffect(() => {
    let wasBusy = client.status().indexing !== null || !client.status().ready;
    return client.onStatus((status) => {
      const busy = status.indexing !== null || !status.ready;
      if (wasBusy && !busy) setGeneration((g) => g + 1);
      wasBusy = busy;
    });
  }, [client]);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query) {
      lastQuery.current = query;
      return;
    }
    const typing = query !== lastQuery.current;
    lastQuery.current = query;
    const timer = setTimeout(() => {
      client.search(query, filters, { limit }).then(
        (results) => ({ key, results, error: null }),
        (error: unknown) => ({ key, results: null, error: error instanceof Error ? error.message : String(error) }),
      ).then((next) => {
        // A newer query answers instead (the client may also abort a superseded one).
        if (ticket !== latest.current) return;
        lastAnswer = next;
        setAnswer(next);
        setResultsKey(key);
      });
    }, typing ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
    // `key` covers query, filters and limit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, submitTick, generation]);

  // An empty box shows no answer; the last one stays cached for when the words come back.
  return { answer: query ? answer : null, pending: query !== '' && answer?.key !== key };
}
