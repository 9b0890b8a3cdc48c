/**
 * The search worker's row reader at start-up (segmentRows.worker.ts, started by
 * searchEarlyRead.ts): on a thread of its own, it reads part of the stored segment rows and
 * hands them over with their data buffers transferred, not copied. Receiving a row from
 * IndexedDB (the value read back from its blob, then deserialised: ~20 ms for an 11 MB row)
 * keeps the receiving thread busy for most of the read; done here for half the rows, that
 * work runs beside the search worker's instead of after it (docs/benchmarks-search.md, session 13).
 * Imports nothing heavy.
 */
import type { SearchSegmentRow } from '../db/db';
import { readSegmentRowRaw } from './earlyOpen';

/** Read these rows, with `inFlight` reads at once; each is posted as it arrives. */
export interface RowsAsk { ids: string[]; inFlight: number }

export type RowsReply =
  | { type: 'row'; id: string; row: SearchSegmentRow | undefined }
  | { type: 'failed'; id: string; message: string }
  /** No database at this build's version (or none at all): the asker reads the rows itself. */
  | { type: 'unavailable' };

/** The row's data buffer, when the row owns it whole (it then moves instead of being copied). */
function transferable(row: SearchSegmentRow | undefined): Transferable[] {
  const data = row?.data;
  return data instanceof Uint8Array && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? [data.buffer as ArrayBuffer] : [];
}

/**
 * Reads `ask.ids` on `idb` (null: none at this version, answered 'unavailable'), `ask.inFlight`
 * at once, posting each row as it arrives; resolves once every row is posted, the connection closed.
 */
export function serveRows(idb: IDBDatabase | null, ask: RowsAsk, post: (message: RowsReply, transfer: Transferable[]) => void): Promise<void> {
  if (!idb) { post({ type: 'unavailable' }, []); return Promise.resolve(); }
  return new Promise<void>((resolve) => {
    let next = 0;
    let done = 0;
    const finish = () => { idb.close(); resolve(); };
    if (ask.ids.length === 0) { finish(); return; }
    const readNext = () => {
      if (next >= ask.ids.length) return;
      const id = ask.ids[next++]!;
      readSegmentRowRaw<SearchSegmentRow | undefined>(idb, id).then(
        (row) => post({ type: 'row', id, row }, transferable(row)),
        (error: unknown) => post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }, []),
      ).finally(() => { if (++done === ask.ids.length) finish(); else readNext(); });
    };
    for (let i = 0; i < Math.max(1, ask.inFlight); i++) readNext();
  });
}
