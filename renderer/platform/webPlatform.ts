import { MAX_FILE_BYTES, type PickedFile, type SaveResult } from '../../shared/desktopApi';
import { standaloneReportHtml } from '../../shared/export';
import { stripBidiControls } from '../../shared/text/bidi';
import { pickFileWith } from './blobFiles';
import { byteParts, isStreamedParts, partsBlob } from '../../shared/bundle/parts';
import { isSealedParts, isStreamedSealedParts, sealedBlob, streamedSealedBlob } from '../../shared/bundle/ageSealed';
import type { Platform } from './types';

export interface WebPlatformOptions {
  document: Document;
  version: string;
  /** Injected so tests can run the timers synchronously. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

async function readPdfFiles(files: readonly File[]): Promise<PickedFile[]> {
  // `accept` is only a hint: the user can still pick other files.
  const pdfs = files.filter(isPdf);
  const tooBig = pdfs.find((file) => file.size > MAX_FILE_BYTES);
  if (tooBig) throw new Error(`"${tooBig.name}" is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB and cannot be opened.`);
  return Promise.all(pdfs.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** Browser fallbacks for everything the desktop app does natively. */
export function createWebPlatform(opts: WebPlatformOptions): Platform {
  const doc = opts.document;
  const later = opts.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));

  const download = (blob: Blob, suggestedName: string): SaveResult => {
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = stripBidiControls(suggestedName);
    link.rel = 'noopener';
    link.style.display = 'none';
    doc.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a large bundle needs longer.
    later(() => URL.revokeObjectURL(url), blob.size > 64 * 1024 * 1024 ? 600_000 : 60_000);
    return { saved: true };
  };

  return {
    kind: 'web',

    appInfo: async () => ({ name: 'Casefile', version: opts.version, platform: 'web', electron: '' }),

    pickPdfFiles: () =>
      new Promise<PickedFile[]>((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = 'application/pdf,.pdf';
        input.style.display = 'none';
        input.addEventListener(
          'change',
          () => {
            const files = Array.from(input.files ?? []);
            input.remove();
            readPdfFiles(files).then(resolve, reject);
          },
          { once: true },
        );
        // Chromium fires 'cancel' when the picker is dismissed; without it the promise would hang.
        input.addEventListener(
          'cancel',
          () => {
            input.remove();
            resolve([]);
          },
          { once: true },
        );
        doc.body.append(input);
        input.click();
      }),

    saveFile: async ({ suggestedName, mimeType, data }) => {
      // Blob wants ArrayBuffer-backed views; copy only in the rare shared-memory case.
      const part = data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
      return download(new Blob([part], { type: mimeType }), suggestedName);
    },

    // The Blob itself is downloaded (no copy); the browser writes it where it keeps downloads.
    saveBlob: async ({ suggestedName, mimeType, blob: given, onProgress, signal }) => {
      if (signal?.aborted) throw new DOMException('The save was cancelled.', 'AbortError');
      // A browser download takes one Blob: parts are joined by reference (an age file to seal
      // as it is saved, which the browser build never asks for, is sealed here first).
      const blob = isSealedParts(given) ? await sealedBlob(given, { type: mimeType })
        : isStreamedSealedParts(given) ? await streamedSealedBlob(given, { type: mimeType })
          : isStreamedParts(given) ? partsBlob(byteParts([...given.head.parts, ...(await given.rest).parts]), mimeType)
            : 'parts' in given ? partsBlob(given, mimeType) : given;
      const typed = blob.type === mimeType ? blob : blob.slice(0, blob.size, mimeType);
      const result = download(typed, suggestedName);
      onProgress?.({ done: blob.size, total: blob.size });
      return result;
    },

    savesParts: false,

    pickFile: ({ accept }) => pickFileWith(doc, accept),

    reportExtension: 'html',
    // A file the user keeps, not a print dialog that may come to nothing: the browser's
    // own "Print → Save as PDF" works on it later, offline, under its own strict policy.
    saveReport: async (page, suggestedName) =>
      download(new Blob([standaloneReportHtml(page)], { type: 'text/html;charset=utf-8' }), suggestedName),

    onMenuCommand: () => () => undefined,
  };
}
