/**
 * A yield for background work between chunks that also gives the time back: after a stretch
 * of work it waits as long as that stretch ran (`share` of it), so a worker's catch-up takes
 * at most about half of IndexedDB's and the CPU's time. On 2 cores with other work running,
 * a plain macrotask yield let the search and mentions workers' first catch-up keep the
 * window's filter reads waiting 1–3 s (docs/benchmarks.md, 2026-12-06).
 */
export function pacedYield(share = 1, now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): () => Promise<void> {
  let since = now();
  return async () => {
    const worked = now() - since;
    await sleep(Math.min(250, Math.max(0, worked * share)));
    since = now();
  };
}
