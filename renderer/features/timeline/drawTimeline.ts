import type { TimeView, TimelineItem, TimelineModel } from '../../../shared/timeline';
import { LANE_HEIGHT, ROW_PADDING, forVisibleItems, rowAt, tickUnit, ticks, visibleRows } from '../../../shared/timeline';
import type { Tick } from '../../../shared/timeline';
import { MEMBERSHIP_COLOR, SELECTED_COLOR, STATUS_COLOR, TYPE_COLORS } from './colors';

/** Everything a frame needs; sizes in CSS pixels. */
export interface TimelineFrame {
  model: TimelineModel;
  offsets: Float64Array;
  view: TimeView;
  scrollTop: number;
  width: number;
  height: number;
  selectedRecordId: string | null;
  focusKey: string | null;
  tickLabel: (tick: Tick) => string;
}

export const LABEL_WIDTH = 180;
export const AXIS_HEIGHT = 26;
/** How far an open side fades out, in pixels. */
const OPEN_FADE = 48;
const BAR_HEIGHT = LANE_HEIGHT - 4;
const MAX_TITLES = 150;

export const itemColor = (it: TimelineItem) =>
  it.kind === 'event' && it.eventType ? TYPE_COLORS[it.eventType] : it.kind === 'status' ? STATUS_COLOR : MEMBERSHIP_COLOR;

export const plotWidth = (f: Pick<TimelineFrame, 'width'>) => Math.max(0, f.width - LABEL_WIDTH);
export const dayToX = (view: TimeView, day: number) => LABEL_WIDTH + (day - view.start) * view.pxPerDay;
export const xToDay = (view: TimeView, x: number) => view.start + (x - LABEL_WIDTH) / view.pxPerDay;

