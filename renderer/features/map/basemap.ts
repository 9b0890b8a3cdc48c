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

const loading = new Map<Basemap['resolution'], Promise<Basemap>>();

/**
 * Each loaded once, on first use (lazy chunks: ~110 kB at 110m, ~750 kB at 50m). The map draws
 * 110m from the world down to continent zoom, where it is fast enough for the first draw, and
 * 50m from region zoom on, where 110m's coasts are visibly off (bench:views measures both).
 */
export function loadBasemap(resolution: Basemap['resolution'] = '50m'): Promise<Basemap> {
  let p = loading.get(resolution);
  if (!p) loading.set(resolution, (p = readBasemap(resolution)));
  return p;
}

async function readBasemap(resolution: Basemap['resolution']): Promise<Basemap> {
  const m = resolution === '50m' ? await import('world-atlas/countries-50m.json') : await import('world-atlas/countries-110m.json');
  {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    const land = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
    const labels = land.features.map((f) => {
      const [lon, lat] = geoCentroid(f);
      return { name: String((f.properties as { name?: string } | null)?.name ?? ''), lon, lat, area: geoArea(f) };
    }).filter((l) => l.name && Number.isFinite(l.lon)).sort((a, b) => b.area - a.area);
    return {
      land, labels,
      borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
      resolution,
    };
  }
}
