import { createWorker, OEM, PSM, type Worker as TesseractWorker } from 'tesseract.js';
import { parseTsv, type TsvWord } from '../../shared/ocr';
import type { TesseractAssetUrls } from './ocrAssets';

/** tesseract.js's package version, for provenance (checked against package.json by a unit test). */
export const TESSERACT_JS_VERSION = '7.0.0';

/** Loading the wasm core and language data takes ~1–3 s; this much means it is stuck. */
export const ENGINE_START_TIMEOUT_MS = 60_000;

/** What one recognition gave, or why there is none. */
export type EngineOutcome =
  | { kind: 'read'; words: TsvWord[]; ms: number }
  | { kind: 'timed-out'; ms: number }
  | { kind: 'failed'; message: string; ms: number };

export interface OcrEngine {
  /**
   * Reads one greyscale image (PGM bytes) in `languages` ('spa+eng'). Never rejects. On timeout
   * the tesseract worker is terminated (the only way to stop wasm mid-page) and the next call
   * starts a fresh one.
   */
  recognize(image: Uint8Array, options: { languages: string; dpi: number; timeoutMs: number; onProgress?: (fraction: number) => void }): Promise<EngineOutcome>;
  dispose(): void;
}

/**
 * The data as Tesseract reads it. A server may send a .gz file with `Content-Encoding: gzip`
 * (vite preview does), and then the browser has already unpacked it: look, don't assume
 * (tesseract.js does the same for the language files).
 */
async function gunzipped(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/** The part of tesseract.js the engine uses, so tests can stand in for it. */
export type CreateTesseract = typeof createWorker;

/**
 * Page segmentation: automatic with orientation and script detection (PSM 1), i.e. the CLI's
 * default automatic segmentation (PSM 3) plus OSD first, so pages scanned at 90/180/270° are
 * read the right way up (PSM 3 alone reads 90° but not 180° or 270°; single-block fails on
 * sideways pages and reads dark photocopy edges as text). OSD needs osd.traineddata in the
 * engine's data folder, written there once per tesseract worker.
 */
export function createOcrEngine(urls: TesseractAssetUrls, create: CreateTesseract = createWorker): OcrEngine {
  interface Entry {
    languages: string;
    worker: Promise<TesseractWorker>;
    progress: ((f: number) => void) | null;
    /** Whether the data files were dropped from the engine's in-memory file system yet. */
    trimmed: boolean;
  }
  let current: Entry | null = null;

  /**
   * Tesseract keeps what it needs of the language data once loaded (the OSD data on the first
   * PSM 1 page), so the files' copies in Emscripten's in-memory file system (~19 MB for spa, eng
   * and osd) are dead weight from then on. A worker never reloads them: other languages get a new worker.
   */
  const trim = async (entry: Entry, worker: TesseractWorker) => {
    entry.trimmed = true;
    for (const file of [...entry.languages.split('+'), 'osd'].map((l) => `${l}.traineddata`)) {
      await worker.FS('unlink', [file]).catch(() => {});
    }
  };

  const start = (languages: string) => {
    const entry: Entry = { languages, progress: null, worker: null as unknown as Promise<TesseractWorker>, trimmed: false };
    entry.worker = (async () => {
      const worker = await create(languages, OEM.LSTM_ONLY, {
        workerPath: urls.workerPath,
        corePath: urls.corePath,
        langPath: urls.langPath,
        workerBlobURL: false,
        legacyCore: true,
        legacyLang: false,
        gzip: true,
        // Language data is served by the app; no second copy in IndexedDB (idb-keyval).
        cacheMethod: 'none',
        logger: (m) => { if (m.status === 'recognizing text') entry.progress?.(m.progress); },
      });
      const osd = await fetch(`${urls.langPath}/osd.traineddata.gz`);
      if (!osd.ok) throw new Error(`osd.traineddata.gz: HTTP ${osd.status}`);
      await worker.FS('writeFile', ['osd.traineddata', await gunzipped(new Uint8Array(await osd.arrayBuffer()))]);
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO_OSD });
      return worker;
    })();
    // A failed start is not kept: the next page tries again.
    entry.worker.catch(() => { if (current === entry) current = null; });
    return entry;
  };

  const stop = () => {
    const old = current;
    current = null;
    void old?.worker.then((w) => w.terminate(), () => {});
  };

  return {
    async recognize(image, { languages, dpi, timeoutMs, onProgress }) {
      if (current?.languages !== languages) {
        stop();
        current = start(languages);
      }
      const entry = current;
      entry.progress = onProgress ?? null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = (ms: number) => new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
      try {
        // Starting the engine (wasm, language data) is not the page's time: it has its own limit.
        const worker = await Promise.race([entry.worker, limit(ENGINE_START_TIMEOUT_MS)]);
        clearTimeout(timer);
        if (worker === 'timeout') throw new Error('the OCR engine did not start');
        const started = performance.now();
        // An ArrayBuffer, not the Uint8Array: tesseract.js copies a typed array before posting it
        // (new Uint8Array(view)) but wraps a buffer as it is, so the page is copied once less.
        const bytes = image.byteOffset === 0 && image.byteLength === image.buffer.byteLength ? image.buffer : image.slice().buffer;
        const run = worker.recognize(bytes as unknown as Blob, { user_defined_dpi: String(Math.round(dpi)) } as never, { text: false, tsv: true });
        const result = await Promise.race([run, limit(timeoutMs)]);
        const ms = Math.round(performance.now() - started);
        if (result === 'timeout') {
          stop();
          return { kind: 'timed-out', ms };
        }
        if (!entry.trimmed) await trim(entry, worker);
        // tesseract.js leaves the page's image file in its in-memory file system until the next
        // page overwrites it (~8 MB at 300 dpi): drop it now.
        await worker.FS('unlink', ['/input']).catch(() => {});
        return { kind: 'read', words: parseTsv(result.data.tsv ?? ''), ms };
      } catch (error) {
        // The worker may be broken (e.g. wasm out of memory): start afresh next time.
        stop();
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error), ms: 0 };
      } finally {
        clearTimeout(timer);
        entry.progress = null;
      }
    },
    dispose: stop,
  };
}
