/**
 * Start-up rows read by two threads: the search worker's first chunk reads every other row of
 * the start-up order itself (rowPrefetch.ts) and asks its row reader (segmentRows.worker.ts)
 * for the rest, which arrive as messages, their buffers transferred. Receiving a large row
 * from IndexedDB keeps the receiving thread busy for most of its read, so one thread made the
 * read as long as its receiving; two share it. Whatever the reader cannot give (no worker, no
 * database at this version, a failed start or read) is read here, as before, so the rows
 * handed over are the same either way. Imports nothing heavy: part of the first chunk.
 */
import { prefetchRows } from '../search/rowPrefetch';
import type { RowPrefetch } from '../search/rowPrefetch';
import type { RowsAsk, RowsReply } from './segmentRowsProtocol';

/** The row reader as the first chunk sees it: a Worker, or a stand-in in tests. */
export interface RowReaderPort {
  postMessage(ask: RowsAsk): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RowsReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

interface Pending<T> { row: Promise<T>; resolve(row: T): void; reject(error: Error): void; settled: boolean }

function pending<T>(): Pending<T> {
  let resolve!: (row: T) => void;
  let reject!: (error: Error) => void;
  const row = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  row.catch(() => undefined); // reported when taken
  return { row, resolve, reject, settled: false };
}

/**
 * Reads `order` with the reader taking every other row (the odd places: the last rows, the
 * largest, are shared too) among the first `2 × held` (it reads its share whether or not
 * taken yet, so at most `held` rows wait on its side), `inFlight` reads at once on each side.
 * Without a reader, exactly `prefetchRows(order, read, inFlight * 2, held)`. Each id is taken once.
 */
export function readRowsShared<T>(order: readonly string[], read: (id: string) => Promise<T>, reader: RowReaderPort | null,
  inFlight: number, held: number): RowPrefetch<T> & { close(): void } {
  if (!reader || order.length < 2) {
    reader?.terminate();
    return { ...prefetchRows(order, read, inFlight * 2, held), close: () => undefined };
  }
  const shared = (i: number) => i % 2 === 1 && i < 2 * held;
  const mine = order.filter((_, i) => !shared(i));
  const theirs = order.filter((_, i) => shared(i));
  const own = prefetchRows(mine, read, inFlight, held);
  const given = new Map<string, Pending<T>>(theirs.map((id) => [id, pending<T>()]));
  let fellBack = false;
  // Rows the reader will not give are read here, in order, as many at once as it would have.
  const fallBack = () => {
    if (fellBack) return;
    fellBack = true;
    reader.terminate();
    const left = theirs.filter((id) => !given.get(id)!.settled);
    let next = 0;
    const readNext = () => {
      if (next >= left.length) return;
      const id = left[next++]!;
      const slot = given.get(id)!;
      read(id).then((row) => { slot.settled = true; slot.resolve(row); }, (error: unknown) => {
        slot.settled = true;
        slot.reject(error instanceof Error ? error : new Error(String(error)));
      }).finally(readNext);
    };
    for (let i = 0; i < inFlight; i++) readNext();
  };
  reader.addEventListener('message', ({ data }) => {
    if (data.type === 'unavailable') { fallBack(); return; }
    const slot = given.get(data.id);
    if (!slot || slot.settled || fellBack) return;
    slot.settled = true;
    if (data.type === 'row') slot.resolve(data.row as T);
    else slot.reject(new Error(data.message));
  });
  // It failed to start, or a row could not be received: what it has not given is read here.
  reader.addEventListener('error', (event) => { event.preventDefault?.(); fallBack(); });
  reader.addEventListener('messageerror', () => fallBack());
  reader.postMessage({ ids: theirs, inFlight });
  return {
    take(id) {
      return given.get(id)?.row ?? own.take(id);
    },
    close() { if (!fellBack) reader.terminate(); },
  };
}
