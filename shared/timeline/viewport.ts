import type { TimelineModel, TimelineRow } from './types';

/** Pixels of a lane and of the padding around a row's lanes. */
export const LANE_HEIGHT = 16;
export const ROW_PADDING = 6;

/** What part of the axis is on screen: the day at the left edge and the zoom. */
export interface TimeView {
  /** Day index (fractional) at x = 0 of the plot. */
  start: number;
  pxPerDay: number;
}

/** From a few days across the screen to a few centuries. */
export const MIN_PX_PER_DAY = 1 / 400;
export const MAX_PX_PER_DAY = 400;

export const rowHeight = (row: TimelineRow) => row.laneCount * LANE_HEIGHT + ROW_PADDING * 2;

/** Top of each row, and the total height as the last entry. */
export function rowOffsets(model: TimelineModel): Float64Array {
  const offsets = new Float64Array(model.rows.length + 1);
  for (let i = 0; i < model.rows.length; i++) offsets[i + 1] = offsets[i]! + rowHeight(model.rows[i]!);
  return offsets;
}

/** The first row whose bottom is below y (binary search over the offsets). */
export function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows [first, last) that meet the band [top, top + height). */
export function visibleRows(offsets: Float64Array, top: number, height: number): [number, number] {
  const count = offsets.length - 1;
  if (count <= 0) return [0, 0];
  const first = rowAt(offsets, Math.max(0, top));
  let last = first;
  while (last < count && offsets[last]! < top + height) last++;
  return [first, last];
}

/**
 * Calls `visit` with the index of every item of the row that overlaps days [from, to), in
 * start order. Items are sorted by start, so a binary search skips everything that starts
 * before `from - maxLength` (it cannot reach into view).
 */
export function forVisibleItems(row: TimelineRow, from: number, to: number, visit: (index: number) => void): void {
  const items = row.items;
  let lo = 0;
  let hi = items.length;
  const reach = from - row.maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < reach) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < items.length; i++) {
    const it = items[i]!;
    if (it.start >= to) break;
    if (it.end > from) visit(i);
  }
}

export function clampZoom(pxPerDay: number): number {
  return Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, pxPerDay));
}

/** Zooms by `factor` keeping the day under x = `anchor` where it is. */
export function zoomAround(view: TimeView, factor: number, anchor: number): TimeView {
  const pxPerDay = clampZoom(view.pxPerDay * factor);
  const day = view.start + anchor / view.pxPerDay;
  return { start: day - anchor / pxPerDay, pxPerDay };
}

export function panBy(view: TimeView, dx: number): TimeView {
  return { start: view.start - dx / view.pxPerDay, pxPerDay: view.pxPerDay };
}

/** The whole extent in `width` pixels with a margin either side; a lone day gets a month. */
export function fitView(extent: { start: number; end: number } | null, width: number, today: number): TimeView {
  const span = extent ? Math.max(30, extent.end - extent.start) : 3650;
  const from = extent ? extent.start : today - 3650;
  // A little room on the left, more on the right for the titles written after the last bars.
  const margin = span * 0.04;
  const pxPerDay = clampZoom(Math.max(1, width) / (span + 5 * margin));
  return { start: from - margin - (extent && extent.end - extent.start < 30 ? (30 - (extent.end - extent.start)) / 2 : 0), pxPerDay };
}
