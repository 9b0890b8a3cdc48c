import { geoPath } from 'd3-geo';
import { projectionFor } from '../../../shared/geo/mapView';
import { clusterMarkers } from '../../../shared/geo/markers';
import { TYPE_COLORS } from '../timeline/colors';
import { svgEscape } from '../timeline/exportImage';
import { CLUSTER_CELL, clusterRadius, pickBasemap, projectMarkers, showRegions } from './drawMap';
import type { MapFrame } from './drawMap';

/** The map as on screen, as SVG for reports: land, country and region borders, and the same clustered markers. */
export function mapSvg(f: MapFrame): string {
  const path = geoPath(projectionFor(f.camera, f.width, f.height));
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="${f.width}" height="${f.height}" fill="#e8eef3"/>`];
  if (f.basemap) {
    const map = pickBasemap(f.basemap, f.camera.zoom);
    out.push(`<path d="${path(map.land) ?? ''}" fill="#f7f6f1"/>`);
    const regions = showRegions(f.basemap, f.camera.zoom);
    if (regions) out.push(`<path d="${path(regions.borders) ?? ''}" fill="none" stroke="#b9bfc6" stroke-width="0.6" stroke-dasharray="4 3"/>`);
    out.push(`<path d="${path(map.borders) ?? ''}" fill="none" stroke="#a9b0b8" stroke-width="0.8"/>`);
  }
  const clusters = clusterMarkers(projectMarkers(f), f.markers, CLUSTER_CELL, f.width, f.height);
  for (const c of clusters) {
    const r = clusterRadius(c, f.markers);
    const color = TYPE_COLORS[c.type];
    const titles = c.members.slice(0, 20).map((i) => `${f.markers[i]!.title} — ${f.markers[i]!.dateLabel}`).join('\n');
    const shape = c.approximate
      ? `<circle cx="${c.x}" cy="${c.y}" r="${r}" fill="#fff" fill-opacity="0.75" stroke="${color}" stroke-width="2.5" stroke-dasharray="3 2"/>`
      : `<circle cx="${c.x}" cy="${c.y}" r="${r}" fill="${color}" fill-opacity="0.85" stroke="#fff" stroke-width="1.5"/>`;
    const count = c.members.length > 1 ? `<text x="${c.x}" y="${c.y + 4}" text-anchor="middle" font-weight="600" fill="${c.approximate ? '#1f2328' : '#fff'}">${c.members.length}</text>` : '';
    out.push(`<g><title>${svgEscape(titles)}</title>${shape}${count}</g>`);
  }
  out.push('</svg>');
  return out.join('');
}
