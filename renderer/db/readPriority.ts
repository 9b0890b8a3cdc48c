import Dexie from 'dexie';
import { announcePriority } from './priorityChannel';

/**
 * Reads a user waits for (a list filter's first rows and count) go ahead of long background
 * reads in the window (the actor list's held sorted id list). Chromium's IndexedDB backend
 * serves one request at a time, so a filter asked for while 50,000 ids are being read used to
 * wait for all of them. A background reader reads in chunks and, between chunks, waits here
 * until no priority read is in flight; a priority read then waits for one chunk at most.
 *
 * The background workers are told too (./priorityChannel.ts): they wait between their chunks
 * while a priority read is in flight.
 *
 * Module state: one window, one queue.
 */
let inFlight = 0;
let waiters: Array<() => void> = [];

/** Runs `read` as a priority read: background readers pause between chunks until it settles. */
export async function withPriority<T>(read: () => Promise<T>): Promise<T> {
  if (inFlight++ === 0) announcePriority(true);
  try {
    return await read();
  } finally {
    inFlight--;
    if (inFlight === 0) {
      announcePriority(false);
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    }
  }
}

/**
 * Resolves once no priority read is in flight. A Dexie promise, so that a live query awaiting
 * it keeps observing the reads that follow (dexie-react-hooks: wrap non-Dexie promises).
 */
export function priorityIdle(): Promise<void> {
  if (inFlight === 0) return Dexie.Promise.resolve();
  return Dexie.Promise.resolve(new Promise<void>((resolve) => waiters.push(resolve)));
}

/** How many priority reads are in flight (tests). */
export function priorityInFlight(): number {
  return inFlight;
}
