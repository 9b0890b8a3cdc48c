// The mentions worker's end of its lane worker (mentionsLane.worker.ts): requests by number,
// and every request waiting refused once the worker fails, so the engine re-scans them itself.
import type { LanePort, LaneRequest, LaneResult } from '../mentions/lane';

export interface LaneMessage { id: number; request: LaneRequest }
export type LaneReply = { id: number; result: LaneResult } | { id: number; error: string };

interface LaneWorker {
  postMessage(message: LaneMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LaneReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

export function workerLanePort(worker: LaneWorker): LanePort {
  let next = 0;
  let failed: Error | null = null;
  const waiting = new Map<number, { resolve: (r: LaneResult) => void; reject: (e: Error) => void }>();
  worker.addEventListener('message', ({ data }) => {
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    if ('error' in data) w.reject(new Error(data.error)); else w.resolve(data.result);
  });
  worker.addEventListener('error', () => {
    failed = new Error('The mentions lane worker failed');
    for (const w of waiting.values()) w.reject(failed);
    waiting.clear();
  });
  return {
    request(request) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise<LaneResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
  };
}

/** The lane worker, where this context can start one (a nested dedicated worker). */
export function startLane(): LanePort | undefined {
  if (typeof Worker !== 'function') return undefined;
  try {
    return workerLanePort(new Worker(new URL('./mentionsLane.worker.ts', import.meta.url), { type: 'module', name: 'casefile-mentions-lane' }));
  } catch {
    return undefined;
  }
}
