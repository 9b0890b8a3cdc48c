import type { NameSuggestion } from '../../shared/mentions';
import type { MentionsRequest, MentionsResponse, MentionsStatus } from '../workers/mentionsProtocol';
import type { WorkerPort } from '../workers/workerPort';

export type { MentionsStatus } from '../workers/mentionsProtocol';

/** The part of `Worker` the client uses, so tests can stand in for it. */
export type MentionsWorkerLike = WorkerPort<MentionsRequest, MentionsResponse>;

export interface MentionsClient {
  status(): MentionsStatus;
  onStatus(listener: (status: MentionsStatus) => void): () => void;
  /** Names the document marks or repeats that no actor has yet. */
  suggest(documentId: string): Promise<NameSuggestion[]>;
  notifyChanged(): void;
  dispose(): void;
}

export function createMentionsClient(createWorker: () => MentionsWorkerLike): MentionsClient {
  let status: MentionsStatus = { ready: false, scanning: null, generation: 0, error: null };
  const listeners = new Set<(status: MentionsStatus) => void>();
  const pending = new Map<number, { resolve(s: NameSuggestion[]): void; reject(e: Error): void }>();
  let nextId = 1;
  let worker: MentionsWorkerLike | null = createWorker();
  worker.onmessage = ({ data }) => {
    if (data.type === 'status') {
      status = data.status;
      for (const listener of [...listeners]) listener(status);
      return;
    }
    const entry = pending.get(data.id);
    pending.delete(data.id);
    if (data.type === 'suggestions') entry?.resolve(data.suggestions);
    else entry?.reject(new Error(data.message));
  };
  worker.onerror = (event) => {
    status = { ...status, error: event.message || 'the mentions worker stopped' };
    for (const listener of [...listeners]) listener(status);
    for (const entry of pending.values()) entry.reject(new Error(status.error!));
    pending.clear();
  };
  return {
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    suggest(documentId) {
      if (!worker) return Promise.reject(new Error('the mentions client was disposed'));
      const id = nextId++;
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ type: 'suggest', id, documentId });
      });
    },
    notifyChanged() { worker?.postMessage({ type: 'changed' }); },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const entry of pending.values()) entry.reject(new Error('the mentions client was disposed'));
      pending.clear();
    },
  };
}

let singleton: MentionsClient | null = null;

/** The app's one mentions client; the worker starts on the first call and builds in the background. */
export function getMentionsClient(): MentionsClient {
  singleton ??= createMentionsClient(
    () => new Worker(new URL('../workers/mentions.worker.ts', import.meta.url), { type: 'module', name: 'casefile-mentions' }) as MentionsWorkerLike,
  );
  return singleton;
}
