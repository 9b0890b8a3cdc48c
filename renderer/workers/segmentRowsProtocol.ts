/**
 * The search worker's row reader at start-up (segmentRows.worker.ts, started by
 * searchEarlyRead.ts): on a thread of its own, it reads part of the stored segment rows and
 * hands them over with their data buffers transferred, not copied. Receiving a row from
 * IndexedDB (the value read back from its blob, then deserialised: ~20 ms for an 11 MB row)
 * keeps the receiving thread busy for most of the read; done here for part of the rows, that
 * work runs beside the search worker's instead of after it (docs/benchmarks-search.md, session 13).
 * The asker hands out rows as reads finish (rowReader.ts), so this reader is asked for more
 * whenever it gives one. Imports nothing heavy.
 */
import type { SearchSegmentRow } from '../db/db';
import { readSegmentRowRaw } from './earlyOpen';

/** Read these rows now, each posted as it arrives; `last`: nothing more will be asked. */
export interface RowsAsk { ids: string[]; last: boolean }

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

/** A row's read; one that cannot start (the connection closed meanwhile) fails like one that could not finish. */
function readRow(idb: IDBDatabase, id: string): Promise<SearchSegmentRow | undefined> {
  try {
    return readSegmentRowRaw<SearchSegmentRow | undefined>(idb, id);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export interface RowServer {
  /** One ask, as it arrives; every id of it is read at once (the asker bounds how many). */
  ask(ask: RowsAsk): void;
  /** Settles once the last ask's rows are all posted and the connection closed, or 'unavailable' was posted. */
  done: Promise<void>;
}

/**
 * Serves asks on the connection `opening` gives (null: no database at this version, answered
 * 'unavailable' once), posting each row as it arrives.
 */
export function serveRows(opening: Promise<IDBDatabase | null>, post: (message: RowsReply, transfer: Transferable[]) => void): RowServer {
  let outstanding = 0;
  let last = false;
  let unavailable = false;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const settle = (idb: IDBDatabase) => {
    if (last && outstanding === 0) { idb.close(); finish(); }
  };
  return {
    done,
    ask(ask) {
      outstanding += ask.ids.length;
      void opening.then((idb) => {
        if (!idb) {
          if (!unavailable) { unavailable = true; post({ type: 'unavailable' }, []); finish(); }
          return;
        }
        if (ask.last) last = true;
        for (const id of ask.ids) {
          readRow(idb, id).then(
            (row) => post({ type: 'row', id, row }, transferable(row)),
            (error: unknown) => post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }, []),
          ).finally(() => { outstanding--; settle(idb); });
        }
        settle(idb);
      });
    },
  };
}
