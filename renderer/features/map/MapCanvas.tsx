import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { Cluster, EventMarker } from '../../../shared/geo/markers';
import type { MapCamera } from '../../../shared/geo/mapView';
import { fitCamera, panCamera, projectionFor, zoomCamera } from '../../../shared/geo/mapView';
import type { Basemap } from './basemap';
import { loadBasemap } from './basemap';
import type { RegionLayer } from './regions';
import { loadRegions } from './regions';
import { clusterAt, drawBasemap, drawMarkers } from './drawMap';
import type { MapFrame } from './drawMap';
import { useWheel } from '../../components/useWheel';

export interface MapController {
  zoom: (steps: number) => void;
  fit: () => void;
  frame: () => MapFrame | null;
}

interface Props {
  markers: readonly EventMarker[];
  selectedEventId: string | null;
  label: string;
  describedBy?: string;
  describe: (markers: EventMarker[]) => string;
  onSelect?: (marker: EventMarker) => void;
  onOpen?: (marker: EventMarker) => void;
  /** Picking a place (the event form): a click or Enter gives the point. */
  onPick?: (lat: number, lon: number) => void;
  controller?: Ref<MapController>;
  initialCamera?: MapCamera;
}

/**
 * The map on a canvas. The basemap is drawn once per camera into an offscreen canvas and only
 * moved or scaled while dragging or zooming (redrawn when the motion stops); markers are
 * clustered and drawn every frame. Drag or arrows pan, wheel or +/− zoom, N/P step through
 * events in time order, Enter opens (or picks the centre when picking a place).
 */
