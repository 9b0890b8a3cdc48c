import { MAX_SAVE_CHUNK_BYTES, type DesktopApi, type SaveResult } from '../../shared/desktopApi';
import { stripBidiControls } from '../../shared/text/bidi';
import { saveFiltersFor } from './saveFilters';
import type { SaveBlobRequest } from './types';

const abortError = (): DOMException => new DOMException('The save was cancelled.', 'AbortError');

/**
 * One file through a hidden <input type=file>. Used by both hosts: in Electron the input
 * gives a File too, read in the renderer, so importing needs no IPC. Resolves null when
 * the picker is dismissed.
 */
export function pickFileWith(doc: Document, accept: readonly string[]): Promise<File | null> {
  return new Promise<File | null>((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0] ?? null;
        input.remove();
        resolve(file);
      },
      { once: true },
    );
    // Chromium fires 'cancel' when the picker is dismissed; without it the promise would hang.
    input.addEventListener(
      'cancel',
      () => {
        input.remove();
        resolve(null);
      },
      { once: true },
    );
    doc.body.append(input);
    input.click();
  });
}

/** Chunk size of a streamed desktop save (the IPC limit is MAX_SAVE_CHUNK_BYTES). */
export const SAVE_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Desktop: save dialog, then the Blob in chunks over IPC, the next chunk already being read
 * while the previous one is written. Any failure or an abort deletes the temp file in main
 * (abortSave), so no half-written file is left; main's error messages are plain words.
 */
export async function saveBlobDesktop(api: DesktopApi, req: SaveBlobRequest, chunkBytes = SAVE_CHUNK_BYTES): Promise<SaveResult> {
  const { blob, signal, onProgress } = req;
  if (signal?.aborted) throw abortError();
  const size = Math.min(chunkBytes, MAX_SAVE_CHUNK_BYTES);
  const name = stripBidiControls(req.suggestedName);
  const begun = await api.beginSave({ suggestedName: name, filters: saveFiltersFor(name, req.mimeType), byteLength: blob.size });
  if (!begun) return { saved: false };
  const { token } = begun;
  const read = (at: number): Promise<Uint8Array> | null => {
    if (at >= blob.size) return null;
    const p = blob.slice(at, Math.min(blob.size, at + size)).arrayBuffer().then((b) => new Uint8Array(b));
    p.catch(() => undefined); // awaited below; only marks an abandoned read as handled
    return p;
  };
  try {
    let next = read(0);
    let done = 0;
    onProgress?.({ done, total: blob.size });
    while (next) {
      const chunk = await next;
      if (signal?.aborted) throw abortError();
      next = read(done + chunk.length);
      await api.writeChunk(token, chunk);
      done += chunk.length;
      onProgress?.({ done, total: blob.size });
    }
    if (signal?.aborted) throw abortError();
    return await api.commitSave(token);
  } catch (error) {
    await api.abortSave(token).catch(() => undefined);
    throw error;
  }
}
