import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Country shapes and the borders between them, from Natural Earth via world-atlas (public domain). */
export interface Basemap {
  land: FeatureCollection;
  borders: MultiLineString;
  /** Which world-atlas resolution: 50m (1:50 million) draws Peru's regions' coast and borders well enough at region zoom. */
  resolution: '50m' | '110m';
}

let loading: Promise<Basemap> | null = null;

/** Loaded once, on first use of a map (a lazy chunk of ~750 kB). */
export function loadBasemap(): Promise<Basemap> {
  loading ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    return {
      land: feature(topo, topo.objects.countries) as unknown as FeatureCollection,
      borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
      resolution: '50m' as const,
    };
  });
  return loading;
}
