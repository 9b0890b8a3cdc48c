import { describe, expect, it } from 'vitest';
import { pacedYield } from './pacedYield';

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
