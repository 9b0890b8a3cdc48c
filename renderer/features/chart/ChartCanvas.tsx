import { useCallback, useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, PointerEvent, WheelEvent } from 'react';
import type { Point } from '../../../shared/chart/svg';
import type { Direction, Viewport } from '../../../shared/chart/viewport';
import { fitViewport, hitNode, nodeInDirection, toWorld, zoomAt } from '../../../shared/chart/viewport';
import type { VisibleChart } from '../../../shared/chart/visible';
import { useT } from '../../i18n/useT';
import { ChartLayers } from './chartLayers';

export type NodeAction = 'open' | 'expand' | 'hide' | 'pin';

interface ChartCanvasProps {
  chart: VisibleChart;
  positions: ReadonlyMap<string, Point>;
  selected: string | null;
  pinned: ReadonlySet<string>;
  path: ReadonlySet<string>;
  /** Changes when the chart should be fitted to the window again (a new chart, a fresh layout). */
  fitKey: string;
  onSelect: (nodeId: string | null) => void;
  onAction: (action: NodeAction, nodeId: string) => void;
  /** A node dragged to a new place (it is pinned there). */
  onMove: (nodeId: string, to: Point) => void;
  /** Describes the chart for assistive technology (counts, what is selected). */
  summary: string;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const PAN_STEP = 80;
const HIT_RADIUS = 13;
/** The view counts as moving this long after the last pan or zoom; then the picture is repainted sharp. */
const SETTLE_MS = 140;

/**
 * The chart on a canvas: drag the background to pan, the wheel to zoom, drag a node to move
 * it; click selects, double-click opens the record. From the keyboard: arrows move between
 * nodes, Shift+arrows pan, + and − zoom, 0 fits, Enter opens, E expands, H hides, P pins.
 * Drawing happens at most once a frame, whatever the input rate.
 */
export function ChartCanvas(props: ChartCanvasProps) {
  const t = useT();
  const helpId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<Viewport>({ x: 0, y: 0, k: 1 });
  const sizeRef = useRef({ width: 0, height: 0 });
  const hoverRef = useRef<string | null>(null);
  const dragRef = useRef<{ kind: 'pan' | 'node'; id: string | null; x: number; y: number; moved: boolean; pointerId: number } | null>(null);
  const dragPos = useRef<{ id: string; p: Point } | null>(null);
  const propsRef = useRef(props);
  useLayoutEffect(() => { propsRef.current = props; });
  const frame = useRef(0);
  const layers = useRef<ChartLayers | null>(null);
  const movingUntil = useRef(0);
  const settleTimer = useRef(0);

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const p = propsRef.current;
    const { width, height } = sizeRef.current;
    let positions = p.positions;
    if (dragPos.current) { const m = new Map(positions); m.set(dragPos.current.id, dragPos.current.p); positions = m; }
    layers.current ??= new ChartLayers();
    layers.current.frame(ctx, { chart: p.chart, positions, view: viewRef.current, width, height, selected: p.selected, hover: hoverRef.current, pinned: p.pinned, path: p.path },
      window.devicePixelRatio || 1, { moving: performance.now() < movingUntil.current });
  }, []);
  const schedule = useCallback(() => { if (!frame.current) frame.current = requestAnimationFrame(draw); }, [draw]);
  useEffect(() => () => { cancelAnimationFrame(frame.current); window.clearTimeout(settleTimer.current); }, []);
  /** A pan or zoom from input: frames move the kept picture until the motion stops, then it is repainted. */
  const moveView = (next: Viewport) => {
    viewRef.current = next;
    movingUntil.current = performance.now() + SETTLE_MS;
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(schedule, SETTLE_MS + 10);
    schedule();
  };

  const fit = useCallback(() => {
    const { width, height } = sizeRef.current;
    const p = propsRef.current;
    viewRef.current = fitViewport(p.chart.nodes.flatMap((n) => { const q = p.positions.get(n.id); return q ? [q] : []; }), width, height);
    schedule();
  }, [schedule]);

  // Size the canvas to its box (device pixels for sharp lines) and redraw.
  useEffect(() => {
    const wrap = wrapRef.current, canvas = canvasRef.current;
    if (!wrap || !canvas) return;
    const resize = () => {
      const { width, height } = wrap.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      sizeRef.current = { width, height };
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    resize();
    return () => observer.disconnect();
  }, [draw]);

  useEffect(() => { fit(); }, [props.fitKey, fit]);
  useEffect(() => { schedule(); }, [props.chart, props.positions, props.selected, props.pinned, props.path, schedule]);

  // Keep the selected node in view when it changes (keyboard moves can leave the screen).
  useEffect(() => {
    const p = props.selected ? props.positions.get(props.selected) : undefined;
    if (!p) return;
    const v = viewRef.current, { width, height } = sizeRef.current;
    const x = p.x * v.k + v.x, y = p.y * v.k + v.y;
    if (x < 30 || y < 30 || x > width - 30 || y > height - 30) { viewRef.current = { ...v, x: width / 2 - p.x * v.k, y: height / 2 - p.y * v.k }; schedule(); }
  }, [props.selected, props.positions, schedule]);

  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvasRef.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const ids = () => propsRef.current.chart.nodes.map((n) => n.id);
  const hit = (x: number, y: number) => hitNode(viewRef.current, ids(), propsRef.current.positions, x, y, HIT_RADIUS);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const { x, y } = local(e);
    const id = hit(x, y);
    dragRef.current = { kind: id ? 'node' : 'pan', id, x, y, moved: false, pointerId: e.pointerId };
    e.currentTarget.setPointerCapture(e.pointerId);
    wrapRef.current?.focus({ preventScroll: true });
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const drag = dragRef.current;
    if (!drag) {
      const id = hit(x, y);
      if (id !== hoverRef.current) { hoverRef.current = id; e.currentTarget.style.cursor = id ? 'pointer' : 'grab'; schedule(); }
      return;
    }
    if (!drag.moved && Math.hypot(x - drag.x, y - drag.y) < 3) return;
    drag.moved = true;
    if (drag.kind === 'pan') {
      const v = viewRef.current;
      const next = { ...v, x: v.x + (x - drag.x), y: v.y + (y - drag.y) };
      drag.x = x; drag.y = y;
      moveView(next);
      return;
    }
    if (drag.id) dragPos.current = { id: drag.id, p: toWorld(viewRef.current, x, y) };
    schedule();
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const drag = dragRef.current;
    dragRef.current = null;
    if (!drag) return;
    if (drag.kind === 'node' && drag.id && drag.moved && dragPos.current) {
      const { id, p } = dragPos.current;
      dragPos.current = null;
      propsRef.current.onMove(id, p);
    } else if (!drag.moved) {
      propsRef.current.onSelect(drag.kind === 'node' ? drag.id : null);
    }
    e.currentTarget.releasePointerCapture(drag.pointerId);
  };
  const onDoubleClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const id = hit(x, y);
    if (id) propsRef.current.onAction('open', id);
  };
  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    moveView(zoomAt(viewRef.current, Math.exp(-e.deltaY * 0.0015), x, y));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const p = propsRef.current;
    const { width, height } = sizeRef.current;
    const dir = ARROWS[e.key];
    const v = viewRef.current;
    if (dir && e.shiftKey) {
      const dx = dir === 'left' ? PAN_STEP : dir === 'right' ? -PAN_STEP : 0;
      const dy = dir === 'up' ? PAN_STEP : dir === 'down' ? -PAN_STEP : 0;
      moveView({ ...v, x: v.x + dx, y: v.y + dy });
    } else if (dir) {
      const list = ids();
      const next = p.selected ? nodeInDirection(p.selected, dir, list, p.positions) : nearestToCentre(list, p.positions, toWorld(v, width / 2, height / 2));
      if (next) p.onSelect(next);
    } else if (e.key === '+' || e.key === '=') moveView(zoomAt(v, 1.25, width / 2, height / 2));
    else if (e.key === '-' || e.key === '_') moveView(zoomAt(v, 0.8, width / 2, height / 2));
    else if (e.key === '0') fit();
    else if (e.key === 'Escape' && p.selected) p.onSelect(null);
    else if (p.selected && (e.key === 'Enter' || e.key === 'e' || e.key === 'h' || e.key === 'p') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      p.onAction(e.key === 'Enter' ? 'open' : e.key === 'e' ? 'expand' : e.key === 'h' ? 'hide' : 'pin', p.selected);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div ref={wrapRef} className="chart-canvas" tabIndex={0} role="application" aria-roledescription={t('chart.canvasRole')}
      aria-label={props.summary} aria-describedby={helpId} onKeyDown={onKeyDown}>
      <canvas ref={canvasRef} aria-hidden="true" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}
        onPointerCancel={() => { dragRef.current = null; dragPos.current = null; schedule(); }} onDoubleClick={onDoubleClick} onWheel={onWheel}
        onPointerLeave={() => { if (hoverRef.current) { hoverRef.current = null; schedule(); } }} />
      <p id={helpId} className="chart-canvas__help">{t('chart.keys')}</p>
    </div>
  );
}

function nearestToCentre(ids: readonly string[], positions: ReadonlyMap<string, Point>, c: Point): string | null {
  let best: string | null = null, bestD = Infinity;
  for (const id of ids) {
    const p = positions.get(id);
    if (!p) continue;
    const d = (p.x - c.x) ** 2 + (p.y - c.y) ** 2;
    if (d < bestD) { bestD = d; best = id; }
  }
  return best;
}