/** The item's box on screen, before clipping to the plot. */
export function itemBox(f: TimelineFrame, rowIndex: number, lane: number, it: TimelineItem) {
  const x0 = dayToX(f.view, it.start);
  const x1 = Math.max(x0 + 3, dayToX(f.view, it.end));
  const y = AXIS_HEIGHT + f.offsets[rowIndex]! - f.scrollTop + ROW_PADDING + lane * LANE_HEIGHT + 2;
  return { x0, x1, y, h: BAR_HEIGHT };
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const textWidths = new Map<string, number>();
function measure(ctx: CanvasRenderingContext2D, text: string): number {
  let w = textWidths.get(text);
  if (w === undefined) {
    if (textWidths.size > 20_000) textWidths.clear();
    textWidths.set(text, (w = ctx.measureText(text).width));
  }
  return w;
}

/**
 * A bar that may lie anywhere in [x0, x1]: pale in the middle, fading at both ends, so it
 * never reads as a known day. `sureFrom`/`sureTo` is a part known for sure (a membership),
 * drawn solid.
 */
// Gradients made once per colour, open sides and edge width, in unit space: each bar scales one
// into place with the transform instead of creating its own (thousands a frame when zoomed out).
const gradients = new Map<string, CanvasGradient>();
function unitGradient(ctx: CanvasRenderingContext2D, color: string, edge: number, openStart: boolean, openEnd: boolean): CanvasGradient {
  const key = `${color}|${edge}|${openStart ? 1 : 0}${openEnd ? 1 : 0}`;
  let g = gradients.get(key);
  if (!g) {
    g = ctx.createLinearGradient(0, 0, 1, 0);
    g.addColorStop(0, withAlpha(color, openStart ? 0 : 0.12));
    g.addColorStop(edge, withAlpha(color, 0.42));
    g.addColorStop(1 - edge, withAlpha(color, 0.42));
    g.addColorStop(1, withAlpha(color, openEnd ? 0 : 0.12));
    gradients.set(key, g);
  }
  return g;
}

/**
 * A bar that may lie anywhere in [x0, x1]: pale in the middle, fading at both ends, so it
 * never reads as a known day.
 */
function drawSoftBar(ctx: CanvasRenderingContext2D, color: string, x0: number, x1: number, y: number, h: number, open: { start: boolean; end: boolean }) {
  const w = x1 - x0;
  if (w < 10) { ctx.fillStyle = withAlpha(color, 0.5); ctx.fillRect(x0, y, w, h); return; }
  // Edge widths in steps of 1/40, so a handful of gradients serve every bar.
  const edge = Math.max(1, Math.round(Math.min(0.3, (open.start || open.end ? OPEN_FADE : 14) / w) * 40)) / 40;
  const t = ctx.getTransform();
  ctx.translate(x0, 0);
  ctx.scale(w, 1);
  ctx.fillStyle = unitGradient(ctx, color, edge, open.start, open.end);
  ctx.fillRect(0, y, 1, h);
  ctx.setTransform(t);
}

function drawItem(ctx: CanvasRenderingContext2D, f: TimelineFrame, it: TimelineItem, box: { x0: number; x1: number; y: number; h: number }) {
  const color = itemColor(it);
  const { x0, x1, y, h } = box;
  if (it.exact) {
    ctx.fillStyle = color;
    ctx.fillRect(x0, y, Math.max(3, x1 - x0), h);
  } else if (it.kind === 'membership' && it.coreEnd > it.coreStart) {
    const c0 = dayToX(f.view, it.coreStart);
    const c1 = Math.max(c0 + 1, dayToX(f.view, it.coreEnd));
    if (c0 > x0) drawSoftBar(ctx, color, x0, c0, y, h, { start: it.openStart, end: false });
    ctx.fillStyle = withAlpha(color, it.openStart || it.openEnd ? 0.55 : 0.75);
    ctx.fillRect(c0, y + 2, c1 - c0, h - 4);
    if (x1 > c1) drawSoftBar(ctx, color, c1, x1, y, h, { start: false, end: it.openEnd });
  } else {
    drawSoftBar(ctx, color, x0, x1, y, h, { start: it.openStart, end: it.openEnd });
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, f: TimelineFrame, from: number, to: number) {
  const unit = tickUnit(f.view.pxPerDay);
  ctx.fillStyle = '#fbfbfa';
  ctx.fillRect(0, 0, f.width, AXIS_HEIGHT);
  ctx.strokeStyle = '#dcdfe3';
  ctx.lineWidth = 1;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const tick of ticks(from, to, unit)) {
    const x = Math.round(dayToX(f.view, tick.at)) + 0.5;
    if (x < LABEL_WIDTH) continue;
    ctx.beginPath();
    ctx.moveTo(x, AXIS_HEIGHT - 6);
    ctx.lineTo(x, f.height);
    ctx.stroke();
    ctx.fillStyle = '#5c6570';
    ctx.fillText(f.tickLabel(tick), x + 4, AXIS_HEIGHT / 2);
  }
  ctx.beginPath();
  ctx.moveTo(0, AXIS_HEIGHT - 0.5);
  ctx.lineTo(f.width, AXIS_HEIGHT - 0.5);
  ctx.stroke();
}

/** Draws only what is on screen: visible rows (binary search) and their visible items. */
export function drawTimeline(ctx: CanvasRenderingContext2D, f: TimelineFrame): void {
  ctx.clearRect(0, 0, f.width, f.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, f.width, f.height);
  const from = f.view.start;
  const to = xToDay(f.view, f.width);
  const [first, last] = visibleRows(f.offsets, f.scrollTop, f.height - AXIS_HEIGHT);
  // Row bands and labels.
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let r = first; r < last; r++) {
    const top = AXIS_HEIGHT + f.offsets[r]! - f.scrollTop;
    const h = f.offsets[r + 1]! - f.offsets[r]!;
    if (r % 2 === 1) { ctx.fillStyle = '#f7f8f9'; ctx.fillRect(0, top, f.width, h); }
  }
  drawAxis(ctx, f, from, to);
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, AXIS_HEIGHT, f.width - LABEL_WIDTH, f.height - AXIS_HEIGHT);
  ctx.clip();
  let focused: { it: TimelineItem; box: ReturnType<typeof itemBox> } | null = null;
  const selected: { it: TimelineItem; box: ReturnType<typeof itemBox> }[] = [];
  const titles: { text: string; x: number; y: number }[] = [];
  for (let r = first; r < last; r++) {
    const row = f.model.rows[r]!;
    // One mark per pixel column and lane is enough when thousands of items fall together.
    const lastX = new Float64Array(row.laneCount).fill(-1);
    // Bars inside what a lane has drawn already are skipped after a few layers: past that the
    // blend is solid anyway, and zoomed out a dense row would otherwise paint the same pixels
    // thousands of times.
    const coveredTo = new Float64Array(row.laneCount).fill(-Infinity);
    const depth = new Uint8Array(row.laneCount);
    const textEnd = new Float64Array(row.laneCount).fill(-Infinity);
    let drawn = 0;
    forVisibleItems(row, from, to, (i) => {
      const it = row.items[i]!;
      const lane = row.lanes[i]!;
      const box = itemBox(f, r, lane, it);
      if (it.key === f.focusKey) focused = { it, box };
      if (it.recordId === f.selectedRecordId || it.subjectId === f.selectedRecordId) selected.push({ it, box });
      if (box.x1 - box.x0 <= 3 && Math.floor(box.x0) === lastX[lane]) return;
      lastX[lane] = Math.floor(box.x0);
      if (box.x1 <= coveredTo[lane]! + 0.5) {
        if (depth[lane]! >= 4) return;
        depth[lane] = depth[lane]! + 1;
      } else {
        coveredTo[lane] = box.x1;
        depth[lane] = 1;
      }
      drawItem(ctx, f, it, box);
      drawn++;
      // A title after its bar where the lane has room, never over another title; text is the
      // dearest thing to draw, so a frame draws at most MAX_TITLES of them.
      if (titles.length < MAX_TITLES && drawn < 400) {
        const tx = Math.max(box.x0, LABEL_WIDTH) + (it.exact ? Math.max(3, box.x1 - box.x0) + 3 : 4);
        if (tx > textEnd[lane]! + 6) {
          titles.push({ text: it.title, x: tx, y: box.y + box.h / 2 + 0.5 });
          textEnd[lane] = tx + measure(ctx, it.title);
        }
      }
    });
  }
  // Titles after all bars, with a halo, so a later bar never hides an earlier title.
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.fillStyle = '#1f2328';
  for (const tt of titles) { ctx.strokeText(tt.text, tt.x, tt.y); ctx.fillText(tt.text, tt.x, tt.y); }
  ctx.lineWidth = 2;
  for (const s of selected) {
    ctx.strokeStyle = SELECTED_COLOR;
    ctx.strokeRect(s.box.x0 - 1, s.box.y - 1, Math.max(3, s.box.x1 - s.box.x0) + 2, s.box.h + 2);
  }
  if (focused) {
    const { box } = focused as { box: ReturnType<typeof itemBox> };
    ctx.strokeStyle = '#1f5fa8';
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(box.x0 - 3, box.y - 3, Math.max(3, box.x1 - box.x0) + 6, box.h + 6);
    ctx.setLineDash([]);
  }
  ctx.restore();
  // Row labels over a plain column, so bars never run under them.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, AXIS_HEIGHT, LABEL_WIDTH, f.height - AXIS_HEIGHT);
  ctx.strokeStyle = '#dcdfe3';
  ctx.beginPath();
  ctx.moveTo(LABEL_WIDTH - 0.5, 0);
  ctx.lineTo(LABEL_WIDTH - 0.5, f.height);
  ctx.stroke();
  ctx.font = '12px system-ui, sans-serif';
  for (let r = first; r < last; r++) {
    const top = AXIS_HEIGHT + f.offsets[r]! - f.scrollTop;
    if (r % 2 === 1) { ctx.fillStyle = '#f7f8f9'; ctx.fillRect(0, top, LABEL_WIDTH - 1, f.offsets[r + 1]! - f.offsets[r]!); }
    ctx.fillStyle = '#1f2328';
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, top, LABEL_WIDTH - 8, f.offsets[r + 1]! - f.offsets[r]!);
    ctx.clip();
    ctx.fillText(f.model.rows[r]!.label, 8, top + ROW_PADDING + LANE_HEIGHT / 2);
    ctx.restore();
  }
  ctx.fillStyle = '#fbfbfa';
  ctx.fillRect(0, 0, LABEL_WIDTH - 1, AXIS_HEIGHT - 1);
}

/** The item under a point, if any (topmost lane hit). */
export function hitTest(f: TimelineFrame, x: number, y: number): TimelineItem | null {
  if (x < LABEL_WIDTH || y < AXIS_HEIGHT) return null;
  const r = rowAt(f.offsets, y - AXIS_HEIGHT + f.scrollTop);
  const row = f.model.rows[r];
  if (!row) return null;
  const day = xToDay(f.view, x);
  const slack = 4 / f.view.pxPerDay;
  let best: TimelineItem | null = null;
  forVisibleItems(row, day - slack, day + slack, (i) => {
    const it = row.items[i]!;
    const box = itemBox(f, r, row.lanes[i]!, it);
    if (y >= box.y - 1 && y <= box.y + box.h + 1 && x >= box.x0 - 3 && x <= Math.max(box.x1, box.x0 + 3) + 3) best = it;
  });
  return best;
}
