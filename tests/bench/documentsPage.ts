// The documents bench page: runs on the app's origin (so it shares the app's 'casefile'
// IndexedDB and its pdf.js assets at /pdfjs/), driven by scripts/bench-documents.mjs.
// Every time is taken here with performance.now(); no Playwright round trip counts.
import Dexie from 'dexie';
import { importPdfs, type ImportPhase } from '../../renderer/features/documents/importPdfs';
import type { CasefileDb } from '../../renderer/db/db';
import { openDatabase } from '../../renderer/db/db';
import { addDocument, findDocumentBySha256 } from '../../renderer/db/documents';
import { sha256Hex } from '../../renderer/util/sha256';
import type { PdfExtractor } from '../../renderer/workers/pdfExtractClient';
import { loadPdfjs, viewerOpenOptions } from '../../renderer/pdf/pdfjs';
import { createPdfExtractor } from '../../renderer/workers/pdfExtractClient';
import type { RawRequest, RawResponse } from './rawExtract.worker';
import { watchMainThread, type MainThread } from './mainThread';

export type { MainThread };

const DB_NAME = 'casefile';

export interface CorpusFile {
  name: string;
  url: string;
  pages: number;
}

export interface RawResult extends MainThread {
  ms: number;
  pages: number;
  items: number;
  chars: number;
  files: number;
  errors: string[];
  /** Sum over files of the time pdf.js took to open them (before the first page). */
  openMs: number;
  /** The long file alone (first in the corpus), from hand-over to its last page. */
  firstFileMs: number;
}

export interface PipelineResult extends MainThread {
  ms: number;
  pages: number;
  storedPages: number;
  files: number;
  outcomes: Record<string, number>;
  firstFileMs: number;
  /** Time spent in each phase, summed over files (phases follow each other per file). */
  phaseMs: Record<ImportPhase, number>;
  /** Time from the first hand-over until the extraction worker posted its first progress message. */
  firstProgressMs: number;
  failures: string[];
}

/**
 * 'app': the app's importPdfs as it is. The others are bench-only what-ifs that explain a
 * miss, built from the app's own parts: 'relaxed' is importPdfs with IndexedDB's relaxed
 * durability instead of the app's 'strict'; 'overlapped' extracts file N+1 while file N's
 * transaction commits (strict durability, one transaction per file, writes in order).
 */
export type PipelineVariant = 'app' | 'relaxed' | 'overlapped';

export interface DocumentsBenchApi {
  load(files: CorpusFile[]): Promise<{ ms: number; bytes: number }>;
  rawWorker(): Promise<RawResult>;
  rawMainThread(): Promise<RawResult>;
  /** With `keepWorker`, the extraction worker outlives the run (so a CPU profile of it can be read) until `release()`. */
  pipeline(variant?: PipelineVariant, keepWorker?: boolean): Promise<PipelineResult>;
  release(): void;
  /** addDocument alone for every file (extracted first, untimed), strict and relaxed durability alternated. */
  saveAlone(repeats: number): Promise<SaveAlone>;
}

export interface SaveAlone {
  strict: Array<{ ms: number; firstFileMs: number }>;
  relaxed: Array<{ ms: number; firstFileMs: number }>;
}

declare global {
  interface Window {
    casefileDocumentsBench: DocumentsBenchApi;
  }
}

let kept: PdfExtractor | null = null;
let corpus: Array<{ name: string; blob: Blob; pages: number }> = [];
/** The app serves pdf.js's assets at its root; this page lives at /bench/. */
const assetBase = new URL('/', location.href).href;

/** Watches the main thread from now until `stop()`. */
/** Fresh copies of every file's bytes, read before a run starts (extraction detaches them). */
const readAll = () => Promise.all(corpus.map((f) => f.blob.arrayBuffer()));

