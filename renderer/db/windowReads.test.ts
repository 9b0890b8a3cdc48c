import { describe, expect, it } from 'vitest';
import { afterWindowReads, announceWindowReads } from './windowReads';

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('window reads told to the background workers', () => {
  it('lets a worker go on at once while the window reads nothing, waits while it does, never longer than asked', async () => {
    await afterWindowReads(1_000); // starts listening
    let t0 = performance.now();
    await afterWindowReads(1_000);
    expect(performance.now() - t0).toBeLessThan(50);

    announceWindowReads(true);
    await tick();
    let released = false;
    const waiting = afterWindowReads(5_000).then(() => { released = true; });
    await tick(60);
    expect(released).toBe(false);
    t0 = performance.now();
    announceWindowReads(false);
    await waiting;
    expect(performance.now() - t0).toBeLessThan(500);

    // A window that keeps reading holds a worker for at most the time it asked for.
    announceWindowReads(true);
    await tick();
    t0 = performance.now();
    await afterWindowReads(80);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(70);
    announceWindowReads(false);
    await tick();
  });
});
