import type { SearchFilters, SearchResults } from '../../shared/search';
import type { SearchRequest, SearchResponse } from '../workers/searchProtocol';
import type { SearchClient, SearchStatus } from './types';
import type { WorkerPort } from '../workers/workerPort';

/** Extra, optional search options beyond the SearchClient contract. */
export interface SearchCallOptions {
  limit?: number;
  /**
   * Searches of one caller (default 'default') replace each other: one still waiting when a
   * newer one arrives is not run and resolves with the newer one's results. Give separate
   * callers (say, the search box and a mention picker) separate names.
   */
  caller?: string;
  /** Aborting rejects with an AbortError and tells the worker to skip the query. */
  signal?: AbortSignal;
}

/** The part of `Worker` the client uses, so tests can stand in for it. */
export type SearchWorkerLike = WorkerPort<SearchRequest, SearchResponse>;

interface Pending {
  caller: string;
  resolve(results: SearchResults): void;
  reject(error: Error): void;
  /** Older searches of the same caller that were answered by this one. */
  followers: Pending[];
}

export interface SearchClientHandle extends SearchClient {
  search(input: string, filters?: SearchFilters, options?: SearchCallOptions): Promise<SearchResults>;
  /** Tells the worker the database changed (it also notices by itself; this is a cheap extra nudge). */
  notifyChanged(): void;
  dispose(): void;
}

const abortError = () => new DOMException('The search was aborted', 'AbortError');

export function createSearchClient(createWorker: () => SearchWorkerLike): SearchClientHandle {
  let status: SearchStatus = { ready: false, indexing: null, error: null };
  const listeners = new Set<(status: SearchStatus) => void>();
  const pending = new Map<number, Pending>();
  const lastResults = new Map<string, SearchResults>();
  let nextId = 1;
  let worker: SearchWorkerLike | null = createWorker();

  const setStatus = (next: SearchStatus) => {
    status = next;
    for (const listener of [...listeners]) listener(status);
  };
  const settle = (entry: Pending, outcome: { results: SearchResults } | { error: Error }) => {
    for (const p of [entry, ...entry.followers]) {
      if ('results' in outcome) p.resolve(outcome.results);
      else p.reject(outcome.error);
    }
  };

  worker.onmessage = ({ data }) => {
    if (data.type === 'status') { setStatus(data.status); return; }
    const entry = pending.get(data.id);
    if (!entry) return;
    pending.delete(data.id);
    switch (data.type) {
      case 'result':
        lastResults.set(entry.caller, data.results);
        settle(entry, { results: data.results });
        break;
      case 'superseded': {
        const newer = pending.get(data.by);
        if (newer) newer.followers.push(entry, ...entry.followers);
        else {
          const last = lastResults.get(entry.caller);
          settle(entry, last ? { results: last } : { error: abortError() });
        }
        break;
      }
      case 'cancelled':
        settle(entry, { error: abortError() });
        break;
      case 'failed':
        settle(entry, { error: new Error(data.message) });
        break;
    }
  };
  worker.onerror = (event) => {
    const message = event.message || 'the search worker stopped';
    setStatus({ ...status, ready: false, error: { kind: 'unavailable', detail: message } });
    for (const entry of pending.values()) settle(entry, { error: new Error(message) });
    pending.clear();
  };

  return {
    search(input, filters, options = {}) {
      const { signal, caller = 'default' } = options;
      if (!worker) return Promise.reject(new Error('the search client was disposed'));
      if (signal?.aborted) return Promise.reject(abortError());
      const id = nextId++;
      const w = worker;
      return new Promise<SearchResults>((resolve, reject) => {
        pending.set(id, { caller, resolve, reject, followers: [] });
        signal?.addEventListener('abort', () => {
          const entry = pending.get(id);
          if (!entry) return;
          w.postMessage({ type: 'cancel', id });
          // Followers still want an answer: only this caller gave up.
          pending.set(id, { ...entry, resolve: () => undefined, reject: () => undefined });
          reject(abortError());
        }, { once: true });
        w.postMessage({ type: 'search', id, caller, input, ...(filters ? { filters } : {}), ...(options.limit ? { limit: options.limit } : {}) });
      });
    },
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifyChanged() {
      worker?.postMessage({ type: 'changed' });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const entry of pending.values()) settle(entry, { error: abortError() });
      pending.clear();
    },
  };
}

let singleton: SearchClientHandle | null = null;

/** The app's one search client; the worker starts on the first call. */
export function getSearchClient(): SearchClientHandle {
  singleton ??= createSearchClient(
    () => new Worker(new URL('../workers/search.worker.ts', import.meta.url), { type: 'module', name: 'casefile-search' }) as SearchWorkerLike,
  );
  return singleton;
}

/** Nudges the worker after a write, if search has started (it watches the database too). */
export function notifySearch(): void {
  singleton?.notifyChanged();
}
