import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DependencyList } from 'react';
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

/** While the worker scans, how often a mentions read is made again (a first build takes minutes). */
export const SCANNING_REFRESH_MS = 2000;

const sameDeps = (a: DependencyList, b: DependencyList): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * A read of the mention rows (pageMentions), made again whenever the worker says its mentions
 * changed (`generation`), every SCANNING_REFRESH_MS while it scans, and when `deps` change. Not a
 * live query: the worker is the only writer of those rows, and a live query of them ran again
 * after every chunk the worker wrote (Dexie marks the whole table for a write of 50 rows or
 * more). A profile open during its actor's stress edit read "Mentioned in" 20 times, each
 * read waiting on the worker's writes and they on it: the edit took 2.1 s against 0.9 s with
 * the profile closed (docs/benchmarks.md, session 13). `deps` must say everything `read`
 * reads apart from the rows (mentionNames' source count is written after the status). Until a
 * new read answers, the last answer stands if it was for the same `whose` (the same actor or
 * source: "Show more" keeps the list on screen), else there is none.
 */
export function useMentionsRead<T>(read: () => Promise<T>, deps: DependencyList, whose: DependencyList = deps): T | undefined {
  const { scanning, generation } = useMentionsStatus();
  const busy = scanning !== null;
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), SCANNING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [busy]);
  const [answer, setAnswer] = useState<{ whose: DependencyList; value: T } | null>(null);
  useEffect(() => {
    let live = true;
    read().then((value) => { if (live) setAnswer({ whose, value }); }, () => undefined);
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` say what `read` reads
  }, [...deps, generation, tick]);
  return answer && sameDeps(answer.whose, whose) ? answer.value : undefined;
}
