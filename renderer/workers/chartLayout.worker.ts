import { forceLayout } from '../../shared/chart/forceLayout';
import type { ChartLayoutRequest, ChartLayoutResponse } from './chartLayoutProtocol';

/**
 * The link chart's layout, off the UI thread (renderer/features/chart/layoutClient.ts). One
 * layout at a time; a newer request or Cancel terminates this worker rather than waiting.
 */
interface WorkerScope {
  postMessage(message: ChartLayoutResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ChartLayoutRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  const started = performance.now();
  try {
    const { id, count, edges, x, y, fixed, iterations, alpha } = data;
    forceLayout({ count, edges, x, y, fixed, iterations, alpha }, (step, total) => scope.postMessage({ type: 'progress', id, step, total }));
    scope.postMessage({ type: 'done', id, x, y, ms: performance.now() - started }, [x.buffer, y.buffer]);
  } catch (error) {
    scope.postMessage({ type: 'failed', id: data.id, message: error instanceof Error ? error.message : String(error) });
  }
});
