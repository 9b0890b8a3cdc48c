import type { Viewport } from '../../../shared/chart/viewport';
import type { PaintState } from './paint';
import { paintBase, paintOverlay } from './paint';

/** How a frame was made: the base repainted, the kept base moved or scaled, or only the overlay over it. */
export type FrameKind = 'full' | 'moved' | 'overlay';

type Surface = HTMLCanvasElement | OffscreenCanvas;

/**
 * The chart in two layers, as the map keeps its basemap: a base picture of edges, nodes, path
 * and labels, kept in an offscreen canvas, and hover and selection drawn over it each frame.
 * Rasterising 2,000 nodes and 5,000 edges is most of a frame's cost in a software canvas, so:
 * - hover or selection changes redraw only the overlay over the kept picture;
 * - while the view moves (drag, wheel, keys) the kept picture is drawn moved and scaled, and the
 *   caller repaints it (`moving: false`) once the motion stops;
 * - anything else (records shown, positions, pins, path, size) repaints the base.
 */
export class ChartLayers {
  private base: Surface | null = null;
  private kept: { s: PaintState; dpr: number } | null = null;

  constructor(private readonly makeSurface: (w: number, h: number) => Surface = defaultSurface) {}

  frame(ctx: CanvasRenderingContext2D, s: PaintState, dpr: number, opts: { moving: boolean }): FrameKind {
    const kept = this.kept;
    const sameContent = kept !== null && kept.dpr === dpr && kept.s.chart === s.chart && kept.s.positions === s.positions &&
      kept.s.pinned === s.pinned && kept.s.path === s.path && kept.s.width === s.width && kept.s.height === s.height;
    let kind: FrameKind;
    if (sameContent && sameView(kept.s.view, s.view)) kind = 'overlay';
    else if (sameContent && opts.moving) kind = 'moved';
    else kind = 'full';
    if (kind === 'full') this.repaint(s, dpr);
    const base = this.base!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    if (kind === 'moved') {
      // Where the kept picture lands under the new view: world → screen went from k0·w + v0 to k·w + v.
      const v0 = this.kept!.s.view;
      const scale = s.view.k / v0.k;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.drawImage(base, s.view.x - v0.x * scale, s.view.y - v0.y * scale, s.width * scale, s.height * scale);
    } else {
      ctx.drawImage(base, 0, 0);
    }
    paintOverlay(ctx, s, dpr);
    return kind;
  }

  /** Drops the kept picture (the next frame repaints it). */
  reset(): void {
    this.kept = null;
  }

  private repaint(s: PaintState, dpr: number): void {
    const w = Math.max(1, Math.round(s.width * dpr)), h = Math.max(1, Math.round(s.height * dpr));
    if (!this.base || this.base.width !== w || this.base.height !== h) this.base = this.makeSurface(w, h);
    const ctx = this.base.getContext('2d') as CanvasRenderingContext2D | null;
    if (!ctx) throw new Error('No 2D canvas for the chart');
    paintBase(ctx, { ...s, selected: null, hover: null }, dpr);
    this.kept = { s, dpr };
  }
}

const sameView = (a: Viewport, b: Viewport) => a.x === b.x && a.y === b.y && a.k === b.k;

function defaultSurface(w: number, h: number): Surface {
  if (typeof document !== 'undefined') {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    return c;
  }
  return new OffscreenCanvas(w, h);
}
