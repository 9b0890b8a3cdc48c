// What the main thread goes through while a bench runs (documents and OCR benches).

/** What the main thread went through while something ran: long tasks and timer lag. */
export interface MainThread {
  longTasks: number;
  longestTaskMs: number;
  /** The five longest, with their start relative to the run's start. */
  topTasks: Array<{ startMs: number; ms: number }>;
  /** Largest delay of the interval timer (16 ms unless asked otherwise) beyond its due time. */
  maxLagMs: number;
}

/**
 * Starts watching: long tasks (PerformanceObserver 'longtask') and the lag of an interval timer,
 * every `intervalMs` (16 by default). The timer's own wake-ups cost the main thread CPU: a bench
 * that counts the renderer's CPU (bench:ocr) asks for a longer interval.
 */
export function watchMainThread({ intervalMs = 16 } = {}) {
  const t0 = performance.now();
  const tasks: Array<{ startMs: number; ms: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ startMs: e.startTime - t0, ms: e.duration });
  });
  observer.observe({ type: 'longtask' });
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - intervalMs);
    last = now;
  }, intervalMs);
  return {
    async stop(): Promise<MainThread> {
      // Long-task entries are delivered after the task: let one more task run first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const e of observer.takeRecords()) tasks.push({ startMs: e.startTime - t0, ms: e.duration });
      observer.disconnect();
      clearInterval(timer);
      const inRun = tasks.filter((t) => t.startMs >= 0);
      const top = [...inRun].sort((a, b) => b.ms - a.ms).slice(0, 5);
      return { longTasks: inRun.length, longestTaskMs: top[0]?.ms ?? 0, topTasks: top, maxLagMs: Math.max(0, maxLag) };
    },
  };
}

