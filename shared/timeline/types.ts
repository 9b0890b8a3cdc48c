import type { ActorStatus, EventType } from '../model';

export type TimelineItemKind = 'event' | 'status' | 'membership';
export type TimelineGrouping = 'actor' | 'group' | 'type';

/**
 * One thing on the time axis. Positions are day indexes (shared/dates/calendar), half-open
 * [start, end). `coreStart`/`coreEnd` is the part known for sure (memberships); outside it
 * the bar is drawn soft. A point date has `exact` set and is drawn as a mark.
 */
export interface TimelineItem {
  /** Unique on the timeline: record kind, record id and sub-entry. */
  key: string;
  kind: TimelineItemKind;
  /** The record a click opens: the event, or the actor whose status or membership it is. */
  recordKind: 'event' | 'actor';
  recordId: string;
  /** For events: the event. For status and membership: the actor; `subjectId` is the group for a membership. */
  subjectId: string | null;
  title: string;
  /** The date as written ("late August 2019"; a membership's "1970s – 1992"). */
  dateLabel: string;
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
  exact: boolean;
  openStart: boolean;
  openEnd: boolean;
  eventType: EventType | null;
  status: ActorStatus | null;
  /** Role in a membership. */
  role: string;
  fatalities: number | null;
}

/** Items that cannot be placed in time: listed apart, never dropped. */
export interface UndatedItem {
  key: string;
  kind: TimelineItemKind;
  recordKind: 'event' | 'actor';
  recordId: string;
  title: string;
  rowLabel: string;
  eventType: EventType | null;
  status: ActorStatus | null;
}

export interface TimelineRow {
  key: string;
  label: string;
  /** Items sorted by start; lane per item (same order) so overlapping bars stack. */
  items: TimelineItem[];
  lanes: Uint8Array;
  laneCount: number;
  /** The longest item, so a search by start can reach back far enough for what overlaps. */
  maxLength: number;
}

export interface TimelineModel {
  rows: TimelineRow[];
  undated: UndatedItem[];
  /** Day-index range of everything dated, or null when nothing is. */
  extent: { start: number; end: number } | null;
  itemCount: number;
}
