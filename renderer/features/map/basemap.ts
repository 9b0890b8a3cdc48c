import type { FeatureCollection, MultiLineString } from 'geojson';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Country shapes and the borders between them, from Natural Earth via world-atlas (public domain). */
export interface Basemap {
  land: FeatureCollection;
  borders: MultiLineString;
  /** Which world-atlas resolution: 50m (1:50 million) draws Peru's regions' coast and borders well enough at region zoom. */
  resolution: '50m' | '110m';
  /** Country names at their centroids; `area` in steradians decides from what zoom a name fits. */
  labels: { name: string; lon: number; lat: number; area: number }[];
}

let loading: Promise<Basemap> | null = null;

/** Loaded once, on first use of a map (a lazy chunk of ~750 kB). */
export function loadBasemap(): Promise<Basemap> {
  loading ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    const land = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
    const labels = land.features.map((f) => {
      const [lon, lat] = geoCentroid(f);
      return { name: String((f.properties as { name?: string } | null)?.name ?? ''), lon, lat, area: geoArea(f) };
    }).filter((l) => l.name && Number.isFinite(l.lon)).sort((a, b) => b.area - a.area);
    return {
      land, labels,
      borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
      resolution: '50m' as const,
    };
  });
  return loading;
}