const api: DocumentsBenchApi = {
  async load(files) {
    const t0 = performance.now();
    corpus = await Promise.all(files.map(async (f) => {
      const res = await fetch(f.url);
      if (!res.ok) throw new Error(`${f.url}: ${res.status}`);
      return { name: f.name, blob: await res.blob(), pages: f.pages };
    }));
    return { ms: performance.now() - t0, bytes: corpus.reduce((n, f) => n + f.blob.size, 0) };
  },

  async rawWorker() {
    const buffers = await readAll();
    const watch = watchMainThread();
    const t0 = performance.now();
    // Started inside the timed run, like the app's extractor, which spawns its worker on the first file.
    const worker = new Worker(new URL('./rawExtract.worker.ts', import.meta.url), { type: 'module', name: 'raw-extract' });
    const result: RawResult = { ms: 0, pages: 0, items: 0, chars: 0, files: 0, errors: [], openMs: 0, firstFileMs: 0, longTasks: 0, longestTaskMs: 0, topTasks: [], maxLagMs: 0 };
    try {
      for (const bytes of buffers) {
        const reply = await new Promise<RawResponse>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent<RawResponse>) => {
            if (e.data?.type === 'raw-result') resolve(e.data);
          };
          worker.onerror = (e) => reject(new Error(`raw worker: ${e.message}`));
          const request: RawRequest = { bytes, assetBase };
          worker.postMessage(request, [bytes]);
        });
        if (reply.error) result.errors.push(reply.error);
        result.pages += reply.pages;
        result.items += reply.items;
        result.chars += reply.chars;
        result.openMs += reply.openMs;
        if (result.files++ === 0) result.firstFileMs = performance.now() - t0;
      }
      result.ms = performance.now() - t0;
    } finally {
      worker.terminate();
    }
    return { ...result, ...(await watch.stop()) };
  },

  async rawMainThread() {
    const pdfjs = await loadPdfjs();
    const options = viewerOpenOptions(assetBase);
    const buffers = await readAll();
    const watch = watchMainThread();
    const t0 = performance.now();
    const result: RawResult = { ms: 0, pages: 0, items: 0, chars: 0, files: 0, errors: [], openMs: 0, firstFileMs: 0, longTasks: 0, longestTaskMs: 0, topTasks: [], maxLagMs: 0 };
    // One pdf.js worker for the whole run, as the viewer would keep it.
    const worker = new pdfjs.PDFWorker();
    try {
      for (const bytes of buffers) {
        const f0 = performance.now();
        const task = pdfjs.getDocument({ ...options, data: new Uint8Array(bytes), worker });
        try {
          const doc = await task.promise;
          result.openMs += performance.now() - f0;
          for (let n = 1; n <= doc.numPages; n++) {
            const page = await doc.getPage(n);
            const content = await page.getTextContent();
            result.items += content.items.length;
            for (const item of content.items) if ('str' in item) result.chars += item.str.length;
            page.cleanup();
            result.pages++;
          }
        } catch (error) {
          result.errors.push(error instanceof Error ? error.message : String(error));
        } finally {
          await task.destroy().catch(() => {});
        }
        if (result.files++ === 0) result.firstFileMs = performance.now() - t0;
      }
      result.ms = performance.now() - t0;
    } finally {
      worker.destroy();
    }
    return { ...result, ...(await watch.stop()) };
  },

  async saveAlone(repeats) {
    const extractor = createPdfExtractor({ assetBase });
    const prepared = [];
    try {
      for (const bytes of await readAll()) {
        const sha256 = await sha256Hex(bytes); // before extracting: the buffer is transferred
        prepared.push({ sha256, extraction: await extractor.extract(bytes) });
      }
    } finally {
      extractor.dispose();
    }
    const out: SaveAlone = { strict: [], relaxed: [] };
    for (let i = 0; i < repeats * 2; i++) {
      const durability = i % 2 === 0 ? 'strict' : 'relaxed';
      await Dexie.delete(DB_NAME);
      const db = await openDatabase(DB_NAME);
      (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability = durability;
      const t0 = performance.now();
      let firstFileMs = 0;
      try {
        for (const [index, p] of prepared.entries()) {
          const result = await addDocument(db, { file: corpus[index]!.blob, sha256: p.sha256, fileName: corpus[index]!.name, extraction: p.extraction });
          if (result.status !== 'added') throw new Error(`save alone: ${result.status}`);
          if (index === 0) firstFileMs = performance.now() - t0;
        }
        out[durability].push({ ms: performance.now() - t0, firstFileMs });
      } finally {
        db.close();
      }
    }
    return out;
  },

  release() {
    kept?.dispose();
    kept = null;
  },

  async pipeline(variant = 'app', keepWorker = false) {
    await Dexie.delete(DB_NAME);
    const db = await openDatabase(DB_NAME);
    // Dexie reads this option per transaction (a bench-only experiment; the app sets 'strict').
    if (variant === 'relaxed') (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability = 'relaxed';
    const extractor = createPdfExtractor({ assetBase });
    const files = corpus.map((f) => ({ name: f.name, blob: f.blob }));
    const phaseMs: Record<ImportPhase, number> = { hashing: 0, extracting: 0, saving: 0 };
    let current: { phase: ImportPhase; at: number } | null = null;
    let firstProgressMs = 0;
    let firstFileMs = 0;
    const watch = watchMainThread();
    const t0 = performance.now();
    const close = (now: number) => {
      if (current) phaseMs[current.phase] += now - current.at;
    };
    try {
      const run = variant === 'overlapped' ? importOverlapped : importPdfs;
      const outcomes = await run(db, files, {
        extractor,
        signal: new AbortController().signal,
        onPhase: (_, phase) => {
          const now = performance.now();
          close(now);
          current = { phase, at: now };
        },
        onProgress: () => {
          firstProgressMs ||= performance.now() - t0;
        },
        onOutcome: (index) => {
          const now = performance.now();
          close(now);
          current = null;
          if (index === 0) firstFileMs = now - t0;
        },
      });
      // importPdfs resolves after the last file's transaction has committed.
      const ms = performance.now() - t0;
      const main = await watch.stop();
      const counts: Record<string, number> = {};
      const failures: string[] = [];
      for (const o of outcomes) {
        counts[o.status] = (counts[o.status] ?? 0) + 1;
        if (o.status === 'failed') failures.push(`${o.reason}: ${o.detail}`);
        else if (o.status === 'added' && o.document.extraction.state !== 'extracted') failures.push(`${o.document.fileName}: ${o.document.extraction.state}`);
      }
      const storedPages = await db.pages.count();
      return {
        ms, pages: corpus.reduce((n, f) => n + f.pages, 0), storedPages, files: files.length, outcomes: counts,
        firstFileMs, phaseMs, firstProgressMs, failures: failures.slice(0, 5), ...main,
      };
    } finally {
      if (keepWorker) kept = extractor;
      else extractor.dispose();
      db.close();
    }
  },
};

type Outcome = Awaited<ReturnType<typeof importPdfs>>[number];
type BatchOptions = Parameters<typeof importPdfs>[2];

/**
 * The suggested fix, sketched for measuring only: the same steps as importPdf (read,
 * hash, look up, extract, one transaction per file), but the next file is read, hashed
 * and extracted while the previous file's transaction commits, and the duplicate look-up
 * runs beside the extraction. At most one write waits; writes stay in order.
 */
async function importOverlapped(db: CasefileDb, files: ReadonlyArray<{ name: string; blob: Blob }>, options: BatchOptions): Promise<Outcome[]> {
  const extractor: PdfExtractor = options.extractor;
  const outcomes: Outcome[] = [];
  let saving: Promise<void> = Promise.resolve();
  for (const [index, file] of files.entries()) {
    options.onPhase?.(index, 'hashing');
    const bytes = await file.blob.arrayBuffer();
    const sha256 = await sha256Hex(bytes);
    options.onPhase?.(index, 'extracting');
    // The look-up reads `documents`, so IndexedDB queues it behind the previous file's write:
    // it runs beside the extraction instead of before it (a duplicate's extraction is wasted).
    const controller = new AbortController();
    const extracting = extractor.extract(bytes, { signal: controller.signal, onProgress: (p) => options.onProgress?.(index, p) });
    extracting.catch(() => {});
    const existing = await findDocumentBySha256(db, sha256);
    if (existing) {
      controller.abort();
      outcomes.push({ status: 'duplicate', document: existing });
      continue;
    }
    const extraction = await extracting;
    await saving;
    options.onPhase?.(index, 'saving');
    saving = addDocument(db, { file: file.blob, sha256, fileName: file.name, extraction, caseIds: [] }).then((result) => {
      const outcome: Outcome = result.status === 'invalid' ? { status: 'failed', reason: 'invalid', detail: JSON.stringify(result.issues) } : result;
      outcomes.push(outcome);
      options.onOutcome?.(index, outcome);
    });
  }
  await saving;
  return outcomes;
}

window.casefileDocumentsBench = api;
document.getElementById('status')!.dataset.ready = 'true';
