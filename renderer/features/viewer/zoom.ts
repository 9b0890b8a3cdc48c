/** How big a page is drawn: a fixed zoom (1 = 100%) or as wide as the viewer. */
export type Zoom = 'fit' | number;

/** The zoom select's steps; zoom in/out moves between them. */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
export const MIN_ZOOM = ZOOM_STEPS[0]!;
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** PDF points are 1/72 inch and CSS pixels 1/96: 100% shows a page at its printed size, as pdf.js's viewer does. */
export const CSS_UNITS = 96 / 72;

/**
 * The canvas budget: 16 megapixels (64 MB of RGBA), and no side beyond 16,384 pixels
 * (Chromium refuses larger canvases and then draws nothing). A page zoomed past it is
 * drawn at a lower resolution and stretched, never at a larger canvas.
 */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;
export const MAX_CANVAS_SIDE = 16_384;

/** CSS pixels per PDF unit at this zoom; `pageWidth` is the page's width at scale 1, `available` the viewer's inner width. */
export function cssScale(zoom: Zoom, pageWidth: number, available: number): number {
  if (zoom !== 'fit') return zoom * CSS_UNITS;
  if (pageWidth <= 0 || available <= 0) return CSS_UNITS;
  return Math.min(Math.max(available / pageWidth, MIN_ZOOM * CSS_UNITS / 2), MAX_ZOOM * CSS_UNITS);
}

/** Canvas pixels per CSS pixel: the device pixel ratio, lowered until the canvas fits the budget. */
export function outputRatio(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  if (cssWidth <= 0 || cssHeight <= 0) return dpr;
  return Math.min(dpr, Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight)), MAX_CANVAS_SIDE / cssWidth, MAX_CANVAS_SIDE / cssHeight);
}

/** The zoom as a plain number (what 'fit' currently amounts to), for stepping in and out. */
export function effectiveZoom(scale: number): number {
  return scale / CSS_UNITS;
}

/** The next step above (direction 1) or below (-1) the current effective zoom, clamped to the range. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const epsilon = 0.001;
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + epsilon) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - epsilon) ?? MIN_ZOOM;
}
