import { afterEach, describe, expect, it } from 'vitest';
import { PRIORITY_CHANNEL, windowReadsBusy, windowReadsIdle } from './priorityChannel';
import { withPriority } from './readPriority';

/** What a worker hears on the channel (another BroadcastChannel of the same name). */
function listenAsWorker() {
  const heard: boolean[] = [];
  const channel = new BroadcastChannel(PRIORITY_CHANNEL);
  channel.onmessage = (event: MessageEvent<{ busy: boolean }>) => { heard.push(event.data.busy); };
  return { heard, close: () => channel.close() };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the window\'s priority reads, announced to the workers', () => {
  let close = () => {};
  afterEach(() => close());

  it('announces busy when the first priority read starts and idle when the last one ends', async () => {
    const worker = listenAsWorker();
    close = worker.close;
    let finish!: () => void;
    const read = withPriority(() => new Promise<void>((resolve) => { finish = resolve; }));
    const second = withPriority(() => Promise.resolve());
    await second;
    await tick();
    expect(worker.heard).toEqual([true]); // still one read in flight
    finish();
    await read;
    await tick();
    expect(worker.heard).toEqual([true, false]);
  });

  it('lets a worker wait until the window is idle, at most the given time', async () => {
    expect(windowReadsBusy()).toBe(false);
    let finish!: () => void;
    const read = withPriority(() => new Promise<void>((resolve) => { finish = resolve; }));
    await tick();
    expect(windowReadsBusy()).toBe(true);
    let idle = false;
    const waiting = windowReadsIdle(10_000).then(() => { idle = true; });
    await tick();
    expect(idle).toBe(false);
    finish();
    await read;
    await waiting;
    expect(windowReadsBusy()).toBe(false);
    // A window that never says idle holds a worker for the cap only.
    const stuck = withPriority(() => new Promise<void>(() => {}));
    void stuck;
    await tick();
    const t0 = performance.now();
    await windowReadsIdle(50);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
  });
});
