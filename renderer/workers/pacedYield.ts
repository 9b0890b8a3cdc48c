/**
 * A yield for background work between chunks that also gives the time back: after a stretch
 * of work it waits as long as that stretch ran (`share` of it), so a worker's catch-up takes
 * at most about half of IndexedDB's and the CPU's time. On 2 cores with other work running,
 * a plain macrotask yield let the search and mentions workers' first catch-up keep the
 * window's filter reads waiting 1–3 s (docs/benchmarks.md, 2026-12-06).
 *
 * `graceMs`: the first that many ms of work after `restart()` are not paced (the yield returns
 * at once), so a short job the user waits for (a name edit) runs at full speed and only a long
 * catch-up gives time back. The window's reads still interleave at every IndexedDB request.
 */
import { windowReadsBusy, windowReadsIdle } from '../db/priorityChannel';

export interface PacedYield {
  (): Promise<void>;
  /** Starts a new job: its first `graceMs` of work go unpaced. */
  restart(): void;
}

/**
 * A macrotask yield through a MessageChannel: `setTimeout(0)` waited 4–6 ms a chunk in the
 * mentions worker (timer clamping and scheduling), which was a tenth of a name edit's re-scan.
 */
function macrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}

const defaultSleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : macrotask());

/** The windows' priority reads as a worker sees them (db/priorityChannel.ts). */
export interface WindowReads {
  busy(): boolean;
  idle(maxMs: number): Promise<void>;
}
const WINDOW_READS: WindowReads = { busy: windowReadsBusy, idle: windowReadsIdle };
/** The longest a yield waits for a window's priority read (a filter's read takes 50–400 ms). */
export const WINDOW_WAIT_MAX_MS = 750;

/**
 * `window`: after the pace, while a window's priority read (a filter the user waits for) is in
 * flight, the yield waits until it has answered, at most WINDOW_WAIT_MAX_MS, and never at two
 * yields in a row, so filters applied back to back cannot starve the worker: it does one chunk
 * between two waits.
 */
export function pacedYield(share = 1, now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = defaultSleep, graceMs = 0, window: WindowReads = WINDOW_READS): PacedYield {
  let since = now();
  let jobStart = since;
  let waited = false;
  const yieldNow = async () => {
    const worked = now() - since;
    // In the grace period nothing is given back: the chunks between yields await IndexedDB,
    // which already lets the window's requests and this worker's messages in.
    if (now() - jobStart < graceMs) { since = now(); return; }
    await sleep(Math.min(250, Math.max(0, worked * share)));
    if (!waited && window.busy()) {
      waited = true;
      await window.idle(WINDOW_WAIT_MAX_MS);
    } else {
      waited = false;
    }
    since = now();
  };
  return Object.assign(yieldNow, { restart() { since = jobStart = now(); } });
}
