import type { Point } from './svg';

/** Screen = world × k + (x, y), in CSS pixels. */
export interface Viewport { x: number; y: number; k: number }

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

/** The viewport that shows every point in a width × height box, with a margin, never zoomed past 2. */
export function fitViewport(points: Iterable<Point>, width: number, height: number, margin = 48): Viewport {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) { x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y); }
  if (x0 === Infinity) return { x: width / 2, y: height / 2, k: 1 };
  const k = clampZoom(Math.min((width - 2 * margin) / Math.max(x1 - x0, 1), (height - 2 * margin) / Math.max(y1 - y0, 1), 2));
  return { x: width / 2 - ((x0 + x1) / 2) * k, y: height / 2 - ((y0 + y1) / 2) * k, k };
}

export const clampZoom = (k: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** Zooms by `factor` keeping the screen point (sx, sy) where it is. */
export function zoomAt(view: Viewport, factor: number, sx: number, sy: number): Viewport {
  const k = clampZoom(view.k * factor);
  const f = k / view.k;
  return { k, x: sx - (sx - view.x) * f, y: sy - (sy - view.y) * f };
}

export const toScreen = (view: Viewport, p: Point): Point => ({ x: p.x * view.k + view.x, y: p.y * view.k + view.y });
export const toWorld = (view: Viewport, sx: number, sy: number): Point => ({ x: (sx - view.x) / view.k, y: (sy - view.y) / view.k });

/** The node under a screen point (the nearest within `radius` screen pixels), or null. */
export function hitNode(view: Viewport, ids: readonly string[], positions: ReadonlyMap<string, Point>, sx: number, sy: number, radius: number): string | null {
  const w = toWorld(view, sx, sy);
  const r = radius / view.k;
  let best: string | null = null;
  let bestD = r * r;
  for (const id of ids) {
    const p = positions.get(id);
    if (!p) continue;
    const d = (p.x - w.x) ** 2 + (p.y - w.y) ** 2;
    if (d <= bestD) { bestD = d; best = id; }
  }
  return best;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * For arrow keys: the node nearest in that direction, within a 45° cone either side, the
 * sideways distance counting double so "right" means to the right rather than far off
 * diagonally. Null when nothing lies that way.
 */
export function nodeInDirection(from: string, dir: Direction, ids: readonly string[], positions: ReadonlyMap<string, Point>): string | null {
  const o = positions.get(from);
  if (!o) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of ids) {
    if (id === from) continue;
    const p = positions.get(id);
    if (!p) continue;
    const dx = p.x - o.x, dy = p.y - o.y;
    const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
    const across = Math.abs(dir === 'left' || dir === 'right' ? dy : dx);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) { bestScore = score; best = id; }
  }
  return best;
}
