import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import { dayIndex } from '../../../shared/dates';
import type { TimeView, TimelineItem, TimelineModel } from '../../../shared/timeline';
import { fitView, panBy, rowOffsets, zoomAround } from '../../../shared/timeline';
import type { Tick } from '../../../shared/timeline';
import { useT } from '../../i18n/useT';
import { AXIS_HEIGHT, LABEL_WIDTH, dayToX, drawTimeline, hitTest, itemBox, plotWidth } from './drawTimeline';
import type { TimelineFrame } from './drawTimeline';
import { useWheel } from '../../components/useWheel';

export interface TimelineController {
  zoom: (factor: number) => void;
  fit: () => void;
  /** The frame as drawn now, for exports. */
  frame: () => TimelineFrame | null;
}

interface Props {
  model: TimelineModel;
  selectedRecordId: string | null;
  label: string;
  tickLabel: (tick: Tick) => string;
  describe: (item: TimelineItem) => string;
  onSelect: (item: TimelineItem) => void;
  onOpen: (item: TimelineItem) => void;
  controller: Ref<TimelineController>;
}

const today = () => dayIndex(new Date().toISOString().slice(0, 10));

/**
 * The timeline drawn on a canvas: only visible rows and items each frame, redrawn on the next
 * animation frame after a change, with no React render per frame. Drag or arrows pan, Ctrl+wheel
 * or +/− zoom, wheel scrolls the rows, N/P step through items (shown and announced), Enter opens.
 */
