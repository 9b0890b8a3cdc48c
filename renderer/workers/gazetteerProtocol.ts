import type { GazetteerRegion, PlaceHit } from '../../shared/geo/gazetteer';

/** Where an event without coordinates is drawn: its region's centre. */
export interface RegionQuery {
  country: string;
  region: string;
}

export type GazetteerRequest =
  | { id: number; op: 'search'; query: string; limit: number; lang: string }
  | { id: number; op: 'regions'; queries: RegionQuery[] }
  | { id: number; op: 'nearest'; lat: number; lon: number };

export type GazetteerResponse =
  | { id: number; ok: true; hits: PlaceHit[] }
  | { id: number; ok: true; regions: (GazetteerRegion | null)[] }
  | { id: number; ok: true; nearest: PlaceHit | null }
  | { id: number; ok: false; error: string };

/** The first message: where to fetch the gazetteer file (the app's own origin). */
export interface GazetteerInit {
  url: string;
}
