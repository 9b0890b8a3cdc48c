import type { MultiLineString } from 'geojson';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * First-level regions (departments, states, provinces) from Natural Earth's 1:10m admin-1
 * layer (public domain), extracted small by scripts/build-admin1.mjs into
 * resources/geo/admin1.topo.json (~1.4 MB, a lazy chunk loaded after the countries).
 */
export interface RegionLayer {
  /** Borders between two regions of the same country (country borders are the basemap's). */
  borders: MultiLineString;
  /** Region names at their centroids, largest first; `code` is GeoNames' admin-1 code (`PE.05`), as the gazetteer's. */
  labels: { name: string; code: string; lon: number; lat: number; area: number }[];
}

interface RegionProps {
  /** GeoNames admin-1 code, '' when Natural Earth has none. */
  c: string;
  /** Name. */
  n: string;
  /** ISO 3166-1 alpha-2 of the country. */
  k: string;
}

/** Region borders and names are drawn from this zoom on (a country fills the window). */
export const REGIONS_FROM_ZOOM = 4;

let loading: Promise<RegionLayer> | null = null;

export function loadRegions(): Promise<RegionLayer> {
  loading ??= import('../../../resources/geo/admin1.topo.json').then(
    (m) => regionLayer((m.default ?? m) as unknown as Topology<{ regions: GeometryCollection<RegionProps> }>),
    (e: unknown) => { loading = null; throw e; }, // the next map tries again
  );
  return loading;
}

export function regionLayer(topo: Topology<{ regions: GeometryCollection<RegionProps> }>): RegionLayer {
  const regions = topo.objects.regions;
  const country = (g: { properties?: unknown }) => (g.properties as RegionProps | undefined)?.k;
  const borders = mesh(topo, regions, (a, b) => a !== b && country(a) === country(b));
  const shapes = feature(topo, regions);
  const labels = shapes.features.map((f) => {
    const [lon, lat] = geoCentroid(f);
    const p = f.properties as RegionProps;
    return { name: p.n, code: p.c, lon, lat, area: geoArea(f) };
  }).filter((l) => l.name && Number.isFinite(l.lon)).sort((a, b) => b.area - a.area);
  return { borders, labels };
}
