import { openDatabase } from '../db/db';
import { RescanLane } from '../mentions/lane';
import type { LaneMessage, LaneReply } from './mentionsLanePort';

/**
 * The mentions worker's second lane (renderer/mentions/lane.ts): re-scans half of a large name
 * edit's pages over its own IndexedDB connection. Requests are handled in the order they
 * come, so the names each carries apply in the engine's order.
 */
interface WorkerScope {
  postMessage(message: LaneReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LaneMessage>) => void): void;
}
const scope = self as unknown as WorkerScope;
const lane = openDatabase('casefile', undefined, 'relaxed').then((db) => new RescanLane(db));

scope.addEventListener('message', ({ data: { id, request } }) => {
  lane.then((l) => l.handle(request)).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
