/** Messages between the link chart and its layout worker (chartLayout.worker.ts). */
export interface ChartLayoutRequest {
  type: 'layout';
  id: number;
  count: number;
  /** Edge ends as node indexes, [s0, t0, s1, t1, …]; transferred. */
  edges: Int32Array;
  /** Starting positions (NaN: no place yet); transferred and handed back laid out. */
  x: Float64Array;
  y: Float64Array;
  fixed: Uint8Array;
  iterations: number;
  alpha: number;
}

export type ChartLayoutResponse =
  | { type: 'progress'; id: number; step: number; total: number }
  | { type: 'done'; id: number; x: Float64Array; y: Float64Array; ms: number }
  | { type: 'failed'; id: number; message: string };
