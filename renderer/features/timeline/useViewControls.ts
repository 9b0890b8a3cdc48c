import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { ALL_TYPES, readRange } from './ViewFilters';
import type { ViewFilterState } from './ViewFilters';
import { useOpenRecord } from './useOpenRecord';

/**
 * What the timeline and the map each hold the same way: their own filters and chart/table mode,
 * and the time range and selection they share (read from the store; the range as typed, parsed
 * with its errors for the filter fields).
 */
export function useViewControls() {
  const t = useT();
  const [filters, setFilters] = useState<ViewFilterState>({ types: ALL_TYPES, actorIds: [] });
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const rangeText = useUi((s) => s.viewRange);
  const selection = useUi((s) => s.viewSelection);
  const select = useUi((s) => s.selectInViews);
  const open = useOpenRecord();
  const { range, ...rangeErrors } = readRange(t, rangeText.from, rangeText.to);
  return { filters, setFilters, mode, setMode, selection, select, open, range, rangeErrors };
}
