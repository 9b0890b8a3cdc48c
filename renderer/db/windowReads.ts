/**
 * The window's priority reads (renderer/db/readPriority.ts: a list filter's first screen and
 * count), told to the background workers, which pause between their chunks while one is in
 * flight. Chromium's IndexedDB backend serves one request at a time and the machine may have
 * two cores: a search or mentions worker starting its next chunk (a read of 500 whole records,
 * then the CPU to index them) beside a filter's read makes the filter wait for both.
 *
 * One BroadcastChannel on the origin: the window posts `true` when its first priority read
 * starts and `false` when the last one settles; a worker's paced yield (workers/pacedYield.ts)
 * waits for `false`, but never longer than it was asked to, so a window that filters without
 * pause slows the workers down without stopping them.
 */
const CHANNEL = 'casefile:window-reads';

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL);
  // Node (unit tests) would otherwise keep running for an open channel.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return channel;
}

// ---------------------------------------------------------------- the window's side

let outgoing: BroadcastChannel | null | undefined;

/** Tells the workers whether the window has a priority read in flight. */
export function announceWindowReads(busy: boolean): void {
  outgoing ??= open();
  outgoing?.postMessage(busy);
}

// ---------------------------------------------------------------- a worker's side

let incoming: BroadcastChannel | null | undefined;
let windowBusy = false;
let waiters: Array<() => void> = [];

function listen(): void {
  if (incoming !== undefined) return;
  incoming = open();
  if (incoming) {
    incoming.onmessage = (event: MessageEvent) => {
      windowBusy = event.data === true;
      if (windowBusy) return;
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    };
  }
}

/**
 * Resolves once the window has no priority read in flight, or after `maxMs`. Call it from a
 * worker between chunks of background work; the first call starts listening.
 */
export function afterWindowReads(maxMs: number): Promise<void> {
  listen();
  if (!windowBusy) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters = waiters.filter((w) => w !== done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    waiters.push(done);
  });
}
