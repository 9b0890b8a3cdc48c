import { afterWindowReads } from '../db/windowReads';

/** The longest a yield waits for the window's priority reads (a list filter's) to settle. */
const WINDOW_HOLD_MS = 300;

/**
 * A yield for background work between chunks that also gives the time back: after a stretch
 * of work it waits as long as that stretch ran (`share` of it), so a worker's catch-up takes
 * at most about half of IndexedDB's and the CPU's time. On 2 cores with other work running,
 * a plain macrotask yield let the search and mentions workers' first catch-up keep the
 * window's filter reads waiting 1–3 s (docs/benchmarks.md, 2026-12-06).
 *
 * `graceMs`: the first that many ms of work after `restart()` are not paced (the yield is a
 * plain macrotask), so a short job the user waits for (a name edit) runs at full speed and
 * only a long catch-up gives time back. The window's reads still interleave at every yield.
 *
 * After its pause, a yield also waits while the window has a priority read in flight (a list
 * filter's first screen and count: ../db/windowReads.ts), at most `WINDOW_HOLD_MS`, so the
 * next chunk does not start beside it (not in the grace period: a job the user waits for).
 */
export interface PacedYield {
  (): Promise<void>;
  /** Starts a new job: its first `graceMs` of work go unpaced. */
  restart(): void;
}

export function pacedYield(share = 1, now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)), graceMs = 0): PacedYield {
  let since = now();
  let jobStart = since;
  const yieldNow = async () => {
    const worked = now() - since;
    const inGrace = now() - jobStart < graceMs;
    await sleep(inGrace ? 0 : Math.min(250, Math.max(0, worked * share)));
    if (!inGrace) await afterWindowReads(WINDOW_HOLD_MS);
    since = now();
  };
  return Object.assign(yieldNow, { restart() { since = jobStart = now(); } });
}