export function TimelineCanvas({ model, selectedRecordId, label, tickLabel, describe, onSelect, onOpen, controller }: Props) {
  const t = useT();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 800, height: 400 });
  const offsets = useMemo(() => rowOffsets(model), [model]);
  const view = useRef<TimeView | null>(null);
  // Until the user pans or zooms, the view keeps fitting everything (the size settles, filters change).
  const moved = useRef(false);
  const scrollTop = useRef(0);
  const focusKey = useRef<string | null>(null);
  const raf = useRef(0);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const order = useRef<TimelineItem[] | null>(null);

  const frame = (): TimelineFrame | null => view.current && {
    model, offsets, view: view.current, scrollTop: scrollTop.current, width: size.width, height: size.height,
    selectedRecordId, focusKey: focusKey.current, tickLabel,
  };
  const frameRef = useRef(frame);

  const draw = () => {
    cancelAnimationFrame(raf.current);
    raf.current = requestAnimationFrame(() => {
      const f = frameRef.current();
      const c = canvas.current;
      if (!f || !c) return;
      const ctx = c.getContext('2d');
      if (!ctx) return;
      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawTimeline(ctx, f);
    });
  };
  const clampScroll = (y: number) => Math.max(0, Math.min(y, Math.max(0, offsets[offsets.length - 1]! - (size.height - AXIS_HEIGHT) + 8)));

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect;
      setSize({ width: Math.max(200, Math.floor(r.width)), height: Math.max(160, Math.floor(r.height)) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!view.current || !moved.current) view.current = fitView(model.extent, plotWidth(size), today());
    order.current = null;
    scrollTop.current = clampScroll(scrollTop.current);
    draw();
  });

  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  // Not React's onWheel: that listener is passive, and Ctrl+wheel must zoom the chart, not the window.
  const wheel = (e: WheelEvent) => {
    if (!view.current) return;
    e.preventDefault();
    moved.current = true;
    const p = local(e);
    if (e.ctrlKey || e.metaKey) view.current = zoomAround(view.current, Math.exp(-e.deltaY * 0.002), Math.max(0, p.x - LABEL_WIDTH));
    else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) view.current = panBy(view.current, -(e.deltaX || e.deltaY));
    else scrollTop.current = clampScroll(scrollTop.current + e.deltaY);
    setTip(null);
    draw();
  };
  // The latest closure for the animation frame (set after each render).
  useLayoutEffect(() => { frameRef.current = frame; });
  useWheel(canvas, wheel);

  useImperativeHandle(controller, () => ({
    zoom: (factor) => { if (view.current) { moved.current = true; view.current = zoomAround(view.current, factor, plotWidth(size) / 2); draw(); } },
    fit: () => { moved.current = false; view.current = fitView(model.extent, plotWidth(size), today()); scrollTop.current = 0; draw(); },
    frame: () => frameRef.current(),
  }));


  const showTip = (it: TimelineItem | null, x: number, y: number) => setTip(it ? { x, y, text: describe(it) } : null);

  /** Steps focus to the next or previous item in time across all rows, and brings it into view. */
  const step = (dir: 1 | -1) => {
    if (!order.current) order.current = model.rows.flatMap((r) => r.items).sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
    const all = order.current;
    if (all.length === 0 || !view.current) return;
    moved.current = true;
    const at = all.findIndex((it) => it.key === focusKey.current);
    const next = all[at < 0 ? (dir > 0 ? 0 : all.length - 1) : (at + dir + all.length) % all.length]!;
    focusKey.current = next.key;
    const r = model.rows.findIndex((row) => row.items.includes(next));
    const w = plotWidth(size);
    const x = dayToX(view.current, next.start) - LABEL_WIDTH;
    if (x < 0 || x > w - 40) view.current = { ...view.current, start: next.start - (w * 0.3) / view.current.pxPerDay };
    const top = offsets[r]!;
    if (top < scrollTop.current || top > scrollTop.current + size.height - AXIS_HEIGHT - 40) scrollTop.current = clampScroll(top - 40);
    const f = frameRef.current();
    if (f) {
      const box = itemBox(f, r, model.rows[r]!.lanes[model.rows[r]!.items.indexOf(next)]!, next);
      showTip(next, Math.max(LABEL_WIDTH, box.x0), box.y + box.h + 4);
    }
    setAnnounce(describe(next));
    draw();
  };

  const focused = () => order.current?.find((it) => it.key === focusKey.current) ?? model.rows.flatMap((r) => r.items).find((it) => it.key === focusKey.current) ?? null;

  return (
    <div className="timeline-canvas" ref={wrap}>
      <div role="application" aria-label={label} aria-roledescription={t('timeline.title')} aria-describedby="timeline-keys" tabIndex={0}
        className="timeline-canvas__focus"
        onKeyDown={(e) => {
          if (!view.current) return;
          const w = plotWidth(size);
          let handled = true;
          switch (e.key) {
            case 'ArrowLeft': view.current = panBy(view.current, w * 0.15); break;
            case 'ArrowRight': view.current = panBy(view.current, -w * 0.15); break;
            case 'ArrowUp': scrollTop.current = clampScroll(scrollTop.current - 40); break;
            case 'ArrowDown': scrollTop.current = clampScroll(scrollTop.current + 40); break;
            case 'PageUp': scrollTop.current = clampScroll(scrollTop.current - size.height * 0.8); break;
            case 'PageDown': scrollTop.current = clampScroll(scrollTop.current + size.height * 0.8); break;
            case '+': case '=': view.current = zoomAround(view.current, 1.5, w / 2); break;
            case '-': case '_': view.current = zoomAround(view.current, 1 / 1.5, w / 2); break;
            case '0': case 'Home': view.current = fitView(model.extent, w, today()); scrollTop.current = 0; break;
            case 'n': case 'N': case ']': step(1); break;
            case 'p': case 'P': case '[': step(-1); break;
            case 'Enter': { const it = focused(); if (it) onOpen(it); break; }
            case ' ': { const it = focused(); if (it) onSelect(it); break; }
            case 'Escape': focusKey.current = null; setTip(null); break;
            default: handled = false;
          }
          if (handled) { moved.current = e.key !== '0' && e.key !== 'Home'; e.preventDefault(); e.stopPropagation(); draw(); }
        }}
        onBlur={() => setTip(null)}>
        <canvas ref={canvas} aria-hidden="true" width={Math.round(size.width * (window.devicePixelRatio || 1))}
          height={Math.round(size.height * (window.devicePixelRatio || 1))} style={{ width: size.width, height: size.height }}
          onPointerDown={(e) => { drag.current = { ...local(e), moved: false }; canvas.current!.setPointerCapture(e.pointerId); }}
          onPointerMove={(e) => {
            const p = local(e);
            const d = drag.current;
            if (d && view.current) {
              const dx = p.x - d.x;
              const dy = p.y - d.y;
              if (Math.abs(dx) + Math.abs(dy) > 2) d.moved = true;
              if (d.moved) {
                moved.current = true;
                view.current = panBy(view.current, dx);
                scrollTop.current = clampScroll(scrollTop.current - dy);
                d.x = p.x;
                d.y = p.y;
                setTip(null);
                draw();
                return;
              }
            }
            const f = frameRef.current();
            showTip(f ? hitTest(f, p.x, p.y) : null, p.x + 12, p.y + 14);
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            drag.current = null;
            if (d && !d.moved) {
              const p = local(e);
              const f = frameRef.current();
              const it = f ? hitTest(f, p.x, p.y) : null;
              if (it) { focusKey.current = it.key; onSelect(it); draw(); }
            }
          }}
          onPointerLeave={() => setTip(null)}
          onDoubleClick={(e) => {
            const p = local(e);
            const f = frameRef.current();
            const it = f ? hitTest(f, p.x, p.y) : null;
            if (it) onOpen(it);
          }}
          />
      </div>
      {tip ? <div className="timeline-tip" style={{ left: Math.min(tip.x, size.width - 260), top: Math.min(tip.y, size.height - 60) }}>{tip.text}</div> : null}
      <div className="visually-hidden" aria-live="polite">{announce}</div>
    </div>
  );
}
