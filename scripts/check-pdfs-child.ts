/**
 * Child process of `npm run check:pdfs`: extracts ONE file with the app's own
 * extractDocument and reports a summary over IPC. pdf.js runs on this process's only
 * thread in Node, so the parent's hard timeout (SIGKILL) is what stops a hang.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractDocument } from '../shared/pdf/extract';
import { countTextChars } from '../shared/pdf/normalise';
import { pageNeedsOcr } from '../shared/pdf/pageState';
import type { PdfAssetUrls } from '../shared/pdf/types';
import type { ChildReport, PageCounts } from './check-pdfs-report';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets: PdfAssetUrls = {
  cMapUrl: join(pdfjsDir, 'cmaps/'),
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'),
  wasmUrl: join(pdfjsDir, 'wasm/'),
  iccUrl: join(pdfjsDir, 'iccs/'),
  useWorkerFetch: false, // Node: pdf.js reads these paths with fs
};

function send(report: ChildReport): Promise<void> {
  return new Promise((resolve) => process.send!(report, () => resolve()));
}

async function main(path: string): Promise<void> {
  try {
    const result = await extractDocument(pdfjs, new Uint8Array(await readFile(path)), { assets });
    const pageStates: PageCounts = {};
    for (const state of result.pageStates ?? []) pageStates[state] = (pageStates[state] ?? 0) + 1;
    const annotations = result.annotations ?? [];
    await send({
      kind: 'result',
      state: result.state,
      pageCount: result.pageCount,
      chars: result.pages.reduce((n, page) => n + countTextChars(page), 0),
      durationMs: result.durationMs,
      message: result.message,
      pageStates,
      layer: result.textLayer?.layer ?? null,
      annotationChars: annotations.reduce((n, page) => n + page.reduce((m, a) => m + countTextChars(a.text), 0), 0),
      annotationPages: annotations.filter((page) => page.length > 0).length,
      ocrPages: (result.pageStates ?? []).flatMap((state, i) => (pageNeedsOcr(state) ? [i + 1] : [])),
    });
  } catch (error) {
    await send({ kind: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
  process.exit(0); // do not wait for pdf.js's lingering timers
}

void main(process.argv[2] ?? '');
