import type { OcrJobRow } from '../db/ocrJobs';
import { ACTIVE_OCR_STATUSES, pagesLeft } from '../db/ocrJobs';

/**
 * At most this many OCR workers: each holds ~330–390 MB at its peak on a 300 dpi page
 * (docs/benchmarks.md), all in the renderer process, so a 16-core machine must not start 15.
 */
export const MAX_OCR_WORKERS = 4;

/** One core is left to the window; at least one worker, at most MAX_OCR_WORKERS. */
export function ocrWorkerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? Math.floor(hardwareConcurrency!) : 2;
  return Math.max(1, Math.min(MAX_OCR_WORKERS, cores - 1));
}

/**
 * The pages shared out between workers, round robin (worker i reads pages i, i+n, …), so
 * pages are finished roughly in order and every worker gets a like amount; no empty shares.
 */
export function splitPages(pages: readonly number[], workers: number): number[][] {
  const n = Math.max(1, Math.min(Math.floor(workers), pages.length));
  const shares: number[][] = Array.from({ length: n }, () => []);
  pages.forEach((page, i) => shares[i % n]!.push(page));
  return pages.length ? shares : [];
}

/**
 * Seconds per page as measured: wall time spent running jobs (engine start-up included, as
 * the user waits for it too) over pages stored. Null until a page is done.
 */
export class PageClock {
  private busyMs = 0;
  private since: number | null = null;
  private pages = 0;

  start(now: number): void {
    if (this.since === null) this.since = now;
  }

  stop(now: number): void {
    if (this.since !== null) this.busyMs += now - this.since;
    this.since = null;
  }

  page(): void {
    this.pages++;
  }

  secondsPerPage(now: number): number | null {
    if (this.pages === 0) return null;
    const busy = this.busyMs + (this.since === null ? 0 : now - this.since);
    return busy / 1000 / this.pages;
  }
}

/** Seconds left for the pages waiting, at the measured rate; null while unknown. */
export function timeLeftSeconds(pages: number, secondsPerPage: number | null): number | null {
  if (secondsPerPage === null) return null;
  return Math.max(0, Math.round(pages * secondsPerPage));
}

export interface OcrQueueSummary {
  /** Pages stored and pages in all, over the jobs of this stretch of work. */
  done: number;
  total: number;
  /** Pages the runner will read without being asked again (documents not paused). */
  waiting: number;
  failed: number;
  /** Documents with work left, and of them those paused one by one. */
  documents: number;
  paused: number;
  running: string | null;
}

/**
 * The queue summed up for "12 of 40 pages": the jobs with work left, and the jobs finished
 * since the oldest of them was queued (so the count does not fall back as documents finish).
 * Null when nothing is left to read.
 */
export function summariseQueue(jobs: readonly OcrJobRow[]): OcrQueueSummary | null {
  const active = jobs.filter((j) => ACTIVE_OCR_STATUSES.includes(j.status));
  if (active.length === 0) return null;
  const since = Math.min(...active.map((j) => j.createdAt));
  const counted = jobs.filter((j) => active.includes(j) || (j.status === 'done' && j.finishedAt !== null && j.finishedAt >= since));
  const sum = (list: readonly OcrJobRow[], f: (j: OcrJobRow) => number) => list.reduce((n, j) => n + f(j), 0);
  return {
    done: sum(counted, (j) => j.done.length),
    total: sum(counted, (j) => j.pages.length),
    waiting: sum(active.filter((j) => j.status !== 'paused'), (j) => pagesLeft(j).length),
    failed: sum(counted, (j) => j.failed.length),
    documents: active.length,
    paused: active.filter((j) => j.status === 'paused').length,
    running: active.find((j) => j.status === 'running')?.documentId ?? null,
  };
}
