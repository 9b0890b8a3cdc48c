import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { exportName, pngBytes, saveExport } from './exportImage';

/**
 * PNG and SVG export of a canvas view (timeline, map): the frame as on screen, drawn again at
 * twice its size for the PNG, saved through the platform, and a toast either way.
 */
export function useViewExports<F extends { width: number; height: number }>(base: string, frame: () => F | null | undefined, draw: {
  png: (ctx: CanvasRenderingContext2D, f: F) => void;
  svg: (f: F) => string;
}) {
  const t = useT();
  const notify = useUi((s) => s.notify);
  const save = async (ext: 'png' | 'svg', bytes: (f: F) => Promise<Uint8Array>) => {
    const f = frame();
    if (!f) return;
    try {
      const name = exportName(base, ext);
      if (await saveExport(name, ext === 'png' ? 'image/png' : 'image/svg+xml', await bytes(f))) notify(t('views.exported', { name }));
    } catch (e) { notify(t('views.exportFailed', { reason: e instanceof Error ? e.message : String(e) }), 'error'); }
  };
  return {
    exportPng: () => save('png', (f) => pngBytes(f.width, f.height, 2, (ctx) => draw.png(ctx, f))),
    exportSvg: () => save('svg', async (f) => new TextEncoder().encode(draw.svg(f))),
  };
}
