import { describe, expect, it } from 'vitest';
import type { OcrJobRow } from '../db/ocrJobs';
import { newOcrJob } from '../db/ocrJobs';
import { PageClock, ocrWorkerCount, splitPages, summariseQueue, timeLeftSeconds } from './progress';

describe('OCR progress', () => {
  it('leaves one core to the window, with at least one worker and at most four', () => {
    expect(ocrWorkerCount(1)).toBe(1);
    expect(ocrWorkerCount(2)).toBe(1);
    expect(ocrWorkerCount(4)).toBe(3);
    expect(ocrWorkerCount(16)).toBe(4);
    expect(ocrWorkerCount(undefined)).toBe(1);
  });

  it('shares pages out round robin, with no empty share', () => {
    expect(splitPages([1, 2, 3, 4, 5], 2)).toEqual([[1, 3, 5], [2, 4]]);
    expect(splitPages([7], 3)).toEqual([[7]]);
    expect(splitPages([], 3)).toEqual([]);
  });

  it('measures seconds per page over the time spent running, and the time left from it', () => {
    const clock = new PageClock();
    expect(clock.secondsPerPage(0)).toBeNull();
    expect(timeLeftSeconds(10, null)).toBeNull();
    clock.start(0);
    clock.page();
    clock.page();
    expect(clock.secondsPerPage(10_000)).toBe(5);
    clock.stop(10_000);
    // Idle time (paused, nothing queued) does not count.
    clock.start(100_000);
    clock.page();
    clock.page();
    expect(clock.secondsPerPage(110_000)).toBe(5);
    expect(timeLeftSeconds(36, clock.secondsPerPage(110_000))).toBe(180);
  });

  it('sums the queue up: finished jobs of this stretch count, paused documents do not wait', () => {
    const job = (id: string, patch: Partial<OcrJobRow>): OcrJobRow => ({ ...newOcrJob(id, [1, 2, 3, 4], 'spa', 100), ...patch });
    const jobs = [
      job('old', { status: 'done', done: [1, 2, 3, 4], createdAt: 10, finishedAt: 50 }),
      job('a', { status: 'done', done: [1, 2, 3, 4], failed: [2], finishedAt: 150 }),
      job('b', { status: 'running', done: [1] }),
      job('c', { status: 'paused', done: [1, 2], createdAt: 120 }),
      job('d', { status: 'cancelled', done: [] }),
    ];
    expect(summariseQueue(jobs)).toEqual({ done: 7, total: 12, waiting: 3, failed: 1, documents: 2, paused: 1, running: 'b' });
    expect(summariseQueue([jobs[0]!, jobs[4]!])).toBeNull();
  });
});
