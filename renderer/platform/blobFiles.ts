import { MAX_SAVE_CHUNK_BYTES, type DesktopApi, type SaveResult } from '../../shared/desktopApi';
import { stripBidiControls } from '../../shared/text/bidi';
import { saveFiltersFor } from './saveFilters';
import { concatBytes } from '../../shared/bundle/bytes';
import { asParts, isStreamedParts, readParts, readStreamedParts, type ByteParts } from '../../shared/bundle/parts';
import { isSealedParts, isStreamedSealedParts, writeSealed, writeStreamedSealed } from '../../shared/bundle/ageSealed';
import { sealedSize } from '../../shared/bundle/ageStream';
import { createSealPool } from '../workers/sealPool';
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
 * made and read back); small pieces are gathered into one chunk. An encrypted bundle given as
 * SealedParts is sealed here as it is written (its header first, then each sealed batch: the
 * plaintext's reads, the sealing on workers and the writes overlap). A bundle still being laid
 * out (StreamedParts: its PDFs first, the rest when its records are collected) is written as it
 * comes, its length announced when it ends; encrypted (StreamedSealedParts), from its age header
 * on, when scrypt has made it. Any failure or an abort
 * deletes the temp file in main (abortSave), so no half-written file is left; main's error
 * messages are plain words.
 */
export async function saveBlobDesktop(api: DesktopApi, req: SaveBlobRequest, chunkBytes = SAVE_CHUNK_BYTES): Promise<SaveResult> {
  const { signal, onProgress } = req;
  const source = req.blob;
  const sealed = isSealedParts(source) ? source : null;
  const streamedSealed = isStreamedSealedParts(source) ? source : null;
  const streamed = isStreamedParts(source) ? source : null;
  const plain = streamed || streamedSealed || sealed ? null : asParts(source as Blob | ByteParts);
  const whole = sealed ?? plain;
  if (signal?.aborted) throw abortError();
  const size = Math.min(chunkBytes, MAX_SAVE_CHUNK_BYTES);
  const name = stripBidiControls(req.suggestedName);
  // The file's length: known now, or (a bundle still being laid out) when its rest arrives.
  const ageHead = streamedSealed ? streamedSealed.headerLength + 16 : 0;
  let total = whole?.size ?? (streamedSealed ? ageHead + sealedSize(streamedSealed.plain.head.size) : streamed!.head.size);
  let totalKnown = whole !== null;
  const begun = await api.beginSave({ suggestedName: name, filters: saveFiltersFor(name, req.mimeType), ...(whole ? { byteLength: whole.size } : {}) });
  if (!begun) return { saved: false };
  const { token } = begun;
  // An encrypted bundle is sealed as it is written, on workers that hand the bytes back.
  const pool = (sealed || streamedSealed) && !req.sealer ? createSealPool(undefined, 'bytes') : null;
  const restArrived = (restSize: number): void => {
    total = streamedSealed ? ageHead + sealedSize(streamedSealed.plain.head.size + restSize) : streamed!.head.size + restSize;
    totalKnown = true;
  };
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
      onProgress?.({ done, total: Math.max(done, total) });
    };
    // Each chunk stays within `size`: a piece is at most that, and joins the pending ones only if they fit.
    const write = async (piece: Uint8Array): Promise<void> => {
      for (let at = 0; at < piece.length; at += size) {
        const cut = at === 0 && piece.length <= size ? piece : piece.subarray(at, Math.min(piece.length, at + size));
        if (pendingBytes + cut.length > size) await flush();
        pending.push(cut);
        pendingBytes += cut.length;
        if (pendingBytes >= size) await flush();
      }
    };
    // A sealed batch (4 MiB and its tags) is a chunk of its own (cut at `size`): gathering them would only copy them again.
    const writeWhole = async (piece: Uint8Array): Promise<void> => {
      if (piece.length > size) return write(piece);
      await flush();
      pending.push(piece);
      pendingBytes = piece.length;
      await flush();
    };
    onProgress?.({ done, total });
    if (sealed) {
      await writeSealed(sealed, writeWhole, { sealer: req.sealer ?? pool!, signal });
    } else if (streamedSealed) {
      await writeStreamedSealed(streamedSealed, writeWhole, { sealer: req.sealer ?? pool!, signal, onRest: restArrived });
    } else if (streamed) {
      for await (const piece of readStreamedParts(streamed, { sliceBytes: size, gather: true, signal, onRest: (rest) => restArrived(rest.size) })) await write(piece);
    } else {
      for await (const piece of readParts(plain!, { sliceBytes: size, gather: true, signal })) await write(piece);
    }
    await flush();
    if (signal?.aborted) throw abortError();
    if (!totalKnown || done !== total) throw new Error(`The file came to ${done} bytes, not the ${total} announced, so it was not saved.`);
    return await api.commitSave(token, ...(whole ? [] : [{ byteLength: total }]));
  } catch (error) {
    await api.abortSave(token).catch(() => undefined);
    throw error;
  } finally {
    pool?.close();
  }
}
