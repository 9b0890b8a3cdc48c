export type { TimelineGrouping, TimelineItem, TimelineItemKind, TimelineModel, TimelineRow, UndatedItem } from './types';
export { buildTimeline } from './build';
export type { TimelineFilter, TimelineLabels } from './build';
export { MAX_LANES, packLanes } from './lanes';
export * from './viewport';
export { tickUnit, ticks } from './ticks';
export type { Tick, TickUnit } from './ticks';
