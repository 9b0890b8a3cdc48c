/** Test helpers for the OCR queue: a database with scanned documents and a fake OCR client. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { OcrPageResult } from '../../shared/ocr';
import type { ExtractionResult, PageState } from '../../shared/pdf/types';
import { summarisePages } from '../../shared/pdf/pageState';
import { openDatabase } from '../../renderer/db/db';
import type { CasefileDb } from '../../renderer/db/db';
import { addDocument } from '../../renderer/db/documents';
import type { OcrClient, OcrOptions } from '../../renderer/workers/ocrClient';

export const freshDeps = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
export const openTestDb = (deps = freshDeps()) => openDatabase('ocr-test', deps);

let n = 0;
/** Adds a PDF whose pages have the given states (text pages say "texto n"). */
export async function addScan(db: CasefileDb, states: PageState[], language = '', now = 1_000) {
  n++;
  const pages = states.map((s, i) => (s === 'text' ? `texto de la página ${i + 1}` : ''));
  const extraction: ExtractionResult = {
    state: states.some((s) => s === 'image-only' || s === 'junk-text') ? 'needs-ocr' : 'extracted',
    pageCount: states.length, pages, pageStates: states, textLayer: summarisePages(states), info: null, message: '', durationMs: 1,
  };
  const sha256 = n.toString(16).padStart(64, '0');
  const result = await addDocument(db, { file: new Blob([`%PDF ${n}`]), sha256, fileName: `scan-${n}.pdf`, extraction, metadata: { language } }, now);
  if (result.status !== 'added') throw new Error(result.status);
  return result.document;
}

export const readPage = (page: number, text = `palabra${page} leída`): OcrPageResult => ({
  status: 'read', page, width: 300, height: 400, durationMs: 5, text,
  words: [{ text, box: { x: 1, y: 1, width: 10, height: 5 }, confidence: 91, line: 0 }],
  lines: [{ box: { x: 1, y: 1, width: 10, height: 5 }, firstWord: 0, wordCount: 1, paragraph: 0 }],
  provenance: { engine: 'tesseract.js', version: '7', languages: ['spa'], confidence: 91, rotation: 0, dpi: 300 },
});

export const failPage = (page: number): OcrPageResult => ({
  status: 'failed', page, width: 300, height: 400, durationMs: 60_000, reason: 'timed-out', message: 'The page took longer than 60 s.', provenance: null,
});

export interface FakeCall { pages: number[]; languages: string | undefined }

/**
 * A fake OCR client: each page takes one `step()` (or is answered at once with `auto`), then
 * its result (`results(page)`) goes to onPage. Abort rejects with an AbortError.
 */
export function fakeOcr(opts: { auto?: boolean; results?: (page: number) => OcrPageResult } = {}) {
  const calls: FakeCall[] = [];
  let disposed = 0;
  let waiters: (() => void)[] = [];
  const step = async (count = 1) => {
    for (let i = 0; i < count; i++) {
      while (waiters.length === 0) await new Promise((r) => setTimeout(r, 1));
      waiters.shift()!();
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const create = (): Pick<OcrClient, 'ocr' | 'dispose'> => ({
    async ocr(_file, options: OcrOptions = {}) {
      const pages = options.pages ?? [];
      calls.push({ pages: [...pages], languages: options.languages });
      const results: OcrPageResult[] = [];
      for (const page of pages) {
        await new Promise<void>((resolve, reject) => {
          if (options.signal?.aborted) { reject(new DOMException('x', 'AbortError')); return; }
          const done = () => resolve();
          options.signal?.addEventListener('abort', () => {
            waiters = waiters.filter((w) => w !== done);
            reject(new DOMException('x', 'AbortError'));
          }, { once: true });
          if (opts.auto) setTimeout(done, 1);
          else waiters.push(done);
        });
        const result = (opts.results ?? readPage)(page);
        results.push(result);
        options.onPage?.(result);
      }
      return { pageCount: pages.length, pages: results, durationMs: 1 };
    },
    dispose() { disposed++; waiters = []; },
  });
  return { create, calls, step, disposed: () => disposed };
}

export async function until(check: () => Promise<boolean> | boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}
