import { describe, expect, it } from 'vitest';
import { WINDOW_WAIT_MAX_MS, pacedYield } from './pacedYield';

describe('pacedYield', () => {
  it('waits as long as the work since the last yield ran, at most 250 ms', async () => {
    let t = 0;
    const waits: number[] = [];
    const yieldNow = pacedYield(1, () => t, async (ms) => { waits.push(ms); t += ms; });
    t += 40;
    await yieldNow();
    t += 1000;
    await yieldNow();
    await yieldNow();
    expect(waits).toEqual([40, 250, 0]);
  });
});

describe('pacedYield with a grace period', () => {
  it('does not pace the first graceMs of a job, then paces; restart() starts a new job', async () => {
    let t = 0;
    const waits: number[] = [];
    const yieldNow = pacedYield(1, () => t, async (ms) => { waits.push(ms); t += ms; }, 500);
    yieldNow.restart();
    t += 200;
    await yieldNow();
    t += 200;
    await yieldNow();
    t += 200;
    await yieldNow();
    yieldNow.restart();
    t += 100;
    await yieldNow();
    // Inside the grace period the yield returns at once; after it, it waits as long as the work ran.
    expect(waits).toEqual([200]);
  });
});

describe('pacedYield and the window\'s priority reads', () => {
  /** A window whose priority read is in flight until `settle()`; records how long each wait may last. */
  function fakeWindow() {
    let busy = false;
    const waits: number[] = [];
    let wake: (() => void) | undefined;
    return {
      waits,
      start() { busy = true; },
      settle() { busy = false; wake?.(); },
      reads: {
        busy: () => busy,
        idle: (maxMs: number) => { waits.push(maxMs); return busy ? new Promise<void>((resolve) => { wake = resolve; }) : Promise.resolve(); },
      },
    };
  }

  it('waits after the pace until the window\'s read has answered, never at two yields in a row', async () => {
    const win = fakeWindow();
    const yieldNow = pacedYield(0, () => 0, async () => {}, 0, win.reads);
    await yieldNow();
    expect(win.waits).toEqual([]); // nothing in flight: no wait
    win.start();
    let resumed = false;
    const pending = yieldNow().then(() => { resumed = true; });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(resumed).toBe(false); // held while the read is in flight
    win.settle();
    await pending;
    expect(win.waits).toEqual([WINDOW_WAIT_MAX_MS]);
    // Filters back to back: the next yield goes on (one chunk between two waits), the one after waits again.
    win.start();
    await yieldNow();
    expect(win.waits).toHaveLength(1);
    const again = yieldNow();
    await new Promise((resolve) => setTimeout(resolve, 5));
    win.settle();
    await again;
    expect(win.waits).toHaveLength(2);
  });

  it('does not wait for the window in the grace period of a job the user waits for', async () => {
    const win = fakeWindow();
    let t = 0;
    const yieldNow = pacedYield(1, () => t, async (ms) => { t += ms; }, 500, win.reads);
    yieldNow.restart();
    win.start();
    t += 100;
    await yieldNow();
    expect(win.waits).toEqual([]);
  });
});
