import { MAX_SAVE_CHUNK_BYTES, type DesktopApi, type SaveResult } from '../../shared/desktopApi';
import { stripBidiControls } from '../../shared/text/bidi';
import { saveFiltersFor } from './saveFilters';
import { concatBytes } from '../../shared/bundle/bytes';
import { asParts, readParts } from '../../shared/bundle/parts';
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
 * Desktop: save dialog, then the bytes in chunks of up to `chunkBytes` over IPC, in order. A
 * Blob, or each Blob among the parts (a bundle's PDFs, still in IndexedDB), is read several
 * reads at a time ahead of the chunk being written (parts.ts: no one Blob of the whole file is
 * made and read back); small pieces are gathered into one chunk. Any failure or an abort
 * deletes the temp file in main (abortSave), so no half-written file is left; main's error
 * messages are plain words.
 */
export async function saveBlobDesktop(api: DesktopApi, req: SaveBlobRequest, chunkBytes = SAVE_CHUNK_BYTES): Promise<SaveResult> {
  const { signal, onProgress } = req;
  const file = asParts(req.blob);
  if (signal?.aborted) throw abortError();
  const size = Math.min(chunkBytes, MAX_SAVE_CHUNK_BYTES);
  const name = stripBidiControls(req.suggestedName);
  const begun = await api.beginSave({ suggestedName: name, filters: saveFiltersFor(name, req.mimeType), byteLength: file.size });
  if (!begun) return { saved: false };
  const { token } = begun;
  try {
    let done = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const chunk = pending.length === 1 ? pending[0]! : concatBytes(pending);
      pending = [];
      pendingBytes = 0;
      if (signal?.aborted) throw abortError();
      await api.writeChunk(token, chunk);
      done += chunk.length;
      onProgress?.({ done, total: file.size });
    };
    onProgress?.({ done, total: file.size });
    for await (const piece of readParts(file, { sliceBytes: size, signal })) {
      // Each chunk stays within `size`: a piece is at most that, and joins the pending ones only if they fit.
      if (pendingBytes + piece.length > size) await flush();
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= size) await flush();
    }
    await flush();
    if (signal?.aborted) throw abortError();
    return await api.commitSave(token);
  } catch (error) {
    await api.abortSave(token).catch(() => undefined);
    throw error;
  }
}
