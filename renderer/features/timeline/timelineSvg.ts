import { ROW_PADDING, LANE_HEIGHT, forVisibleItems, tickUnit, ticks, visibleRows } from '../../../shared/timeline';
import { AXIS_HEIGHT, LABEL_WIDTH, dayToX, itemBox, itemColor, xToDay } from './drawTimeline';
import type { TimelineFrame } from './drawTimeline';
import { svgEscape } from './exportImage';

/**
 * The timeline as on screen, as SVG for reports: the same rows, bars with soft edges as
 * gradients, titles and axis, each bar titled with its date as written.
 */
export function timelineSvg(f: TimelineFrame): string {
  const out: string[] = [];
  const { width, height } = f;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  const gradients = new Map<string, string>();
  const gradient = (color: string, openStart: boolean, openEnd: boolean) => {
    const key = `${color}${openStart ? 's' : ''}${openEnd ? 'e' : ''}`;
    let id = gradients.get(key);
    if (!id) {
      id = `g${gradients.size}`;
      gradients.set(key, id);
      out.splice(2, 0, `<defs><linearGradient id="${id}"><stop offset="0" stop-color="${color}" stop-opacity="${openStart ? 0 : 0.12}"/><stop offset="0.25" stop-color="${color}" stop-opacity="0.42"/><stop offset="0.75" stop-color="${color}" stop-opacity="0.42"/><stop offset="1" stop-color="${color}" stop-opacity="${openEnd ? 0 : 0.12}"/></linearGradient></defs>`);
    }
    return id;
  };
  const from = f.view.start;
  const to = xToDay(f.view, width);
  for (const tick of ticks(from, to, tickUnit(f.view.pxPerDay))) {
    const x = dayToX(f.view, tick.at);
    if (x < LABEL_WIDTH) continue;
    out.push(`<line x1="${x}" y1="${AXIS_HEIGHT - 6}" x2="${x}" y2="${height}" stroke="#dcdfe3"/><text x="${x + 4}" y="${AXIS_HEIGHT / 2 + 4}" fill="#5c6570">${svgEscape(f.tickLabel(tick))}</text>`);
  }
  const [first, last] = visibleRows(f.offsets, f.scrollTop, height - AXIS_HEIGHT);
  out.push(`<clipPath id="plot"><rect x="${LABEL_WIDTH}" y="${AXIS_HEIGHT}" width="${width - LABEL_WIDTH}" height="${height - AXIS_HEIGHT}"/></clipPath><g clip-path="url(#plot)">`);
  for (let r = first; r < last; r++) {
    const row = f.model.rows[r]!;
    forVisibleItems(row, from, to, (i) => {
      const it = row.items[i]!;
      const b = itemBox(f, r, row.lanes[i]!, it);
      const color = itemColor(it);
      const fill = it.exact ? color : `url(#${gradient(color, it.openStart, it.openEnd)})`;
      out.push(`<g><title>${svgEscape(`${it.title} — ${it.dateLabel}`)}</title><rect x="${b.x0}" y="${b.y}" width="${Math.max(3, b.x1 - b.x0)}" height="${b.h}" fill="${fill}"/>`);
      if (it.kind === 'membership' && it.coreEnd > it.coreStart) {
        const c0 = dayToX(f.view, it.coreStart);
        out.push(`<rect x="${c0}" y="${b.y + 2}" width="${Math.max(1, dayToX(f.view, it.coreEnd) - c0)}" height="${b.h - 4}" fill="${color}" fill-opacity="0.75"/>`);
      }
      out.push(`<text x="${Math.max(b.x0, LABEL_WIDTH) + (it.exact ? 6 : 4)}" y="${b.y + b.h / 2 + 4}" fill="#1f2328">${svgEscape(it.title)}</text></g>`);
    });
  }
  out.push('</g>');
  for (let r = first; r < last; r++) {
    const top = AXIS_HEIGHT + f.offsets[r]! - f.scrollTop;
    out.push(`<text x="8" y="${top + ROW_PADDING + LANE_HEIGHT / 2 + 4}" fill="#1f2328">${svgEscape(f.model.rows[r]!.label)}</text>`);
  }
  out.push(`<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#dcdfe3"/></svg>`);
  return out.join('');
}
