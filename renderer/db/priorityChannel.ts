/**
 * The window's priority reads (./readPriority.ts: a filter's ids and first rows, read while the
 * user waits) announced to the background workers, which wait between their chunks while one is
 * in flight (workers/pacedYield.ts). Chromium's IndexedDB serves the origin's requests in turn
 * on one backend sequence, and on two cores a worker's chunk and its CPU work beside it made a
 * text filter's one index read take 230–410 ms instead of 70–110 while the search worker built
 * its first index (docs/benchmarks.md, 2026-12-07, session 10).
 *
 * Every window of the origin posts on one BroadcastChannel: `{ window, busy }`. A worker counts
 * the windows that are busy; a window that closes while busy is bounded by the worker's wait cap.
 */
export const PRIORITY_CHANNEL = 'casefile-priority-reads';

interface PriorityMessage {
  window: string;
  busy: boolean;
}

/** A channel that never keeps a Node process (the unit tests) alive. */
function openChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(PRIORITY_CHANNEL);
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

// ---- the window's side
let outgoing: BroadcastChannel | null | undefined;
const windowId = Math.random().toString(36).slice(2);

/** Tells the workers that this window's priority reads started (true) or all ended (false). */
export function announcePriority(busy: boolean): void {
  outgoing ??= openChannel();
  outgoing?.postMessage({ window: windowId, busy } satisfies PriorityMessage);
}

// ---- the workers' side
let incoming: BroadcastChannel | null | undefined;
const busyWindows = new Set<string>();
let wakers: Array<() => void> = [];

function listen(): void {
  if (incoming !== undefined) return;
  incoming = openChannel();
  if (!incoming) return;
  incoming.onmessage = (event: MessageEvent<PriorityMessage>) => {
    const { window, busy } = event.data ?? {};
    if (typeof window !== 'string') return;
    if (busy) busyWindows.add(window);
    else busyWindows.delete(window);
    if (busyWindows.size === 0) {
      const ready = wakers;
      wakers = [];
      for (const wake of ready) wake();
    }
  };
}

/** Starts listening for the windows' announcements (the first call); true while a window's priority read is in flight. */
export function windowReadsBusy(): boolean {
  listen();
  return busyWindows.size > 0;
}

/** Resolves once no window's priority read is in flight, or after `maxMs` at the latest. */
export function windowReadsIdle(maxMs: number): Promise<void> {
  if (!windowReadsBusy()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(); };
    const timer = setTimeout(() => { wakers = wakers.filter((w) => w !== done); resolve(); }, maxMs);
    wakers.push(done);
  });
}
