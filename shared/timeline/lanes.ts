import type { TimelineItem } from './types';

/** Overlapping bars in a row stack in up to this many lanes; more share the last ones. */
export const MAX_LANES = 4;

/**
 * Greedy interval partitioning over items sorted by start: each item takes the first lane
 * free by its start, else the lane that frees first. A row is as tall as its lanes.
 */
export function packLanes(items: readonly TimelineItem[]): { lanes: Uint8Array; laneCount: number } {
  const lanes = new Uint8Array(items.length);
  const laneEnds: number[] = [];
  items.forEach((it, i) => {
    let lane = laneEnds.findIndex((end) => end <= it.start);
    if (lane < 0) {
      if (laneEnds.length < MAX_LANES) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, it.end);
    lanes[i] = lane;
  });
  return { lanes, laneCount: Math.max(1, laneEnds.length) };
}
