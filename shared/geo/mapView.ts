import { geoMercator } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';

/** The map's camera: a centre and a zoom (0 shows the world in 256 pixels, each step doubles). */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 12;
const MAX_LAT = 80;

export const clampCamera = (c: MapCamera): MapCamera => ({
  lon: ((((c.lon + 180) % 360) + 360) % 360) - 180,
  lat: Math.max(-MAX_LAT, Math.min(MAX_LAT, c.lat)),
  zoom: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, c.zoom)),
});

/** Web-Mercator-like projection for a camera and a canvas size. */
export function projectionFor(c: MapCamera, width: number, height: number): GeoProjection {
  const scale = (256 * 2 ** c.zoom) / (2 * Math.PI);
  return geoMercator().scale(scale).center([c.lon, c.lat]).translate([width / 2, height / 2]).clipExtent([[-2, -2], [width + 2, height + 2]]);
}

/** Moves the camera by a drag of (dx, dy) pixels. */
export function panCamera(c: MapCamera, dx: number, dy: number, width: number, height: number): MapCamera {
  const p = projectionFor(c, width, height);
  const at = p.invert?.([width / 2 - dx, height / 2 - dy]);
  return at ? clampCamera({ ...c, lon: at[0], lat: at[1] }) : c;
}

/** Zooms by `steps` keeping the point under (x, y) in place. */
export function zoomCamera(c: MapCamera, steps: number, x: number, y: number, width: number, height: number): MapCamera {
  const p = projectionFor(c, width, height);
  const before = p.invert?.([x, y]);
  const zoomed = clampCamera({ ...c, zoom: c.zoom + steps });
  if (!before) return zoomed;
  const q = projectionFor(zoomed, width, height);
  const after = q([before[0], before[1]]);
  if (!after) return zoomed;
  return panCamera(zoomed, x - after[0], y - after[1], width, height);
}

/** A camera that shows every point with a margin; the world when there are none. */
export function fitCamera(points: readonly { lon: number; lat: number }[], width: number, height: number): MapCamera {
  if (points.length === 0) return { lon: 0, lat: 20, zoom: Math.log2(Math.max(1, width) / 256) };
  let minLon = Infinity; let maxLon = -Infinity; let minLat = Infinity; let maxLat = -Infinity;
  for (const p of points) {
    minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon);
    minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
  }
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 360));
  const spanX = Math.max((maxLon - minLon) / 360, 0.02);
  const spanY = Math.max((mercY(maxLat) - mercY(minLat)) / (2 * Math.PI), 0.02);
  // Never closer than a country's width: a lone marker still shows where in the world it is.
  const zoom = Math.min(Math.log2((width * 0.8) / 256 / spanX), Math.log2((height * 0.8) / 256 / spanY), 5.5);
  const centerLat = (Math.atan(Math.sinh((mercY(maxLat) + mercY(minLat)) / 2)) * 180) / Math.PI;
  return clampCamera({ lon: (minLon + maxLon) / 2, lat: centerLat, zoom });
}
