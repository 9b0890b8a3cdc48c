import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { NameSuggestion } from '../../shared/mentions';
import type { MentionsStatus } from './mentionsClient';
import { getMentionsClient } from './mentionsClient';

/** The mentions worker's status (starting the worker if it has not started). */
export function useMentionsStatus(): MentionsStatus {
  const client = getMentionsClient();
  const subscribe = useCallback((onChange: () => void) => client.onStatus(onChange), [client]);
  return useSyncExternalStore(subscribe, () => client.status());
}

/** Suggested names for a document, asked again whenever the worker's mentions change. */
export function useNameSuggestions(documentId: string): NameSuggestion[] | null {
  const { generation } = useMentionsStatus();
  const [answer, setAnswer] = useState<{ key: string; list: NameSuggestion[] } | null>(null);
  useEffect(() => {
    let live = true;
    getMentionsClient().suggest(documentId).then((list) => { if (live) setAnswer({ key: documentId, list }); }, () => undefined);
    return () => { live = false; };
  }, [documentId, generation]);
  return answer?.key === documentId ? answer.list : null;
}
