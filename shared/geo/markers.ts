import { dateBar } from '../dates/bars';
import type { CaseEvent, EventType } from '../model';
import { totalFatalities } from '../model';

/** How an event got its place on the map: its own coordinates, or the centre of its region (approximate). */
export type Placement = 'coordinates' | 'region';

export interface EventMarker {
  eventId: string;
  title: string;
  type: EventType;
  lat: number;
  lon: number;
  placement: Placement;
  /** The region it was drawn at (placement 'region'). */
  regionName: string;
  fatalities: number | null;
  /** Day indexes of its date, for the time filter and stepping in order; null when undated. */
  start: number | null;
  end: number | null;
  dateLabel: string;
}

export interface RegionKey { country: string; region: string }
export const regionKey = (q: RegionKey) => `${q.country.trim().toLowerCase()}|${q.region.trim().toLowerCase()}`;

/** The regions to look up: events with a region but no coordinates. */
export function regionQueries(events: readonly CaseEvent[]): RegionKey[] {
  const out = new Map<string, RegionKey>();
  for (const ev of events) {
    if (ev.place.latitude !== null && ev.place.longitude !== null) continue;
    if (!ev.place.admin1.trim()) continue;
    const q = { country: ev.place.country, region: ev.place.admin1 };
    out.set(regionKey(q), q);
  }
  return [...out.values()];
}

/**
 * Markers for events: at their coordinates, else at their region's centre (marked approximate,
 * as ACLED's geo-precision does), else not on the map (returned apart, to list).
 */
export function eventMarkers(events: readonly CaseEvent[], regions: ReadonlyMap<string, { name: string; lat: number; lon: number } | null>):
  { markers: EventMarker[]; unplaced: CaseEvent[] } {
  const markers: EventMarker[] = [];
  const unplaced: CaseEvent[] = [];
  for (const ev of events) {
    const bar = ev.date ? dateBar(ev.date) : null;
    const base = {
      eventId: ev.id, title: ev.title, type: ev.type, fatalities: totalFatalities(ev),
      start: bar?.start ?? null, end: bar?.end ?? null, dateLabel: ev.date?.label ?? '',
    };
    if (ev.place.latitude !== null && ev.place.longitude !== null) {
      markers.push({ ...base, lat: ev.place.latitude, lon: ev.place.longitude, placement: 'coordinates', regionName: '' });
      continue;
    }
    const region = ev.place.admin1.trim() ? regions.get(regionKey({ country: ev.place.country, region: ev.place.admin1 })) : null;
    if (region) markers.push({ ...base, lat: region.lat, lon: region.lon, placement: 'region', regionName: region.name });
    else unplaced.push(ev);
  }
  return { markers, unplaced };
}

export interface Cluster {
  x: number;
  y: number;
  /** Indexes into the markers given. */
  members: number[];
  /** The type most of its members have (its colour). */
  type: EventType;
  approximate: boolean;
}

/**
 * Markers closer than `cell` pixels on screen join one cluster: a grid over the screen, each
 * cell's members averaged. Linear in the markers (10,000 take a few milliseconds).
 */
export function clusterMarkers(points: ArrayLike<number>, markers: readonly EventMarker[], cell: number, width: number, height: number): Cluster[] {
  const cells = new Map<number, Cluster>();
  const cols = Math.ceil(width / cell) + 2;
  for (let i = 0; i < markers.length; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (!Number.isFinite(x) || x < -cell || y < -cell || x > width + cell || y > height + cell) continue;
    const key = (Math.floor(y / cell) + 1) * cols + Math.floor(x / cell) + 1;
    const c = cells.get(key);
    if (!c) cells.set(key, { x, y, members: [i], type: markers[i]!.type, approximate: markers[i]!.placement === 'region' });
    else {
      c.x += x;
      c.y += y;
      c.members.push(i);
      if (markers[i]!.placement === 'region') c.approximate = true;
    }
  }
  const out = [...cells.values()];
  for (const c of out) {
    c.x /= c.members.length;
    c.y /= c.members.length;
    if (c.members.length > 1) {
      const counts = new Map<EventType, number>();
      for (const i of c.members) counts.set(markers[i]!.type, (counts.get(markers[i]!.type) ?? 0) + 1);
      c.type = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      c.approximate = c.members.every((i) => markers[i]!.placement === 'region');
    }
  }
  return out;
}

/** Marker radius in pixels from fatalities: area grows with the count, capped. */
export function markerRadius(fatalities: number | null): number {
  return Math.min(18, 5 + 2 * Math.sqrt(fatalities ?? 0));
}
