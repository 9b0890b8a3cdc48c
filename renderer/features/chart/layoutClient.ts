import type { Point } from '../../../shared/chart/svg';
import type { ChartLayoutRequest, ChartLayoutResponse } from '../../workers/chartLayoutProtocol';
import type { WorkerPort } from '../../workers/workerPort';

export type LayoutWorkerLike = WorkerPort<ChartLayoutRequest, ChartLayoutResponse>;

export interface LayoutJob {
  /** The new positions, or null when cancelled or replaced by a newer layout. */
  result: Promise<{ positions: Map<string, Point>; ms: number } | null>;
  cancel(): void;
}

export interface LayoutInputs {
  ids: readonly string[];
  edges: readonly (readonly [string, string])[];
  positions: Readonly<Record<string, Point>>;
  pinned: ReadonlySet<string>;
  /** Lay out afresh, keeping only pinned nodes where they are. */
  fresh: boolean;
}

/**
 * Runs layouts in a worker, one at a time: a new layout or Cancel terminates the worker
 * (the layout is one tight loop that cannot be interrupted otherwise) and the next starts a
 * new one, so a cancelled layout costs nothing more.
 */
export function createLayoutClient(createWorker: () => LayoutWorkerLike) {
  let worker: LayoutWorkerLike | null = null;
  let current: { id: number; settle: (v: { positions: Map<string, Point>; ms: number } | null) => void } | null = null;
  let nextId = 1;

  const stop = () => {
    worker?.terminate();
    worker = null;
    current?.settle(null);
    current = null;
  };

  function run(inputs: LayoutInputs, onProgress: (share: number) => void): LayoutJob {
    if (current) stop();
    const id = nextId++;
    const n = inputs.ids.length;
    const index = new Map(inputs.ids.map((nodeId, i) => [nodeId, i]));
    const x = new Float64Array(n).fill(NaN), y = new Float64Array(n).fill(NaN), fixed = new Uint8Array(n);
    let placed = 0;
    inputs.ids.forEach((nodeId, i) => {
      const p = inputs.positions[nodeId];
      const pin = inputs.pinned.has(nodeId);
      if (p && (pin || !inputs.fresh)) { x[i] = p.x; y[i] = p.y; placed++; }
      if (pin && p) fixed[i] = 1;
    });
    const edges = new Int32Array(inputs.edges.length * 2);
    let e = 0;
    for (const [s, t] of inputs.edges) {
      const a = index.get(s), b = index.get(t);
      if (a === undefined || b === undefined) continue;
      edges[e++] = a; edges[e++] = b;
    }
    // Mostly placed already: settle the newcomers gently instead of shaking the whole chart.
    const settled = placed / Math.max(1, n);
    const alpha = settled > 0.6 ? 0.25 : 1;
    const iterations = settled > 0.6 ? 150 : n > 1000 ? 250 : 300;
    const result = new Promise<{ positions: Map<string, Point>; ms: number } | null>((resolve) => {
      current = { id, settle: resolve };
      const w = (worker ??= createWorker());
      w.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.type === 'progress') { onProgress(data.step / data.total); return; }
        current = null;
        if (data.type === 'failed') { resolve(null); return; }
        const positions = new Map<string, Point>();
        inputs.ids.forEach((nodeId, i) => positions.set(nodeId, { x: data.x[i]!, y: data.y[i]! }));
        resolve({ positions, ms: data.ms });
      };
      w.onerror = () => { current = null; worker = null; resolve(null); };
      w.postMessage({ type: 'layout', id, count: n, edges: edges.subarray(0, e).slice(), x, y, fixed, iterations, alpha }, [x.buffer, y.buffer]);
    });
    return { result, cancel: () => { if (current?.id === id) stop(); } };
  }

  return { run, dispose: stop };
}

let singleton: ReturnType<typeof createLayoutClient> | null = null;

export function getLayoutClient(): ReturnType<typeof createLayoutClient> {
  singleton ??= createLayoutClient(
    () => new Worker(new URL('../../workers/chartLayout.worker.ts', import.meta.url), { type: 'module', name: 'casefile-chart-layout' }) as LayoutWorkerLike,
  );
  return singleton;
}
