// The documents bench's baseline: pdf.js `getTextContent` over every page and nothing
// else, set up exactly as renderer/workers/pdfExtract.worker.ts sets it up (same
// pdfjs-dist build, its worker module run in-thread as a "fake worker", the app's open
// options and asset URLs), one file per message. No normalising, no progress messages.
import * as pdfjs from 'pdfjs-dist';
// @ts-expect-error -- no types for pdf.js's worker entry outside renderer/ (see renderer/pdf/pdfjsWorkerModule.d.ts)
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { pdfAssetUrls } from '../../renderer/pdf/pdfAssets';
import { pdfOpenOptions } from '../../shared/pdf/openOptions';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export interface RawRequest {
  bytes: ArrayBuffer;
  assetBase: string;
}
export interface RawResponse {
  /** pdf.js's worker module, loaded here, posts a 'ready' message of its own on this scope. */
  type: 'raw-result';
  pages: number;
  items: number;
  chars: number;
  openMs: number;
  ms: number;
  error?: string;
}

interface WorkerScope {
  postMessage(message: RawResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RawRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', ({ data }) => {
  if (!(data?.bytes instanceof ArrayBuffer)) return;
  void (async () => {
    const t0 = performance.now();
    const task = pdfjs.getDocument({ ...pdfOpenOptions(pdfAssetUrls(data.assetBase)), data: new Uint8Array(data.bytes) });
    const out: RawResponse = { type: 'raw-result', pages: 0, items: 0, chars: 0, openMs: 0, ms: 0 };
    try {
      const doc = await task.promise;
      out.openMs = performance.now() - t0;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        out.items += content.items.length;
        for (const item of content.items) if ('str' in item) out.chars += item.str.length;
        page.cleanup();
        out.pages++;
      }
    } catch (error) {
      out.error = error instanceof Error ? error.message : String(error);
    } finally {
      await task.destroy().catch(() => {});
    }
    out.ms = performance.now() - t0;
    scope.postMessage(out);
  })();
});
