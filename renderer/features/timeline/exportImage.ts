import { getPlatform } from '../../platform';

/** Draws at `scale` × the screen's size into an offscreen canvas and returns PNG bytes. */
export async function pngBytes(width: number, height: number, scale: number, draw: (ctx: CanvasRenderingContext2D) => void): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  draw(ctx);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the image could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Saves through the platform (native dialog on the desktop, a download in the browser). */
export async function saveExport(name: string, mimeType: string, data: Uint8Array): Promise<boolean> {
  const result = await getPlatform().saveFile({ suggestedName: name, mimeType, data });
  return result.saved;
}

export const svgEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A file name from a title and today's date: "timeline-2026-12-06.png". */
export const exportName = (base: string, ext: string) => `${base}-${new Date().toISOString().slice(0, 10)}.${ext}`;