export function MapCanvas({ markers, selectedEventId, label, describedBy, describe, onSelect, onOpen, onPick, controller, initialCamera }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 800, height: 480 });
  const [basemap, setBasemap] = useState<{ coarse: Basemap; fine: Basemap | null; regions: RegionLayer | null } | null>(null);
  const camera = useRef<MapCamera | null>(initialCamera ?? null);
  // Until the user pans or zooms, the camera keeps fitting the markers (they arrive as regions are looked up).
  const moved = useRef(Boolean(initialCamera));
  const cache = useRef<{ canvas: HTMLCanvasElement; camera: MapCamera; width: number; height: number } | null>(null);
  const cacheTimer = useRef(0);
  const clusters = useRef<Cluster[]>([]);
  const focusId = useRef<string | null>(null);
  const raf = useRef(0);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const [announce, setAnnounce] = useState('');

  // The light 110m world first (the first draw), the 50m detail and the regions for region zoom behind it.
  useEffect(() => {
    let live = true;
    void loadBasemap('110m').then((coarse) => {
      if (!live) return;
      setBasemap({ coarse, fine: null, regions: null });
      // The detail layers are extras: if one cannot load, the map goes on with what it has.
      const without = (what: string) => (e: unknown) => console.warn(`Map: ${what} not loaded`, e);
      loadBasemap('50m').then((fine) => {
        if (!live) return;
        setBasemap({ coarse, fine, regions: null });
        loadRegions().then((regions) => { if (live) setBasemap({ coarse, fine, regions }); }, without('region borders'));
      }, without('1:50m countries'));
    });
    return () => { live = false; };
  }, []);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect;
      setSize({ width: Math.max(200, Math.floor(r.width)), height: Math.max(200, Math.floor(r.height)) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const frame = (): MapFrame | null => camera.current && {
    camera: camera.current, width: size.width, height: size.height, basemap, markers, selectedEventId, focusEventId: focusId.current,
  };
  const frameRef = useRef(frame);

  const renderCache = () => {
    const f = frameRef.current();
    if (!f) return;
    const dpr = window.devicePixelRatio || 1;
    const c = cache.current?.canvas ?? document.createElement('canvas');
    c.width = Math.round(f.width * dpr);
    c.height = Math.round(f.height * dpr);
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawBasemap(ctx, f);
    cache.current = { canvas: c, camera: f.camera, width: f.width, height: f.height };
  };

  const draw = () => {
    cancelAnimationFrame(raf.current);
    raf.current = requestAnimationFrame(() => {
      const f = frameRef.current();
      const el = canvas.current;
      if (!f || !el) return;
      const ctx = el.getContext('2d')!;
      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      if (!cache.current || cache.current.width !== f.width || cache.current.height !== f.height) renderCache();
      const c = cache.current!;
      if (c.camera === f.camera) {
        ctx.drawImage(c.canvas, 0, 0, f.width, f.height);
      } else {
        // Where the cached picture's corners land now: the same picture, moved and scaled.
        const from = projectionFor(c.camera, c.width, c.height);
        const to = projectionFor(f.camera, f.width, f.height);
        const a = from.invert?.([0, 0]);
        const b = from.invert?.([c.width, c.height]);
        const pa = a && to(a);
        const pb = b && to(b);
        ctx.fillStyle = '#e8eef3';
        ctx.fillRect(0, 0, f.width, f.height);
        if (pa && pb) ctx.drawImage(c.canvas, pa[0], pa[1], pb[0] - pa[0], pb[1] - pa[1]);
        window.clearTimeout(cacheTimer.current);
        cacheTimer.current = window.setTimeout(() => { renderCache(); draw(); }, 140);
      }
      clusters.current = drawMarkers(ctx, f);
    });
  };

  useEffect(() => {
    if (!camera.current || !moved.current) camera.current = fitCamera(markers, size.width, size.height);
    cache.current = cache.current && basemap ? cache.current : null;
    draw();
  });
  useEffect(() => { cache.current = null; draw(); }, [basemap]); // eslint-disable-line react-hooks/exhaustive-deps

  useImperativeHandle(controller, () => ({
    zoom: (steps) => { if (camera.current) { moved.current = true; camera.current = zoomCamera(camera.current, steps, size.width / 2, size.height / 2, size.width, size.height); draw(); } },
    fit: () => { moved.current = false; camera.current = fitCamera(markers, size.width, size.height); draw(); },
    frame: () => frameRef.current(),
  }));

  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const membersOf = (c: Cluster) => c.members.map((i) => markers[i]!);

  const wheel = (e: WheelEvent) => {
    if (!camera.current) return;
    e.preventDefault();
    moved.current = true;
    const p = local(e);
    camera.current = zoomCamera(camera.current, -e.deltaY * 0.004, p.x, p.y, size.width, size.height);
    setTip(null);
    draw();
  };
  // The latest closure for the animation frame (set after each render).
  useLayoutEffect(() => { frameRef.current = frame; });
  useWheel(canvas, wheel);

  const pickAt = (x: number, y: number) => {
    const at = camera.current && projectionFor(camera.current, size.width, size.height).invert?.([x, y]);
    if (at && onPick) onPick(Math.round(at[1] * 1e5) / 1e5, Math.round(at[0] * 1e5) / 1e5);
  };

  const ordered = () => [...markers].filter((m) => m.start !== null).sort((a, b) => a.start! - b.start! || a.end! - b.end!).concat(markers.filter((m) => m.start === null));
  const step = (dir: 1 | -1) => {
    const all = ordered();
    if (all.length === 0 || !camera.current) return;
    moved.current = true;
    const at = all.findIndex((m) => m.eventId === focusId.current);
    const next = all[at < 0 ? (dir > 0 ? 0 : all.length - 1) : (at + dir + all.length) % all.length]!;
    focusId.current = next.eventId;
    const xy = projectionFor(camera.current, size.width, size.height)([next.lon, next.lat]);
    if (!xy || xy[0] < 20 || xy[1] < 20 || xy[0] > size.width - 20 || xy[1] > size.height - 20) camera.current = { ...camera.current, lon: next.lon, lat: next.lat };
    const p = projectionFor(camera.current, size.width, size.height)([next.lon, next.lat]);
    const text = describe([next]);
    if (p) setTip({ x: p[0] + 14, y: p[1] + 10, text });
    setAnnounce(text);
    draw();
  };
  const focused = () => markers.find((m) => m.eventId === focusId.current) ?? null;

  return (
    <div className="map-canvas" ref={wrap}>
      <div role="application" aria-label={label} aria-describedby={describedBy} tabIndex={0} className="timeline-canvas__focus"
        onKeyDown={(e) => {
          if (!camera.current) return;
          const { width, height } = size;
          let handled = true;
          switch (e.key) {
            case 'ArrowLeft': camera.current = panCamera(camera.current, width * 0.15, 0, width, height); break;
            case 'ArrowRight': camera.current = panCamera(camera.current, -width * 0.15, 0, width, height); break;
            case 'ArrowUp': camera.current = panCamera(camera.current, 0, height * 0.15, width, height); break;
            case 'ArrowDown': camera.current = panCamera(camera.current, 0, -height * 0.15, width, height); break;
            case '+': case '=': camera.current = zoomCamera(camera.current, 1, width / 2, height / 2, width, height); break;
            case '-': case '_': camera.current = zoomCamera(camera.current, -1, width / 2, height / 2, width, height); break;
            case '0': case 'Home': camera.current = fitCamera(markers, width, height); break;
            case 'n': case 'N': case ']': if (!onPick) step(1); break;
            case 'p': case 'P': case '[': if (!onPick) step(-1); break;
            case 'Enter': {
              if (onPick) pickAt(width / 2, height / 2);
              else { const m = focused(); if (m) onOpen?.(m); }
              break;
            }
            case ' ': { const m = focused(); if (m) onSelect?.(m); break; }
            case 'Escape': if (focusId.current) { focusId.current = null; setTip(null); } else handled = false; break;
            default: handled = false;
          }
          if (handled) { moved.current = e.key !== '0' && e.key !== 'Home'; e.preventDefault(); e.stopPropagation(); draw(); }
        }}
        onBlur={() => setTip(null)}>
        <canvas ref={canvas} aria-hidden="true" width={Math.round(size.width * (window.devicePixelRatio || 1))}
          height={Math.round(size.height * (window.devicePixelRatio || 1))} style={{ width: size.width, height: size.height }}
          className={onPick ? 'is-picking' : undefined}
          onPointerDown={(e) => { drag.current = { ...local(e), moved: false }; canvas.current!.setPointerCapture(e.pointerId); }}
          onPointerMove={(e) => {
            const p = local(e);
            const d = drag.current;
            if (d && camera.current) {
              if (Math.abs(p.x - d.x) + Math.abs(p.y - d.y) > 2) d.moved = true;
              if (d.moved) {
                moved.current = true;
                camera.current = panCamera(camera.current, p.x - d.x, p.y - d.y, size.width, size.height);
                d.x = p.x;
                d.y = p.y;
                setTip(null);
                draw();
                return;
              }
            }
            const c = clusterAt(clusters.current, markers, p.x, p.y);
            setTip(c ? { x: p.x + 14, y: p.y + 12, text: describe(membersOf(c)) } : null);
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            drag.current = null;
            if (!d || d.moved || !camera.current) return;
            const p = local(e);
            if (onPick) { pickAt(p.x, p.y); return; }
            const c = clusterAt(clusters.current, markers, p.x, p.y);
            if (!c) return;
            if (c.members.length > 1 && camera.current.zoom < 11) {
              moved.current = true;
              camera.current = zoomCamera(camera.current, 2, c.x, c.y, size.width, size.height);
              draw();
              return;
            }
            const m = markers[c.members[0]!]!;
            focusId.current = m.eventId;
            onSelect?.(m);
          }}
          onDoubleClick={(e) => {
            if (onPick) return;
            const p = local(e);
            const c = clusterAt(clusters.current, markers, p.x, p.y);
            if (c && c.members.length === 1) onOpen?.(markers[c.members[0]!]!);
          }}
          onPointerLeave={() => setTip(null)} />
      </div>
      {tip ? <div className="timeline-tip" style={{ left: Math.min(tip.x, size.width - 260), top: Math.min(tip.y, size.height - 60) }}>{tip.text}</div> : null}
      <div className="visually-hidden" aria-live="polite">{announce}</div>
    </div>
  );
}
