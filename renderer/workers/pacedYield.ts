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
    since = now();
  };
  return Object.assign(yieldNow, { restart() { since = jobStart = now(); } });
}
