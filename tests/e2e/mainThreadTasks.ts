import type { Page } from '@playwright/test';

/** One task the renderer's main thread ran: its wall time, and the CPU time the thread spent in it. */
export interface MainThreadTask {
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }

/**
 * Records the tasks of the renderer main threads (Chromium tracing, `RunTask` events with their
 * thread time) until the returned function is called. A long task's wall time includes the time
 * the thread waited for a core: on a machine shared by many busy processes a task of 20 ms of
 * work can last 150 ms. Its CPU time is the work the app put on the main thread, which is what
 * the window's responsiveness depends on and what the app can change.
 */
export async function traceMainThread(page: Page): Promise<() => Promise<MainThreadTask[]>> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a browser (not a persistent context)');
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  return async () => {
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    return traceEvents
      .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && e.dur !== undefined)
      .map((e) => ({ wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? e.dur!) / 1000 }));
  };
}

/** "n tasks over 50 ms; longest 109 ms wall (31 ms CPU); most CPU 40 ms (…)" for the test's log. */
export function describeTasks(tasks: MainThreadTask[]): string {
  const long = tasks.filter((t) => t.wallMs > 50);
  const byWall = [...tasks].sort((a, b) => b.wallMs - a.wallMs)[0];
  const byCpu = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs)[0];
  const f = (t: MainThreadTask | undefined) => (t ? `${Math.round(t.wallMs)} ms wall, ${Math.round(t.cpuMs)} ms CPU` : 'none');
  return `${tasks.length} tasks, ${long.length} over 50 ms wall; longest: ${f(byWall)}; most CPU: ${f(byCpu)}`;
}

export const maxCpuMs = (tasks: MainThreadTask[]) => Math.max(0, ...tasks.map((t) => t.cpuMs));
