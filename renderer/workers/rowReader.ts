/**
 * Start-up rows read by two threads: the search worker's first chunk reads part of the rows of
 * the start-up order itself and asks its row reader (segmentRows.worker.ts) for the rest, which
 * arrive as messages, their buffers transferred. Receiving a large row from IndexedDB keeps the
 * receiving thread busy for most of its read, so one thread made the read as long as its
 * receiving; two share it. Each row goes, in order, to whichever side has a read free first:
 * the search worker's thread also compiles its engine and decodes every row, so on a busy machine
 * it received its half 50–100 ms after the reader had received its own (docs/benchmarks-search.md,
 * session 14); handed out as reads finish, the rows split by how fast each side receives them.
 * Whatever the reader cannot give (no worker, no database at this version, a failed start or
 * read) is read here, as before, so the rows handed over are the same either way. Imports
 * nothing heavy: part of the first chunk.
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

interface Pending<T> { row: Promise<T>; resolve(row: T): void; reject(error: Error): void }

function pending<T>(): Pending<T> {
  let resolve!: (row: T) => void;
  let reject!: (error: Error) => void;
  const row = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  row.catch(() => undefined); // reported when taken
  return { row, resolve, reject };
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Reads `order` with `inFlight` reads at once on each side: each row, in order, goes to the side
 * with a read free (the one with fewer outstanding when both are; this side on a tie, so the
 * first rows alternate as before), whether or not taken yet, with at most `held` rows read or
 * being read and not taken. Without a reader, exactly `prefetchRows(order, read, inFlight * 2, held)`.
 * Each id is read once; one taken before its turn is read at once, here.
 */
export function readRowsShared<T>(order: readonly string[], read: (id: string) => Promise<T>, reader: RowReaderPort | null,
  inFlight: number, held: number): RowPrefetch<T> & { close(): void } {
  if (!reader || order.length < 2) {
    reader?.terminate();
    return { ...prefetchRows(order, read, inFlight * 2, held), close: () => undefined };
  }
  const slots = new Map<string, Pending<T>>(); // every row handed out, to either side
  const untaken = new Set<string>();
  const taken = new Set<string>();
  const atReader = new Set<string>(); // asked of the reader, not given yet
  let redo: string[] = []; // the reader's, to read here after it stopped
  let next = 0;
  let here = 0; // reads outstanding on this side
  let readerUp = true;
  let lastSent = false;

  const readHere = (id: string, slot: Pending<T>) => {
    here++;
    read(id).then(slot.resolve, (error: unknown) => slot.reject(asError(error))).finally(() => { here--; fill(); });
  };
  const nextId = (): string | undefined => {
    while (next < order.length && taken.has(order[next]!)) next++;
    return next < order.length ? order[next++] : undefined;
  };
  const fill = () => {
    // Rows the reader left: read here first, in order, as reads free up.
    while (redo.length && here < inFlight) {
      const id = redo.shift()!;
      readHere(id, slots.get(id)!);
    }
    const asks: string[] = [];
    for (;;) {
      const readerFree = readerUp && atReader.size < inFlight;
      const hereFree = here < inFlight;
      if ((!readerFree && !hereFree) || untaken.size >= held) break;
      const id = nextId();
      if (id === undefined) break;
      const slot = pending<T>();
      slots.set(id, slot);
      untaken.add(id);
      if (readerFree && (!hereFree || atReader.size < here)) { atReader.add(id); asks.push(id); } else readHere(id, slot);
    }
    if (!readerUp || lastSent) return;
    const last = nextId() === undefined;
    if (!last) next--;
    if (asks.length || last) { lastSent = last; reader.postMessage({ ids: asks, last }); }
  };
  // Rows the reader will not give are read here, in order, as many at once as this side reads.
  const fallBack = () => {
    if (!readerUp) return;
    readerUp = false;
    reader.terminate();
    redo = order.filter((id) => atReader.has(id));
    atReader.clear();
    fill();
  };
  reader.addEventListener('message', ({ data }) => {
    if (data.type === 'unavailable') { fallBack(); return; }
    if (!readerUp || !atReader.delete(data.id)) return;
    const slot = slots.get(data.id)!;
    if (data.type === 'row') slot.resolve(data.row as T);
    else slot.reject(new Error(data.message));
    fill();
  });
  // It failed to start, or a row could not be received: what it has not given is read here.
  reader.addEventListener('error', (event) => { event.preventDefault?.(); fallBack(); });
  reader.addEventListener('messageerror', () => fallBack());
  fill();
  return {
    take(id) {
      taken.add(id);
      const slot = slots.get(id);
      if (!slot) return read(id);
      untaken.delete(id);
      fill();
      return slot.row;
    },
    close() { if (readerUp) reader.terminate(); },
  };
}
