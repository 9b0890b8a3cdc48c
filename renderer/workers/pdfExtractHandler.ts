import { isAbortError } from '../../shared/pdf/classifyError';
import { extractDocument, type PdfjsModule } from '../../shared/pdf/extract';
import type { PdfAssetUrls } from '../../shared/pdf/types';
import type { PdfExtractRequest, PdfExtractResponse } from './pdfExtractProtocol';

/**
 * The extraction worker's message handling, apart from the worker globals so tests can
 * drive it in Node with pdf.js's legacy build: runs a job per 'extract' message, aborts
 * it on 'cancel', and answers each job with exactly one of result / cancelled / failed.
 */
/** Progress goes out at most this often (and always for the last page): a message per page costs measurably on 500-page files. */
export const PROGRESS_INTERVAL_MS = 100;

export function createPdfExtractHandler(
  pdfjs: PdfjsModule,
  assetsFor: (assetBase: string) => PdfAssetUrls,
  post: (message: PdfExtractResponse) => void,
  now: () => number = () => performance.now(),
): (request: PdfExtractRequest) => void {
  const running = new Map<number, AbortController>();

  async function extract({ id, bytes, password, assetBase }: Extract<PdfExtractRequest, { type: 'extract' }>): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    let lastProgress = -Infinity;
    try {
      const result = await extractDocument(pdfjs, bytes, {
        assets: assetsFor(assetBase),
        ...(password !== undefined ? { password } : {}),
        signal: controller.signal,
        onPage: (page, pageCount) => {
          const t = now();
          if (page !== pageCount && page !== 1 && t - lastProgress < PROGRESS_INTERVAL_MS) return;
          lastProgress = t;
          post({ type: 'progress', id, page, pageCount });
        },
      });
      post({ type: 'result', id, result });
    } catch (error) {
      if (isAbortError(error)) post({ type: 'cancelled', id });
      else post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.delete(id);
    }
  }

  return (request) => {
    if (request.type === 'extract') void extract(request);
    else if (request.type === 'cancel') running.get(request.id)?.abort();
  };
}
