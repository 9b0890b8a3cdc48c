import type { ChartWork } from '../../shared/chart/work';
import { EMPTY_CHART } from '../../shared/chart/work';

/**
 * The link chart being worked on (renderer/features/chart). Kept in the store, not in the
 * view, so opening a node's record and coming back finds the chart as it was left.
 */
export interface ChartSlice {
  chart: ChartWork;
  /** Bumped to lay the whole chart out afresh (pinned nodes stay). */
  chartRelayout: number;
  setChart: (update: (chart: ChartWork) => ChartWork) => void;
  relayoutChart: () => void;
}

export const createChartSlice = (set: (update: (s: ChartSlice) => Partial<ChartSlice>) => void): ChartSlice => ({
  chart: EMPTY_CHART,
  chartRelayout: 0,
  setChart: (update) => set((s) => ({ chart: update(s.chart) })),
  relayoutChart: () => set((s) => ({ chartRelayout: s.chartRelayout + 1 })),
});
