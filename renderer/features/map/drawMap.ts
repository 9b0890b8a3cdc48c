import { geoPath } from 'd3-geo';
import type { Cluster, EventMarker } from '../../../shared/geo/markers';
import { clusterMarkers, markerRadius } from '../../../shared/geo/markers';
import type { MapCamera } from '../../../shared/geo/mapView';
import { projectionFor } from '../../../shared/geo/mapView';
import { TYPE_COLORS } from '../timeline/colors';
import type { Basemap } from './basemap';
import type { RegionLayer } from './regions';
import { REGIONS_FROM_ZOOM } from './regions';

export const CLUSTER_CELL = 44;
const SEA = '#e8eef3';
const LAND = '#f7f6f1';
const BORDER = '#a9b0b8';

export interface MapFrame {
  camera: MapCamera;
  width: number;
  height: number;
  /** The coarse (110m) and, once loaded, the fine (50m) basemap: fine from region zoom on. */
  basemap: { coarse: Basemap; fine: Basemap | null; regions?: RegionLayer | null } | null;
  markers: readonly EventMarker[];
  selectedEventId: string | null;
  focusEventId: string | null;
}

/** Sea, land and borders for a camera. */
export function drawBasemap(ctx: CanvasRenderingContext2D, f: Pick<MapFrame, 'camera' | 'width' | 'height' | 'basemap'>): void {
  ctx.fillStyle = SEA;
  ctx.fillRect(0, 0, f.width, f.height);
  if (!f.basemap) return;
  const map = pickBasemap(f.basemap, f.camera.zoom);
  const path = geoPath(projectionFor(f.camera, f.width, f.height), ctx);
  ctx.beginPath();
  path(map.land);
  ctx.fillStyle = LAND;
  ctx.fill();
  const regions = showRegions(f.basemap, f.camera.zoom);
  if (regions) {
    ctx.beginPath();
    path(regions.borders);
    ctx.strokeStyle = REGION_BORDER;
    ctx.lineWidth = 0.6;
    ctx.setLineDash([4, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.beginPath();
  path(map.borders);
  ctx.strokeStyle = BORDER;
  ctx.lineWidth = 0.8;
  ctx.stroke();
  const placed: Box[] = [];
  drawNames(ctx, f, map.labels, placed, '12px system-ui, sans-serif', '#7a828c', 9000, 0);
  // A region's name is smaller and lighter: it fits in less room, under its country's. It sits a
  // little below the region's middle, where an event placed at the region's centre is drawn.
  if (regions) drawNames(ctx, f, regions.labels, placed, 'italic 11px system-ui, sans-serif', '#8a9099', 2500, 18);
}

const REGION_BORDER = '#b9bfc6';

/** The region layer, when loaded and the camera is close enough for it. */
export function showRegions(b: MapFrame['basemap'], zoom: number): RegionLayer | null {
  return zoom >= REGIONS_FROM_ZOOM ? b?.regions ?? null : null;
}

/** World and continent views draw the 1:110m countries (a fifth of the points); closer in, 1:50m. */
export const FINE_FROM_ZOOM = 3.5;
export function pickBasemap(b: { coarse: Basemap; fine: Basemap | null }, zoom: number): Basemap {
  return zoom >= FINE_FROM_ZOOM && b.fine ? b.fine : b.coarse;
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/** Names of the areas (countries, then regions) large enough on screen to hold one, largest first, never overlapping. */
function drawNames(ctx: CanvasRenderingContext2D, f: Pick<MapFrame, 'camera' | 'width' | 'height'>, labels: Basemap['labels'], placed: Box[], font: string, color: string, minArea: number, dy: number): void {
  const projection = projectionFor(f.camera, f.width, f.height);
  const scale = projection.scale();
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = color;
  for (const l of labels) {
    // Area on screen in square pixels (steradians × scale²): smaller areas get no name.
    if (l.area * scale * scale < minArea) break;
    const at = projection([l.lon, l.lat]);
    if (!at || at[0] < 0 || at[1] < 0 || at[0] > f.width || at[1] > f.height) continue;
    const xy = [at[0], at[1] + dy] as const;
    const w = ctx.measureText(l.name).width;
    const box = { x0: xy[0] - w / 2 - 4, y0: xy[1] - 9, x1: xy[0] + w / 2 + 4, y1: xy[1] + 9 };
    if (placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
    placed.push(box);
    ctx.fillText(l.name, xy[0], xy[1]);
  }
  ctx.textAlign = 'start';
}

/**
 * Screen positions of all markers, flat [x0, y0, x1, y1, …]: the Mercator formula written out
 * with the projection's own scale, centre and translation (what d3 computes per point, without
 * its per-call overhead, for 10,000 markers a frame).
 */
export function projectMarkers(f: Pick<MapFrame, 'camera' | 'width' | 'height' | 'markers'>): Float64Array {
  const p = projectionFor(f.camera, f.width, f.height);
  const k = p.scale();
  const [tx, ty] = p.translate();
  const rad = Math.PI / 180;
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * rad) / 2));
  const cx = f.camera.lon * rad;
  const cy = mercY(f.camera.lat);
  const out = new Float64Array(f.markers.length * 2);
  for (let i = 0; i < f.markers.length; i++) {
    const m = f.markers[i]!;
    let dl = m.lon * rad - cx;
    if (dl > Math.PI) dl -= 2 * Math.PI;
    else if (dl < -Math.PI) dl += 2 * Math.PI;
    out[2 * i] = tx + k * dl;
    out[2 * i + 1] = ty - k * (mercY(m.lat) - cy);
  }
  return out;
}

export const clusterRadius = (c: Cluster, markers: readonly EventMarker[]) =>
  c.members.length === 1 ? markerRadius(markers[c.members[0]!]!.fatalities) : Math.min(26, 10 + 3 * Math.sqrt(c.members.length));

/**
 * Markers over the basemap: clustered when closer than a cell, coloured by event type, sized
 * by fatalities; hollow with a dashed ring when placed at a region's centre (approximate).
 */
export function drawMarkers(ctx: CanvasRenderingContext2D, f: MapFrame): Cluster[] {
  const points = projectMarkers(f);
  const clusters = clusterMarkers(points, f.markers, CLUSTER_CELL, f.width, f.height);
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const c of clusters) {
    const r = clusterRadius(c, f.markers);
    const color = TYPE_COLORS[c.type];
    ctx.beginPath();
    ctx.arc(c.x, c.y, r, 0, Math.PI * 2);
    if (c.approximate) {
      ctx.fillStyle = 'rgba(255,255,255,0.75)';
      ctx.fill();
      ctx.setLineDash([3, 2]);
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5;
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = color;
      ctx.globalAlpha = 0.85;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    if (c.members.length > 1) {
      ctx.fillStyle = c.approximate ? '#1f2328' : '#ffffff';
      ctx.fillText(String(c.members.length), c.x, c.y + 0.5);
    }
    const has = (id: string | null) => id !== null && c.members.some((i) => f.markers[i]!.eventId === id);
    if (has(f.selectedEventId)) {
      ctx.beginPath();
      ctx.arc(c.x, c.y, r + 4, 0, Math.PI * 2);
      ctx.strokeStyle = '#1f2328';
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
    if (has(f.focusEventId)) {
      ctx.beginPath();
      ctx.arc(c.x, c.y, r + 7, 0, Math.PI * 2);
      ctx.setLineDash([3, 2]);
      ctx.strokeStyle = '#1f5fa8';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  ctx.textAlign = 'start';
  return clusters;
}

/** The cluster under a point, if any. */
export function clusterAt(clusters: readonly Cluster[], markers: readonly EventMarker[], x: number, y: number): Cluster | null {
  let best: Cluster | null = null;
  let bestD = Infinity;
  for (const c of clusters) {
    const d = Math.hypot(c.x - x, c.y - y);
    if (d <= clusterRadius(c, markers) + 3 && d < bestD) { best = c; bestD = d; }
  }
  return best;
}
