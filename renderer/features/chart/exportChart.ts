import type { Point } from '../../../shared/chart/svg';
import { chartSvg } from '../../../shared/chart/svg';
import type { VisibleChart } from '../../../shared/chart/visible';
import { getPlatform } from '../../platform';
import type { SaveResult } from '../../platform/types';

/** A file name from the chart's name: letters, digits and dashes, never empty. */
export function chartFileName(name: string, ext: 'svg' | 'png'): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'link-chart'}.${ext}`;
}

export function saveChartSvg(chart: VisibleChart, positions: ReadonlyMap<string, Point>, title: string, path: ReadonlySet<string>): Promise<SaveResult> {
  const svg = chartSvg(chart, positions, { title, path });
  return getPlatform().saveFile({ suggestedName: chartFileName(title, 'svg'), mimeType: 'image/svg+xml', data: new TextEncoder().encode(svg) });
}

/** The largest side of an exported PNG, in pixels; bigger charts are scaled down to it. */
const MAX_PNG_SIDE = 8192;

/** The same picture as the SVG, rasterised at twice its size (sharp in print), as a PNG. */
export async function saveChartPng(chart: VisibleChart, positions: ReadonlyMap<string, Point>, title: string, path: ReadonlySet<string>): Promise<SaveResult> {
  const svg = chartSvg(chart, positions, { title, path });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(2, MAX_PNG_SIDE / Math.max(image.naturalWidth, image.naturalHeight, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This window cannot draw images.');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
    return await getPlatform().saveFile({ suggestedName: chartFileName(title, 'png'), mimeType: 'image/png', data: new Uint8Array(await blob.arrayBuffer()) });
  } finally {
    URL.revokeObjectURL(url);
  }
}
